//! Sends stored replies to Alcméon (`POST /v1/answer/send`) through the shared rate-limit
//! governor: when the widget posts one, when it retries one, and at start-up for those stored as
//! sending that Alcméon never accepted. A refusal becomes the reply's failure code.

use std::sync::Arc;

use protocol::FailureCode;

use crate::alcmeon::{AlcmeonClient, ClientError, SendAnswer};
use crate::store::{Store, StoreError};

/// How many times a reply is offered again after Alcméon's rate limit refused it.
const RATE_LIMITED_ATTEMPTS: usize = 5;
/// The longest detail kept from a refusal Alcméon gave no known code for.
const MAX_DETAIL_CHARS: usize = 200;

#[derive(Clone)]
pub struct Outbox {
    store: Store,
    alcmeon: Arc<AlcmeonClient>,
    /// The Alcméon advisor and company every reply is sent as (see `Config::alcmeon_advisor_id`).
    advisor_id: i64,
    company_id: i64,
}

impl Outbox {
    pub fn new(
        store: Store,
        alcmeon: Arc<AlcmeonClient>,
        advisor_id: i64,
        company_id: i64,
    ) -> Self {
        Self {
            store,
            alcmeon,
            advisor_id,
            company_id,
        }
    }

    /// Sends in a task of its own, so that a widget closing its request never abandons a stored
    /// reply.
    pub fn send(&self, client_id: String, task_id: i64, text: String) {
        let outbox = self.clone();
        tokio::spawn(async move { outbox.deliver(&client_id, task_id, &text).await });
    }

    /// Sends again every reply stored as sending that Alcméon never accepted (the process stopped
    /// between storing and sending); returns how many.
    pub async fn resume_unsubmitted(&self) -> Result<usize, StoreError> {
        let replies = self.store.unsubmitted_replies().await?;
        for reply in &replies {
            self.send(reply.client_id.clone(), reply.task_id, reply.text.clone());
        }
        Ok(replies.len())
    }

    async fn deliver(&self, client_id: &str, task_id: i64, text: &str) {
        let answer = SendAnswer {
            message: text,
            advisor_id: self.advisor_id,
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
        let recorded = match &outcome {
            Ok(()) => self.store.mark_submitted(client_id).await,
            Err(error) => {
                tracing::warn!(%error, client_id, "reply not sent");
                let (code, detail) = failure(error);
                self.store
                    .fail_reply(client_id, code, detail.as_deref())
                    .await
            }
        };
        if let Err(error) = recorded {
            tracing::error!(%error, client_id, "could not record how sending a reply went");
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
