//! Dates as people read them, computed the same on server and browser so
//! the hydrated page shows exactly what the server rendered.

/// Unix seconds as `2026-11-22 14:05 UTC`.
pub fn utc_minute(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let seconds = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", seconds / 3600, seconds % 3600 / 60)
}

/// Unix seconds in the reader's time zone, `2026-11-22 15:05`: the
/// browser knows the zone, the server does not. (Shown only once the page
/// is hydrated, and said to be the reader's time; until then the page
/// shows [`utc_minute`], which the server rendered.)
#[cfg(feature = "hydrate")]
pub fn reader_minute(unix_seconds: i64) -> String {
    let at = wasm_bindgen::JsValue::from_f64(unix_seconds as f64 * 1000.0);
    let minutes_behind_utc = js_sys::Date::new(&at).get_timezone_offset() as i64;
    let local = utc_minute(unix_seconds - minutes_behind_utc * 60);
    local.trim_end_matches(" UTC").to_string()
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// well-known algorithm, counting in 400-year eras).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_dates() {
        assert_eq!(super::utc_minute(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::utc_minute(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(super::utc_minute(1_795_351_500), "2026-11-22 12:45 UTC");
    }
}
