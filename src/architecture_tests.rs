//! The import rules `lib.rs` states, checked on the source itself: every module is in one layer
//! and imports only from its layer and the ones before it, pure modules name no browser crate,
//! and no file of `src/` imports, through any path, a file that imports it back.
//! Test code (`tests` modules, `test_items`) is left out: it may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LAYERS: [&str; 4] = ["pure", "browser", "state", "views"];
const BROWSER_CRATES: [&str; 8] = [
    "leptos::",
    "web_sys::",
    "js_sys::",
    "wasm_bindgen",
    "gloo_",
    "send_wrapper::",
    "wasm_streams::",
    "eventsource_stream::",
];
const TEST_ONLY: [&str; 2] = ["test_items", "architecture_tests"];

/// Each source file's module path (`conversation::state`) and its code, test modules cut off.
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &[String], found: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            if path.is_dir() {
                walk(&path, &[prefix, &[name]].concat(), found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let module = match name.as_str() {
                    "mod" | "lib" => prefix.to_vec(),
                    _ => [prefix, &[name]].concat(),
                };
                let test_only = module.iter().any(|m| m == "tests")
                    || module
                        .first()
                        .is_some_and(|m| TEST_ONLY.contains(&m.as_str()));
                if !test_only && !module.is_empty() {
                    let code = std::fs::read_to_string(&path).unwrap();
                    found.insert(module.join("::"), without_tests(&code));
                }
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut found,
    );
    found
}

/// The code without comments and without an inline `#[cfg(test)] mod tests { … }`.
fn without_tests(code: &str) -> String {
    let code = match code.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &code[..at],
        None => code,
    };
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules `module` imports: every `crate::`, `super::` and `self::` path in its code, and
/// the relative `use` of a child module, resolved to the longest module path that is a file.
fn imports(module: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let own: Vec<&str> = module.split("::").collect();
    let mut found = BTreeSet::new();
    let mut resolve = |base: Vec<&str>, rest: &[&str]| {
        for take in (0..=rest.len()).rev() {
            let path = [base.as_slice(), &rest[..take]].concat().join("::");
            if modules.contains(&path) {
                if path != module {
                    found.insert(path);
                }
                return;
            }
        }
    };
    let tokens = tokenize(code);
    for (at, token) in tokens.iter().enumerate() {
        if at > 0 && tokens[at - 1] == "::" || tokens.get(at + 1) != Some(&"::") {
            continue;
        }
        let base = match *token {
            "crate" => vec![],
            "self" => own.clone(),
            "super" => own[..own.len() - 1].to_vec(),
            // `use child::Item;` in a module that declares `mod child;`
            child if at > 0 && tokens[at - 1] == "use" => [own.as_slice(), &[child]].concat(),
            _ => continue,
        };
        for path in paths_from(&tokens[at + 1..]) {
            resolve(base.clone(), &path);
        }
    }
    found
}

/// Identifiers, `::`, braces and commas; any other character is a `;` that ends a path.
fn tokenize(code: &str) -> Vec<&str> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut tokens = vec![];
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        let len = if word(c) {
            rest.find(|c| !word(c)).unwrap_or(rest.len())
        } else if rest.starts_with("::") {
            2
        } else {
            c.len_utf8()
        };
        match &rest[..len] {
            _ if c.is_whitespace() => {}
            token if word(c) || matches!(token, "::" | "{" | "}" | ",") => tokens.push(token),
            _ => tokens.push(";"),
        }
        rest = &rest[len..];
    }
    tokens
}

/// The paths a `::`-chain starting at `tokens` names, a `{a, b::c}` group giving several.
fn paths_from<'t>(tokens: &[&'t str]) -> Vec<Vec<&'t str>> {
    let mut path = vec![];
    let mut at = 0;
    while at < tokens.len() && tokens[at] == "::" {
        match tokens.get(at + 1) {
            Some(&"{") => {
                let mut paths = vec![];
                let mut inner = at + 2;
                while inner < tokens.len() && tokens[inner] != "}" {
                    for tail in paths_from(&[&["::"], &tokens[inner..]].concat()) {
                        paths.push([path.clone(), tail].concat());
                    }
                    // On to the next item of this group, past any group nested in this one.
                    let mut depth = 0;
                    while let Some(&token) = tokens.get(inner) {
                        match token {
                            "{" => depth += 1,
                            "}" if depth == 0 => break,
                            "}" => depth -= 1,
                            "," if depth == 0 => {
                                inner += 1;
                                break;
                            }
                            _ => {}
                        }
                        inner += 1;
                    }
                }
                return paths;
            }
            Some(name) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                path.push(*name);
                at += 2;
            }
            _ => break,
        }
    }
    vec![path]
}

