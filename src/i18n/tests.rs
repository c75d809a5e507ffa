use super::*;

mod source;

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

/// What a failure line may receive as its `$reason` in `tag`: each failure phrase, alone and with
/// Alcméon's detail, and each error sentence of the widget's own failures.
fn inserted_reasons(tag: &str) -> Vec<(String, String)> {
    let i18n = I18n::negotiate(tag);
    let english = source::ids(ENGLISH_SOURCE);
    let phrases = english
        .iter()
        .filter(|id| id.starts_with("failure-") || id.starts_with("error-"))
        .filter(|id| *id != "failure-with-detail");
    let mut reasons = vec![];
    for id in phrases {
        let reason = i18n.t(id);
        let mut args = FluentArgs::new();
        args.set("reason", reason.clone());
        args.set("detail", "account provisioning: invalid-email");
        let detailed = i18n.t_with("failure-with-detail", &args);
        reasons.push((id.clone(), reason));
        reasons.push((format!("{id} with a detail"), detailed));
    }
    reasons
}

/// Fluent isolates an inserted reason, and the browser lays out an isolate in the direction of
/// its first strong letter outside nested isolates (none: left to right): in Arabic and Hebrew a
/// reason that started with "Alcméon", or with the isolated reason before a detail, would read
/// backwards inside the line.
#[test]
fn in_arabic_and_hebrew_every_inserted_failure_reason_reads_right_to_left() {
    for tag in ["ar", "he"] {
        for (what, reason) in inserted_reasons(tag) {
            assert_eq!(
                unicode_bidi::get_base_direction(reason.as_str()),
                unicode_bidi::Direction::Rtl,
                "{tag}: {what}: {reason:?}"
            );
        }
    }
}

#[test]
fn in_left_to_right_locales_a_reason_with_a_detail_reads_left_to_right() {
    for tag in LOCALES.iter().filter(|tag| !["ar", "he"].contains(tag)) {
        for (what, reason) in inserted_reasons(tag) {
            let direction = unicode_bidi::get_base_direction(reason.as_str());
            assert_ne!(direction, unicode_bidi::Direction::Rtl, "{tag}: {what}");
        }
    }
}

#[test]
fn french_puts_a_narrow_no_break_space_before_colons_and_semicolons() {
    let french = I18n::negotiate("fr");
    let mut args = FluentArgs::new();
    for name in ["reason", "zone", "author", "text"] {
        args.set(name, "x");
    }
    for id in source::ids(ENGLISH_SOURCE) {
        let text = visible(french.t_with(&id, &args));
        for (at, mark) in text.char_indices().filter(|(_, c)| [':', ';'].contains(c)) {
            let before = text[..at].chars().next_back();
            assert_eq!(before, Some('\u{202F}'), "fr: {id}: {mark} in {text:?}");
        }
    }
    assert_eq!(
        visible(french.t_with("delivery-failed", &args)),
        "Échec\u{202F}: x"
    );
}

#[test]
fn french_and_brazilian_portuguese_say_none_for_zero() {
    assert_eq!(
        count("fr", "announce-attachments", 0.0),
        "aucune pièce jointe"
    );
    assert_eq!(count("fr", "announce-attachments", 1.0), "une pièce jointe");
    assert_eq!(count("fr", "announce-attachments", 2.0), "2 pièces jointes");
    assert_eq!(count("pt-BR", "announce-attachments", 0.0), "nenhum anexo");
    assert_eq!(count("pt-BR", "announce-attachments", 1.0), "um anexo");
    assert_eq!(
        count("pt-BR", "thread-count-more", 0.0),
        "Nenhuma mensagem carregada, há outras antes"
    );
    assert_eq!(
        count("pt-BR", "thread-count-more", 1.0),
        "1 mensagem carregada, há outras antes dela"
    );
}

/// Every engagement block; the match stops compiling when a variant is added and not listed.
fn every_engagement_block() -> Vec<protocol::EngagementBlock> {
    use protocol::EngagementBlock::*;
    let all = vec![
        SeveralEnvironments { count: 2 },
        RecipientMissing,
        RecipientMalformed,
        SenderMissing,
        SenderUnknown,
        NoOptIn,
        OptedOut { since_ms: 1 },
        ConsentUnknown,
        AlreadySent,
        NotPermitted,
    ];
    for block in &all {
        match block {
            SeveralEnvironments { .. }
            | RecipientMissing
            | RecipientMalformed
            | SenderMissing
            | SenderUnknown
            | NoOptIn
            | OptedOut { .. }
            | ConsentUnknown
            | AlreadySent
            | NotPermitted => {}
        }
    }
    all
}

/// Every variable problem; the match stops compiling when a variant is added and not listed.
fn every_problem_reason() -> Vec<protocol::ProblemReason> {
    use protocol::ProblemReason::*;
    let all = vec![
        Missing,
        Blank,
        TooLong { max_chars: 3 },
        LineBreak,
        TooManySpaces,
        NotUrlSafe,
        Unknown,
    ];
    for reason in &all {
        match reason {
            Missing | Blank | TooLong { .. } | LineBreak | TooManySpaces | NotUrlSafe | Unknown => {
            }
        }
    }
    all
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
    let statuses = protocol::ConversationStatus::VARIANTS
        .iter()
        .map(|status| status.message_id());
    let template_channels = protocol::TemplateChannel::VARIANTS
        .iter()
        .map(|channel| channel.message_id());
    let send_failures = protocol::SendFailureCode::VARIANTS
        .iter()
        .map(|code| code.message_id());
    let engagement_blocks = every_engagement_block().into_iter().map(|b| b.message_id());
    let problems = every_problem_reason().into_iter().map(|r| r.message_id());
    let consents = [
        protocol::ConsentState::OptedIn { since_ms: 1 },
        protocol::ConsentState::OptedOut { since_ms: 1 },
        protocol::ConsentState::NoOptIn,
    ]
    .map(|state| state.message_id());
    let ids = errors
        .chain(channels)
        .chain(statuses)
        .chain(failures)
        .chain(events)
        .chain(blocks)
        .chain(template_channels)
        .chain(send_failures)
        .chain(engagement_blocks)
        .chain(problems)
        .chain(consents);
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
                    let known = categories.contains(&key.as_str()) || key.parse::<f64>().is_ok();
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
