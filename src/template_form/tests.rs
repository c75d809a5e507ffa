use super::*;

/// The templates the demo and the browser tests configure.
fn seeded() -> Vec<Template> {
    let json = include_str!("../../tests/support/whatsapp-templates.json");
    serde_json::from_str(json).unwrap()
}

fn camille() -> Known {
    Known {
        customer_name: "Camille Martin".into(),
        case_number: "00001042".into(),
        agent_name: "Dana Levi".into(),
    }
}

fn names(form: &TemplateForm) -> Vec<&str> {
    form.templates().iter().map(|t| t.name.as_str()).collect()
}

fn id(raw: &str) -> ClientId {
    ClientId::parse(raw).unwrap()
}

#[test]
fn a_french_agent_is_offered_the_french_template_first_and_it_is_chosen() {
    let form = TemplateForm::new(&seeded(), "fr", camille());
    assert_eq!(
        names(&form),
        ["order_update_fr", "order_update", "satisfaction_follow_up"]
    );
    assert_eq!(form.chosen().unwrap().name, "order_update_fr");
    let english = TemplateForm::new(&seeded(), "en-US", camille());
    assert_eq!(english.chosen().unwrap().name, "order_update");
}

#[test]
fn variables_known_from_the_record_are_prefilled_by_label() {
    let known = camille();
    assert_eq!(known.value_for("customer_name"), Some("Camille Martin"));
    assert_eq!(known.value_for("first_name"), Some("Camille"));
    assert_eq!(known.value_for("case_number"), Some("00001042"));
    assert_eq!(known.value_for("agent_name"), Some("Dana Levi"));
    assert_eq!(known.value_for("order_number"), None);
    assert_eq!(Known::default().value_for("customer_name"), None);

    let form = TemplateForm::new(&seeded(), "en", known);
    assert_eq!(form.field("customer_name"), "Camille Martin");
    assert_eq!(form.field("order_number"), "");
}

#[test]
fn the_preview_is_fills_exact_text_and_the_request_sends_what_was_previewed() {
    let mut form = TemplateForm::new(&seeded(), "fr", camille());
    assert!(
        form.request(id("c-1")).is_none(),
        "order_number is required"
    );
    assert_eq!(form.problems_of("order_number"), [ProblemReason::Missing]);
    assert!(form.problems_of("customer_name").is_empty());

    form.set_field("order_number", "A-1042");
    let filled = form.filled().unwrap().unwrap();
    assert_eq!(
        filled.body,
        "Bonjour Camille Martin, ici Lumio. Nous avons des nouvelles de votre commande A-1042. Répondez à ce message pour échanger avec notre équipe."
    );
    assert_eq!(filled.buttons[0].url, "https://lumio.example/orders/A-1042");
    let request = form.request(id("c-1")).unwrap();
    assert_eq!(request.template_id, 2002);
    assert_eq!(request.client_id, id("c-1"));
    assert_eq!(request.values, form.values());
    assert_eq!(
        protocol::fill(form.chosen().unwrap(), &request.values).unwrap(),
        filled
    );
}

#[test]
fn an_emptied_field_is_missing_and_a_bad_value_says_why() {
    let mut form = TemplateForm::new(&seeded(), "en", camille());
    form.set_field("customer_name", "");
    form.set_field("order_number", "A 1042");
    assert_eq!(form.problems_of("customer_name"), [ProblemReason::Missing]);
    assert_eq!(
        form.problems_of("order_number"),
        [ProblemReason::NotUrlSafe]
    );
    form.set_field("customer_name", "   ");
    assert_eq!(form.problems_of("customer_name"), [ProblemReason::Blank]);
    form.set_field("customer_name", "Camille\nMartin");
    assert_eq!(
        form.problems_of("customer_name"),
        [ProblemReason::LineBreak]
    );
    assert!(form.request(id("c-1")).is_none());
}

#[test]
fn choosing_another_template_keeps_what_the_agent_typed() {
    let mut form = TemplateForm::new(&seeded(), "en", camille());
    form.set_field("customer_name", "Camille");
    form.choose(2003);
    assert_eq!(form.chosen().unwrap().name, "satisfaction_follow_up");
    assert_eq!(form.field("customer_name"), "Camille");
    assert_eq!(
        form.values().keys().collect::<Vec<_>>(),
        ["customer_name"],
        "only the chosen template's variables are sent"
    );
    form.choose(9999);
    assert_eq!(
        form.chosen().unwrap().id,
        2003,
        "an unknown id changes nothing"
    );
}

#[test]
fn without_templates_nothing_is_chosen_or_sent() {
    let form = TemplateForm::new(&[], "en", camille());
    assert!(form.chosen().is_none());
    assert!(form.filled().is_none());
    assert!(form.request(id("c-1")).is_none());
}
