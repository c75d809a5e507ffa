//! What one file's code names, read with `syn`: every path with the module it is written in
//! (`use` trees expanded; macro bodies and attribute arguments read as tokens), every identifier,
//! and the modules it declares under `#[cfg(test)]`. What test items name is kept apart.

use std::collections::BTreeSet;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use syn::visit::{self, Visit};
use syn::{Attribute, ImplItem, Item, Meta, TraitItem, UseTree};

/// A path as written, in the module it is written in (the file's module, then any inline `mod`).
#[derive(Debug)]
pub(crate) struct Named {
    pub scope: Vec<String>,
    pub segments: Vec<String>,
    /// Written with a leading `::`: an external crate.
    pub global: bool,
}

impl Named {
    pub fn written(&self) -> String {
        let path = self.segments.join("::");
        if self.global {
            format!("::{path}")
        } else {
            path
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// What the code outside `#[cfg(test)]` items names.
    pub code: Found,
    /// What the code inside them names.
    pub tests: Found,
    /// Modules declared under `#[cfg(test)]`, file or inline, as full module paths.
    pub test_modules: Vec<Vec<String>>,
}

#[derive(Debug, Default)]
pub(crate) struct Found {
    pub paths: Vec<Named>,
    pub idents: BTreeSet<String>,
}

pub(crate) fn scan(module: &[String], code: &str) -> syn::Result<Scan> {
    let file = syn::parse_file(code)?;
    let mut scanner = Scanner {
        scope: module.to_vec(),
        in_test: false,
        found: Scan::default(),
    };
    scanner.visit_file(&file);
    Ok(scanner.found)
}

/// The crate module `named` refers to, as the longest module path in `known` it starts with.
pub(crate) fn resolve(named: &Named, known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    if named.global {
        return None;
    }
    let (first, _) = named.segments.split_first()?;
    let mut full = match first.as_str() {
        "crate" => vec![],
        "self" | "super" => named.scope.clone(),
        // A child module named from its parent: `use child::Item;`, `child::f()`.
        child if known.contains(&[named.scope.as_slice(), &[child.to_owned()]].concat()) => {
            named.scope.clone()
        }
        _ => return None,
    };
    let mut rest = named.segments.iter().peekable();
    if first == "crate" {
        rest.next();
    }
    while let Some(segment) = rest.next_if(|s| *s == "self" || *s == "super") {
        if segment == "super" {
            full.pop()?;
        }
    }
    full.extend(rest.cloned());
    (1..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|prefix| known.contains(prefix))
}

struct Scanner {
    scope: Vec<String>,
    in_test: bool,
    found: Scan,
}

impl Scanner {
    fn found(&mut self) -> &mut Found {
        if self.in_test {
            &mut self.found.tests
        } else {
            &mut self.found.code
        }
    }

    /// Visits a `#[cfg(test)]` item with what it names kept apart.
    fn in_test(&mut self, visit: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.in_test, true);
        visit(self);
        self.in_test = outer;
    }

    fn record(&mut self, mut segments: Vec<String>, global: bool) {
        // `use a::{self, b}` names `a`.
        if segments.len() > 1 && segments.last().is_some_and(|s| s == "self") {
            segments.pop();
        }
        if !segments.is_empty() {
            let scope = self.scope.clone();
            self.found().paths.push(Named {
                scope,
                segments,
                global,
            });
        }
    }

    fn use_tree(&mut self, tree: &UseTree, prefix: &mut Vec<String>, global: bool) {
        match tree {
            UseTree::Path(path) => {
                prefix.push(ident(&path.ident));
                self.use_tree(&path.tree, prefix, global);
                prefix.pop();
            }
            UseTree::Name(syn::UseName { ident: name })
            | UseTree::Rename(syn::UseRename { ident: name, .. }) => {
                self.record([prefix.as_slice(), &[ident(name)]].concat(), global);
            }
            UseTree::Glob(_) => self.record(prefix.clone(), global),
            UseTree::Group(group) => {
                for tree in &group.items {
                    self.use_tree(tree, prefix, global);
                }
            }
        }
    }

    /// Tokens no syntax tree covers (a macro's body, an attribute's arguments): their identifiers,
    /// and each `a::b::c` chain in them as a path (`a::{b, c::d}` as two).
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut at = 0;
        while at < trees.len() {
            let starts_chain = matches!(trees[at], TokenTree::Ident(_))
                && !(at >= 2 && is_path_separator(&trees, at - 2));
            if starts_chain {
                let (paths, end) = chain(&trees, at, vec![]);
                for path in paths.into_iter().filter(|path| path.len() > 1) {
                    self.record(path, false);
                }
                for tree in &trees[at..end] {
                    self.idents_in(tree);
                }
                at = end;
            } else {
                if let TokenTree::Group(group) = &trees[at] {
                    self.tokens(group.stream());
                } else {
                    self.idents_in(&trees[at]);
                }
                at += 1;
            }
        }
    }

    fn idents_in(&mut self, tree: &TokenTree) {
        match tree {
            TokenTree::Ident(name) => {
                self.found().idents.insert(ident(name));
            }
            TokenTree::Group(group) => group.stream().into_iter().for_each(|t| self.idents_in(&t)),
            _ => {}
        }
    }
}

