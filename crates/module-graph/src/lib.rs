//! Which module of a crate names which, read from its sources: the one checker behind the
//! architecture tests of this workspace's crates, so that each of them only declares its rules
//! (layers, what a module may name, names a module never uses). Dev-only: a test dependency,
//! never part of a build that ships.
//!
//! - [`Crate::read`] parses every `.rs` file under a crate's `src/` with `syn`, so comments and
//!   string literals name nothing. A file's module path is where it lies
//!   (`src/conversation/state.rs` is `conversation::state`; `lib.rs` and `main.rs` are roots).
//!   Test code is set apart: what items under `#[cfg(test)]` name is kept apart and imports
//!   nothing, and a file declared by a `#[cfg(test)] mod x;` (or lying below one) is a test file.
//! - A [`SourceFile`] knows the crate modules its code names (every `crate::`, `super::` and
//!   `self::` path and every path through a child module, `use` groups expanded, macro bodies read
//!   as tokens), resolved to the longest module path that is a file; and, for "this module never
//!   names X" rules, the [`Names`] (identifiers and paths) of its code and of its test items.
//! - [`Crate::graph`] is those imports between the crate's files (roots and test files left out).
//!   A [`Graph`] collapses to top-level modules or to the files of one module, finds an import
//!   [`Circle`] (`a → b → c → a`), checks a layer order or any rule of which module may name which
//!   (each [`Violation`] with its file and the path written there), and says what a module reaches.
//! - [`dependencies`] lists what a `Cargo.toml` depends on, section by section.

mod graph;
mod manifest;
mod scan;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub use graph::{Circle, Graph, Via, Violation, top};
pub use manifest::{Dependency, dependencies};

/// A crate's source files, each read and scanned.
#[derive(Debug)]
pub struct Crate {
    files: Vec<SourceFile>,
}

/// One `.rs` file: where it lies, its module, and what its code and its test items name.
#[derive(Debug)]
pub struct SourceFile {
    path: PathBuf,
    module: String,
    is_test: bool,
    text: String,
    imports: Vec<Import>,
    code: Names,
    tests: Names,
}

/// The identifiers and paths some code names; comments and string literals name nothing.
#[derive(Debug, Default)]
pub struct Names {
    paths: Vec<Vec<String>>,
    idents: BTreeSet<String>,
}

/// A module of the crate that a file names, and the first path that names it, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    pub path: String,
}

impl Crate {
    /// Every `.rs` file under `src` (a crate's `src/` folder).
    ///
    /// Panics, naming the file, if one cannot be read or parsed: a test should fail then.
    pub fn read(src: impl AsRef<Path>) -> Crate {
        fn walk(dir: &Path, src: &Path, found: &mut Vec<(PathBuf, PathBuf, String)>) {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|entry| entry.unwrap().path())
                .collect();
            entries.sort();
            for path in entries {
                if path.is_dir() {
                    walk(&path, src, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    let relative = path.strip_prefix(src).unwrap().to_owned();
                    // Shown as `src/store/mod.rs`.
                    let shown = Path::new(src.file_name().unwrap_or_default()).join(&relative);
                    found.push((shown, relative, text));
                }
            }
        }
        let src = src.as_ref();
        let mut found = vec![];
        walk(src, src, &mut found);
        Crate::build(found)
    }

    /// The files given as (path under `src/`, code): `("components/mod.rs", "pub mod thread;")`.
    pub fn from_sources<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Crate {
        Crate::build(
            files
                .into_iter()
                .map(|(path, code)| (PathBuf::from(path), PathBuf::from(path), code.to_owned()))
                .collect(),
        )
    }

