//! Every text the agent reads comes from the Fluent files in `locales/<lang>/widget.ftl`,
//! chosen from the agent's Salesforce language with a fallback chain ending in English.

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// The shipped locales and their messages; English is the reference and the last fallback.
const LOCALES: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en/widget.ftl")),
    ("fr", include_str!("../locales/fr/widget.ftl")),
];

const RIGHT_TO_LEFT: &[&str] = &["ar", "he"];

#[derive(Clone)]
pub struct I18n {
    /// The negotiated locale first, then its fallbacks down to English.
    bundles: Arc<Vec<FluentBundle<FluentResource>>>,
    lang: String,
}

impl I18n {
    /// Picks the best shipped locale for a Salesforce language value such as `fr`, `en-US`,
    /// `pt_BR`; anything unknown reads English.
    pub fn negotiate(requested: &str) -> Self {
        let requested: Vec<LanguageIdentifier> =
            requested.replace('_', "-").parse().into_iter().collect();
        let available: Vec<LanguageIdentifier> = LOCALES
            .iter()
            .map(|(tag, _)| tag.parse().expect("shipped locale tags are valid"))
            .collect();
        let english: LanguageIdentifier = "en".parse().expect("valid tag");
        let chosen = negotiate_languages(
            &requested,
            &available,
            Some(&english),
            NegotiationStrategy::Filtering,
        );
        let bundles = chosen
            .iter()
            .filter_map(|lang| {
                let source = LOCALES.iter().find(|(tag, _)| *tag == lang.to_string())?.1;
                Some(bundle(lang, source))
            })
            .collect::<Vec<_>>();
        Self {
            lang: chosen[0].to_string(),
            bundles: Arc::new(bundles),
        }
    }

    /// The locale the widget speaks, as a BCP 47 tag.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn is_right_to_left(&self) -> bool {
        RIGHT_TO_LEFT
            .iter()
            .any(|rtl| self.lang.split('-').next() == Some(rtl))
    }

    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn t_with(&self, id: &str, args: &FluentArgs) -> String {
        self.format(id, Some(args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for bundle in self.bundles.iter() {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

fn bundle(lang: &LanguageIdentifier, source: &'static str) -> FluentBundle<FluentResource> {
    let resource =
        FluentResource::try_new(source.to_owned()).expect("shipped Fluent files parse (tested)");
    let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
    bundle
        .add_resource(resource)
        .expect("shipped Fluent files have no duplicate ids (tested)");
    bundle
}

/// Message ids of a Fluent source, for the completeness test.
#[cfg(test)]
fn message_ids(source: &str) -> std::collections::BTreeSet<String> {
    let resource = FluentResource::try_new(source.to_owned()).expect("parses");
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salesforce_language_values_fall_back_from_region_to_language_to_english() {
        assert_eq!(I18n::negotiate("fr").lang(), "fr");
        assert_eq!(I18n::negotiate("fr-CA").lang(), "fr");
        assert_eq!(I18n::negotiate("en_US").lang(), "en");
        assert_eq!(I18n::negotiate("xx").lang(), "en");
        assert_eq!(I18n::negotiate("").lang(), "en");
    }

    /// Fluent wraps each placeable in Unicode isolation marks, so an RTL customer name cannot
    /// reorder the sentence around it; these tests compare the visible text.
    fn visible(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn messages_are_translated_and_plurals_follow_the_count() {
        let french = I18n::negotiate("fr");
        assert_eq!(french.t("thread-loading"), "Chargement de la conversation…");
        let mut args = FluentArgs::new();
        args.set("count", 1);
        assert_eq!(visible(french.t_with("thread-count", &args)), "1 message");
        args.set("count", 3);
        assert_eq!(
            visible(I18n::negotiate("en").t_with("thread-count", &args)),
            "3 messages"
        );
    }

    #[test]
    fn thread_controls_and_day_separators_are_translated() {
        let (english, french) = (I18n::negotiate("en"), I18n::negotiate("fr"));
        assert_eq!(english.t("day-yesterday"), "Yesterday");
        assert_eq!(french.t("day-today"), "Aujourd’hui");
        assert_eq!(french.t("thread-jump-latest"), "Aller au plus récent");
        let mut args = FluentArgs::new();
        args.set("count", 2);
        assert_eq!(
            visible(french.t_with("thread-unread", &args)),
            "2 nouveaux messages"
        );
        args.set("reason", "24-hour window closed");
        assert_eq!(
            visible(english.t_with("delivery-failed", &args)),
            "Failed: 24-hour window closed"
        );
    }

    #[test]
    fn a_customer_name_is_isolated_from_the_sentence_around_it() {
        let mut args = FluentArgs::new();
        args.set("customer", "ليلى حداد");
        let label = I18n::negotiate("en").t_with("thread-label", &args);
        assert_eq!(label, "Messages with \u{2068}ليلى حداد\u{2069}");
    }

    #[test]
    fn every_message_id_the_protocol_names_has_an_english_message() {
        let english = message_ids(LOCALES[0].1);
        let errors = protocol::ErrorCode::ALL.map(|code| code.message_id());
        let channels = protocol::Channel::ALL.map(|channel| channel.message_id());
        let failures = protocol::FailureCode::ALL.map(|code| code.message_id());
        let events = protocol::ConversationEvent::examples().map(|event| event.message_id());
        let blocks = protocol::ReplyBlock::ALL.map(|block| block.message_id());
        let ids = errors
            .into_iter()
            .chain(channels)
            .chain(failures)
            .chain(events)
            .chain(blocks);
        let missing: Vec<_> = ids.filter(|id| !english.contains(*id)).collect();
        assert!(missing.is_empty(), "no English message for {missing:?}");
    }

    #[test]
    fn every_locale_has_exactly_the_messages_english_has() {
        let english = message_ids(LOCALES[0].1);
        for (tag, source) in LOCALES {
            let ids = message_ids(source);
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{tag}: missing {missing:?}, not in English {extra:?}"
            );
        }
    }
}