/// The layers `lib.rs`'s top comment names, by top-level module.
fn layers() -> BTreeMap<String, usize> {
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    let mut found = BTreeMap::new();
    let mut current: Option<(usize, bool)> = None;
    for line in lib.lines().filter_map(|line| line.strip_prefix("//!")) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("- **") {
            let (layer, names) = rest.split_once("**:").expect("a layer line");
            let index = LAYERS.iter().position(|l| *l == layer).expect(layer);
            current = Some((index, true));
            take_names(names, index, &mut current, &mut found);
        } else if line.is_empty() {
            current = None;
        } else if let Some((index, true)) = current {
            take_names(line, index, &mut current, &mut found);
        }
    }
    found
}

fn take_names(
    text: &str,
    layer: usize,
    current: &mut Option<(usize, bool)>,
    found: &mut BTreeMap<String, usize>,
) {
    let (names, ended) = match text.split_once('—') {
        Some((names, _)) => (names, true),
        None => (text, false),
    };
    for name in names.split('`').skip(1).step_by(2) {
        assert!(
            found.insert(name.to_owned(), layer).is_none(),
            "`{name}` is in two layers"
        );
    }
    if ended {
        *current = Some((layer, false));
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    sources
        .iter()
        .map(|(module, code)| (module.clone(), imports(module, code, &modules)))
        .collect()
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap()
}

/// A circle in `graph`, as the modules along it, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            return Some([&path[at..], &[module.to_owned()]].concat());
        }
        if !done.insert(module.to_owned()) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut vec![], &mut done))
}

#[test]
fn every_module_of_the_crate_is_in_one_layer_of_lib_rs() {
    let layers = layers();
    let modules: BTreeSet<String> = sources().keys().map(|m| top(m).to_owned()).collect();
    let named: BTreeSet<String> = layers.keys().cloned().collect();
    assert_eq!(
        modules, named,
        "lib.rs's layers name every module, and only those"
    );
}

#[test]
fn a_module_imports_only_from_its_layer_and_the_layers_before_it() {
    let layers = layers();
    let mut wrong = vec![];
    for (module, imported) in graph() {
        let layer = layers[top(&module)];
        for other in imported {
            if layers[top(&other)] > layer {
                wrong.push(format!(
                    "{module} ({}) imports {other} ({})",
                    LAYERS[layer],
                    LAYERS[layers[top(&other)]]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn pure_modules_name_no_browser_crate() {
    let layers = layers();
    let mut wrong = vec![];
    for (module, code) in sources() {
        if layers[top(&module)] == 0 {
            for name in BROWSER_CRATES.iter().filter(|name| code.contains(*name)) {
                wrong.push(format!("{module} uses {name}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let graph = graph();
    assert!(
        graph["conversation::state"].contains("conversation::thread_feed"),
        "the checker sees imports: {graph:#?}"
    );
    assert_eq!(circle(&graph), None);
}

#[test]
fn the_circle_the_views_once_had_is_found() {
    let sources = [
        (
            "components::attachment",
            "use super::conversation_state::ConversationState;",
        ),
        (
            "components::conversation_state",
            "use super::thread::ThreadFeed;",
        ),
        ("components::thread", "use super::message::ThreadRow;"),
        (
            "components::message",
            "use super::{attachment::{Attachments}, event_line::EventLine, replies::Replies};",
        ),
        ("components::event_line", ""),
        (
            "components::replies",
            "use super::conversation_state::ConversationState;",
        ),
    ];
    let modules: BTreeSet<String> = sources.iter().map(|(m, _)| m.to_string()).collect();
    let graph: BTreeMap<String, BTreeSet<String>> = sources
        .iter()
        .map(|(m, code)| (m.to_string(), imports(m, code, &modules)))
        .collect();
    assert!(graph["components::message"].contains("components::replies"));
    assert!(graph["components::message"].contains("components::event_line"));
    let found = circle(&graph).expect("a circle");
    assert!(found.len() >= 4, "{found:?}");
    assert_eq!(found.first(), found.last());
}
