use leptos::prelude::*;

/// Explains the heat map: darker cells hold a larger share of respondents.
#[component]
pub fn Legend() -> impl IntoView {
    let swatches = [0.0, 0.25, 0.5, 0.75, 1.0];
    view! {
        <figure class="legend" aria-label="Shading legend">
            <figcaption>"Share of people at each level:"</figcaption>
            <ul>
                {swatches
                    .into_iter()
                    .map(|share| {
                        view! {
                            <li>
                                <span class="swatch" style=format!("--share: {share}")></span>
                                {format!("{}%", (share * 100.0) as u32)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </figure>
    }
}
