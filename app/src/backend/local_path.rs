//! Paths this server sends browsers to stay on this site.

/// `path` with exactly one leading slash: `//host/x` or `/\host/x` in a
/// `Location` would send the browser to another site.
pub fn on_this_site(path: &str) -> String {
    format!("/{}", path.trim_start_matches(['/', '\\']))
}

#[cfg(test)]
mod tests {
    use super::on_this_site;

    #[test]
    fn a_path_stays_on_this_site() {
        assert_eq!(on_this_site("//other.host/login"), "/other.host/login");
        assert_eq!(on_this_site("/\\h/x"), "/h/x");
        assert_eq!(on_this_site("/b/team"), "/b/team");
        assert_eq!(on_this_site(""), "/");
    }
}
