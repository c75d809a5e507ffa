//! The architecture invariants of `lib.rs`, checked on the source: which top-level module may
//! name which (`crate::…`), no import circle between them, no SQL outside `store`, no Alcméon
//! client in `store` or `http`, no emulator among the dependencies, nothing read outside the
//! repository.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and the top-level modules it may name. Leaves first.
const ALLOWED: [(&str, &[&str]); 11] = [
    ("alcmeon", &[]),
    ("config", &[]),
    ("telemetry", &[]),
    ("time_zones", &[]),
    ("store", &["alcmeon"]),
    ("provisioning", &["alcmeon", "config", "store"]),
    ("outbox", &["alcmeon", "provisioning", "store"]),
    ("sync", &["alcmeon", "store"]),
    ("event_pruning", &["store"]),
    (
        "http",
        &[
            "alcmeon",
            "config",
            "outbox",
            "provisioning",
            "store",
            "sync",
            "time_zones",
        ],
    ),
    (
        "startup",
        &[
            "alcmeon",
            "config",
            "event_pruning",
            "http",
            "outbox",
            "provisioning",
            "store",
            "sync",
        ],
    ),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((path, text));
        }
    }
    files
}

/// The top-level module a file belongs to (`store` for `src/store/thread.rs`), `None` for the
/// crate root and this file.
fn module_of(path: &Path) -> Option<String> {
    let relative = path.strip_prefix(src()).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "lib" | "main" | "architecture_tests")).then(|| name.to_owned())
}

/// The code of a file without its `#[cfg(test)]` tail and its comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each top-level module and the top-level modules its code names as `crate::…`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources(&src()) {
        let Some(module) = module_of(&path) else {
            continue;
        };
        let named = code(&text)
            .split("crate::")
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .filter(|named| *named != module)
            .collect::<Vec<_>>();
        graph.entry(module).or_default().extend(named);
    }
    graph
}

#[test]
fn each_module_names_only_the_modules_it_may() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.into_iter().collect();
    for (module, named) in imports() {
        let may = allowed
            .get(module.as_str())
            .unwrap_or_else(|| panic!("{module} is not in ALLOWED: say what it may import"));
        let forbidden: Vec<_> = named
            .iter()
            .filter(|n| !may.contains(&n.as_str()))
            .collect();
        assert!(forbidden.is_empty(), "{module} names {forbidden:?}");
    }
}

#[test]
fn there_is_no_import_circle_between_top_level_modules() {
    let graph = imports();
    // Kahn's algorithm: whatever cannot be ordered sits on a circle.
    let mut remaining = graph.clone();
    loop {
        let leaves: Vec<String> = remaining
            .iter()
            .filter(|(_, named)| named.iter().all(|n| !remaining.contains_key(n)))
            .map(|(module, _)| module.clone())
            .collect();
        if leaves.is_empty() {
            break;
        }
        leaves.iter().for_each(|leaf| {
            remaining.remove(leaf);
        });
    }
    assert!(
        remaining.is_empty(),
        "modules on an import circle: {remaining:?}"
    );
}

#[test]
fn sql_lives_in_the_store_and_alcmeon_is_called_from_neither_the_store_nor_http() {
    for (path, text) in sources(&src()) {
        let Some(module) = module_of(&path) else {
            continue;
        };
        let code = code(&text);
        let shown = path.display();
        if module != "store" {
            assert!(
                !code.contains("sqlx::"),
                "{shown} uses sqlx outside the store"
            );
        }
        if matches!(module.as_str(), "store" | "http") {
            assert!(!code.contains("AlcmeonClient"), "{shown} calls Alcméon");
            assert!(!code.contains("reqwest"), "{shown} makes HTTP calls");
        }
    }
}

#[test]
fn the_emulator_is_only_a_test_dependency_and_nothing_is_read_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    assert!(!dependencies.contains("alcmeon-emulator"));
    let outside = ["../shared", "/work/"];
    let this_file = Path::new(file!()).file_name().unwrap();
    for (path, text) in sources(&src()) {
        if path.file_name() == Some(this_file) {
            continue;
        }
        for place in outside {
            assert!(!text.contains(place), "{} names {place}", path.display());
        }
    }
}
