use super::*;

fn imports(krate: &Crate, module: &str) -> Vec<String> {
    let file = krate
        .module(module)
        .unwrap_or_else(|| panic!("no module {module}"));
    file.imports().iter().map(|i| i.module.clone()).collect()
}

#[test]
fn a_circle_is_found_and_shown_as_a_path_with_where_each_step_is_named() {
    let krate = Crate::from_sources([
        ("lib.rs", "mod a; mod b; mod c; mod d;"),
        ("a.rs", "use crate::b::B;"),
        ("b.rs", "pub fn f() -> crate::c::C { todo!() }"),
        ("c.rs", "use super::a;"),
        ("d.rs", "use crate::a::A;"),
    ]);
    let circle = krate.graph().circle().expect("a circle");
    assert_eq!(circle.modules, ["a", "b", "c", "a"]);
    assert_eq!(
        circle.to_string(),
        "a → b → c → a\n  a → b: a.rs names `crate::b::B`\n  \
         b → c: b.rs names `crate::c::C`\n  c → a: c.rs names `super::a`"
    );
}

#[test]
fn no_circle_between_files_can_still_be_one_between_top_level_modules() {
    let krate = Crate::from_sources([
        ("a/mod.rs", "mod x; mod y;"),
        ("a/x.rs", "use crate::b::z;"),
        ("a/y.rs", ""),
        ("b/mod.rs", "mod z;"),
        ("b/z.rs", "use crate::a::y;"),
    ]);
    let graph = krate.graph();
    assert_eq!(graph.circle(), None);
    assert_eq!(graph.top_level().circle().unwrap().modules, ["a", "b", "a"]);
    assert_eq!(
        graph.within("a").nodes().collect::<Vec<_>>(),
        ["a::x", "a::y"]
    );
    assert_eq!(
        graph.reachable("a::x"),
        BTreeSet::from(["b::z".into(), "a::y".into()])
    );
}

#[test]
fn a_layer_violation_is_reported_with_its_file_and_path() {
    let krate = Crate::from_sources([
        ("pure.rs", "use crate::views::Button;"),
        ("state/mod.rs", "mod feed;"),
        ("state/feed.rs", "use crate::pure::rows;"),
        ("views.rs", "use crate::state::feed::Feed;"),
    ]);
    let layers: [(&str, &[&str]); 3] = [
        ("pure", &["pure"]),
        ("state", &["state"]),
        ("views", &["views"]),
    ];
    let wrong = krate.graph().layer_violations(&layers);
    assert_eq!(
        wrong.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["pure.rs: pure names views through `crate::views::Button` (pure may not name views)"]
    );
}

#[test]
#[should_panic(expected = "`extra` is in no layer")]
fn a_module_in_no_layer_is_refused() {
    let krate = Crate::from_sources([("pure.rs", ""), ("extra.rs", "")]);
    krate.graph().layer_violations(&[("pure", &["pure"])]);
}

#[test]
fn nested_use_groups_name_each_module_in_them() {
    let krate = Crate::from_sources([
        ("a/mod.rs", "pub mod b; pub mod c;"),
        ("a/b.rs", ""),
        ("a/c.rs", ""),
        ("d/mod.rs", "pub mod e;"),
        ("d/e.rs", ""),
        ("f.rs", ""),
        (
            "user.rs",
            "use crate::{a::{b::X, c}, d::{self, e::{self as e2, Y}}};\nuse crate::f::*;",
        ),
    ]);
    assert_eq!(imports(&krate, "user"), ["a::b", "a::c", "d", "d::e", "f"]);
    let user = krate.module("user").unwrap();
    assert_eq!(user.imports()[1].path, "crate::a::c");
    assert_eq!(user.imports()[2].path, "crate::d");
}

#[test]
fn super_and_self_resolve_from_the_module_they_are_written_in() {
    let krate = Crate::from_sources([
        ("top.rs", ""),
        ("ui/mod.rs", "mod thread; mod message;"),
        ("ui/message.rs", "pub struct Row;"),
        ("ui/thread/mod.rs", "mod log; use log::Log;"),
        (
            "ui/thread/log.rs",
            "pub(super) struct Log; pub(in crate::top) struct L;\nuse super::super::message::Row;\nuse super::Thread;\nuse self::inner::X;\n\
             mod inner { use super::Here; pub fn f() { super::super::super::super::top::g() } }",
        ),
    ]);
    assert_eq!(imports(&krate, "ui::thread"), ["ui::thread::log"]);
    // `super::Here` in the inline `mod inner` is this file: no edge.
    assert_eq!(
        imports(&krate, "ui::thread::log"),
        ["ui::message", "ui::thread", "top"]
    );
    // `super` above the crate root names nothing.
    let krate = Crate::from_sources([("a.rs", "use super::super::b;"), ("b.rs", "")]);
    assert!(imports(&krate, "a").is_empty());
}

#[test]
fn comments_and_strings_name_nothing() {
    let krate = Crate::from_sources([
        ("a.rs", ""),
        (
            "b.rs",
            r###"
            //! Uses `crate::a` in its doc only.
            // use crate::a::A;
            /* crate::a::A, sqlx::query */
            /// See crate::a.
            fn f() -> &'static str {
                let _ = r#"use crate::a::A; sqlx::query"#;
                "crate::a::A"
            }
            "###,
        ),
    ]);
    let b = krate.module("b").unwrap();
    assert!(b.imports().is_empty(), "{:?}", b.imports());
    assert!(!b.code().names("sqlx") && !b.code().names("query") && !b.code().names("A"));
    assert!(b.code().names("f") && b.text().contains("sqlx"));
}

