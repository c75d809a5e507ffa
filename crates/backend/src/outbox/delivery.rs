//! Sending one reply: the account to send it as, Alcméon's send, waiting out an outage, and what
//! the outcome does to the stored reply.
//!
//! An outage of Alcméon (a 429, a 5xx, a timeout, no connection: [`ClientError::is_outage`]) does
//! not fail a reply: it stays sending, at the head of its conversation's queue, and is tried again
//! after the governor's wait (a 429 holds every call until Alcméon's reset) or a back-off (1 s,
//! doubling to 15 s, each with up to as much again at random), every try within the governor's
//! budget. Only when the conversation has been in the outage for the configured time
//! (`BACKEND_REPLY_GIVE_UP_SECS`, counted from its first failure and reset by any answer Alcméon
//! gives) is the reply failed, with that failure's code; the replies behind it then get one try
//! each until Alcméon answers again. When a failed try may have been served all the same (a 5xx,
//! a timeout, a connection lost once the request left: [`ClientError::may_have_been_served`]), the
//! conversation is read from Alcméon before the reply is sent again (`reconcile.rs`): an answer
//! Alcméon took is linked to the reply, which is then not sent twice.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use protocol::FailureCode;
use tokio::time::Instant;

use super::reconcile::{ReconcileError, SETTLE};
use super::{Job, Outbox, OutgoingReply, Sender};
use crate::alcmeon::{ClientError, SendAnswer, user_error_reason};
use crate::provisioning::ProvisioningError;
use crate::store::ReplyId;

/// The longest detail kept from a refusal Alcméon gave no known code for.
const MAX_DETAIL_CHARS: usize = 200;
/// The first pause after a failed try, and the longest (each gets up to as much again at random).
const FIRST_PAUSE: Duration = Duration::from_secs(1);
const LONGEST_PAUSE: Duration = Duration::from_secs(15);

/// What a conversation's sending task knows from one reply to the next.
#[derive(Debug, Default)]
pub(super) struct Conversation {
    /// When the last read of the conversation from Alcméon started.
    reconciled: Option<Instant>,
    /// The outage its replies are waiting out, if any.
    outage: Option<Outage>,
}

#[derive(Debug)]
struct Outage {
    since: Instant,
    pauses: ExponentialBackoff,
}

/// What a failed try leads to.
enum Next {
    TryAgain,
    GiveUp,
}

impl Outbox {
    /// Sends the job's reply unless it is no longer stored as sending, waiting out an outage, and
    /// records the outcome.
    pub(super) async fn deliver(&self, job: Job, conversation: &mut Conversation) {
        let reply = job.reply;
        // Set while a read of the conversation from Alcméon starting no earlier than this must
        // tell whether Alcméon already has the reply.
        let mut in_doubt = job.reconcile_after;
        loop {
            if let Some(read_after) = in_doubt {
                match self
                    .settle(reply.conversation_id, read_after, conversation)
                    .await
                {
                    Ok(()) => in_doubt = None,
                    Err(ReconcileError::Alcmeon(error)) if error.is_outage() => {
                        if let Next::TryAgain = self.wait_out(conversation, &error).await {
                            continue;
                        }
                        return self
                            .fail(reply.reply_id, FailureCode::AlcmeonUnavailable)
                            .await;
                    }
                    // Alcméon or the store refused the read: the reply may not be sent blindly.
                    Err(_) => {
                        return self
                            .fail(reply.reply_id, FailureCode::AlcmeonUnavailable)
                            .await;
                    }
                }
            }
            let earlier =
                self.wait_for_earlier_replies(reply.reply_id, reply.conversation_id, conversation);
            if let Err(error) = earlier.await {
                tracing::error!(%error, reply = reply.reply_id.0, "could not read the replies queued before a reply");
                return;
            }
            let error = match self.attempt(&reply).await {
                Ok(Attempt::Accepted) => {
                    conversation.outage = None;
                    return self.record_accepted(reply.reply_id).await;
                }
                // Its answer was read (a webhook, or the read above): Alcméon has it.
                Ok(Attempt::NotSending) => {
                    conversation.outage = None;
                    return;
                }
                Err(error) => error,
            };
            if let Some(outage) = error.outage() {
                if matches!(&error, DeliveryError::Send(sent) if sent.may_have_been_served()) {
                    in_doubt = Some(Instant::now() + SETTLE);
                }
                tracing::info!(error = %outage, reply = reply.reply_id.0,
                    "Alcméon could not take a reply; it waits and is tried again");
                if let Next::TryAgain = self.wait_out(conversation, outage).await {
                    continue;
                }
            } else {
                conversation.outage = None;
            }
            return self.record_failure(&reply, &error).await;
        }
    }

