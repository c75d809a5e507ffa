//! `GET /v1/engagement-templates` serves the configured WhatsApp templates to a session, and they
//! fill into the text the emulator's seeded templates send.

use std::collections::BTreeMap;

use protocol::Template;
use serde_json::json;

use crate::helpers::{ALCMEON_SECRET, INSTANCE_ID, spawn_app};

#[tokio::test]
async fn a_session_reads_the_configured_templates_and_fills_them() {
    let app = spawn_app(0).await;
    let response = app
        .http
        .get(app.url("/v1/engagement-templates"))
        .bearer_auth(app.session_token())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let templates: Vec<Template> = response.json().await.unwrap();
    let names: Vec<_> = templates
        .iter()
        .map(|t| (t.id, t.language.as_str()))
        .collect();
    assert_eq!(names, [(2001, "en"), (2002, "fr"), (2003, "en")]);
    let values = BTreeMap::from([
        ("customer_name".to_owned(), "Camille".to_owned()),
        ("order_number".to_owned(), "A-1042".to_owned()),
    ]);
    let filled = protocol::fill(&templates[1], &values).unwrap();
    assert!(
        filled.body.starts_with("Bonjour Camille, ici Lumio."),
        "{}",
        filled.body
    );
    assert_eq!(filled.buttons[0].url, "https://lumio.example/orders/A-1042");
    let anonymous = app
        .http
        .get(app.url("/v1/engagement-templates"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

/// The repository's templates file (the demo's) says exactly what the emulator's seeded templates
/// send: each filled template equals what the emulator delivered for the same values.
#[tokio::test]
async fn each_configured_template_fills_into_what_the_emulator_sends() {
    let app = spawn_app(0).await;
    let response = app
        .http
        .get(app.url("/v1/engagement-templates"))
        .bearer_auth(app.session_token())
        .send()
        .await
        .unwrap();
    let templates: Vec<Template> = response.json().await.unwrap();
    for template in &templates {
        let values: BTreeMap<String, String> = template
            .variables
            .iter()
            .map(|v| (v.label.clone(), format!("{}-42", v.label.replace('_', ""))))
            .collect();
        let filled = protocol::fill(template, &values).unwrap();
        let sent = app
            .http
            .post(format!("{}/v1/whatsapp/send/", app.emulator.base_url()))
            .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
            .json(&json!({
                "to_user_phone_number": "33612345678",
                "account_id": 201,
                "template_id": template.id,
                "variables": {"body": values, "buttons": values},
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 200, "{}", template.name);
        let engagements = app.emulator_get("/engagements").await;
        let delivered = engagements.as_array().unwrap().last().unwrap();
        assert_eq!(delivered["template_id"], template.id);
        assert_eq!(delivered["content"], filled.body, "{}", template.name);
        let urls: Vec<&str> = filled.buttons.iter().map(|b| b.url.as_str()).collect();
        assert_eq!(delivered["button_urls"], json!(urls), "{}", template.name);
    }
}
