//! The architecture invariants of `src/lib.rs`, checked on the sources: modules sit in its layers
//! and import each other without a cycle, the data model does no I/O, and the crate depends on
//! nothing of ours. `module-graph` reads the sources; this file only states the rules.
//!
//! A module is a top-level file with its own folder (`alcmeon_data.rs` + `alcmeon_data/`,
//! `routes/mod.rs` + `routes/`): its files may use one another's private items, so the cycle check
//! runs between modules, then between the files inside each module.

use std::collections::{BTreeMap, BTreeSet};

use module_graph::{Crate, dependencies, top};

/// `lib.rs`'s layers, from the bottom: a module names only modules of its own layer or below.
const LAYERS: [(&str, &[&str]); 7] = [
    ("leaves", &LEAVES),
    (
        "rules without state",
        &["channel_details", "answer_request", "webhook"],
    ),
    ("data", &["alcmeon_data"]),
    ("data's users", &["persistence", "seed"]),
    ("answer queue", &["answer_flow"]),
    ("shared handle", &["emulator"]),
    ("edges", &["auth", "customer_traffic", "routes"]),
];
/// The modules that import no other module.
const LEAVES: [&str; 8] = [
    "config",
    "paging",
    "error",
    "model",
    "rate_limit",
    "token",
    "call_log",
    "outage",
];
/// What `lib.rs` says some modules import at most.
const ONLY: [(&str, &[&str]); 12] = [
    ("config", &[]),
    ("paging", &[]),
    ("error", &[]),
    ("model", &[]),
    ("rate_limit", &[]),
    ("token", &[]),
    ("call_log", &[]),
    ("outage", &[]),
    ("channel_details", &LEAVES),
    ("answer_request", &LEAVES),
    ("webhook", &LEAVES),
    ("answer_flow", &["answer_request", "model"]),
];
/// Imports `lib.rs` rules out within a layer.
const NEVER: [(&str, &str); 2] = [("persistence", "seed"), ("seed", "persistence")];
/// Modules that never reach the emulator handle, even through others.
const BELOW_THE_HANDLE: [&str; 7] = [
    "alcmeon_data",
    "persistence",
    "seed",
    "answer_flow",
    "call_log",
    "outage",
    "webhook",
];
/// What the data model (and its tests) never names: I/O, HTTP, logging.
const IO_CRATES: [&str; 5] = ["tokio", "reqwest", "axum", "tracing", "tracing_subscriber"];
const IO_PATHS: [&str; 2] = ["std::fs", "std::net"];
/// The workspace's crates, which the emulator never depends on; a dev-only tool may read its
/// sources in tests.
const OURS: [&str; 3] = ["protocol", "backend", "alcmeon-widget"];
const DEV_TOOLS: [&str; 1] = ["module-graph"];

fn source() -> Crate {
    Crate::read(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

#[test]
fn modules_import_each_other_without_a_cycle() {
    let graph = source().graph().top_level();
    assert!(
        graph.nodes().count() >= 15,
        "too few modules found: {graph:?}"
    );
    assert_eq!(graph.circle(), None);
}

#[test]
fn the_files_inside_a_module_import_each_other_without_a_cycle() {
    let source = source();
    let units: BTreeSet<&str> = source
        .modules()
        .filter(|file| file.module().contains("::"))
        .map(|file| file.top_level())
        .collect();
    assert!(units.contains("routes") && units.contains("alcmeon_data"));
    let graph = source.graph();
    for unit in units {
        assert_eq!(graph.within(unit).circle(), None, "in {unit}");
    }
}

#[test]
fn modules_sit_in_the_layers_lib_rs_lists() {
    let graph = source().graph().top_level();
    let wrong = graph.layer_violations(&LAYERS);
    assert!(wrong.is_empty(), "{wrong:#?}");
    let only: BTreeMap<&str, &[&str]> = ONLY.into_iter().collect();
    let wrong = graph.disallowed(|from, to| {
        only.get(from).is_none_or(|may| may.contains(&to)) && !NEVER.contains(&(from, to))
    });
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_lower_modules_never_reach_the_emulator_handle() {
    let graph = source().graph().top_level();
    for lower in BELOW_THE_HANDLE {
        assert!(
            !graph.reachable(lower).contains("emulator"),
            "{lower} reaches emulator: {:?}",
            graph.reachable(lower)
        );
    }
    assert_eq!(
        graph.reachable("alcmeon_data"),
        BTreeSet::from(["model", "channel_details", "paging"].map(str::to_owned))
    );
}

#[test]
fn the_data_model_does_no_io() {
    let source = source();
    let data: Vec<_> = source
        .modules()
        .filter(|file| top(file.module()) == "alcmeon_data")
        .collect();
    assert!(data.len() >= 3, "the data model's files: {data:?}");
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
