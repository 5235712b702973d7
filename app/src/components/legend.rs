use crate::i18n::{say, Say};
use leptos::prelude::*;

/// Explains the heat map: darker cells hold a larger share of respondents.
#[component]
pub fn Legend() -> impl IntoView {
    // (CSS share, label) as text: formatting floats would bring Rust's float
    // printing into the browser's bundle for five constants.
    let swatches = [("0", "0%"), ("0.25", "25%"), ("0.5", "50%"), ("0.75", "75%"), ("1", "100%")];
    view! {
        <figure class="legend" aria-label=say(Say::LegendLabel)>
            <figcaption>{say(Say::LegendCaption)}</figcaption>
            <ul>
                {swatches
                    .into_iter()
                    .map(|(share, label)| {
                        view! {
                            <li>
                                <span class="swatch" style=format!("--share: {share}")></span>
                                {label}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </figure>
    }
}
