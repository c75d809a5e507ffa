//! The import rules `lib.rs` states, checked on the source itself: every module is in one layer
//! and imports only from its layer and the ones before it, pure modules name no browser crate,
//! and no file of `src/` imports, through any path, a file that imports it back.
//! Test code (`#[cfg(test)]` items and files: `tests`, `test_items`, this one) is left out: it
//! may use anything. `module-graph` reads the sources; this file only states the rules.

use std::collections::BTreeSet;

use module_graph::Crate;

/// The layers of `lib.rs`, in the order it lists them: each imports only from those before it.
const LAYERS: [&str; 4] = ["pure", "browser", "state", "views"];
/// What a pure module never names: an identifier that is, or starts with, one of these crates.
const BROWSER_CRATES: [&str; 7] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "serde_wasm_bindgen",
    "gloo",
    "send_wrapper",
];

fn source() -> Crate {
    Crate::read(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

/// The layers `lib.rs`'s top comment lists (`- **pure**: `a`, `b` — …`), each with the modules
/// named from its `- **layer**:` to the first `—` or blank line.
fn layers() -> Vec<(String, Vec<String>)> {
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    let doc: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    let doc = doc.join("\n");
    let (_, layer_list) = doc.split_once("\n- **").expect("lib.rs lists the layers");
    layer_list
        .split("\n- **")
        .map(|item| {
            let (layer, rest) = item.split_once("**:").expect("a layer line");
            let names = rest
                .split('—')
                .next()
                .unwrap()
                .split("\n\n")
                .next()
                .unwrap();
            let names = names.split('`').enumerate();
            let names = names
                .filter(|(n, _)| n % 2 == 1)
                .map(|(_, name)| name.to_owned());
            (layer.to_owned(), names.collect())
        })
        .collect()
}

#[test]
fn every_module_of_the_crate_is_in_one_layer_of_lib_rs() {
    let layers = layers();
    let names: Vec<&str> = layers.iter().map(|(layer, _)| layer.as_str()).collect();
    assert_eq!(names, LAYERS, "lib.rs lists these layers, in this order");
    let mut named = BTreeSet::new();
    for module in layers.iter().flat_map(|(_, modules)| modules) {
        assert!(named.insert(module.as_str()), "`{module}` is in two layers");
    }
    let source = source();
    let modules: BTreeSet<&str> = source.modules().map(|file| file.top_level()).collect();
    assert_eq!(
        modules, named,
        "lib.rs's layers name every module, and only those"
    );
}

#[test]
fn a_module_imports_only_from_its_layer_and_the_layers_before_it() {
    let wrong = source().graph().layer_violations(&layers());
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn pure_modules_name_no_browser_crate() {
    let layers = layers();
    let pure = &layers.iter().find(|(layer, _)| layer == "pure").unwrap().1;
    let source = source();
    let mut wrong = vec![];
    for file in source
        .modules()
        .filter(|f| pure.iter().any(|m| m == f.top_level()))
    {
        for name in file.code().idents() {
            if BROWSER_CRATES.iter().any(|c| name.starts_with(c)) {
                wrong.push(format!("{} uses {name}", file.path().display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let api = source.module("api").unwrap();
    assert!(
        api.code().names("gloo_net"),
        "the checker sees browser crates"
    );
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let graph = source().graph();
    assert!(
        graph
            .edge("conversation::state", "conversation::thread_feed")
            .is_some(),
        "the checker sees imports: {graph:#?}"
    );
    assert_eq!(graph.circle(), None);
}

#[test]
fn the_circle_the_views_once_had_is_found() {
    let graph = Crate::from_sources([
        (
            "components/attachment.rs",
            "use super::conversation_state::ConversationState;",
        ),
        (
            "components/conversation_state.rs",
            "use super::thread::ThreadFeed;",
        ),
        ("components/thread.rs", "use super::message::ThreadRow;"),
        (
            "components/message.rs",
            "use super::{attachment::{Attachments}, event_line::EventLine, replies::Replies};",
        ),
        ("components/event_line.rs", ""),
        (
            "components/replies.rs",
            "use super::conversation_state::ConversationState;",
        ),
    ])
    .graph();
    assert!(
        graph
            .edge("components::message", "components::replies")
            .is_some()
    );
    assert!(
        graph
            .edge("components::message", "components::event_line")
            .is_some()
    );
    let found = graph.circle().expect("a circle");
    assert!(found.modules.len() >= 4, "{found}");
    assert_eq!(found.modules.first(), found.modules.last());
}