    fn build(files: Vec<(PathBuf, PathBuf, String)>) -> Crate {
        let scanned: Vec<_> = files
            .into_iter()
            .map(|(path, relative, text)| {
                let module = module_of(&relative);
                let scan = scan::scan(&module, &text)
                    .unwrap_or_else(|e| panic!("{}: cannot parse: {e}", path.display()));
                (path, module, text, scan)
            })
            .collect();
        let known: BTreeSet<Vec<String>> = scanned
            .iter()
            .map(|(_, module, ..)| module.clone())
            .filter(|module| !module.is_empty())
            .collect();
        let test_modules: BTreeSet<Vec<String>> = scanned
            .iter()
            .flat_map(|(.., scan)| scan.test_modules.iter().cloned())
            .collect();
        let files = scanned
            .into_iter()
            .map(|(path, module, text, scan)| {
                let mut imports: Vec<Import> = vec![];
                for named in &scan.code.paths {
                    let Some(target) = scan::resolve(named, &known) else {
                        continue;
                    };
                    let target = target.join("::");
                    if target != module.join("::") && imports.iter().all(|i| i.module != target) {
                        imports.push(Import {
                            module: target,
                            path: named.written(),
                        });
                    }
                }
                SourceFile {
                    path,
                    is_test: (1..=module.len()).any(|n| test_modules.contains(&module[..n])),
                    module: module.join("::"),
                    text,
                    imports,
                    code: Names::from(&scan.code),
                    tests: Names::from(&scan.tests),
                }
            })
            .collect();
        Crate { files }
    }

    /// Every file read, roots and test files included.
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    /// The files that are modules of the crate: not a root (`lib.rs`, `main.rs`), not test code.
    pub fn modules(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter().filter(|file| file.is_module())
    }

    /// The file of `module` (`"conversation::state"`), if it is one.
    pub fn module(&self, module: &str) -> Option<&SourceFile> {
        self.modules().find(|file| file.module == module)
    }

    /// Which module names which, one node per file of [`Crate::modules`].
    pub fn graph(&self) -> Graph {
        let mut graph = Graph::default();
        for file in self.modules() {
            graph.add_node(&file.module);
            for import in &file.imports {
                if self.module(&import.module).is_some() {
                    graph.add_edge(
                        &file.module,
                        &import.module,
                        Via {
                            file: file.path.clone(),
                            path: import.path.clone(),
                        },
                    );
                }
            }
        }
        graph
    }
}

impl SourceFile {
    /// Where the file lies, from the folder read (`src/store/mod.rs`), or the path given to
    /// [`Crate::from_sources`].
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its module path, `"conversation::state"`; `""` for a root (`lib.rs`, `main.rs`).
    pub fn module(&self) -> &str {
        &self.module
    }

    /// Its top-level module (`"conversation"`), `""` for a root.
    pub fn top_level(&self) -> &str {
        top(&self.module)
    }

    /// Whether the file is test code: declared by a `#[cfg(test)] mod`, or below one.
    pub fn is_test(&self) -> bool {
        self.is_test
    }

    fn is_module(&self) -> bool {
        !self.module.is_empty() && !self.is_test
    }

    /// The whole text, comments and strings included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The crate modules its code names, each once, in the order they first appear; test items
    /// left out.
    pub fn imports(&self) -> &[Import] {
        &self.imports
    }

    /// What its code names outside `#[cfg(test)]` items (in a test file, all of it).
    pub fn code(&self) -> &Names {
        &self.code
    }

    /// What its `#[cfg(test)]` items (`mod tests { … }`, a test-only method) name.
    pub fn tests(&self) -> &Names {
        &self.tests
    }
}

impl Names {
    fn from(found: &scan::Found) -> Names {
        Names {
            paths: found
                .paths
                .iter()
                .map(|named| named.segments.clone())
                .collect(),
            idents: found.idents.clone(),
        }
    }

    /// Every identifier named.
    pub fn idents(&self) -> impl Iterator<Item = &str> {
        self.idents.iter().map(String::as_str)
    }

    /// Whether the identifier `name` (`"sqlx"`, `"AlcmeonClient"`) is named.
    pub fn names(&self, name: &str) -> bool {
        self.idents.contains(name)
    }

    /// Whether a path named starts with `prefix` (`"std::fs"`): `use std::{fs, net}` names
    /// `std::fs`.
    pub fn names_path(&self, prefix: &str) -> bool {
        let prefix: Vec<&str> = prefix.split("::").collect();
        self.paths
            .iter()
            .any(|path| path.len() >= prefix.len() && path.iter().zip(&prefix).all(|(a, b)| a == b))
    }
}

/// `conversation/state.rs` → `[conversation, state]`, `components/mod.rs` → `[components]`, a
/// root `lib.rs` or `main.rs` → `[]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut module: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let root = module.len() == 1 && matches!(module[0].as_str(), "lib" | "main");
    if root || module.last().is_some_and(|last| last == "mod") {
        module.pop();
    }
    module
}
