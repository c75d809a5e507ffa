//! The architecture invariants of `src/lib.rs`, checked on the sources: modules import each other
//! without a cycle, the data model does no I/O, and the crate depends on nothing of ours.
//!
//! A module is a top-level file with its own folder (`alcmeon_data.rs` + `alcmeon_data/`,
//! `routes/mod.rs` + `routes/`): its files may use one another's private items, so the cycle check
//! runs between modules, then between the files inside each module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// Module path (`["routes", "control"]`) → the file's code, comment lines left out. `lib.rs`,
/// which wires every module together, and the binary's `main.rs` are not modules here.
fn modules() -> BTreeMap<Vec<String>, String> {
    let mut modules = BTreeMap::new();
    collect(Path::new(SRC), &[], &mut modules);
    modules
}

fn collect(dir: &Path, prefix: &[String], modules: &mut BTreeMap<Vec<String>, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut module = prefix.to_vec();
        if path.is_dir() {
            module.push(name);
            collect(&path, &module, modules);
            continue;
        }
        if path.extension().is_none_or(|extension| extension != "rs") {
            continue;
        }
        match name.as_str() {
            "lib" | "main" if prefix.is_empty() => continue,
            "mod" => {}
            _ => module.push(name),
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code: Vec<&str> = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect();
        modules.insert(module, code.join("\n"));
    }
}

/// The modules `code` (in module `from`) names through `crate::`, `super::` or `self::` paths.
fn imports(from: &[String], code: &str, known: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    for (anchor, base) in [
        ("crate::", Vec::new()),
        ("super::", from[..from.len() - 1].to_vec()),
        ("self::", from.to_vec()),
    ] {
        let mut rest = code;
        while let Some(at) = rest.find(anchor) {
            let preceded_by_ident = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            rest = &rest[at + anchor.len()..];
            if preceded_by_ident {
                continue;
            }
            for path in paths_after(rest) {
                let mut full = base.clone();
                full.extend(path);
                if let Some(module) = longest_known_prefix(&full, known) {
                    found.insert(module);
                }
            }
        }
    }
    found
}

/// `a::b::C` → `[[a, b, C]]`; `a::{b, c::D}` → `[[a, b], [a, c, D]]` (one level of braces).
fn paths_after(text: &str) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    let mut rest = text;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        segments.push(rest[..end].to_owned());
        rest = &rest[end..];
        match rest.strip_prefix("::") {
            Some(after) => rest = after,
            None => return vec![segments],
        }
    }
    let Some(group) = rest.strip_prefix('{').and_then(|g| g.split('}').next()) else {
        return vec![segments];
    };
    group
        .split(',')
        .filter_map(|item| {
            let mut path = segments.clone();
            path.extend(
                item.trim()
                    .split("::")
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty() && s != "self"),
            );
            (!path.is_empty()).then_some(path)
        })
        .collect()
}

fn longest_known_prefix(path: &[String], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| known.contains(prefix))
}

/// The edges between the nodes `node_of` gives (ignoring files it gives none), without self-loops.
fn graph(node_of: impl Fn(&[String]) -> Option<String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &modules {
        let Some(from) = node_of(module) else {
            continue;
        };
        let targets = edges.entry(from.clone()).or_default();
        for target in imports(module, code, &known) {
            if let Some(to) = node_of(&target).filter(|to| *to != from) {
                targets.insert(to);
            }
        }
    }
    edges
}

/// A cycle as `a → b → a`, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<String> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle.join(" → "));
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn modules_import_each_other_without_a_cycle() {
    let edges = graph(|module| module.first().cloned());
    assert!(edges.len() >= 15, "too few modules found: {edges:?}");
    assert_eq!(find_cycle(&edges), None, "modules: {edges:#?}");
}

#[test]
fn the_files_inside_a_module_import_each_other_without_a_cycle() {
    let units: BTreeSet<String> = modules()
        .keys()
        .filter(|module| module.len() > 1)
        .map(|module| module[0].clone())
        .collect();
    assert!(units.contains("routes") && units.contains("alcmeon_data"));
    for unit in units {
        let edges =
            graph(|module| (module.len() > 1 && module[0] == unit).then(|| module[1].clone()));
        assert_eq!(find_cycle(&edges), None, "{unit}: {edges:#?}");
    }
}

#[test]
fn the_lower_modules_never_reach_the_emulator_handle() {
    let edges = graph(|module| module.first().cloned());
    let reachable = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut queue = vec![from.to_owned()];
        while let Some(node) = queue.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    queue.push(next.clone());
                }
            }
        }
        seen
    };
    for lower in [
        "alcmeon_data",
        "persistence",
        "seed",
        "answer_flow",
        "call_log",
        "webhook",
    ] {
        assert!(
            !reachable(lower).contains("emulator"),
            "{lower} reaches emulator: {edges:#?}"
        );
    }
    assert_eq!(
        reachable("alcmeon_data"),
        BTreeSet::from(["model".to_owned(), "channel_details".to_owned()])
    );
}

#[test]
fn the_data_model_does_no_io() {
    for (module, code) in modules() {
        if module[0] != "alcmeon_data" {
            continue;
        }
        for io in ["std::fs", "std::net", "tokio", "reqwest", "axum", "tracing"] {
            assert!(!code.contains(io), "{module:?} uses {io}");
        }
    }
}

#[test]
fn the_emulator_depends_on_no_crate_of_ours() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let mut section = "";
    let mut dependencies = 0;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if !section.contains("dependencies") || line.is_empty() || line.starts_with('#') {
            continue;
        }
        dependencies += 1;
        let name = line.split(['=', ' ']).next().unwrap_or_default();
        assert!(!line.contains("path"), "{section} {line}");
        assert!(
            !["protocol", "backend", "alcmeon-widget"].contains(&name),
            "{section} {line}"
        );
    }
    assert!(dependencies > 10, "no dependencies read from Cargo.toml");
}
