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
/// for when the site has no configured public URL. A `Host` that is not a
/// plain host name or address (with a port, at most) is refused: it would
/// otherwise carry a path or query into the address and the QR code.
pub fn request_base(headers: &HeaderMap) -> Result<String, TallyError> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']');
    if host.is_empty() || host.len() > 255 || !host.chars().all(plain) {
        let shown: String = host.chars().take(60).collect();
        return Err(TallyError::BadRequest(format!(
            "the Host header '{shown}' is not a host name; set TALLY_PUBLIC_URL to hand out links"
        )));
    }
    Ok(format!("http://{host}"))
}

#[cfg(test)]
mod tests {
    use super::{qr_svg, request_base};
    use axum::http::{header, HeaderMap, HeaderValue};

    #[test]
    fn only_a_plain_host_makes_a_base() {
        let base = |host: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, HeaderValue::from_str(host).unwrap());
            request_base(&headers)
        };
        assert_eq!(base("tally.example:8080").unwrap(), "http://tally.example:8080");
        assert_eq!(base("[::1]:3000").unwrap(), "http://[::1]:3000");
        for bad in ["evil.example/phish?x=", "a@b", "x y", "", "h\\x"] {
            assert_eq!(base(bad).unwrap_err().status(), 400, "{bad}");
        }
    }

    #[test]
    fn an_address_becomes_an_svg_document() {
        let svg = qr_svg("https://tally.example.org/b/team-a").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert!(svg.len() > 1000, "a real code, not an empty image");
    }
}
