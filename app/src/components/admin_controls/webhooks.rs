//! The board's webhooks: endpoints added and removed, and the delivery log
//! with "send again" — what `/api/boards/{board}/webhooks` does.

use super::reloader::reloader;
use crate::components::admin_words::said;
use crate::i18n::{say, say_with, Say};
use crate::server_fns::webhooks::{load_webhooks, AddWebhook, RemoveWebhook, ResendDelivery};
use crate::webhooks::{Delivery, DeliveryState, Webhook, WebhookEvent, WebhookLog};
use leptos::prelude::*;

#[component]
pub fn WebhookControls(board: String, key: String) -> impl IntoView {
    let log = RwSignal::new(WebhookLog::default());
    let problem = RwSignal::new(None::<String>);
    let reload = reloader((board.clone(), key.clone()), load_webhooks, log, problem);
    let add = ServerAction::<AddWebhook>::new();
    let remove = ServerAction::<RemoveWebhook>::new();
    let resend = ServerAction::<ResendDelivery>::new();
    let after = reload.clone();
    Effect::new(move |_| {
        let outcomes =
            [add.value().get().map(|r| r.map(drop)), remove.value().get(), resend.value().get().map(|r| r.map(drop))];
        problem.set(outcomes.iter().flatten().find_map(|r| r.as_ref().err()).map(said));
        if outcomes.iter().flatten().any(Result::is_ok) {
            after();
        }
    });
    let secret = move || add.value().get().and_then(Result::ok).map(|added| added.secret);
    let (remove_with, resend_with) = ((board.clone(), key.clone()), (board.clone(), key.clone()));
    let on_remove = move |id: String| {
        remove.dispatch(RemoveWebhook { board: remove_with.0.clone(), key: remove_with.1.clone(), id });
    };
    let on_resend = move |id: i64| {
        resend.dispatch(ResendDelivery { board: resend_with.0.clone(), key: resend_with.1.clone(), id });
    };
    view! {
        <section class="webhook-controls">
            <h3>{say(Say::HooksLegend)}</h3>
            <p class="hint">{say(Say::HooksHint)}</p>
            {move || endpoint_list(log.get().webhooks, on_remove.clone())}
            <NewEndpointForm board key add/>
            <p role="status" class="hook-secret">
                {move || secret().map(|s| view! { {say(Say::HooksSecretOnce)} " " <code>{s}</code> })}
            </p>
            <p class="error" role="alert">{move || problem.get()}</p>
            <h4>{say(Say::HooksLog)} " "
                <button type="button" class="link-button" on:click=move |_| reload()>{say(Say::HooksRefresh)}</button>
            </h4>
            {move || delivery_list(log.get().deliveries, on_resend.clone())}
        </section>
    }
}

/// The form that adds an endpoint.
#[component]
fn NewEndpointForm(board: String, key: String, add: ServerAction<AddWebhook>) -> impl IntoView {
    let url = RwSignal::new(String::new());
    let chosen = RwSignal::new(vec![WebhookEvent::RoundOpened]);
    let participation = RwSignal::new(String::new());
    let format = RwSignal::new("json".to_string());
    let secret = RwSignal::new(String::new());
    let wants_count = move || chosen.with(|c| c.contains(&WebhookEvent::ParticipationReached));
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            url.set(String::new());
            secret.set(String::new());
        }
    });
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let events = chosen.get_untracked().iter().map(|e| e.as_str()).collect::<Vec<_>>().join(",");
        let participation = if wants_count() { participation.get_untracked() } else { String::new() };
        let (board, key, url, format, secret) =
            (board.clone(), key.clone(), url.get_untracked(), format.get_untracked(), secret.get_untracked());
        add.dispatch(AddWebhook { board, key, url, events, format, participation, secret });
    };
    let boxes = WebhookEvent::ALL.into_iter().map(move |event| {
        let toggle = move |ev| {
            let on = event_target_checked(&ev);
            chosen.update(|c| match on {
                true if !c.contains(&event) => c.push(event),
                false => c.retain(|e| *e != event),
                _ => {}
            });
        };
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&event)) on:change=toggle/>
                " " {say(event.describe())}
            </label>
        }
    });
    view! {
        <form class="new-webhook" on:submit=send>
            <label>{say(Say::HooksUrl)}
                <input type="url" required bind:value=url/></label>
            <fieldset class="hook-events">
                <legend>{say(Say::HooksEvents)}</legend>
                {boxes.collect_view()}
            </fieldset>
            <Show when=wants_count>
                <label>{say(Say::HooksParticipation)}
                    <input type="number" inputmode="numeric" min="1" required bind:value=participation/></label>
            </Show>
            <label>{say(Say::HooksFormat)}
                <select on:change=move |ev| format.set(event_target_value(&ev))>
                    <option value="json" selected>{say(Say::HooksFormatJson)}</option>
                    <option value="slack">{say(Say::HooksFormatSlack)}</option>
                </select>
            </label>
            <label>{say(Say::HooksSecret)}
                <input type="text" autocomplete="off" spellcheck="false" bind:value=secret/></label>
            <button type="submit">{say(Say::HooksAdd)}</button>
        </form>
    }
}

fn endpoint_list(hooks: Vec<Webhook>, remove: impl Fn(String) + Clone + 'static) -> impl IntoView {
    if hooks.is_empty() {
        return view! { <p class="hint">{say(Say::HooksNone)}</p> }.into_any();
    }
    let rows = hooks.into_iter().map(move |hook| {
        let events = hook.events.iter().map(|e| say(e.describe())).collect::<Vec<_>>().join(", ");
        let label = say_with(Say::RemoveWho, &[("name", hook.url.as_str().into())]);
        let (id, remove) = (hook.id, remove.clone());
        view! {
            <li>
                <code class="hook-url">{hook.url}</code> " · " {events} " "
                <button type="button" class="link-button" aria-label=label on:click=move |_| remove(id.clone())>
                    {say(Say::Remove)}
                </button>
            </li>
        }
    });
    view! { <ul class="webhooks">{rows.collect_view()}</ul> }.into_any()
}

fn delivery_list(deliveries: Vec<Delivery>, resend: impl Fn(i64) + Clone + 'static) -> impl IntoView {
    if deliveries.is_empty() {
        return view! { <p class="hint">{say(Say::HooksLogEmpty)}</p> }.into_any();
    }
    let rows = deliveries.into_iter().map(move |d| {
        let (state, resend) = (d.state, resend.clone());
        let answer = d.last_status.map(|s| s.to_string()).into_iter().chain(Some(d.last_error)).collect::<Vec<_>>();
        view! {
            <li class=format!("delivery {}", state.as_str())>
                <strong>{say(state_word(state))}</strong> " #" {d.id} " · " {say(d.event.describe())} " · "
                <code class="hook-url">{d.url}</code> " · "
                {say_with(Say::HooksAttempts, &[("count", d.attempts.into())])}
                <span class="hook-answer">" " {answer.join(" ").trim().to_string()}</span> " "
                <button type="button" class="link-button" on:click=move |_| resend(d.id)>{say(Say::HooksResend)}</button>
            </li>
        }
    });
    view! { <ul class="deliveries">{rows.collect_view()}</ul> }.into_any()
}

fn state_word(state: DeliveryState) -> Say {
    match state {
        DeliveryState::Pending => Say::HooksStatePending,
        DeliveryState::Delivered => Say::HooksStateDelivered,
        DeliveryState::Failed => Say::HooksStateFailed,
    }
}
