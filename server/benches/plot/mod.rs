//! The soak's plot: one small chart per measure, minute by minute, drawn as
//! SVG by hand (a few polylines; a plotting crate would bring a font
//! renderer and an image stack for that).

/// One minute of the soak.
#[derive(Clone, Debug)]
pub struct Sample {
    pub minute: u64,
    pub rss_mib: f64,
    pub open_files: usize,
    pub submit_p99_ms: f64,
    pub page_p99_ms: f64,
    pub database_mib: f64,
    pub submissions: usize,
    pub page_views: usize,
}

/// A panel: its title, and its lines, each a name and a value per minute.
type Panel<'a> = (&'a str, Vec<(&'a str, Vec<f64>)>);

const WIDTH: f64 = 720.0;
const PANEL: f64 = 130.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;

/// The measures, one panel each (the p99s share theirs), and the warm-up
/// shaded.
pub fn svg(samples: &[Sample], warm_up: u64) -> String {
    let panels: [Panel; 4] = [
        ("resident memory (MiB)", vec![("RSS", samples.iter().map(|s| s.rss_mib).collect())]),
        ("open files", vec![("open files", samples.iter().map(|s| s.open_files as f64).collect())]),
        (
            "p99 (ms)",
            vec![
                ("submissions", samples.iter().map(|s| s.submit_p99_ms).collect()),
                ("page views", samples.iter().map(|s| s.page_p99_ms).collect()),
            ],
        ),
        ("database (MiB)", vec![("database", samples.iter().map(|s| s.database_mib).collect())]),
    ];
    let height = PANEL * panels.len() as f64 + 40.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" \
         font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
    );
    let minutes = samples.len().max(2) as f64;
    let x = |minute: u64| LEFT + (minute as f64 - 1.0) / (minutes - 1.0) * (WIDTH - LEFT - RIGHT);
    for (k, (title, lines)) in panels.iter().enumerate() {
        let top = 20.0 + k as f64 * PANEL;
        let bottom = top + PANEL - 35.0;
        let high =
            lines.iter().flat_map(|(_, v)| v.iter().copied()).filter(|v| v.is_finite()).fold(0.0, f64::max) * 1.1;
        let high = if high > 0.0 { high } else { 1.0 };
        let y = |value: f64| bottom - value / high * (bottom - top);
        out += &format!(
            "<rect x=\"{LEFT}\" y=\"{top}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#eee\"/>\n",
            x(warm_up.max(1)) - LEFT,
            bottom - top
        );
        out += &format!("<text x=\"{LEFT}\" y=\"{:.1}\" font-weight=\"bold\">{title}</text>\n", top - 5.0);
        out += &format!(
            "<line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{:.1}\" y2=\"{bottom}\" stroke=\"#555\"/>\n",
            WIDTH - RIGHT
        );
        out += &format!("<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{high:.1}</text>\n", LEFT - 6.0, top + 10.0);
        out += &format!("<text x=\"{:.1}\" y=\"{bottom}\" text-anchor=\"end\">0</text>\n", LEFT - 6.0);
        for (n, (name, values)) in lines.iter().enumerate() {
            let colour = ["#1f5fbf", "#c0392b"][n % 2];
            let points: Vec<String> = samples
                .iter()
                .zip(values)
                .filter(|(_, v)| v.is_finite())
                .map(|(s, v)| format!("{:.1},{:.1}", x(s.minute), y(*v)))
                .collect();
            out += &format!(
                "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"/>\n",
                points.join(" ")
            );
            // Beside the title, above the chart, so no line runs through it.
            out += &format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{colour}\" text-anchor=\"end\">{name}</text>\n",
                WIDTH - RIGHT - 110.0 * n as f64,
                top - 5.0
            );
        }
    }
    let last = samples.last().map(|s| s.minute).unwrap_or(1);
    out += &format!(
        "<text x=\"{LEFT}\" y=\"{:.1}\">minute 1 (warm-up shaded)</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">minute {last}</text>\n</svg>\n",
        height - 8.0,
        WIDTH - RIGHT,
        height - 8.0
    );
    out
}
