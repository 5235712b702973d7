//! Loads the matrices (TOML files in one directory) at start-up. Any invalid
//! file stops the server, with a message naming the file and each problem.

use crate::matrix::Matrix;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub type Catalog = BTreeMap<String, Arc<Matrix>>;

/// Why the matrices could not be loaded; each names the file or directory.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("reading {}", .path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: {problems}", .path.display())]
    Invalid { path: PathBuf, problems: String },
    #[error("{}: matrix id '{id}' is used by another file", .path.display())]
    DuplicateId { path: PathBuf, id: String },
    #[error("no matrix (*.toml) in {}", .0.display())]
    Empty(PathBuf),
}

pub fn load_dir(dir: &Path) -> Result<Catalog, CatalogError> {
    let read = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CatalogError::Read { path, source }
    };
    let entries = std::fs::read_dir(dir).map_err(read(dir))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut catalog = Catalog::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(read(&path))?;
        let matrix = parse(&text).map_err(|problems| CatalogError::Invalid { path: path.clone(), problems })?;
        if catalog.contains_key(&matrix.id) {
            return Err(CatalogError::DuplicateId { path, id: matrix.id });
        }
        catalog.insert(matrix.id.clone(), Arc::new(matrix));
    }
    if catalog.is_empty() {
        return Err(CatalogError::Empty(dir.to_path_buf()));
    }
    Ok(catalog)
}

/// Parses and validates one matrix file's text; the error lists every problem.
pub fn parse(text: &str) -> Result<Matrix, String> {
    let mut matrix: Matrix = toml::from_str(text).map_err(|e| e.to_string())?;
    matrix.fill_missing_ids();
    match matrix.problems() {
        problems if problems.is_empty() => Ok(matrix),
        problems => Err(problems.into_iter().map(|p| p.message).collect::<Vec<_>>().join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
        id = "tiny"
        title = "Tiny"
        [[levels]]
        id = "low"
        label = "Low"
        short = "L"
        [[levels]]
        id = "high"
        label = "High"
        short = "H"
        [[categories]]
        id = "c"
        title = "C"
        [[categories.rows]]
        id = "only"
        title = "Only row"
        descriptions = ["a little", "a lot"]
    "#;

    #[test]
    fn a_good_file_parses() {
        let m = parse(GOOD).unwrap();
        assert_eq!((m.id.as_str(), m.rows().count(), m.levels.len()), ("tiny", 1, 2));
    }

    #[test]
    fn a_bad_file_names_the_row_and_the_problem() {
        let bad = GOOD.replace(r#"["a little", "a lot"]"#, r#"["a little"]"#);
        assert_eq!(parse(&bad).unwrap_err(), "row 'only': has 1 descriptions but the matrix has 2 levels");
    }

    #[test]
    fn unknown_keys_and_syntax_errors_are_refused() {
        assert!(parse(&GOOD.replace("title = \"Tiny\"", "title = \"Tiny\"\ncolour = 1"))
            .unwrap_err()
            .contains("colour"));
        assert!(parse("id = ").is_err());
    }

    #[test]
    fn the_shipped_matrices_are_valid() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices");
        let catalog = load_dir(&dir).unwrap();
        let programmer = &catalog["programmer"];
        assert_eq!(programmer.levels.len(), 4);
        assert!(programmer.rows().count() >= 28, "{} rows", programmer.rows().count());
        for id in ["engineering-manager", "site-reliability"] {
            let template = &catalog[id];
            assert!((4..=5).contains(&template.levels.len()) && template.rows().count() >= 15, "{id}");
        }
    }

    #[test]
    fn a_directory_with_an_invalid_file_is_refused_naming_the_file() {
        let dir = std::env::temp_dir().join(format!("tally-catalog-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("good.toml"), GOOD).unwrap();
        std::fs::write(dir.join("broken.toml"), GOOD.replace("id = \"only\"", "id = \"Only Row\"")).unwrap();
        let err = load_dir(&dir).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(err.contains("broken.toml") && err.contains("row 'Only Row'"), "{err}");
    }
}
