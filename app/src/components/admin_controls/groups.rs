//! The groups respondents may say they are in, and the smallest group
//! whose figures are shown: what `PUT /api/boards/{board}/groups` sets.

use crate::groups::{DEFAULT_THRESHOLD, MAX_GROUPS, MAX_NAME, SMALLEST_THRESHOLD};
use crate::server_fns::{board_groups, SetGroups};
use leptos::prelude::*;

#[component]
pub fn GroupControls(board: String, key: String) -> impl IntoView {
    let names = RwSignal::new(String::new());
    let threshold = RwSignal::new(DEFAULT_THRESHOLD.to_string());
    let load = board.clone();
    leptos::task::spawn_local(async move {
        if let Ok(current) = board_groups(load).await {
            names.set(current.groups.join("\n"));
            threshold.set(current.min_group_size.to_string());
        }
    });
    let save = ServerAction::<SetGroups>::new();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(min_group_size) = threshold.get_untracked().trim().parse() else { return };
        let (board, key, groups) = (board.clone(), key.clone(), names.get_untracked());
        save.dispatch(SetGroups { board, key, groups, min_group_size });
    };
    let threshold_problem = move || match threshold.get().trim().parse::<u32>() {
        Ok(n) if n >= SMALLEST_THRESHOLD => None,
        _ => Some(format!("Give a whole number from {SMALLEST_THRESHOLD} up.")),
    };
    let outcome = move || match save.value().get() {
        Some(Ok(saved)) if saved.groups.is_empty() => (String::from("Saved: no groups are offered."), None),
        Some(Ok(saved)) => (format!("Saved: {} groups are offered.", saved.groups.len()), None),
        Some(Err(error)) => (String::new(), Some(error.to_string())),
        None => (String::new(), None),
    };
    view! {
        <form class="group-controls" on:submit=send>
            <fieldset>
                <legend>"Groups"</legend>
                <p class="hint">{format!(
                    "People may say which group they are in (at most {MAX_GROUPS}, each up to {MAX_NAME} characters). A group's figures stay hidden until enough people have answered in it."
                )}</p>
                <label>
                    "Groups, one per line"
                    <textarea rows="4" prop:value=move || names.get() on:input=move |ev| names.set(event_target_value(&ev))></textarea>
                </label>
                <label>
                    "Smallest group whose figures are shown"
                    <input type="number" inputmode="numeric" min=SMALLEST_THRESHOLD prop:value=move || threshold.get()
                        aria-invalid=move || threshold_problem().is_some().to_string()
                        on:input=move |ev| threshold.set(event_target_value(&ev))/>
                </label>
                <p class="field-error" role="alert">{threshold_problem}</p>
                <button type="submit" disabled=move || threshold_problem().is_some()>"Save the groups"</button>
                <p role="status">{move || outcome().0}</p>
                <p class="error" role="alert">{move || outcome().1}</p>
            </fieldset>
        </form>
    }
}
