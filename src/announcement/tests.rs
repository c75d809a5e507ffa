use super::*;
use crate::test_items::{DAY0, event, item, reply};
use protocol::{ConversationEvent, FailureCode};

fn viewer() -> AgentEmail {
    AgentEmail::parse("lea@brand.example").unwrap()
}

fn visible(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

fn failed(mut reply: ThreadItem) -> ThreadItem {
    reply.delivery = Some(Delivery::Failed {
        code: FailureCode::ChannelRefused,
        detail: None,
    });
    reply
}

#[test]
fn news_from_others_is_announced_once() {
    let customer = item(1, ItemKind::Inbound, "Ana", DAY0);
    assert_eq!(
        Announcement::for_item(&customer, None, Some(&viewer())),
        Some(Announcement::CustomerMessage)
    );
    assert_eq!(
        Announcement::for_item(&customer, Some(&customer), Some(&viewer())),
        None,
        "an update of a known item is not news"
    );
    let colleague = reply(2, "Tom", Some("tom@brand.example"), DAY0);
    assert_eq!(
        Announcement::for_item(&colleague, None, Some(&viewer())),
        Some(Announcement::AgentReply)
    );
    assert_eq!(
        Announcement::for_item(
            &failed(colleague.clone()),
            Some(&colleague),
            Some(&viewer())
        ),
        Some(Announcement::AgentReplyFailed),
        "another agent's reply turning failed is news: the customer did not get it"
    );
    assert_eq!(
        Announcement::for_item(
            &failed(colleague.clone()),
            Some(&failed(colleague.clone())),
            Some(&viewer())
        ),
        None
    );
    let bot = failed(reply(5, "Bot", None, DAY0));
    assert_eq!(
        Announcement::for_item(&bot, None, Some(&viewer())),
        Some(Announcement::AgentReplyFailed),
        "a reply that arrives already failed says so"
    );
    let archived = event(3, ConversationEvent::Archived, DAY0);
    assert_eq!(
        Announcement::for_item(&archived, None, Some(&viewer())),
        Some(Announcement::Event)
    );
}

#[test]
fn the_viewers_reply_is_announced_only_when_it_turns_failed() {
    let mut sending = reply(4, "", Some("lea@brand.example"), DAY0);
    sending.delivery = Some(Delivery::Sending);
    assert_eq!(
        Announcement::for_item(&sending, None, Some(&viewer())),
        None
    );
    let mut sent = sending.clone();
    sent.delivery = Some(Delivery::Sent);
    assert_eq!(
        Announcement::for_item(&sent, Some(&sending), Some(&viewer())),
        None
    );
    let failure = failed(sending.clone());
    assert_eq!(
        Announcement::for_item(&failure, Some(&sending), Some(&viewer())),
        Some(Announcement::ReplyFailed)
    );
    assert_eq!(
        Announcement::for_item(&failure, Some(&failure), Some(&viewer())),
        None,
        "the same failure reported twice (answer and stream) is announced once"
    );
}

#[test]
fn announcements_are_short_sentences_in_the_agents_language() {
    let english = I18n::negotiate("en");
    let mut customer = item(1, ItemKind::Inbound, "Ana", DAY0);
    customer.text = "Where is\nmy parcel?".into();
    assert_eq!(
        visible(Announcement::CustomerMessage.text(&english, &customer, None)),
        "New message from Ana: Where is my parcel?"
    );
    let mut colleague = reply(2, "Tom", Some("tom@brand.example"), DAY0);
    colleague.text = "On its way".into();
    assert_eq!(
        visible(Announcement::AgentReply.text(&english, &colleague, None)),
        "Tom replied: On its way"
    );
    assert_eq!(
        visible(Announcement::AgentReplyFailed.text(&english, &failed(colleague), None)),
        format!(
            "Tom replied: On its way Failed: {}",
            english.t("failure-channel-refused")
        )
    );
    let mine = failed(reply(3, "", Some("lea@brand.example"), DAY0));
    assert_eq!(
        visible(Announcement::ReplyFailed.text(&english, &mine, None)),
        format!(
            "Your reply failed: {}",
            english.t("failure-channel-refused")
        )
    );
    let french = I18n::negotiate("fr");
    assert_eq!(
        visible(Announcement::ReplyFailed.text(&french, &mine, Some("error-network"))),
        format!(
            "Échec de l’envoi de votre réponse\u{202F}: {}",
            french.t("error-network")
        )
    );
}
