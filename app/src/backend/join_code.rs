//! The QR code a presenter screen shows so that people in the room join a
//! board from their phones: the board's absolute address, drawn as SVG by
//! the `qrcode` crate. SVG scales to any size without blurring, so the
//! projector shows it as large as the room needs.

use crate::error::TallyError;
use axum::http::{header, HeaderMap};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Modules (the code's squares) are drawn at least this many SVG units
/// wide, so viewers that show SVG at its natural size still show a code
/// large enough to scan.
const MODULE_UNITS: u32 = 8;

/// `address` as a QR code in SVG. Error correction level M survives a
/// smudged screen or a glare patch on a fifth of the code or so.
pub fn qr_svg(address: &str) -> Result<String, TallyError> {
    let code = QrCode::with_error_correction_level(address.as_bytes(), EcLevel::M)
        .map_err(|e| TallyError::BadRequest(format!("the address cannot be a QR code: {e}")))?;
    let side = code.width() as u32 * MODULE_UNITS;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(side, side)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

/// Where a request came in, as the base of an address (`http://host`),
/// for when the site has no configured public URL.
pub fn request_base(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    format!("http://{host}")
}

#[cfg(test)]
mod tests {
    use super::qr_svg;

    #[test]
    fn an_address_becomes_an_svg_document() {
        let svg = qr_svg("https://tally.example.org/b/team-a").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert!(svg.len() > 1000, "a real code, not an empty image");
    }
}
