//! The JSON body of `POST /api/boards/{board}/submissions`, decoded into the
//! same raw answers the form produces, so [`crate::answers::validate`] judges
//! both alike. Decoding is strict: unknown fields, a row answered twice and
//! malformed JSON are refused with a message saying what was wrong.

use crate::answers::RawLevel;
use crate::error::TallyError;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "answers": { "data-structures": 2, "algorithms": 1 }, "group": "Backend", "role": "engineer" }))]
pub struct SubmissionBody {
    /// Row id → the chosen level's index (0 for the first level).
    #[serde(deserialize_with = "each_row_once")]
    #[schema(value_type = BTreeMap<String, u64>)]
    answers: BTreeMap<String, Value>,
    /// The respondent token, when not sent as the cookie.
    pub respondent: Option<String>,
    /// One of the board's groups.
    pub group: Option<String>,
    /// One of its matrix's roles, by id.
    pub role: Option<String>,
}

impl SubmissionBody {
    pub fn decode(bytes: &[u8]) -> Result<SubmissionBody, TallyError> {
        serde_json::from_slice(bytes).map_err(|e| TallyError::BadRequest(format!("invalid JSON body: {e}")))
    }

    /// Row id -> level as sent; anything but a whole number is kept to quote back.
    pub fn raw_answers(self) -> Vec<(String, RawLevel)> {
        self.answers
            .into_iter()
            .map(|(row, value)| {
                let level = match value.as_u64() {
                    Some(n) => RawLevel::Index(n),
                    None => RawLevel::Other(value.to_string().chars().take(40).collect()),
                };
                (row, level)
            })
            .collect()
    }
}

/// A JSON object whose keys are all different: a row given twice is refused
/// rather than silently keeping one of the two answers.
fn each_row_once<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, Value>, D::Error> {
    struct Rows;
    impl<'de> Visitor<'de> for Rows {
        type Value = BTreeMap<String, Value>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of row ids to level numbers")
        }

        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut rows = BTreeMap::new();
            while let Some((row, level)) = map.next_entry::<String, Value>()? {
                if rows.contains_key(&row) {
                    let shown: String = row.chars().take(64).collect();
                    return Err(serde::de::Error::custom(format!("row '{shown}' is answered twice")));
                }
                rows.insert(row, level);
            }
            Ok(rows)
        }
    }
    deserializer.deserialize_map(Rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_decoding_says_what_is_wrong() {
        let ok = SubmissionBody::decode(br#"{"answers":{"a":1,"b":"x"},"respondent":"r"}"#).unwrap();
        assert_eq!(ok.respondent.as_deref(), Some("r"));
        assert_eq!(ok.raw_answers(), [("a".into(), RawLevel::Index(1)), ("b".into(), RawLevel::Other("\"x\"".into()))]);
        for (body, expected) in [
            (r#"{"answers":{"a":1,"a":2}}"#, "row 'a' is answered twice"),
            (r#"{"answers":{},"answers":{}}"#, "duplicate field `answers`"),
            (r#"{"answers":{},"extra":1}"#, "unknown field `extra`"),
            (r#"{"answers":[1]}"#, "an object of row ids to level numbers"),
            (r#"{"answers":{"a":1}"#, "EOF"),
        ] {
            let message = SubmissionBody::decode(body.as_bytes()).unwrap_err().to_string();
            assert!(message.starts_with("invalid JSON body: ") && message.contains(expected), "{body}: {message}");
        }
    }
}
