//! The template rules on the emulator's seeded `order_update` template.

use std::collections::BTreeMap;

use crate::template::{Template, TemplateVariable, UrlButton};
use crate::template_fill::{FilledButton, ProblemReason, VariableProblem, fill};

fn order_update() -> Template {
    let variable = |label: &str| TemplateVariable {
        label: label.into(),
        required: true,
        default: None,
    };
    Template {
        id: 2001,
        name: "order_update".into(),
        language: "en".into(),
        body: "Hello {{customer_name}}, this is Lumio. We have news about your order {{order_number}}. Reply to this message to talk with our team.".into(),
        url_buttons: vec![UrlButton {
            label: "Track my order".into(),
            url: "https://lumio.example/orders/{{order_number}}".into(),
        }],
        variables: vec![variable("customer_name"), variable("order_number")],
    }
}

fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn problems(pairs: &[(&str, &str)]) -> Vec<(String, ProblemReason)> {
    fill(&order_update(), &values(pairs))
        .unwrap_err()
        .into_iter()
        .map(|VariableProblem { variable, reason }| (variable, reason))
        .collect()
}

fn one(variable: &str, reason: ProblemReason) -> Vec<(String, ProblemReason)> {
    vec![(variable.to_owned(), reason)]
}

#[test]
fn a_filled_template_is_the_exact_text_and_address_the_customer_receives() {
    let filled = fill(
        &order_update(),
        &values(&[("customer_name", "Camille"), ("order_number", "A-1042")]),
    )
    .unwrap();
    assert_eq!(
        filled.body,
        "Hello Camille, this is Lumio. We have news about your order A-1042. Reply to this message to talk with our team."
    );
    assert_eq!(
        filled.buttons,
        [FilledButton {
            label: "Track my order".into(),
            url: "https://lumio.example/orders/A-1042".into()
        }]
    );
}

#[test]
fn each_unusable_value_is_named_with_its_reason() {
    assert_eq!(
        problems(&[("order_number", "A1")]),
        one("customer_name", ProblemReason::Missing)
    );
    assert_eq!(
        problems(&[("customer_name", " \u{a0} "), ("order_number", "A1")]),
        one("customer_name", ProblemReason::Blank)
    );
    assert_eq!(
        problems(&[("customer_name", "Camille\nPetit"), ("order_number", "A1")]),
        one("customer_name", ProblemReason::LineBreak)
    );
    assert_eq!(
        problems(&[
            ("customer_name", "Camille     Petit"),
            ("order_number", "A1")
        ]),
        one("customer_name", ProblemReason::TooManySpaces)
    );
    assert_eq!(
        problems(&[
            ("customer_name", "Camille"),
            ("order_number", "../admin?x=1")
        ]),
        one("order_number", ProblemReason::NotUrlSafe)
    );
    assert_eq!(
        problems(&[
            ("customer_name", "C"),
            ("order_number", "1"),
            ("coupon", "X")
        ]),
        one("coupon", ProblemReason::Unknown)
    );
    assert_eq!(problems(&[]).len(), 2, "both missing variables are named");
}

#[test]
fn four_spaces_in_a_row_are_allowed_five_are_not() {
    let ok = fill(
        &order_update(),
        &values(&[
            ("customer_name", "Camille    Petit"),
            ("order_number", "A1"),
        ]),
    );
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn a_value_that_makes_the_body_too_long_says_how_long_it_may_be() {
    let fixed = order_update().body.chars().count() - "{{customer_name}}{{order_number}}".len();
    let room = 1024 - fixed - 2;
    let fits = "é".repeat(room);
    assert!(
        fill(
            &order_update(),
            &values(&[("customer_name", &fits), ("order_number", "A1")])
        )
        .is_ok()
    );
    let over = "é".repeat(room + 1);
    assert_eq!(
        problems(&[("customer_name", &over), ("order_number", "A1")]),
        one("customer_name", ProblemReason::TooLong { max_chars: room })
    );
}

#[test]
fn an_optional_variable_takes_its_default() {
    let mut template = order_update();
    template.variables[0].required = false;
    template.variables[0].default = Some("there".into());
    template.check().unwrap();
    let filled = fill(&template, &values(&[("order_number", "A1")])).unwrap();
    assert!(filled.body.starts_with("Hello there, this is Lumio."));
}

#[test]
fn a_template_whose_placeholders_do_not_match_its_variables_is_refused() {
    order_update().check().unwrap();
    let mut undeclared = order_update();
    undeclared.variables.pop();
    assert!(
        undeclared
            .check()
            .unwrap_err()
            .to_string()
            .contains("{{order_number}} is not a declared variable")
    );
    let mut unused = order_update();
    unused.variables.push(TemplateVariable {
        label: "coupon".into(),
        required: true,
        default: None,
    });
    assert!(
        unused
            .check()
            .unwrap_err()
            .to_string()
            .contains("\"coupon\" appears in no placeholder")
    );
    let mut malformed = order_update();
    malformed.body.push_str(" {{Order Number}}");
    assert!(malformed.check().is_err());
    malformed.body = "Hi {{customer_name".into();
    assert!(
        malformed
            .check()
            .unwrap_err()
            .to_string()
            .contains("unclosed")
    );
    let mut no_default = order_update();
    no_default.variables[0].required = false;
    assert!(
        no_default
            .check()
            .unwrap_err()
            .to_string()
            .contains("no default")
    );
}

#[test]
fn a_listed_template_declares_each_placeholder_once_in_order_of_use() {
    let template = Template::from_placeholders(
        2101,
        "delivery",
        "fr",
        "Bonjour {{customer_name}}, colis {{order_number}} ({{customer_name}})".into(),
        vec![UrlButton {
            label: "Suivre".into(),
            url: "https://lumio.example/{{order_number}}/{{step}}".into(),
        }],
    )
    .unwrap();
    let labels: Vec<&str> = template
        .variables
        .iter()
        .map(|v| v.label.as_str())
        .collect();
    assert_eq!(labels, ["customer_name", "order_number", "step"]);
    assert!(template.variables.iter().all(|v| v.required));
    assert!(Template::from_placeholders(1, "bad", "en", "Hi {{Name}}".into(), vec![]).is_err());
}
