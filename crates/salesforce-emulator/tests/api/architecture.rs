//! The architecture invariants of `src/lib.rs`, checked on the sources: modules sit in its layers
//! and import each other without a cycle, the org data does no I/O, and the crate depends on
//! nothing of ours. `module-graph` reads the sources; this file only states the rules.

use std::collections::BTreeMap;

use module_graph::{Crate, dependencies, top};

/// `lib.rs`'s layers, from the bottom: a module names only modules of its own layer or below.
const LAYERS: [(&str, &[&str]); 5] = [
    (
        "leaves",
        &[
            "config",
            "error",
            "ids",
            "schema",
            "outage",
            "query_cursors",
            "jwt_bearer",
        ],
    ),
    ("data", &["org_data"]),
    ("data's users", &["persistence", "seed", "soql"]),
    ("shared handle", &["emulator"]),
    ("edges", &["routes"]),
];
/// What `lib.rs` says some modules import at most.
const ONLY: [(&str, &[&str]); 9] = [
    ("config", &[]),
    ("error", &[]),
    ("ids", &[]),
    ("schema", &[]),
    ("outage", &[]),
    ("query_cursors", &[]),
    ("jwt_bearer", &["error"]),
    ("org_data", &["error", "ids", "schema"]),
    ("persistence", &["org_data"]),
];
const NEVER: [(&str, &str); 6] = [
    ("persistence", "seed"),
    ("persistence", "soql"),
    ("seed", "persistence"),
    ("seed", "soql"),
    ("soql", "persistence"),
    ("soql", "seed"),
];
const IO_CRATES: [&str; 5] = ["tokio", "reqwest", "axum", "tracing", "getrandom"];
const IO_PATHS: [&str; 2] = ["std::fs", "std::net"];
const OURS: [&str; 4] = ["protocol", "backend", "alcmeon-widget", "alcmeon-emulator"];
const DEV_TOOLS: [&str; 1] = ["module-graph"];

fn source() -> Crate {
    Crate::read(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

#[test]
fn modules_sit_in_the_layers_lib_rs_lists_without_a_cycle() {
    let source = source();
    let graph = source.graph().top_level();
    assert!(
        graph.nodes().count() >= 12,
        "too few modules found: {graph:?}"
    );
    assert_eq!(graph.circle(), None);
    for unit in ["org_data", "routes", "soql"] {
        assert_eq!(source.graph().within(unit).circle(), None, "in {unit}");
    }
    let wrong = graph.layer_violations(&LAYERS);
    assert!(wrong.is_empty(), "{wrong:#?}");
    let only: BTreeMap<&str, &[&str]> = ONLY.into_iter().collect();
    let wrong = graph.disallowed(|from, to| {
        only.get(from).is_none_or(|may| may.contains(&to)) && !NEVER.contains(&(from, to))
    });
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_org_data_does_no_io() {
    let source = source();
    let data: Vec<_> = source
        .modules()
        .filter(|file| top(file.module()) == "org_data")
        .collect();
    assert!(data.len() >= 4, "the org data's files: {data:?}");
    for file in data {
        let shown = file.path().display();
        for names in [file.code(), file.tests()] {
            for io in IO_CRATES {
                assert!(!names.names(io), "{shown} uses {io}");
            }
            for io in IO_PATHS {
                assert!(!names.names_path(io), "{shown} uses {io}");
            }
        }
    }
}

#[test]
fn the_emulator_depends_on_no_crate_of_ours() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let dependencies = dependencies(&manifest);
    assert!(
        dependencies.len() > 10,
        "no dependencies read from Cargo.toml"
    );
    for dependency in &dependencies {
        let tool = dependency.section == "dev-dependencies"
            && DEV_TOOLS.contains(&dependency.name.as_str());
        assert!(tool || !dependency.spec.contains("path"), "{dependency:?}");
        assert!(!OURS.contains(&dependency.name.as_str()), "{dependency:?}");
    }
}
