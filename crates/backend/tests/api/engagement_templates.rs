//! `GET /v1/engagement-templates` serves the configured WhatsApp templates to a session, and they
//! fill into the text the emulator's seeded templates send.

use std::collections::BTreeMap;

use protocol::Template;

use crate::helpers::spawn_app;

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
