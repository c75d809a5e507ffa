//! Sends stored replies to Alcméon (`POST /v1/answer/send`) through the shared rate-limit
//! governor, each as its agent's own Alcméon account (provisioned first if needed): when the
//! widget posts one, when it retries one, and at start-up for those stored as sending that
//! Alcméon never accepted. A refusal becomes the reply's failure code.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use protocol::FailureCode;

use crate::alcmeon::{AlcmeonClient, ClientError, SendAnswer, user_error_reason};
use crate::provisioning::{AgentIdentity, Provisioner, ProvisioningError};
use crate::store::{ReplyId, Store, StoreError};

/// How many times a reply is offered again after Alcméon's rate limit refused it.
const RATE_LIMITED_ATTEMPTS: usize = 5;
/// The longest detail kept from a refusal Alcméon gave no known code for.
const MAX_DETAIL_CHARS: usize = 200;

#[derive(Clone)]
pub struct Outbox {
    store: Store,
    alcmeon: Arc<AlcmeonClient>,
    provisioner: Provisioner,
    /// The Alcméon company replies are sent for (see `Config::alcmeon_company_id`).
    company_id: i64,
    /// Replies handed to [`Outbox::send`] whose sending has not ended yet.
    in_flight: Arc<AtomicUsize>,
}

/// Who a reply is sent as.
#[derive(Debug, Clone)]
pub enum Sender {
    /// An agent with a session: provisioned if needed.
    Agent(AgentIdentity),
    /// An account remembered from an earlier reply (sending again at start-up, with no session).
    Account(i64),
}

impl Outbox {
    pub fn new(
        store: Store,
        alcmeon: Arc<AlcmeonClient>,
        provisioner: Provisioner,
        company_id: i64,
    ) -> Self {
        Self {
            store,
            alcmeon,
            provisioner,
            company_id,
            in_flight: Arc::default(),
        }
    }

    /// How many replies are being sent now (waiting for the rate limit, an account or Alcméon's
    /// answer). Zero means the outbox will send nothing more until a reply is posted or retried.
    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }

    /// Sends in a task of its own, so that a widget closing its request never abandons a stored
    /// reply.
    pub fn send(&self, reply_id: ReplyId, task_id: i64, text: String, sender: Sender) {
        let outbox = self.clone();
        outbox.in_flight.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(async move {
            outbox.deliver(reply_id, task_id, &text, sender).await;
            outbox.in_flight.fetch_sub(1, Ordering::SeqCst);
        });
    }

    /// Sends again every reply stored as sending that Alcméon never accepted (the process stopped
    /// between storing and sending); returns how many. There is no session to read permissions
    /// from: a remembered account is used as it is; an agent who has none yet gets one with the
    /// reply roles only (they could reply when they posted; moderation roles, if theirs, follow
    /// on their next reply). A reply stored before orgs were recorded and without a remembered
    /// account, or whose stored email is not valid, fails, and the agent may retry it.
    pub async fn resume_unsubmitted(&self) -> Result<usize, StoreError> {
        let replies = self.store.unsubmitted_replies().await?;
        for reply in &replies {
            let Some(email) = &reply.agent_email else {
                self.store
                    .fail_reply(reply.reply_id, FailureCode::AlcmeonUnavailable, None)
                    .await?;
                continue;
            };
            let sender = match &reply.agent_org {
                Some(org) => match self.store.agent_account(org, email).await? {
                    Some(known) => Some(Sender::Account(known.account_id)),
                    None => Some(Sender::Agent(AgentIdentity {
                        org_id: org.clone(),
                        email: email.clone(),
                        name: reply.agent_name.clone(),
                        may_reply: true,
                        may_moderate: false,
                    })),
                },
                None => self
                    .store
                    .agent_account_in_any_org(email)
                    .await?
                    .map(Sender::Account),
            };
            match sender {
                Some(sender) => {
                    self.send(reply.reply_id, reply.task_id, reply.text.clone(), sender)
                }
                None => {
                    self.store
                        .fail_reply(reply.reply_id, FailureCode::AlcmeonUnavailable, None)
                        .await?
                }
            }
        }
        Ok(replies.len())
    }

    async fn deliver(&self, reply_id: ReplyId, task_id: i64, text: &str, sender: Sender) {
        let outcome = match self.advisor(&sender).await {
            Ok(advisor_id) => self.send_as(reply_id, task_id, text, advisor_id).await,
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