impl<'ast> Visit<'ast> for Scanner {
    fn visit_item(&mut self, item: &'ast Item) {
        if !is_test(item_attrs(item)) {
            return visit::visit_item(self, item);
        }
        if let Item::Mod(module) = item {
            let declared = [self.scope.as_slice(), &[ident(&module.ident)]].concat();
            self.found.test_modules.push(declared);
        }
        self.in_test(|me| visit::visit_item(me, item));
    }

    fn visit_impl_item(&mut self, item: &'ast ImplItem) {
        let attrs = match item {
            ImplItem::Const(item) => &item.attrs[..],
            ImplItem::Fn(item) => &item.attrs,
            ImplItem::Type(item) => &item.attrs,
            ImplItem::Macro(item) => &item.attrs,
            _ => &[],
        };
        if is_test(attrs) {
            self.in_test(|me| visit::visit_impl_item(me, item));
        } else {
            visit::visit_impl_item(self, item);
        }
    }

    fn visit_trait_item(&mut self, item: &'ast TraitItem) {
        let attrs = match item {
            TraitItem::Const(item) => &item.attrs[..],
            TraitItem::Fn(item) => &item.attrs,
            TraitItem::Type(item) => &item.attrs,
            TraitItem::Macro(item) => &item.attrs,
            _ => &[],
        };
        if is_test(attrs) {
            self.in_test(|me| visit::visit_trait_item(me, item));
        } else {
            visit::visit_trait_item(self, item);
        }
    }

    fn visit_item_mod(&mut self, module: &'ast syn::ItemMod) {
        self.scope.push(ident(&module.ident));
        visit::visit_item_mod(self, module);
        self.scope.pop();
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&item.tree, &mut vec![], item.leading_colon.is_some());
        visit::visit_item_use(self, item);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments = path.segments.iter().map(|s| ident(&s.ident)).collect();
        self.record(segments, path.leading_colon.is_some());
        visit::visit_path(self, path);
    }

    /// `pub(super)`, `pub(in crate::a)`: who may see an item names no module it depends on.
    fn visit_vis_restricted(&mut self, _: &'ast syn::VisRestricted) {}

    fn visit_ident(&mut self, name: &'ast syn::Ident) {
        self.found().idents.insert(ident(name));
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
        visit::visit_macro(self, mac);
    }

    fn visit_attribute(&mut self, attr: &'ast Attribute) {
        if let Meta::List(list) = &attr.meta {
            self.tokens(list.tokens.clone());
        }
        visit::visit_attribute(self, attr);
    }
}

/// The paths a chain of tokens starting at the identifier `trees[at]` names, and where it ends.
fn chain(trees: &[TokenTree], mut at: usize, mut path: Vec<String>) -> (Vec<Vec<String>>, usize) {
    while let Some(TokenTree::Ident(name)) = trees.get(at) {
        path.push(ident(name));
        if !is_path_separator(trees, at + 1) {
            return (vec![path], at + 1);
        }
        at += 3;
        if let Some(TokenTree::Group(group)) = trees.get(at)
            && group.delimiter() == Delimiter::Brace
        {
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            let paths = inner
                .split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                .filter(|item| matches!(item.first(), Some(TokenTree::Ident(_))))
                .flat_map(|item| chain(item, 0, path.clone()).0)
                .collect();
            return (paths, at + 1);
        }
    }
    // `a::<T>`, `a::*`: the path so far.
    (vec![path], at)
}

fn is_path_separator(trees: &[TokenTree], at: usize) -> bool {
    matches!(
        (trees.get(at), trees.get(at + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
    )
}

/// `r#type` → `type`.
fn ident(name: &impl ToString) -> String {
    let name = name.to_string();
    name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
}

/// `#[cfg(test)]`, `#[cfg(all(test, …))]`; not `#[cfg(not(test))]`.
fn is_test(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| match &attr.meta {
        Meta::List(list) if list.path.is_ident("cfg") => {
            let mut idents = BTreeSet::new();
            let mut stack: Vec<TokenTree> = list.tokens.clone().into_iter().collect();
            while let Some(tree) = stack.pop() {
                match tree {
                    TokenTree::Ident(name) => {
                        idents.insert(name.to_string());
                    }
                    TokenTree::Group(group) => stack.extend(group.stream()),
                    _ => {}
                }
            }
            idents.contains("test") && !idents.contains("not")
        }
        _ => false,
    })
}

fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Const(item) => &item.attrs,
        Item::Enum(item) => &item.attrs,
        Item::ExternCrate(item) => &item.attrs,
        Item::Fn(item) => &item.attrs,
        Item::ForeignMod(item) => &item.attrs,
        Item::Impl(item) => &item.attrs,
        Item::Macro(item) => &item.attrs,
        Item::Mod(item) => &item.attrs,
        Item::Static(item) => &item.attrs,
        Item::Struct(item) => &item.attrs,
        Item::Trait(item) => &item.attrs,
        Item::TraitAlias(item) => &item.attrs,
        Item::Type(item) => &item.attrs,
        Item::Union(item) => &item.attrs,
        Item::Use(item) => &item.attrs,
        _ => &[],
    }
}
