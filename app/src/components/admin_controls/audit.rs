//! The board's audit trail: what was done to it, when and with which
//! credential, newest first, and the whole trail as a CSV file — what
//! `/api/boards/{board}/audit` does.

use super::downloads::download_form;
use super::reloader::reloader;
use crate::audit::{AuditEntry, Credential};
use crate::i18n::{say, Say};
use crate::server_fns::lifecycle::load_audit;
use crate::time_text::iso_utc;
use leptos::prelude::*;

#[component]
pub fn AuditTrail(board: String, key: String) -> impl IntoView {
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let problem = RwSignal::new(None::<String>);
    let reload = reloader((board.clone(), key.clone()), load_audit, entries, problem);
    let action = format!("/api/boards/{board}/audit/csv");
    view! {
        <section class="audit-trail">
            <h3>{say(Say::AuditLegend)} " "
                <button type="button" class="link-button" on:click=move |_| reload()>{say(Say::AuditRefresh)}</button>
            </h3>
            <p class="hint">{say(Say::AuditHint)}</p>
            {move || entry_table(entries.get())}
            <p class="error" role="alert">{move || problem.get()}</p>
            {download_form(action, &key, say(Say::AuditDownload))}
        </section>
    }
}

fn entry_table(entries: Vec<AuditEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="hint">{say(Say::AuditEmpty)}</p> }.into_any();
    }
    let rows = entries.into_iter().map(|entry| {
        let by = match entry.by {
            Credential::AdminLink => say(Say::AuditByLink).into_any(),
            Credential::Owner { email } => {
                view! { {say(Say::AuditByOwner)} " " <span translate="no">{email}</span> }.into_any()
            }
        };
        // "2026-12-07T09:05:30Z" to the minute: "2026-12-07 09:05 UTC".
        let when = format!("{} UTC", iso_utc(entry.at).get(..16).unwrap_or_default().replacen('T', " ", 1));
        view! {
            <tr>
                <td class="audit-when">{when}</td>
                <td>{say(entry.action.describe())}</td>
                <td>{by}</td>
                <td class="audit-detail" translate="no">{entry.detail}</td>
            </tr>
        }
    });
    view! {
        <div class="table-scroll">
            <table class="audit" aria-label=say(Say::AuditLegend)>
                <thead>
                    <tr>
                        <th scope="col">{say(Say::AuditWhen)}</th>
                        <th scope="col">{say(Say::AuditWhat)}</th>
                        <th scope="col">{say(Say::AuditWho)}</th>
                        <th scope="col">{say(Say::AuditDetail)}</th>
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}
