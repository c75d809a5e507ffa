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

#[cfg(test)]
mod tests;
