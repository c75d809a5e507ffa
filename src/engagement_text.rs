//! The words of the engagement page besides the template itself: who receives the message, their
//! consent, why nothing may be sent, why a variable's value cannot be sent, and where the send
//! stands. Pure, so each text is tested in the agent's language; dates come in already written
//! (`date`), as the page's clock writes them.

use fluent_bundle::FluentArgs;
use protocol::{ConsentState, EngagementBlock, ProblemReason, Recipient, SendFailure};

use crate::i18n::I18n;
use crate::item_text::with_detail;
use crate::send_status::SendStatus;

/// The recipient's number in E.164 with its `+`; the record's own text when it is not a number.
pub fn phone_text(recipient: &Recipient) -> String {
    match &recipient.phone {
        Some(digits) => format!("+{digits}"),
        None => recipient.raw_phone.trim().to_owned(),
    }
}

/// The recipient's consent as the backend reports it (`None`: it could not be asked).
pub fn consent_text(
    i18n: &I18n,
    consent: Option<ConsentState>,
    date: impl Fn(i64) -> String,
) -> String {
    match consent {
        None => i18n.t("consent-unknown"),
        Some(ConsentState::OptedIn { since_ms: 0 }) => i18n.t("consent-opted-in-undated"),
        Some(
            state @ (ConsentState::OptedIn { since_ms } | ConsentState::OptedOut { since_ms }),
        ) => i18n.t_with(state.message_id(), &date_args(date(since_ms))),
        Some(state) => i18n.t(state.message_id()),
    }
}

/// Why nothing may be sent.
pub fn block_text(i18n: &I18n, block: EngagementBlock, date: impl Fn(i64) -> String) -> String {
    let args = match block {
        EngagementBlock::SeveralEnvironments { count } => {
            let mut args = FluentArgs::new();
            args.set("count", count);
            args
        }
        EngagementBlock::OptedOut { since_ms } => date_args(date(since_ms)),
        _ => FluentArgs::new(),
    };
    i18n.t_with(block.message_id(), &args)
}

/// Why a variable's value cannot be sent, shown under its field.
pub fn problem_text(i18n: &I18n, reason: &ProblemReason) -> String {
    let mut args = FluentArgs::new();
    if let ProblemReason::TooLong { max_chars } = reason {
        args.set("count", *max_chars);
    }
    i18n.t_with(reason.message_id(), &args)
}

/// Why Alcméon did not send it, with Alcméon's own words: the `$reason` of `delivery-failed`.
pub fn failure_text(i18n: &I18n, failure: &SendFailure) -> String {
    with_detail(i18n, i18n.t(failure.code.message_id()), &failure.detail)
}

/// The status line under the send; empty before any send.
pub fn status_text(i18n: &I18n, status: &SendStatus) -> String {
    let failed = |reason: String| {
        let mut args = FluentArgs::new();
        args.set("reason", reason);
        i18n.t_with("delivery-failed", &args)
    };
    match status {
        SendStatus::Idle => String::new(),
        SendStatus::Sending => i18n.t("delivery-sending"),
        SendStatus::Sent {
            message_id: Some(id),
        } => {
            let mut args = FluentArgs::new();
            args.set("id", id.as_str());
            i18n.t_with("engagement-sent", &args)
        }
        SendStatus::Sent { message_id: None } => i18n.t("delivery-sent"),
        SendStatus::Failed(failure) => failed(failure_text(i18n, failure)),
        SendStatus::NotReached(message_id) => failed(i18n.t(message_id)),
    }
}

/// A text for outside the widget (a Salesforce field): without the direction isolation marks
/// Fluent puts around inserted values, which only a renderer of bidirectional text needs.
pub fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

fn date_args(date: String) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("date", date);
    args
}

#[cfg(test)]
mod tests;
