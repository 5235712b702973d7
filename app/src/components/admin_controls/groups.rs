//! The groups respondents may say they are in, and the smallest group
//! whose figures are shown: what `PUT /api/boards/{board}/groups` sets.

use crate::groups::{DEFAULT_THRESHOLD, MAX_GROUPS, MAX_NAME, SMALLEST_THRESHOLD};
use crate::i18n::{say, say_with, Say};
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
        _ => Some(say_with(Say::GroupsThresholdProblem, &[("n", SMALLEST_THRESHOLD.into())])),
    };
    let outcome = move || match save.value().get() {
        Some(Ok(saved)) => (say_with(Say::GroupsSaved, &[("count", saved.groups.len().into())]), None),
        Some(Err(error)) => (String::new(), Some(crate::components::admin_words::said(&error))),
        None => (String::new(), None),
    };
    view! {
        <form class="group-controls" on:submit=send>
            <fieldset>
                <legend>{say(Say::GroupsLegend)}</legend>
                <p class="hint">{say_with(Say::GroupsHint, &[("groups", MAX_GROUPS.into()), ("chars", MAX_NAME.into())])}</p>
                <label>
                    {say(Say::GroupsNames)}
                    <textarea rows="4" prop:value=move || names.get() on:input=move |ev| names.set(event_target_value(&ev))></textarea>
                </label>
                <label>
                    {say(Say::GroupsThreshold)}
                    <input type="number" inputmode="numeric" min=SMALLEST_THRESHOLD prop:value=move || threshold.get()
                        aria-invalid=move || threshold_problem().is_some().to_string()
                        on:input=move |ev| threshold.set(event_target_value(&ev))/>
                </label>
                <p class="field-error" role="alert">{threshold_problem}</p>
                <button type="submit" disabled=move || threshold_problem().is_some()>{say(Say::GroupsSave)}</button>
                <p role="status">{move || outcome().0}</p>
                <p class="error" role="alert">{move || outcome().1}</p>
            </fieldset>
        </form>
    }
}