    /// Reads the conversation from Alcméon, no earlier than `read_after`, unless a read that
    /// started then or later was done already.
    async fn settle(
        &self,
        conversation_id: i64,
        read_after: Instant,
        conversation: &mut Conversation,
    ) -> Result<(), ReconcileError> {
        if conversation.reconciled.is_some_and(|at| at >= read_after) {
            return Ok(());
        }
        tokio::time::sleep_until(read_after).await;
        let started = Instant::now();
        self.reconcile(conversation_id).await?;
        conversation.reconciled = Some(started);
        Ok(())
    }

    /// After a failed try in an outage: waits for the next try, or says it is time to give up.
    async fn wait_out(&self, conversation: &mut Conversation, error: &ClientError) -> Next {
        let now = Instant::now();
        let outage = conversation.outage.get_or_insert_with(|| Outage {
            since: now,
            pauses: ExponentialBuilder::new()
                .with_min_delay(FIRST_PAUSE)
                .with_max_delay(LONGEST_PAUSE)
                .with_jitter()
                .without_max_times()
                .build(),
        });
        let give_up_at = outage.since + self.give_up_after;
        if now >= give_up_at {
            tracing::warn!(error = %error, seconds = self.give_up_after.as_secs(),
                "Alcméon could not take a reply for the whole patience; it is shown failed");
            return Next::GiveUp;
        }
        // After a 429 the governor holds every call until Alcméon's reset: the next try waits there.
        if !matches!(error, ClientError::RateLimited { .. }) {
            let pause = outage.pauses.next().unwrap_or(LONGEST_PAUSE);
            tokio::time::sleep(pause.min(give_up_at - now)).await;
        }
        Next::TryAgain
    }

    /// One try: the account to send as, then the send, unless the reply is no longer sending.
    async fn attempt(&self, reply: &OutgoingReply) -> Result<Attempt, DeliveryError> {
        let advisor_id = self.advisor(&reply.sender).await?;
        let sending = self
            .store
            .set_reply_advisor(reply.reply_id, advisor_id)
            .await
            .map_err(|e| DeliveryError::Provisioning(e.into()))?;
        if !sending {
            return Ok(Attempt::NotSending);
        }
        let answer = SendAnswer {
            message: &reply.text,
            advisor_id,
            company_id: self.company_id,
            task_id: reply.task_id,
        };
        self.alcmeon
            .send_answer(&answer)
            .await
            .map_err(DeliveryError::Send)?;
        Ok(Attempt::Accepted)
    }

    async fn record_accepted(&self, reply_id: ReplyId) {
        if let Err(error) = self.store.mark_submitted(reply_id).await {
            tracing::error!(%error, reply = reply_id.0, "could not record how sending a reply went");
        }
    }

    async fn record_failure(&self, reply: &OutgoingReply, error: &DeliveryError) {
        tracing::warn!(%error, reply = reply.reply_id.0, "reply not sent");
        let (code, detail) = error.failure();
        if let (FailureCode::InsufficientPermissions, Sender::Agent(agent)) = (code, &reply.sender)
        {
            // The account was changed in Alcméon since: provision it again next time.
            let _ = self
                .store
                .forget_agent_account(&agent.org_id, &agent.email)
                .await;
        }
        let recorded = self
            .store
            .fail_reply(reply.reply_id, code, detail.as_deref())
            .await;
        if let Err(error) = recorded {
            tracing::error!(%error, reply = reply.reply_id.0, "could not record how sending a reply went");
        }
    }

    async fn fail(&self, reply_id: ReplyId, code: FailureCode) {
        if let Err(error) = self.store.fail_reply(reply_id, code, None).await {
            tracing::error!(%error, reply = reply_id.0, "could not record how sending a reply went");
        }
    }

    /// The account to send as, provisioning an agent's.
    async fn advisor(&self, sender: &Sender) -> Result<i64, DeliveryError> {
        match sender {
            Sender::Account(account_id) => Ok(*account_id),
            Sender::Agent(agent) => self
                .provisioner
                .account_for(agent)
                .await
                .map_err(DeliveryError::Provisioning),
        }
    }
}

/// How a try ended, when Alcméon did not refuse it.
enum Attempt {
    /// Alcméon took the reply.
    Accepted,
    /// The reply was no longer sending (its `answer` was read meanwhile): nothing was sent.
    NotSending,
}

