//! The people an admin invites, as they paste them or upload them: one per
//! line, `name, email, group`, the last two optional — which is CSV, so the
//! `csv` crate reads both (quoted names with commas included), and a first
//! line of column names (`name,email,group`) is skipped. Every line is
//! checked before anything is stored; the refusal names each bad line.

use crate::error::{Problem, TallyError};
use crate::plain_text;
use std::collections::HashSet;

/// Invitations one request may add (and one board may hold).
pub const MAX_PEOPLE: usize = 1000;

/// A name or email longer than this is a mistake, not a person.
const MAX_FIELD: usize = 200;

/// One person to invite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// Blank when none was given.
    pub email: String,
    pub group: Option<String>,
}

/// The people in `text`, or every line's problem. `groups`: the board's
/// groups (a person's group must be one of them); `known_emails`: the
/// emails already invited to the board, in lower case.
pub fn parse(text: &str, groups: &[String], known_emails: &HashSet<String>) -> Result<Vec<Person>, TallyError> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let (mut people, mut problems) = (Vec::new(), Vec::new());
    let mut emails = known_emails.clone();
    for (index, record) in reader.records().enumerate() {
        let line = record.as_ref().ok().and_then(|r| r.position()).map_or(index as u64 + 1, |p| p.line());
        let problem =
            |message: String| Problem { row: Some(format!("line {line}")), message: format!("line {line}: {message}") };
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(problem(format!("not readable as CSV ({error})")));
                continue;
            }
        };
        let fields: Vec<&str> = record.iter().collect();
        if fields.iter().all(|f| f.is_empty()) || (index == 0 && is_header(&fields)) {
            continue;
        }
        match person(&fields, groups, &mut emails) {
            Ok(person) => people.push(person),
            Err(message) => problems.push(problem(message)),
        }
    }
    if people.len() > MAX_PEOPLE {
        problems.push(Problem {
            row: None,
            message: format!("at most {MAX_PEOPLE} people at once ({} given)", people.len()),
        });
    }
    if people.is_empty() && problems.is_empty() {
        problems.push(Problem { row: None, message: "no one to invite: give one person per line".into() });
    }
    match problems.is_empty() {
        true => Ok(people),
        false => Err(TallyError::InvalidList(problems)),
    }
}

fn is_header(fields: &[&str]) -> bool {
    fields.first().is_some_and(|first| first.eq_ignore_ascii_case("name"))
}

/// One line's person, or what is wrong with it. `emails` gains theirs.
fn person(fields: &[&str], groups: &[String], emails: &mut HashSet<String>) -> Result<Person, String> {
    if fields.len() > 3 {
        return Err(format!("{} columns; give at most three: name, email, group", fields.len()));
    }
    let field = |i: usize| fields.get(i).copied().unwrap_or("").to_string();
    let (name, email, group) = (field(0), field(1), field(2));
    if name.is_empty() {
        return Err("the name is missing".into());
    }
    for (what, text) in [("the name", &name), ("the email", &email)] {
        plain_text::check(what, text)?;
        if text.chars().count() > MAX_FIELD {
            return Err(format!("{what} is longer than {MAX_FIELD} characters"));
        }
    }
    if !email.is_empty() {
        if !looks_like_email(&email) {
            return Err(format!("'{email}' is not an email address"));
        }
        if !emails.insert(email.to_lowercase()) {
            return Err(format!("{email} is invited already"));
        }
    }
    let group = match group.as_str() {
        "" => None,
        given => match groups.iter().find(|g| g.as_str() == given) {
            Some(known) => Some(known.clone()),
            None => return Err(format!("'{given}' is not one of the board's groups")),
        },
    };
    Ok(Person { name, email, group })
}

/// One `@` with something on each side, a dot in the domain, no spaces:
/// enough to catch a column mix-up; whether mail arrives is not ours to know.
fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.contains('@') && !text.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<String> {
        vec!["Backend".into(), "Frontend".into()]
    }

    #[test]
    fn pasted_lines_and_a_csv_with_a_header_read_the_same() {
        let pasted = "Ada Lovelace, ada@example.org, Backend\n\n\"Hopper, Grace\",,Frontend\nLinus\n";
        let csv =
            "name,email,group\r\nAda Lovelace,ada@example.org,Backend\r\n\"Hopper, Grace\",,Frontend\r\nLinus,,\r\n";
        let expected = vec![
            Person { name: "Ada Lovelace".into(), email: "ada@example.org".into(), group: Some("Backend".into()) },
            Person { name: "Hopper, Grace".into(), email: String::new(), group: Some("Frontend".into()) },
            Person { name: "Linus".into(), email: String::new(), group: None },
        ];
        assert_eq!(parse(pasted, &groups(), &HashSet::new()).unwrap(), expected);
        assert_eq!(parse(csv, &groups(), &HashSet::new()).unwrap(), expected);
    }

    #[test]
    fn every_bad_line_is_named_and_nothing_is_taken() {
        let text = "Ada, ada@example.org\n, bob@example.org\nCy, not-an-email\nDee, ADA@example.org\nEd,,Sales\nFay,a@b.c,Backend,x\nGil, old@example.org";
        let known = HashSet::from(["old@example.org".to_string()]);
        let Err(TallyError::InvalidList(problems)) = parse(text, &groups(), &known) else { panic!("refused") };
        let lines: Vec<_> = problems.iter().map(|p| p.row.clone().unwrap()).collect();
        assert_eq!(lines, ["line 2", "line 3", "line 4", "line 5", "line 6", "line 7"]);
        assert!(problems[2].message.contains("invited already"), "{:?}", problems[2]);
        assert!(problems[3].message.contains("'Sales' is not one of the board's groups"));
    }

    #[test]
    fn an_empty_list_or_a_hidden_character_is_refused() {
        assert!(matches!(parse("\n  \n", &groups(), &HashSet::new()), Err(TallyError::InvalidList(_))));
        let Err(TallyError::InvalidList(problems)) = parse("Ada\u{202E}x", &[], &HashSet::new()) else { panic!() };
        assert!(problems[0].message.contains("U+202E"));
    }
}
