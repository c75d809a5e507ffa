//! Modules and which names which, each edge with the file and path that make it: collapsed to
//! coarser modules, searched for a circle, checked against a layer order or any rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

/// Which module names which. Every module is a node, even one that names nothing.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    edges: BTreeMap<String, BTreeMap<String, Via>>,
}

/// Where an edge comes from: the first path (as written) in a file that names the other module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Via {
    pub file: PathBuf,
    pub path: String,
}

/// An import circle, as the modules along it, the first one repeated at the end.
#[derive(Clone, PartialEq, Eq)]
pub struct Circle {
    pub modules: Vec<String>,
    vias: Vec<Via>,
}

/// A module that names one it may not.
#[derive(Clone, PartialEq, Eq)]
pub struct Violation {
    pub from: String,
    pub to: String,
    pub via: Via,
    /// The rule broken, in words (`"state may not name views"`).
    pub rule: String,
}

/// The top-level module of a module path: `"conversation"` for `"conversation::state"`.
pub fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

impl Graph {
    pub(crate) fn add_node(&mut self, module: &str) {
        self.edges.entry(module.to_owned()).or_default();
    }

    pub(crate) fn add_edge(&mut self, from: &str, to: &str, via: Via) {
        self.add_node(to);
        self.edges
            .entry(from.to_owned())
            .or_default()
            .entry(to.to_owned())
            .or_insert(via);
    }

    /// Every module, in order.
    pub fn nodes(&self) -> impl Iterator<Item = &str> {
        self.edges.keys().map(String::as_str)
    }

    /// The modules `from` names.
    pub fn names(&self, from: &str) -> impl Iterator<Item = &str> {
        self.edges
            .get(from)
            .into_iter()
            .flatten()
            .map(|(to, _)| to.as_str())
    }

    /// Where `from` names `to`, if it does.
    pub fn edge(&self, from: &str, to: &str) -> Option<&Via> {
        self.edges.get(from)?.get(to)
    }

    /// The graph between the nodes `node_of` maps modules to; a module it maps to `None` is left
    /// out, and so is an edge within one node.
    pub fn collapse(&self, node_of: impl Fn(&str) -> Option<String>) -> Graph {
        let mut graph = Graph::default();
        for (from, edges) in &self.edges {
            let Some(from) = node_of(from) else {
                continue;
            };
            graph.add_node(&from);
            for (to, via) in edges {
                if let Some(to) = node_of(to).filter(|to| *to != from) {
                    graph.add_edge(&from, &to, via.clone());
                }
            }
        }
        graph
    }

    /// Between top-level modules (`conversation` for `conversation::state`).
    pub fn top_level(&self) -> Graph {
        self.collapse(|module| Some(top(module).to_owned()))
    }

    /// Between the children of `unit` (`routes` → `routes::control`, `routes::oauth`…), each
    /// with whatever lies below it; `unit` itself and the rest of the crate are left out.
    pub fn within(&self, unit: &str) -> Graph {
        self.collapse(|module| {
            let below = module.strip_prefix(unit)?.strip_prefix("::")?;
            Some(format!("{unit}::{}", top(below)))
        })
    }

    /// An import circle, if there is one.
    pub fn circle(&self) -> Option<Circle> {
        fn visit(
            graph: &Graph,
            node: &str,
            path: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) -> Option<Vec<String>> {
            if let Some(start) = path.iter().position(|n| n == node) {
                return Some([&path[start..], &[node.to_owned()]].concat());
            }
            if done.contains(node) {
                return None;
            }
            path.push(node.to_owned());
            for next in graph.names(node) {
                if let Some(circle) = visit(graph, next, path, done) {
                    return Some(circle);
                }
            }
            path.pop();
            done.insert(node.to_owned());
            None
        }
        let mut done = BTreeSet::new();
        let modules = self
            .nodes()
            .find_map(|node| visit(self, node, &mut vec![], &mut done))?;
        let vias = modules
            .windows(2)
            .map(|pair| self.edges[&pair[0]][&pair[1]].clone())
            .collect();
        Some(Circle { modules, vias })
    }

    /// Every module `from` reaches through the modules it names, and those they name.
    pub fn reachable(&self, from: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut queue = vec![from];
        while let Some(node) = queue.pop() {
            for next in self.names(node) {
                if seen.insert(next.to_owned()) {
                    queue.push(next);
                }
            }
        }
        seen
    }

    /// Every edge `allowed(from, to)` refuses.
    pub fn disallowed(&self, allowed: impl Fn(&str, &str) -> bool) -> Vec<Violation> {
        self.edges
            .iter()
            .flat_map(|(from, edges)| edges.iter().map(move |(to, via)| (from, to, via)))
            .filter(|(from, to, _)| !allowed(from, to))
            .map(|(from, to, via)| Violation {
                from: from.clone(),
                to: to.clone(),
                via: via.clone(),
                rule: "not allowed".to_owned(),
            })
            .collect()
    }

    /// Every edge from a module to one of a later layer. `layers` go from the bottom up, each a
    /// name and its modules; a module is in the layer that lists it or one of its ancestors.
    ///
    /// Panics if a module is in no layer, or in two: every module must be placed, once.
    pub fn layer_violations<M: AsRef<str>>(
        &self,
        layers: &[(impl AsRef<str>, impl AsRef<[M]>)],
    ) -> Vec<Violation> {
        let layer_of = |module: &str| {
            let found: Vec<usize> = (0..layers.len())
                .filter(|&layer| {
                    layers[layer].1.as_ref().iter().any(|listed| {
                        let listed = listed.as_ref();
                        module == listed
                            || module
                                .strip_prefix(listed)
                                .is_some_and(|rest| rest.starts_with("::"))
                    })
                })
                .collect();
            match found[..] {
                [layer] => layer,
                [] => panic!("`{module}` is in no layer: place it in one"),
                _ => panic!("`{module}` is in more than one layer"),
            }
        };
        for module in self.nodes() {
            layer_of(module);
        }
        let mut wrong = self.disallowed(|from, to| layer_of(to) <= layer_of(from));
        for violation in &mut wrong {
            violation.rule = format!(
                "{} may not name {}",
                layers[layer_of(&violation.from)].0.as_ref(),
                layers[layer_of(&violation.to)].0.as_ref()
            );
        }
        wrong
    }
}

impl Circle {
    /// Where each step of the circle is named: one per arrow.
    pub fn vias(&self) -> &[Via] {
        &self.vias
    }
}

impl fmt::Display for Circle {
    /// `a → b → a`, then each step's file and path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.modules.join(" → "))?;
        for (pair, via) in self.modules.windows(2).zip(&self.vias) {
            write!(
                f,
                "\n  {} → {}: {} names `{}`",
                pair[0],
                pair[1],
                via.file.display(),
                via.path
            )?;
        }
        Ok(())
    }
}

impl fmt::Debug for Circle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Violation {
    /// `src/x.rs: state::a names views::b through `crate::views::b::C` (state may not name views)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} names {} through `{}` ({})",
            self.via.file.display(),
            self.from,
            self.to,
            self.via.path,
            self.rule
        )
    }
}

impl fmt::Debug for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