#[test]
fn test_code_is_kept_apart_and_test_files_are_no_modules() {
    let krate = Crate::from_sources([
        ("lib.rs", "mod a; mod b; #[cfg(test)] mod test_items;"),
        ("test_items.rs", "use crate::b::B;"),
        (
            "a.rs",
            "pub struct A;\n#[cfg(test)]\nmod unit;\n\
             impl A { #[cfg(test)] fn len(&self) -> usize { crate::b::len() } }\n\
             #[cfg(test)]\nmod tests { use crate::b::B; use sqlx::query; }\n\
             #[cfg(not(test))]\nfn live() { crate::b::f() }",
        ),
        ("a/unit.rs", "use crate::b::B;"),
        ("a/unit/more.rs", "use crate::b::B;"),
        ("b.rs", ""),
    ]);
    let tests: BTreeSet<&str> = krate
        .files()
        .filter(|f| f.is_test())
        .map(|f| f.module())
        .collect();
    assert_eq!(
        tests,
        BTreeSet::from(["a::unit", "a::unit::more", "test_items"])
    );
    assert_eq!(krate.graph().nodes().collect::<Vec<_>>(), ["a", "b"]);
    let a = krate.module("a").unwrap();
    assert_eq!(a.imports()[0].path, "crate::b::f");
    assert!(!a.code().names("sqlx") && !a.code().names("len"));
    assert!(a.tests().names("sqlx") && a.tests().names("len") && a.tests().names_path("crate::b"));
    assert!(a.code().names("live"));
}

#[test]
fn macro_bodies_and_attribute_arguments_are_read_as_tokens() {
    let krate = Crate::from_sources([
        ("components/mod.rs", "pub mod button;"),
        ("components/button.rs", ""),
        ("api.rs", ""),
        (
            "view.rs",
            "#[derive(sqlx::FromRow)]\nstruct Row;\n\
             fn v() { view! { <crate::components::button::Button on=move |_| crate::api::{send, Kind}::x /> } }",
        ),
    ]);
    assert_eq!(imports(&krate, "view"), ["components::button", "api"]);
    let view = krate.module("view").unwrap();
    assert!(view.code().names("sqlx") && view.code().names("FromRow") && view.code().names("send"));
}

#[test]
fn external_names_and_paths_are_there_for_never_names_rules() {
    let krate = Crate::from_sources([(
        "data.rs",
        "use std::{fs, net::TcpStream};\nfn f() { r#type::g(); ::tokio::spawn(); }",
    )]);
    let data = krate.module("data").unwrap();
    assert!(data.code().names_path("std::fs") && data.code().names_path("std::net"));
    assert!(!data.code().names_path("std::io") && !data.code().names_path("std::f"));
    assert!(
        data.code().names("type") && data.code().names("tokio") && data.code().names("TcpStream")
    );
    assert!(data.imports().is_empty());
}

#[test]
fn roots_are_read_but_are_no_modules() {
    let krate = Crate::from_sources([
        ("lib.rs", "mod a; pub use a::A;"),
        ("main.rs", "fn main() { crate_name::start() }"),
        ("a.rs", "pub struct A;"),
    ]);
    let roots: Vec<_> = krate.files().filter(|f| f.module().is_empty()).collect();
    assert_eq!(roots.len(), 2);
    assert_eq!(krate.graph().nodes().collect::<Vec<_>>(), ["a"]);
}

#[test]
fn disallowed_edges_are_the_ones_the_rule_refuses() {
    let krate = Crate::from_sources([
        ("store.rs", "use crate::http::Router;"),
        ("http.rs", "use crate::store::Store;"),
    ]);
    let wrong = krate
        .graph()
        .disallowed(|from, to| from == "http" && to == "store");
    assert_eq!(wrong.len(), 1);
    assert_eq!(
        (wrong[0].from.as_str(), wrong[0].to.as_str()),
        ("store", "http")
    );
}

#[test]
fn a_manifest_lists_its_dependencies_by_section() {
    let manifest = r#"
[package]
name = "x"

[dependencies]
serde = { workspace = true }
"tokio" = "1"

[target.'cfg(unix)'.dependencies]
libc = "0.2"

[dev-dependencies.module-graph]
path = "../module-graph"

[features]
default = []
"#;
    let found: Vec<(String, String, String)> = dependencies(manifest)
        .into_iter()
        .map(|d| (d.section, d.name, d.spec))
        .collect();
    let expected = [
        ("dependencies", "serde", "{ workspace = true }"),
        ("dependencies", "tokio", "\"1\""),
        ("target.'cfg(unix)'.dependencies", "libc", "\"0.2\""),
        (
            "dev-dependencies",
            "module-graph",
            "path = \"../module-graph\"",
        ),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()));
    assert_eq!(found, expected);
}

#[test]
fn a_crate_is_read_from_its_folder() {
    let krate = Crate::read(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let graph = krate.graph();
    assert!(graph.edge("graph", "scan").is_none());
    assert_eq!(
        graph.nodes().collect::<Vec<_>>(),
        ["graph", "manifest", "scan"]
    );
    assert!(krate.files().any(|f| f.module() == "tests" && f.is_test()));
}
