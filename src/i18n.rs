//! Every text the agent reads comes from the Fluent files in `locales/<lang>/widget.ftl`,
//! chosen from the agent's Salesforce language with a fallback chain ending in English.

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// The shipped locales, named by BCP 47 tag: every language Salesforce fully supports, plus Arabic
/// and Hebrew. English is the reference and the last fallback, and the only one built into the
/// widget; the others are `locales/<tag>.ftl` in the widget's static resource, fetched at mount.
const LOCALES: &[&str] = &[
    "en", "ar", "da", "de", "es", "es-MX", "fi", "fr", "he", "it", "ja", "ko", "nl", "no", "pt-BR",
    "ru", "sv", "th", "zh-CN", "zh-TW",
];

const ENGLISH_SOURCE: &str = include_str!("../locales/en/widget.ftl");

/// Other spellings of a shipped locale: legacy codes Salesforce still sends (`iw`), Norwegian
/// written as Bokmål (`nb`; Nynorsk readers get Bokmål rather than English), Chinese by script
/// or by a region that writes the same script, and languages shipped only in a regional form.
const ALIASES: &[(&str, &str)] = &[
    ("iw", "he"),
    ("nb", "no"),
    ("nn", "no"),
    ("zh", "zh-CN"),
    ("zh-Hans", "zh-CN"),
    ("zh-SG", "zh-CN"),
    ("zh-Hant", "zh-TW"),
    ("zh-HK", "zh-TW"),
    ("zh-MO", "zh-TW"),
    ("es-419", "es-MX"),
    ("pt", "pt-BR"),
];

pub const ENGLISH: &str = "en";

const RIGHT_TO_LEFT: &[&str] = &["ar", "he"];

#[derive(Clone)]
pub struct I18n {
    /// The chosen locale first, then its fallbacks down to English.
    bundles: Arc<Vec<FluentBundle<FluentResource>>>,
    lang: &'static str,
}

impl I18n {
    /// Speaks the first locale of `chain` (see [`locale_chain`]) whose Fluent source
    /// `source_of` gives and that parses, falling back message by message along the chain;
    /// English is built in.
    pub fn from_sources(
        chain: &[&'static str],
        source_of: impl Fn(&str) -> Option<String>,
    ) -> Self {
        let bundles: Vec<_> = chain
            .iter()
            .filter_map(|tag| {
                let source = match *tag {
                    ENGLISH => Some(ENGLISH_SOURCE.to_owned()),
                    _ => source_of(tag),
                }?;
                Some((*tag, bundle(tag, source)?))
            })
            .collect();
        Self {
            lang: bundles.first().map_or(ENGLISH, |(tag, _)| tag),
            bundles: Arc::new(bundles.into_iter().map(|(_, bundle)| bundle).collect()),
        }
    }

    /// The locale the widget speaks, as a BCP 47 tag.
    pub fn lang(&self) -> &str {
        self.lang
    }

    /// Whether the widget's root reads right to left (`dir="rtl"`).
    pub fn is_right_to_left(&self) -> bool {
        RIGHT_TO_LEFT.contains(&primary_language(self.lang))
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

/// The locales to speak for a Salesforce language value such as `fr`, `en_US`, `pt-BR` or `iw`:
/// its shipped locale, then that locale's fallbacks down to English. Anything unknown reads
/// English.
pub fn locale_chain(requested: &str) -> Vec<&'static str> {
    fallback_chain(locale_for(requested))
}

/// The shipped locale for a Salesforce or browser language value: the most specific of
/// language-script-region, language-script, language-region and language that is shipped or
/// aliased to a shipped locale, else English. Underscores count as hyphens (`pt_BR`).
fn locale_for(requested: &str) -> &'static str {
    let Ok(id) = requested
        .trim()
        .replace('_', "-")
        .parse::<LanguageIdentifier>()
    else {
        return ENGLISH;
    };
    let language = id.language.as_str();
    let script = id.script.map(|script| script.as_str().to_owned());
    let region = id.region.map(|region| region.as_str().to_owned());
    let candidates = [
        script
            .as_ref()
            .zip(region.as_ref())
            .map(|(s, r)| format!("{language}-{s}-{r}")),
        script.as_ref().map(|s| format!("{language}-{s}")),
        region.as_ref().map(|r| format!("{language}-{r}")),
        Some(language.to_owned()),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|candidate| shipped(&candidate))
        .unwrap_or(ENGLISH)
}

/// The shipped locale a tag names, directly or through an alias.
fn shipped(tag: &str) -> Option<&'static str> {
    let tag = ALIASES
        .iter()
        .find(|(alias, _)| *alias == tag)
        .map_or(tag, |(_, target)| target);
    LOCALES.iter().copied().find(|shipped| *shipped == tag)
}

