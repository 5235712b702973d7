//! This build's front-end files and how a page loads them. cargo-leptos
//! names the wasm, its JavaScript glue and the stylesheet after a hash of
//! their content (`hash-files`) and writes the hashes to `hash.txt` beside
//! the server's binary. They are read once, at start-up: pages link those
//! names, and the server keeps exactly those files cached for a year
//! (`server/src/caching.rs`).
//!
//! The page's own loader replaces Leptos' `HydrationScripts` for one reason:
//! that one always adds `<link rel="preload">` hints for the script and the
//! wasm, which on a slow phone connection share the bandwidth with the HTML
//! and the stylesheet the first paint needs. Here nothing but the
//! stylesheet is fetched before the page is painted and the browser idle;
//! then the glue and the wasm load and hydrate the page's islands.

use leptos::config::LeptosOptions;
use std::collections::HashSet;
use std::sync::Arc;

/// Where the page's front-end files are, and which of them are hashed.
#[derive(Clone, Debug)]
pub struct Assets {
    /// `/pkg/tally.<hash>.js`: the wasm's JavaScript glue.
    pub script: String,
    /// `/pkg/tally.<hash>.wasm`.
    pub wasm: String,
    /// `/pkg/tally.<hash>.css`.
    pub stylesheet: String,
    /// `/pkg/`, the directory they are served under.
    prefix: String,
    /// The names of the files in that directory at start-up, when the build
    /// named them after their content (a `hash.txt` with hashes in it):
    /// besides the three above, the lazy islands' wasm chunks and their
    /// loader, whose hashes `hash.txt` does not list. Empty otherwise.
    hashed_files: Arc<HashSet<String>>,
}

impl Assets {
    /// The names in the hash file beside the binary (or where
    /// `LEPTOS_HASH_FILE_NAME` points); plain names without one.
    pub fn read(options: &LeptosOptions) -> Assets {
        let beside_binary = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.to_path_buf()));
        let path = beside_binary.unwrap_or_default().join(options.hash_file.as_ref());
        let text = std::fs::read_to_string(path).unwrap_or_default();
        // `js: <hash>`, `wasm: <hash>`, `css: <hash>`, one a line.
        let hashes: Vec<(&str, &str)> = text
            .lines()
            .filter_map(|line| line.split_once(':'))
            .map(|(kind, hash)| (kind.trim(), hash.trim()))
            .filter(|(_, hash)| !hash.is_empty())
            .collect();
        let hash_of =
            |kind: &str| hashes.iter().find(|(k, _)| *k == kind).map(|(_, h)| format!(".{h}")).unwrap_or_default();
        let prefix = format!("/{}/", options.site_pkg_dir.trim_matches('/'));
        let pkg_dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
        let hashed_files = match hashes.is_empty() {
            true => HashSet::new(),
            false => std::fs::read_dir(pkg_dir)
                .into_iter()
                .flatten()
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .collect(),
        };
        let name = &options.output_name;
        // Without hashes, the wasm is `<name>_bg.wasm` unless cargo-leptos named it at compile time.
        let bg = if hashes.is_empty() && option_env!("LEPTOS_OUTPUT_NAME").is_none() { "_bg" } else { "" };
        Assets {
            script: format!("{prefix}{name}{}.js", hash_of("js")),
            wasm: format!("{prefix}{name}{bg}{}.wasm", hash_of("wasm")),
            stylesheet: format!("{prefix}{name}{}.css", hash_of("css")),
            hashed_files: Arc::new(hashed_files),
            prefix,
        }
    }

    /// Whether `path` is one of this build's hashed files: its content
    /// never changes under that name.
    pub fn is_hashed(&self, path: &str) -> bool {
        path.strip_prefix(&self.prefix).is_some_and(|name| self.hashed_files.contains(name))
    }

    /// The module script that hydrates the page's islands once the browser
    /// is idle (or after two seconds at the latest, on a page that never
    /// is): it loads the glue and the wasm, then calls each island's entry
    /// point (exported under the name in its `data-component`) with its
    /// element, in page order; a lazy island's returns a promise.
    pub fn loader(&self) -> String {
        let (script, wasm) = (&self.script, &self.wasm);
        format!(
            "const hydrate = async () => {{\n\
             const glue = await import({script:?});\n\
             await glue.default({{ module_or_path: {wasm:?} }});\n\
             glue.hydrate();\n\
             for (const island of document.querySelectorAll('leptos-island')) \
             await glue[island.dataset.component]?.(island);\n\
             }};\n\
             if ('requestIdleCallback' in window) requestIdleCallback(hydrate, {{ timeout: 2000 }}); else hydrate();"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_builds_hashed_names_are_hashed() {
        let assets = Assets {
            script: String::new(),
            wasm: String::new(),
            stylesheet: String::new(),
            prefix: "/pkg/".into(),
            hashed_files: Arc::new(["tally.Ab_c-1.wasm".to_string(), "chunk_3.Xy-z.wasm".to_string()].into()),
        };
        assert!(assets.is_hashed("/pkg/tally.Ab_c-1.wasm"));
        assert!(assets.is_hashed("/pkg/chunk_3.Xy-z.wasm"), "a lazy island's chunk");
        assert!(!assets.is_hashed("/pkg/tally.wasm"));
        assert!(!assets.is_hashed("/pkg/tally.Zz9.wasm"));
        assert!(!assets.is_hashed("/b/tally.Ab_c-1.wasm"), "only under the package directory");
    }
}
