//! The people an admin invites, as they paste them or upload them: one per
//! line, `name, email, group, role`, the last three optional — which is
//! CSV, so the `csv` crate reads both (quoted names with commas included),
//! and a first line of column names (`name,email,group,role`) is skipped. Every line is
//! checked before anything is stored; the refusal names each bad line, in
//! the page's language when an admin's form sent it (English for the API).

use crate::error::{Problem, TallyError};
use crate::i18n::t_with;
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
    /// A role's id.
    pub role: Option<String>,
}

/// What a person's group and role must be one of.
#[derive(Clone, Copy)]
pub struct Offered<'a> {
    /// The board's groups.
    pub groups: &'a [String],
    /// The matrix's roles, (id, title): either names a role.
    pub roles: &'a [(String, String)],
}

/// The people in `text`, or every line's problem. `known_emails`: the
/// emails already invited to the board, in lower case.
pub fn parse(text: &str, offered: Offered, known_emails: &HashSet<String>) -> Result<Vec<Person>, TallyError> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let (mut people, mut problems) = (Vec::new(), Vec::new());
    let mut emails = known_emails.clone();
    for (index, record) in reader.records().enumerate() {
        let line = record.as_ref().ok().and_then(|r| r.position()).map_or(index as u64 + 1, |p| p.line());
        let problem = |message: String| Problem {
            row: Some(format!("line {line}")),
            message: t_with("invite-line", &[("line", line.into()), ("message", message.into())]),
        };
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(problem(t_with("invite-unreadable", &[("error", error.to_string().into())])));
                continue;
            }
        };
        let fields: Vec<&str> = record.iter().collect();
        if fields.iter().all(|f| f.is_empty()) || (index == 0 && is_header(&fields)) {
            continue;
        }
        match person(&fields, offered, &mut emails) {
            Ok(person) => people.push(person),
            Err(message) => problems.push(problem(message)),
        }
    }
    if people.len() > MAX_PEOPLE {
        problems.push(Problem {
            row: None,
            message: t_with("invite-too-many", &[("max", MAX_PEOPLE.into()), ("n", people.len().into())]),
        });
    }
    if people.is_empty() && problems.is_empty() {
        problems.push(Problem { row: None, message: t_with("invite-no-one", &[]) });
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
fn person(fields: &[&str], offered: Offered, emails: &mut HashSet<String>) -> Result<Person, String> {
    if fields.len() > 4 {
        return Err(t_with("invite-columns", &[("n", fields.len().into())]));
    }
    let field = |i: usize| fields.get(i).copied().unwrap_or("").to_string();
    let (name, email, group, role) = (field(0), field(1), field(2), field(3));
    if name.is_empty() {
        return Err(t_with("invite-no-name", &[]));
    }
    for (what, text) in [(t_with("invite-the-name", &[]), &name), (t_with("invite-the-email", &[]), &email)] {
        plain_text::check(&what, text)?;
        if text.chars().count() > MAX_FIELD {
            return Err(t_with("invite-too-long", &[("what", what.into()), ("max", MAX_FIELD.into())]));
        }
    }
    if !email.is_empty() {
        if !looks_like_email(&email) {
            return Err(t_with("invite-not-email", &[("email", email.into())]));
        }
        if !emails.insert(email.to_lowercase()) {
            return Err(t_with("invite-again", &[("email", email.into())]));
        }
    }
    let group = match group.as_str() {
        "" => None,
        given => match offered.groups.iter().find(|g| g.as_str() == given) {
            Some(known) => Some(known.clone()),
            None => return Err(t_with("invite-unknown-group", &[("given", given.into())])),
        },
    };
    let role = match role.as_str() {
        "" => None,
        given => match offered.roles.iter().find(|(id, title)| id == given || title == given) {
            Some((id, _)) => Some(id.clone()),
            None => return Err(t_with("invite-unknown-role", &[("given", given.into())])),
        },
    };
    Ok(Person { name, email, group, role })
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

    const GROUPS: [&str; 2] = ["Backend", "Frontend"];

    fn offered(run: impl FnOnce(Offered) -> Result<Vec<Person>, TallyError>) -> Result<Vec<Person>, TallyError> {
        let groups: Vec<String> = GROUPS.map(String::from).to_vec();
        let roles = vec![("senior".to_string(), "Senior engineer".to_string())];
        run(Offered { groups: &groups, roles: &roles })
    }

    fn person(name: &str, email: &str, group: Option<&str>, role: Option<&str>) -> Person {
        Person { name: name.into(), email: email.into(), group: group.map(String::from), role: role.map(String::from) }
    }

    #[test]
    fn pasted_lines_and_a_csv_with_a_header_read_the_same() {
        let pasted =
            "Ada Lovelace, ada@example.org, Backend, senior\n\n\"Hopper, Grace\",,Frontend,Senior engineer\nLinus\n";
        let csv = "name,email,group,role\r\nAda Lovelace,ada@example.org,Backend,senior\r\n\"Hopper, Grace\",,Frontend,senior\r\nLinus,,\r\n";
        let expected = vec![
            person("Ada Lovelace", "ada@example.org", Some("Backend"), Some("senior")),
            person("Hopper, Grace", "", Some("Frontend"), Some("senior")),
            person("Linus", "", None, None),
        ];
        assert_eq!(offered(|o| parse(pasted, o, &HashSet::new())).unwrap(), expected);
        assert_eq!(offered(|o| parse(csv, o, &HashSet::new())).unwrap(), expected);
    }

    #[test]
    fn every_bad_line_is_named_and_nothing_is_taken() {
        let text = "Ada, ada@example.org\n, bob@example.org\nCy, not-an-email\nDee, ADA@example.org\nEd,,Sales\nFay,a@b.c,Backend,x\nGil, old@example.org\nHal,,,x,y";
        let known = HashSet::from(["old@example.org".to_string()]);
        let Err(TallyError::InvalidList(problems)) = offered(|o| parse(text, o, &known)) else { panic!("refused") };
        let lines: Vec<_> = problems.iter().map(|p| p.row.clone().unwrap()).collect();
        assert_eq!(lines, ["line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8"]);
        assert!(problems[2].message.contains("invited already"), "{:?}", problems[2]);
        assert!(problems[3].message.contains("'Sales' is not one of the board's groups"));
        assert!(problems[4].message.contains("'x' is not one of the matrix's roles"), "{:?}", problems[4]);
        assert!(problems[6].message.contains("give at most four"), "{:?}", problems[6]);
    }

    #[test]
    fn an_empty_list_or_a_hidden_character_is_refused() {
        assert!(matches!(offered(|o| parse("\n  \n", o, &HashSet::new())), Err(TallyError::InvalidList(_))));
        let Err(TallyError::InvalidList(problems)) = offered(|o| parse("Ada\u{202E}x", o, &HashSet::new())) else {
            panic!()
        };
        assert!(problems[0].message.contains("U+202E"));
    }
}
