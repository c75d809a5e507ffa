//! RCS and KakaoTalk templates, as Alcméon's listings give them, mapped to `protocol::Template` so
//! the widget's preview and the send fill them with the one rule (`protocol::fill`).
//!
//! Invariants: every `{{label}}` of the text and of URL buttons becomes a required variable; an
//! RCS template's title is the first paragraph of the body (the customer receives both); a
//! KakaoTalk template is offered only once `approved`; a template that does not pass
//! `Template::check` is left out (and logged), never offered.

use protocol::{Template, UrlButton};

use crate::alcmeon::{KakaoTemplate, RcsTemplate};

pub fn from_rcs(listed: &[RcsTemplate]) -> Vec<Template> {
    listed
        .iter()
        .filter_map(|t| {
            let body = if t.title.trim().is_empty() {
                t.body.clone()
            } else {
                format!("{}\n\n{}", t.title, t.body)
            };
            let url_buttons = t
                .buttons
                .iter()
                .filter(|b| b.kind.as_deref() == Some("url"))
                .filter_map(|b| {
                    Some(UrlButton {
                        label: b.label.clone(),
                        url: b.url.clone()?,
                    })
                })
                .collect();
            checked(t.id, &t.name, &t.language, body, url_buttons)
        })
        .collect()
}

pub fn from_kakaotalk(listed: &[KakaoTemplate]) -> Vec<Template> {
    listed
        .iter()
        .filter(|t| t.status.as_deref() == Some("approved"))
        .filter_map(|t| checked(t.id, &t.name, &t.language, t.body.clone(), vec![]))
        .collect()
}

fn checked(
    id: i64,
    name: &str,
    language: &str,
    body: String,
    url_buttons: Vec<UrlButton>,
) -> Option<Template> {
    Template::from_placeholders(id, name, language, body, url_buttons)
        .inspect_err(|problem| tracing::warn!(%problem, "an Alcméon template is not offered"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alcmeon::RcsButton;

    #[test]
    fn an_rcs_template_carries_its_title_its_url_buttons_and_every_placeholder() {
        let listed = RcsTemplate {
            id: 2101,
            name: "delivery_slot".into(),
            language: "en".into(),
            title: "Hello {{customer_name}}".into(),
            body: "Your slot: {{slot}}".into(),
            buttons: vec![
                RcsButton {
                    kind: Some("url".into()),
                    label: "Track".into(),
                    url: Some("https://lumio.example/orders/{{order_number}}".into()),
                },
                RcsButton {
                    kind: Some("quick-reply".into()),
                    label: "OK".into(),
                    url: None,
                },
            ],
        };
        let [template] = &from_rcs(&[listed])[..] else {
            panic!("one template");
        };
        assert_eq!(
            template.body,
            "Hello {{customer_name}}\n\nYour slot: {{slot}}"
        );
        assert_eq!(template.url_buttons.len(), 1);
        let labels: Vec<_> = template
            .variables
            .iter()
            .map(|v| v.label.as_str())
            .collect();
        assert_eq!(labels, ["customer_name", "slot", "order_number"]);
        assert!(template.variables.iter().all(|v| v.required));
    }

    #[test]
    fn only_approved_kakaotalk_templates_with_sound_placeholders_are_offered() {
        let kakao = |id, status: &str, body: &str| KakaoTemplate {
            id,
            name: format!("t{id}"),
            language: "kr".into(),
            body: body.into(),
            status: Some(status.into()),
        };
        let offered = from_kakaotalk(&[
            kakao(1, "approved", "Hi {{customer_name}}"),
            kakao(2, "in_review", "Hi {{customer_name}}"),
            kakao(3, "approved", "Hi {{Customer Name}}"),
        ]);
        let ids: Vec<_> = offered.iter().map(|t| t.id).collect();
        assert_eq!(ids, [1]);
    }
}
