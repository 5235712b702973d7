//! Dates as people read them, computed the same on server and browser so
//! the hydrated page shows exactly what the server rendered. Each language
//! orders the parts its own way (messages `date-time` and `date-time-utc`);
//! this module gives the parts.

use crate::i18n::Arg;

/// The date and time of `unix_seconds` (UTC) as a date message's variables:
/// `year`, `month`, `day`, `hour` and `minute`, as text so that they keep
/// their leading zeros (`2026`, `03`, `07`, `09`, `05`).
pub fn date_args(unix_seconds: i64) -> Vec<(&'static str, Arg)> {
    let days = unix_seconds.div_euclid(86_400);
    let seconds = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    vec![
        ("year", format!("{year:04}").into()),
        ("month", format!("{month:02}").into()),
        ("day", format!("{day:02}").into()),
        ("hour", format!("{:02}", seconds / 3600).into()),
        ("minute", format!("{:02}", seconds % 3600 / 60).into()),
    ]
}

/// `unix_seconds` as ISO 8601 in UTC (`2026-12-07T09:05:00Z`), for files.
pub fn iso_utc(unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    let seconds = unix_seconds.rem_euclid(86_400);
    let (hour, minute, second) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

/// How many seconds the reader's clock is ahead of UTC at `unix_seconds`:
/// the browser knows the zone, the server does not. (The reader's time is
/// shown only once the page is hydrated, and said to be theirs; until then
/// the page shows UTC, as the server rendered it.)
#[cfg(feature = "hydrate")]
pub fn reader_offset(unix_seconds: i64) -> i64 {
    let at = wasm_bindgen::JsValue::from_f64(unix_seconds as f64 * 1000.0);
    -(js_sys::Date::new(&at).get_timezone_offset() as i64) * 60
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
    use crate::i18n::{catalog, Locale};

    fn utc(locale: Locale, unix_seconds: i64) -> String {
        catalog::text(locale, "date-time-utc", &super::date_args(unix_seconds))
    }

    #[test]
    fn known_dates_in_each_language() {
        assert_eq!(utc(Locale::En, 0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(Locale::En, 951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(super::iso_utc(951_782_400 + 3_723), "2000-02-29T01:02:03Z");
        assert_eq!(utc(Locale::En, 1_795_351_500), "2026-11-22 12:45 UTC");
        assert_eq!(utc(Locale::De, 1_795_351_500), "22.11.2026, 12:45 UTC");
        assert_eq!(utc(Locale::Fr, 1_795_351_500), "22/11/2026 à 12:45 UTC");
        assert_eq!(utc(Locale::Es, 1_795_351_500), "22/11/2026, 12:45 UTC");
    }
}
