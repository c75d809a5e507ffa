//! Sending one reply: the account to send it as, Alcméon's send (offered again while rate
//! limited), and what the outcome does to the stored reply.

use protocol::FailureCode;

use super::{Outbox, OutgoingReply, Sender};
use crate::alcmeon::{ClientError, SendAnswer, user_error_reason};
use crate::provisioning::ProvisioningError;
use crate::store::ReplyId;

/// How many times a reply is offered again after Alcméon's rate limit refused it.
const RATE_LIMITED_ATTEMPTS: usize = 5;
/// The longest detail kept from a refusal Alcméon gave no known code for.
const MAX_DETAIL_CHARS: usize = 200;

impl Outbox {
    /// Sends the reply unless it is no longer stored as sending, and records the outcome.
    pub(super) async fn deliver(&self, reply: OutgoingReply) {
        let OutgoingReply {
            reply_id,
            task_id,
            text,
            sender,
            ..
        } = reply;
        match self.store.reply_is_sending(reply_id).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(error) => {
                tracing::error!(%error, reply = reply_id.0, "could not read a queued reply's state");
                return;
            }
        }
        let outcome = match self.advisor(&sender).await {
            Ok(advisor_id) => self.send_as(reply_id, task_id, &text, advisor_id).await,
            Err(error) => Err(error),
        };
        let recorded = match &outcome {
            Ok(()) => self.store.mark_submitted(reply_id).await,
            Err(error) => {
                tracing::warn!(%error, reply = reply_id.0, "reply not sent");
                let (code, detail) = error.failure();
                if let (FailureCode::InsufficientPermissions, Sender::Agent(agent)) =
                    (code, &sender)
                {
                    // The account was changed in Alcméon since: provision it again next time.
                    let _ = self
                        .store
                        .forget_agent_account(&agent.org_id, &agent.email)
                        .await;
                }
                self.store
                    .fail_reply(reply_id, code, detail.as_deref())
                    .await
            }
        };
        if let Err(error) = recorded {
            tracing::error!(%error, reply = reply_id.0, "could not record how sending a reply went");
        }
    }

    /// The account to send as, provisioning an agent's (retried while rate limited).
    async fn advisor(&self, sender: &Sender) -> Result<i64, DeliveryError> {
        let agent = match sender {
            Sender::Account(account_id) => return Ok(*account_id),
            Sender::Agent(agent) => agent,
        };
        let mut outcome = self.provisioner.account_for(agent).await;
        for _ in 1..RATE_LIMITED_ATTEMPTS {
            if !matches!(
                outcome,
                Err(ProvisioningError::Alcmeon(ClientError::RateLimited { .. }))
            ) {
                break;
            }
            outcome = self.provisioner.account_for(agent).await;
        }
        outcome.map_err(DeliveryError::Provisioning)
    }

    async fn send_as(
        &self,
        reply_id: ReplyId,
        task_id: i64,
        text: &str,
        advisor_id: i64,
    ) -> Result<(), DeliveryError> {
        self.store
            .set_reply_advisor(reply_id, advisor_id)
            .await
            .map_err(|e| DeliveryError::Provisioning(e.into()))?;
        let answer = SendAnswer {
            message: text,
            advisor_id,
            company_id: self.company_id,
            task_id,
        };
        let mut outcome = self.alcmeon.send_answer(&answer).await;
        for _ in 1..RATE_LIMITED_ATTEMPTS {
            if !matches!(outcome, Err(ClientError::RateLimited { .. })) {
                break;
            }
            outcome = self.alcmeon.send_answer(&answer).await;
        }
        outcome.map_err(DeliveryError::Send)
    }
}

#[derive(Debug, thiserror::Error)]
enum DeliveryError {
    #[error("the agent's Alcméon account could not be provisioned: {0}")]
    Provisioning(ProvisioningError),
    #[error(transparent)]
    Send(ClientError),
}

impl DeliveryError {
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
