//! Loads the matrices (TOML files in one directory) at start-up. Any invalid
//! file stops the server, with a message naming the file and each problem.
//!
//! A file named `<matrix>.<language>.toml` (`programmer.de.toml`) holds one
//! translation of the matrix in `<matrix>.toml`: the same tables a matrix's
//! `[translations.<language>]` holds, kept apart so that a translator works
//! on one file beside the source.

use crate::matrix::{Matrix, Translation, LANGUAGES};
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
    #[error("{}: translates {}, which is not in the directory", .path.display(), .source_file)]
    Orphan { path: PathBuf, source_file: String },
    #[error("{}: the matrix already holds a '{tag}' translation", .path.display())]
    TwiceTranslated { path: PathBuf, tag: String },
}

/// The matrix file a translation file belongs to and the language it is
/// in, when `path` names a translation (`programmer.de.toml`).
fn translation_of(path: &Path) -> Option<(PathBuf, String)> {
    let stem = path.file_stem()?.to_str()?;
    let (matrix, tag) = stem.rsplit_once('.')?;
    LANGUAGES.contains(&tag).then(|| (path.with_file_name(format!("{matrix}.toml")), tag.to_string()))
}

pub fn load_dir(dir: &Path) -> Result<Catalog, CatalogError> {
    let entries = std::fs::read_dir(dir).map_err(unreadable(dir))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let (mut sources, mut translations) = (Vec::new(), Vec::new());
    for path in paths {
        match translation_of(&path) {
            Some((source, tag)) => translations.push((path, source, tag)),
            None => sources.push(path),
        }
    }
    let mut read = BTreeMap::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).map_err(unreadable(&path))?;
        let matrix: Matrix = toml::from_str(&text).map_err(invalid(&path))?;
        read.insert(path, matrix);
    }
    for (path, source, tag) in translations {
        let Some(matrix) = read.get_mut(&source) else {
            return Err(CatalogError::Orphan { source_file: source.display().to_string(), path });
        };
        let text = std::fs::read_to_string(&path).map_err(unreadable(&path))?;
        let words: Translation = toml::from_str(&text).map_err(invalid(&path))?;
        if matrix.translations.insert(tag.clone(), words).is_some() {
            return Err(CatalogError::TwiceTranslated { path, tag });
        }
    }
    let mut catalog = Catalog::new();
    for (path, matrix) in read {
        let matrix = checked(matrix).map_err(|problems| CatalogError::Invalid { path: path.clone(), problems })?;
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

fn unreadable(path: &Path) -> impl FnOnce(std::io::Error) -> CatalogError {
    let path = path.to_path_buf();
    move |source| CatalogError::Read { path, source }
}

fn invalid(path: &Path) -> impl FnOnce(toml::de::Error) -> CatalogError {
    let path = path.to_path_buf();
    move |e| CatalogError::Invalid { path, problems: e.to_string() }
}

/// Parses and validates one matrix file's text; the error lists every problem.
pub fn parse(text: &str) -> Result<Matrix, String> {
    checked(toml::from_str(text).map_err(|e| e.to_string())?)
}

fn checked(mut matrix: Matrix) -> Result<Matrix, String> {
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
    fn the_programmer_matrix_reads_fully_in_every_language() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices");
        let programmer = &load_dir(&dir).unwrap()["programmer"];
        let english = programmer.in_language("en").matrix;
        for tag in ["de", "fr", "es"] {
            let shown = programmer.in_language(tag);
            assert_eq!(shown.untranslated, 0, "{tag}: every text is translated");
            let (ours, theirs) = (shown.matrix.rows(), english.rows());
            let same: Vec<_> =
                ours.zip(theirs).filter(|(a, b)| a.title == b.title).map(|(a, _)| a.title.clone()).collect();
            assert!(same.len() <= 2, "{tag}: row titles left in English: {same:?}");
        }
    }

    /// A directory of its own holding `files`, removed when dropped.
    struct Dir(PathBuf);

    impl Dir {
        fn with(name: &str, files: &[(&str, &str)]) -> Dir {
            let dir = std::env::temp_dir().join(format!("tally-catalog-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            for (file, text) in files {
                std::fs::write(dir.join(file), text).unwrap();
            }
            Dir(dir)
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const GERMAN: &str = "title = \"Winzig\"\n[rows.only]\ntitle = \"Einzige Zeile\"\n";

    #[test]
    fn a_translation_file_joins_its_matrix() {
        let dir = Dir::with("joined", &[("tiny.toml", GOOD), ("tiny.de.toml", GERMAN)]);
        let catalog = load_dir(&dir.0).unwrap();
        assert_eq!(catalog.len(), 1, "the translation is not a matrix of its own");
        let shown = catalog["tiny"].in_language("de");
        assert_eq!(
            (shown.matrix.title.as_str(), shown.matrix.rows().next().unwrap().title.as_str()),
            ("Winzig", "Einzige Zeile")
        );
        assert!(shown.untranslated > 0, "levels and descriptions fall back to English");
    }

    #[test]
    fn a_translation_of_nothing_or_of_what_is_not_there_is_refused() {
        let orphan = Dir::with("orphan", &[("tiny.toml", GOOD), ("other.fr.toml", GERMAN)]);
        let err = load_dir(&orphan.0).unwrap_err().to_string();
        assert!(err.contains("other.fr.toml") && err.contains("other.toml"), "{err}");
        let wrong_row = GERMAN.replace("rows.only", "rows.missing");
        let stray = Dir::with("stray", &[("tiny.toml", GOOD), ("tiny.de.toml", &wrong_row)]);
        let err = load_dir(&stray.0).unwrap_err().to_string();
        assert!(err.contains("tiny.toml") && err.contains("missing"), "{err}");
        let twice = format!("{GOOD}\n[translations.de]\ntitle = \"Klein\"\n");
        let both = Dir::with("twice", &[("tiny.toml", &twice), ("tiny.de.toml", GERMAN)]);
        let err = load_dir(&both.0).unwrap_err().to_string();
        assert!(err.contains("tiny.de.toml") && err.contains("'de'"), "{err}");
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
