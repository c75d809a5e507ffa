use super::*;
use crate::test_items::{DAY0, event, item, reply};
use protocol::{Attachment, FailureCode, ItemKind};

fn visible(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn events_name_who_did_what_to_whom() {
    let english = I18n::negotiate("en");
    let assigned = event(1, ConversationEvent::Assigned { to: "Tom".into() }, DAY0);
    assert_eq!(
        visible(event_text(&english, &assigned)),
        "Léa assigned the conversation to Tom"
    );
    let tagged = ConversationEvent::Tagged {
        tag: "Priority".into(),
        value: "High".into(),
    };
    assert_eq!(
        visible(event_text(&I18n::negotiate("fr"), &event(2, tagged, DAY0))),
        "Léa a donné la valeur High à l’étiquette Priority"
    );
    let unknown = event(3, ConversationEvent::Other, DAY0);
    assert_eq!(
        visible(event_text(&english, &unknown)),
        "Léa updated the conversation"
    );
}

#[test]
fn a_failure_reads_its_code_then_alcmeons_word_unless_the_widget_failed_first() {
    let english = I18n::negotiate("en");
    let failed = |code, detail: Option<&str>| Delivery::Failed {
        code,
        detail: detail.map(str::to_owned),
    };
    let refused = failed(FailureCode::AlcmeonRefused, Some("brand-new-error"));
    assert_eq!(
        visible(failure_reason(&english, Some(&refused), None)),
        "Alcméon refused the reply (brand-new-error)"
    );
    let too_long = failed(FailureCode::MessageTooLong, None);
    assert_eq!(
        failure_reason(&english, Some(&too_long), None),
        english.t("failure-message-too-long")
    );
    assert_eq!(
        failure_reason(&english, Some(&too_long), Some("error-network")),
        english.t("error-network")
    );
}

#[test]
fn the_viewer_reads_you_and_others_read_names() {
    let english = I18n::negotiate("en");
    let mine = reply(1, "Léa Martin", Some("lea@brand.example"), DAY0);
    assert_eq!(author_name(&english, &mine, Sender::Me), "You");
    assert_eq!(
        author_name(&english, &mine, Sender::OtherAgent),
        "Léa Martin"
    );
    let nameless = item(2, ItemKind::Inbound, "", DAY0);
    assert_eq!(
        author_name(&english, &nameless, Sender::Customer),
        "Customer"
    );
}

#[test]
fn a_summary_is_one_short_line_or_counts_the_files() {
    let english = I18n::negotiate("en");
    let mut message = item(1, ItemKind::Inbound, "Ana", DAY0);
    message.text = "Hello,\n\nmy   order".into();
    assert_eq!(summary(&english, &message), "Hello, my order");
    message.text = "é".repeat(150);
    let cut = summary(&english, &message);
    assert_eq!(cut.chars().count(), SUMMARY_CHARS + 1);
    assert!(cut.ends_with('…'));
    message.text = String::new();
    message.attachments = vec![
        Attachment {
            id: 1,
            mime_type: "image/png".into(),
            size: 1,
        };
        2
    ];
    assert_eq!(visible(summary(&english, &message)), "2 attachments");
}
