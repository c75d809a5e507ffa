//! What the tests read from a Fluent source: its entries, walked through the syntax tree.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::ast::{Variant, VariantKey};

pub fn entries(source: &str) -> Vec<Entry<&str>> {
    fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("Fluent syntax errors: {errors:?}"))
        .body
}

/// Each message, attribute (`id.attr`) and term (`-id`) with its patterns.
pub fn patterns(source: &str) -> BTreeMap<String, Vec<Pattern<&str>>> {
    let mut found = BTreeMap::new();
    for entry in entries(source) {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            _ => continue,
        };
        for attribute in attributes {
            found.insert(format!("{id}.{}", attribute.id.name), vec![attribute.value]);
        }
        found.insert(id, value.into_iter().collect());
    }
    found
}

pub fn ids(source: &str) -> BTreeSet<String> {
    patterns(source).into_keys().collect()
}

/// The `$variables` a pattern refers to, in any variant.
pub fn variables(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for_each_expression(pattern, &mut |expression| match expression {
        Expression::Inline(inline) => inline_variables(inline, &mut found),
        Expression::Select { selector, .. } => inline_variables(selector, &mut found),
    });
    found
}

/// Every select expression's variants in a pattern, nested ones included.
pub fn selects<'p, 's>(pattern: &'p Pattern<&'s str>) -> Vec<&'p [Variant<&'s str>]> {
    let mut found = vec![];
    for_each_expression(pattern, &mut |expression| {
        if let Expression::Select { variants, .. } = expression {
            found.push(variants.as_slice());
        }
    });
    found
}

pub fn key(variant: &Variant<&str>) -> String {
    match &variant.key {
        VariantKey::Identifier { name } => (*name).to_owned(),
        VariantKey::NumberLiteral { value } => (*value).to_owned(),
    }
}

fn for_each_expression<'p, 's>(
    pattern: &'p Pattern<&'s str>,
    visit: &mut impl FnMut(&'p Expression<&'s str>),
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            visit_expression(expression, visit);
        }
    }
}

fn visit_expression<'p, 's>(
    expression: &'p Expression<&'s str>,
    visit: &mut impl FnMut(&'p Expression<&'s str>),
) {
    visit(expression);
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                for_each_expression(&variant.value, visit);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            visit_expression(expression, visit);
        }
        Expression::Inline(_) => {}
    }
}

fn inline_variables(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, found);
            }
        }
        _ => {}
    }
}
