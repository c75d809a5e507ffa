use protocol::{SendFailureCode, VariantArray};

use super::*;

fn visible(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}', '\u{200F}'], "")
}

fn date(at_ms: i64) -> String {
    format!("day {at_ms}")
}

#[test]
fn the_number_is_shown_in_e164_with_its_plus_or_as_the_record_holds_it() {
    let mut recipient = Recipient {
        name: "Camille Martin".into(),
        raw_phone: "+33 6 12 34 56 78".into(),
        phone: Some("33612345678".into()),
    };
    assert_eq!(phone_text(&recipient), "+33612345678");
    recipient.phone = None;
    recipient.raw_phone = " 06 12 34 ".into();
    assert_eq!(phone_text(&recipient), "06 12 34");
}

#[test]
fn several_environments_are_explained_in_the_agents_language() {
    let block = EngagementBlock::SeveralEnvironments { count: 2 };
    let english = visible(block_text(&I18n::negotiate("en"), block, date));
    assert!(english.contains("single Alcméon environment"), "{english}");
    assert!(english.contains("several (2)"), "{english}");
    let french = visible(block_text(&I18n::negotiate("fr"), block, date));
    assert!(french.contains("un seul environnement Alcméon"), "{french}");
}

#[test]
fn an_opt_out_says_when() {
    let i18n = I18n::negotiate("en");
    let block = EngagementBlock::OptedOut { since_ms: 7 };
    assert_eq!(
        visible(block_text(&i18n, block, date)),
        "The customer opted out on day 7, so nothing can be sent."
    );
    assert_eq!(
        visible(consent_text(
            &i18n,
            Some(ConsentState::OptedIn { since_ms: 5 }),
            date
        )),
        "Opted in on day 5"
    );
    assert_eq!(
        consent_text(&i18n, Some(ConsentState::OptedIn { since_ms: 0 }), date),
        "Opted in",
        "Alcméon gave no time"
    );
    assert_eq!(consent_text(&i18n, None, date), "Could not be checked");
}

#[test]
fn each_variable_problem_reads_as_its_own_reason() {
    let i18n = I18n::negotiate("en");
    let reasons = [
        ProblemReason::Missing,
        ProblemReason::Blank,
        ProblemReason::TooLong { max_chars: 12 },
        ProblemReason::LineBreak,
        ProblemReason::TooManySpaces,
        ProblemReason::NotUrlSafe,
        ProblemReason::Unknown,
    ];
    let texts: Vec<String> = reasons
        .iter()
        .map(|r| visible(problem_text(&i18n, r)))
        .collect();
    let mut distinct = texts.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), reasons.len(), "{texts:?}");
    assert_eq!(texts[2], "Too long: at most 12 characters fit here.");
    assert_eq!(texts[0], "Required");
}

#[test]
fn a_failure_reads_with_alcmeons_words_and_every_code_has_its_own_reason() {
    let i18n = I18n::negotiate("en");
    let failure = SendFailure {
        code: SendFailureCode::OngoingConversation,
        detail: "ongoing-conversation".into(),
        ongoing_conversation_id: Some(1001),
    };
    assert_eq!(
        visible(status_text(&i18n, &SendStatus::Failed(failure))),
        "Failed: The customer already has an ongoing conversation on this account (ongoing-conversation)"
    );
    let mut reasons: Vec<String> = SendFailureCode::VARIANTS
        .iter()
        .map(|code| i18n.t(code.message_id()))
        .collect();
    reasons.sort();
    reasons.dedup();
    assert_eq!(reasons.len(), SendFailureCode::VARIANTS.len());
}

#[test]
fn the_status_line_names_alcmeons_message_id_once_sent() {
    let i18n = I18n::negotiate("en");
    let sent = SendStatus::Sent {
        message_id: Some("wamid.42".into()),
    };
    assert_eq!(
        visible(status_text(&i18n, &sent)),
        "Sent (Alcméon message wamid.42)"
    );
    assert_eq!(status_text(&i18n, &SendStatus::Sending), "Sending…");
    assert_eq!(
        visible(status_text(&i18n, &SendStatus::NotReached("error-network"))),
        "Failed: The conversation service cannot be reached. Check your connection."
    );
    assert_eq!(status_text(&i18n, &SendStatus::Idle), "");
}

#[test]
fn a_text_for_salesforce_has_no_isolation_marks() {
    let i18n = I18n::negotiate("en");
    let failure = SendFailure {
        code: SendFailureCode::AlcmeonRefused,
        detail: "invalid-phone-number".into(),
        ongoing_conversation_id: None,
    };
    assert_eq!(
        plain(&failure_text(&i18n, &failure)),
        "Alcméon refused the message (invalid-phone-number)"
    );
}