#[derive(Debug, thiserror::Error)]
enum DeliveryError {
    #[error("the agent's Alcméon account could not be provisioned: {0}")]
    Provisioning(ProvisioningError),
    #[error(transparent)]
    Send(ClientError),
}

impl DeliveryError {
    /// Alcméon's failure, when it is an outage to wait out (provisioning's or the send's).
    fn outage(&self) -> Option<&ClientError> {
        match self {
            DeliveryError::Send(error)
            | DeliveryError::Provisioning(ProvisioningError::Alcmeon(error))
                if error.is_outage() =>
            {
                Some(error)
            }
            _ => None,
        }
    }

    fn failure(&self) -> (FailureCode, Option<String>) {
        match self {
            DeliveryError::Send(error) => failure(error),
            DeliveryError::Provisioning(error) => provisioning_failure(error),
        }
    }
}

/// Why provisioning failed, in the reply's failure terms; Alcméon's refusals keep its reason,
/// prefixed so the agent sees the account was the problem, not the message.
fn provisioning_failure(error: &ProvisioningError) -> (FailureCode, Option<String>) {
    let refused = |reason: &str| {
        let detail = format!("account provisioning: {reason}");
        (
            FailureCode::AlcmeonRefused,
            Some(detail.chars().take(MAX_DETAIL_CHARS).collect()),
        )
    };
    match error {
        ProvisioningError::NoReplyPermission => (FailureCode::InsufficientPermissions, None),
        ProvisioningError::AccountNotFound => refused("no account found for the agent's email"),
        ProvisioningError::Alcmeon(ClientError::Status { status, body })
            if (400..500).contains(status) =>
        {
            refused(&user_error_reason(body).unwrap_or_else(|| format!("HTTP {status}")))
        }
        ProvisioningError::Alcmeon(ClientError::RateLimited { .. }) => {
            (FailureCode::RateLimited, None)
        }
        ProvisioningError::Alcmeon(_) | ProvisioningError::Store(_) => {
            (FailureCode::AlcmeonUnavailable, None)
        }
    }
}

/// Why a send failed, and Alcméon's own word for it when it has no code of ours.
fn failure(error: &ClientError) -> (FailureCode, Option<String>) {
    match error {
        ClientError::Status { status, .. } if (400..500).contains(status) => {
            let word = error.alcmeon_error().unwrap_or_default();
            let code = FailureCode::from_alcmeon_error(&word);
            let detail = (code == FailureCode::AlcmeonRefused)
                .then(|| word.chars().take(MAX_DETAIL_CHARS).collect());
            (code, detail)
        }
        ClientError::Status { .. } | ClientError::Transport(_) => {
            (FailureCode::AlcmeonUnavailable, None)
        }
        ClientError::RateLimited { .. } => (FailureCode::RateLimited, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, body: &str) -> ClientError {
        ClientError::Status {
            status,
            body: body.into(),
        }
    }

    #[test]
    fn provisioning_refusals_keep_alcmeons_reason_and_never_pass_for_the_message() {
        let invalid_role = ProvisioningError::Alcmeon(refused(
            400,
            r#"{"error": {"reason": "invalid-role-id", "data": 5}}"#,
        ));
        assert_eq!(
            provisioning_failure(&invalid_role),
            (
                FailureCode::AlcmeonRefused,
                Some("account provisioning: invalid-role-id".into())
            )
        );
        assert_eq!(
            provisioning_failure(&ProvisioningError::NoReplyPermission),
            (FailureCode::InsufficientPermissions, None)
        );
        assert_eq!(
            provisioning_failure(&ProvisioningError::Alcmeon(refused(503, ""))),
            (FailureCode::AlcmeonUnavailable, None)
        );
    }

    #[test]
    fn alcmeons_documented_errors_become_codes_and_others_keep_their_word() {
        assert_eq!(
            failure(&refused(404, r#"{"error": "task-not-found"}"#)),
            (FailureCode::TaskNotFound, None)
        );
        assert_eq!(
            failure(&refused(
                403,
                r#"{"error": "invalid-attachment-access-token"}"#
            )),
            (
                FailureCode::AlcmeonRefused,
                Some("invalid-attachment-access-token".into())
            )
        );
        assert_eq!(
            failure(&refused(502, "<html>bad gateway</html>")),
            (FailureCode::AlcmeonUnavailable, None)
        );
        let (_, detail) = failure(&refused(400, &"x".repeat(5000)));
        assert_eq!(detail.unwrap().chars().count(), MAX_DETAIL_CHARS);
    }
}