/// A locale, then its base language when that is shipped too (`es-MX` → `es`), then English.
/// Aliases play no part: `zh-TW` does not fall back to Simplified Chinese.
fn fallback_chain(locale: &'static str) -> Vec<&'static str> {
    let mut chain = vec![locale];
    let base = primary_language(locale);
    if let Some(base) = LOCALES.iter().find(|tag| **tag == base && **tag != locale) {
        chain.push(base);
    }
    if !chain.contains(&ENGLISH) {
        chain.push(ENGLISH);
    }
    chain
}

fn primary_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// A bundle of `source`, or `None` when it is not a clean Fluent file (e.g. an error page served
/// in its place).
fn bundle(tag: &str, source: String) -> Option<FluentBundle<FluentResource>> {
    let lang: LanguageIdentifier = tag.parse().ok()?;
    let resource = FluentResource::try_new(source).ok()?;
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    bundle.add_resource(resource).ok()?;
    Some(bundle)
}

#[cfg(test)]
fn read_source(tag: &str) -> Option<String> {
    std::fs::read_to_string(format!(
        "{}/locales/{tag}/widget.ftl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .ok()
}

#[cfg(test)]
impl I18n {
    /// The locale for `requested` with every shipped source at hand, as after a successful load.
    pub fn negotiate(requested: &str) -> Self {
        Self::from_sources(&locale_chain(requested), read_source)
    }
}

/// What the tests read from a Fluent source: its entries, walked through the syntax tree.
#[cfg(test)]
mod source {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each shipped locale's Fluent source, as the static resource holds it.
    fn shipped_sources() -> Vec<(&'static str, String)> {
        LOCALES
            .iter()
            .map(|tag| (*tag, read_source(tag).unwrap_or_else(|| panic!("{tag}"))))
            .collect()
    }

    #[test]
    fn every_locale_folder_is_a_listed_locale_and_every_listed_locale_has_a_folder() {
        let mut folders: Vec<String> =
            std::fs::read_dir(format!("{}/locales", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|entry| entry.unwrap().file_name().into_string().unwrap())
                .collect();
        folders.sort();
        let mut listed: Vec<&str> = LOCALES.to_vec();
        listed.sort();
        assert_eq!(folders, listed);
    }

    #[test]
    fn salesforce_language_values_map_to_a_shipped_locale() {
        let expected = [
            ("en", "en"),
            ("en_US", "en"),
            ("en-US", "en"),
            ("en-GB", "en"),
            ("fr", "fr"),
            ("fr_CA", "fr"),
            ("de", "de"),
            ("de-AT", "de"),
            ("it", "it"),
            ("nl_NL", "nl"),
            ("da", "da"),
            ("fi", "fi"),
            ("sv", "sv"),
            ("sv-SE", "sv"),
            ("ja", "ja"),
            ("ko", "ko"),
            ("ru", "ru"),
            ("th", "th"),
            ("ar", "ar"),
            ("ar-SA", "ar"),
            ("he", "he"),
            ("iw", "he"),
            ("iw_IL", "he"),
            ("no", "no"),
            ("no-NO", "no"),
            ("nb", "no"),
            ("nb-NO", "no"),
            ("nb_NO", "no"),
            ("nn-NO", "no"),
            ("pt-BR", "pt-BR"),
            ("pt_BR", "pt-BR"),
            ("pt", "pt-BR"),
            ("pt-PT", "pt-BR"),
            ("es", "es"),
            ("es-ES", "es"),
            ("es-AR", "es"),
            ("es-MX", "es-MX"),
            ("es_MX", "es-MX"),
            ("es-419", "es-MX"),
            ("zh-CN", "zh-CN"),
            ("zh_CN", "zh-CN"),
            ("zh", "zh-CN"),
            ("zh-Hans", "zh-CN"),
            ("zh-SG", "zh-CN"),
            ("zh-Hans-HK", "zh-CN"),
            ("zh-TW", "zh-TW"),
            ("zh_TW", "zh-TW"),
            ("zh-Hant", "zh-TW"),
            ("zh-hant", "zh-TW"),
            ("zh-HK", "zh-TW"),
            ("zh-Hant-HK", "zh-TW"),
            (" fr-FR ", "fr"),
        ];
        for (requested, locale) in expected {
            assert_eq!(I18n::negotiate(requested).lang(), locale, "{requested:?}");
        }
    }

    #[test]
    fn unknown_or_malformed_language_values_read_english() {
        for requested in ["", "xx", "pl", "tlh", "en-", "not a tag", "_", "zz_ZZ"] {
            assert_eq!(I18n::negotiate(requested).lang(), "en", "{requested:?}");
        }
    }

    #[test]
    fn a_regional_locale_falls_back_to_its_language_then_english() {
        assert_eq!(fallback_chain("es-MX"), ["es-MX", "es", "en"]);
        assert_eq!(fallback_chain("pt-BR"), ["pt-BR", "en"]);
        assert_eq!(fallback_chain("zh-TW"), ["zh-TW", "en"]);
        assert_eq!(fallback_chain("fr"), ["fr", "en"]);
        assert_eq!(fallback_chain("en"), ["en"]);
    }

    #[test]
    fn arabic_and_hebrew_read_right_to_left_and_the_others_left_to_right() {
        for tag in LOCALES {
            let rtl = I18n::negotiate(tag).is_right_to_left();
            assert_eq!(rtl, ["ar", "he"].contains(tag), "{tag}");
        }
        assert!(I18n::negotiate("iw").is_right_to_left());
        assert!(I18n::negotiate("ar_EG").is_right_to_left());
    }

    /// Fluent wraps each placeable in Unicode isolation marks, so an RTL customer name cannot
    /// reorder the sentence around it; these tests compare the visible text.
    fn visible(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    fn count(locale: &str, id: &str, count: f64) -> String {
        let mut args = FluentArgs::new();
        args.set("count", count);
        visible(I18n::negotiate(locale).t_with(id, &args))
    }

    #[test]
    fn messages_are_translated_and_plurals_follow_the_count() {
        let french = I18n::negotiate("fr");
        assert_eq!(french.t("thread-loading"), "Chargement de la conversation…");
        assert_eq!(count("fr", "thread-count", 1.0), "1 message");
        assert_eq!(count("en", "thread-count", 3.0), "3 messages");
    }

    #[test]
    fn plurals_follow_each_language_s_rules() {
        assert_eq!(count("ru", "thread-count", 1.0), "1 сообщение");
        assert_eq!(count("ru", "thread-count", 3.0), "3 сообщения");
        assert_eq!(count("ru", "thread-count", 5.0), "5 сообщений");
        assert_eq!(count("ru", "thread-count", 21.0), "21 сообщение");
        assert_eq!(count("ar", "thread-count", 0.0), "لا توجد رسائل");
        assert_eq!(count("ar", "thread-count", 1.0), "رسالة واحدة");
        assert_eq!(count("ar", "thread-count", 2.0), "رسالتان");
        assert_eq!(count("ar", "thread-count", 3.0), "3 رسائل");
        assert_eq!(count("ar", "thread-count", 11.0), "11 رسالة");
        assert_eq!(count("he", "thread-count", 2.0), "2 הודעות");
        assert_eq!(count("he", "thread-count", 1.0), "הודעה אחת");
        assert_eq!(count("ja", "thread-count", 1.0), "1 件のメッセージ");
        assert_eq!(count("fi", "thread-count", 2.0), "2 viestiä");
        assert_eq!(
            count("pt-BR", "composer-left-chars", 0.0),
            "0 caracteres restantes"
        );
        assert_eq!(
            count("pt-BR", "composer-left-chars", 1.0),
            "1 caractere restante"
        );
    }

    #[test]
    fn thread_controls_and_day_separators_are_translated() {
        let (english, french) = (I18n::negotiate("en"), I18n::negotiate("fr"));
        assert_eq!(english.t("day-yesterday"), "Yesterday");
        assert_eq!(french.t("day-today"), "Aujourd’hui");
        assert_eq!(french.t("thread-jump-latest"), "Aller au plus récent");
        assert_eq!(count("fr", "thread-unread", 2.0), "2 nouveaux messages");
        let mut args = FluentArgs::new();
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
        use protocol::VariantArray;

        let english = source::ids(ENGLISH_SOURCE);
        let errors = protocol::ErrorCode::VARIANTS
            .iter()
            .map(|code| code.message_id());
        let channels = protocol::Channel::VARIANTS
            .iter()
            .map(|channel| channel.message_id());
        let failures = protocol::FailureCode::VARIANTS
            .iter()
            .map(|code| code.message_id());
        let events = protocol::EventKind::VARIANTS
            .iter()
            .map(|kind| kind.message_id());
        let blocks = protocol::ReplyBlock::VARIANTS
            .iter()
            .map(|block| block.message_id());
        let ids = errors
            .chain(channels)
            .chain(failures)
            .chain(events)
            .chain(blocks);
        let missing: Vec<_> = ids.filter(|id| !english.contains(*id)).collect();
        assert!(missing.is_empty(), "no English message for {missing:?}");
    }

    #[test]
    fn every_locale_parses_without_errors() {
        for (tag, source) in &shipped_sources() {
            if let Err((_, errors)) = fluent_syntax::parser::parse(source.as_str()) {
                panic!("{tag}: {errors:?}");
            }
            let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("valid tag")]);
            let resource = FluentResource::try_new(source.clone()).expect("parses");
            if let Err(errors) = bundle.add_resource(resource) {
                panic!("{tag}: {errors:?}");
            }
        }
    }

    #[test]
    fn every_locale_has_exactly_the_messages_and_attributes_english_has() {
        let english = source::ids(ENGLISH_SOURCE);
        for (tag, source) in &shipped_sources() {
            let ids = source::ids(source);
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{tag}: missing {missing:?}, not in English {extra:?}"
            );
        }
    }

    #[test]
    fn every_translation_uses_the_placeables_its_english_message_uses() {
        let english = source::patterns(ENGLISH_SOURCE);
        for (tag, source) in &shipped_sources() {
            for (id, patterns) in source::patterns(source) {
                let Some(reference) = english.get(&id) else {
                    continue; // an extra id: the completeness test names it
                };
                let theirs: Vec<_> = patterns.iter().map(source::variables).collect();
                let ours: Vec<_> = reference.iter().map(source::variables).collect();
                assert_eq!(theirs, ours, "{tag}: {id}");
            }
        }
    }

    /// CLDR's cardinal plural categories for each shipped language.
    fn plural_categories(tag: &str) -> &'static [&'static str] {
        match primary_language(tag) {
            "ja" | "ko" | "th" | "zh" => &["other"],
            "ru" => &["one", "few", "many", "other"],
            "ar" => &["zero", "one", "two", "few", "many", "other"],
            "he" => &["one", "two", "many", "other"],
            "fr" | "pt" | "es" | "it" => &["one", "many", "other"],
            _ => &["one", "other"],
        }
    }

    #[test]
    fn every_plural_selector_defaults_to_other_and_uses_the_language_s_categories() {
        for (tag, source) in &shipped_sources() {
            let categories = plural_categories(tag);
            for (id, patterns) in source::patterns(source) {
                for variants in patterns.iter().flat_map(source::selects) {
                    let default = variants.iter().find(|variant| variant.default);
                    assert_eq!(
                        default.map(source::key).as_deref(),
                        Some("other"),
                        "{tag}: {id}"
                    );
                    for key in variants.iter().map(source::key) {
                        let known =
                            categories.contains(&key.as_str()) || key.parse::<f64>().is_ok();
                        assert!(
                            known,
                            "{tag}: {id} has a [{key}] variant, not a {tag} plural category"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_message_formats_in_every_locale_for_any_count() {
        let names = source::patterns(ENGLISH_SOURCE)
            .values()
            .flatten()
            .flat_map(source::variables)
            .collect::<std::collections::BTreeSet<_>>();
        for tag in LOCALES {
            let i18n = I18n::negotiate(tag);
            let bundle = &i18n.bundles[0];
            for count in [0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 21.0, 100.0, 1.5] {
                let mut args = FluentArgs::new();
                for name in &names {
                    args.set(name.clone(), "x");
                }
                args.set("count", count);
                for id in source::ids(ENGLISH_SOURCE) {
                    let message = bundle.get_message(&id).expect("complete (tested)");
                    let mut errors = vec![];
                    let text = bundle.format_pattern(
                        message.value().expect("value"),
                        Some(&args),
                        &mut errors,
                    );
                    assert!(errors.is_empty(), "{tag}: {id}: {errors:?}");
                    assert!(!text.trim().is_empty(), "{tag}: {id} is empty");
                }
            }
        }
    }
}
