//! Which templates an agent sees first: those in their own language. One rule, so every picker
//! (the engagement page, the re-engagement composer) offers the same order.
//!
//! Invariant: the order is stable: within a rank, templates keep the order they were given in.

use crate::Template;

/// `templates` with the agent's language first: those whose language is exactly `agent_lang`
/// (`fr-FR`, `fr_FR`), then those of the same language in any region (`fr`), then the others.
pub fn in_language_order(templates: &[Template], agent_lang: &str) -> Vec<Template> {
    let agent = tag(agent_lang);
    let rank = |template: &Template| {
        let language = tag(&template.language);
        if language == agent {
            0
        } else if primary(&language) == primary(&agent) {
            1
        } else {
            2
        }
    };
    let mut ordered = templates.to_vec();
    ordered.sort_by_key(rank);
    ordered
}

/// A language tag compared without case and with `_` read as `-` (WhatsApp writes `pt_BR`).
fn tag(raw: &str) -> String {
    raw.trim().replace('_', "-").to_ascii_lowercase()
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(id: i64, language: &str) -> Template {
        Template {
            id,
            name: format!("t{id}"),
            language: language.into(),
            body: "Hi".into(),
            url_buttons: vec![],
            variables: vec![],
        }
    }

    fn ids(templates: Vec<Template>) -> Vec<i64> {
        templates.into_iter().map(|t| t.id).collect()
    }

    #[test]
    fn a_french_agent_sees_the_french_template_first_and_the_others_in_their_order() {
        let seeded = [
            template(2001, "en"),
            template(2002, "fr"),
            template(2003, "en"),
        ];
        assert_eq!(ids(in_language_order(&seeded, "fr")), [2002, 2001, 2003]);
        assert_eq!(ids(in_language_order(&seeded, "en-US")), [2001, 2003, 2002]);
        assert_eq!(ids(in_language_order(&seeded, "de")), [2001, 2002, 2003]);
    }

    #[test]
    fn the_exact_region_comes_before_the_language_alone() {
        let given = [
            template(1, "pt"),
            template(2, "pt_BR"),
            template(3, "en_US"),
        ];
        assert_eq!(ids(in_language_order(&given, "pt-BR")), [2, 1, 3]);
        assert_eq!(ids(in_language_order(&given, "PT_br")), [2, 1, 3]);
    }
}
