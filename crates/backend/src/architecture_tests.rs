//! The architecture invariants of `lib.rs`, checked on the source: which top-level module may
//! name which (`crate::…`, `super::…`), no import circle between them, no SQL outside `store`, no
//! Alcméon client in `store` or `http`, no emulator among the dependencies, nothing read outside
//! the repository. `module-graph` reads the sources; this file only states the rules.

use std::collections::BTreeMap;
use std::path::Path;

use module_graph::{Crate, dependencies, top};

/// Each top-level module and the top-level modules it may name. Leaves first.
const ALLOWED: [(&str, &[&str]); 16] = [
    ("alcmeon", &[]),
    ("salesforce", &[]),
    ("config", &[]),
    ("telemetry", &[]),
    ("time_zones", &[]),
    ("store", &["alcmeon"]),
    ("consent", &["alcmeon", "store"]),
    ("engagement", &["alcmeon", "config", "consent", "store"]),
    ("provisioning", &["alcmeon", "config", "store"]),
    ("outbox", &["alcmeon", "provisioning", "store"]),
    ("sync", &["alcmeon", "config", "store"]),
    ("event_pruning", &["store"]),
    ("matching", &["alcmeon", "config", "store", "telemetry"]),
    ("records", &["config", "salesforce", "store", "telemetry"]),
    (
        "http",
        &[
            "alcmeon",
            "config",
            "engagement",
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
            "consent",
            "engagement",
            "event_pruning",
            "http",
            "matching",
            "outbox",
            "provisioning",
            "records",
            "store",
            "sync",
        ],
    ),
];

/// Names only the store's code may use.
const SQL: [&str; 1] = ["sqlx"];
/// Names the code of `store` and `http` never uses: the Alcméon client and an HTTP client.
const ALCMEON_CALLS: [&str; 2] = ["AlcmeonClient", "reqwest"];
/// Names `http` never uses: it reads the record sync's state through the store only.
const SALESFORCE_CALLS: [&str; 1] = ["SalesforceClient"];
/// Places outside the repository that no file names, even in a comment or a string.
const OUTSIDE: [&str; 2] = ["../shared", "/work/"];

fn source() -> Crate {
    Crate::read(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

#[test]
fn each_module_names_only_the_modules_it_may() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.into_iter().collect();
    let graph = source().graph();
    for module in graph.top_level().nodes() {
        assert!(
            allowed.contains_key(module),
            "{module} is not in ALLOWED: say what it may import"
        );
    }
    assert!(
        graph.top_level().edge("http", "store").is_some(),
        "the checker sees imports"
    );
    let wrong =
        graph.disallowed(|from, to| top(from) == top(to) || allowed[top(from)].contains(&top(to)));
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn there_is_no_import_circle_between_top_level_modules() {
    assert_eq!(source().graph().top_level().circle(), None);
}

#[test]
fn sql_lives_in_the_store_and_alcmeon_is_called_from_neither_the_store_nor_http() {
    let source = source();
    for file in source.files() {
        let shown = file.path().display();
        let names = |name: &str| file.code().names(name) || file.tests().names(name);
        if file.top_level() != "store" {
            for name in SQL {
                assert!(!names(name), "{shown} uses {name} outside the store");
            }
        }
        if matches!(file.top_level(), "store" | "http") {
            for name in ALCMEON_CALLS {
                assert!(!names(name), "{shown} names {name}: it calls Alcméon");
            }
            for name in SALESFORCE_CALLS {
                assert!(!names(name), "{shown} names {name}: it calls Salesforce");
            }
        }
    }
    let store = source.module("store::thread").unwrap();
    assert!(store.code().names("sqlx"), "the checker sees SQL");
}

#[test]
fn the_emulator_is_only_a_test_dependency_and_nothing_is_read_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let dependencies = dependencies(&manifest);
    assert!(dependencies.len() > 10, "{dependencies:#?}");
    for dependency in dependencies
        .iter()
        .filter(|d| d.section != "dev-dependencies")
    {
        let named = format!("{} {}", dependency.name, dependency.spec);
        for emulator in ["alcmeon-emulator", "salesforce-emulator"] {
            assert!(!named.contains(emulator), "{dependency:?}");
        }
    }
    let this_file = Path::new(file!()).file_name().unwrap();
    for file in source().files() {
        if file.path().file_name() == Some(this_file) {
            continue;
        }
        for place in OUTSIDE {
            let shown = file.path().display();
            assert!(!file.text().contains(place), "{shown} names {place}");
        }
    }
}
