//! Sending an engagement: `POST /v1/engagement/sends` (the record's one-off message) and
//! `POST /v1/conversations/{id}/engagements` (re-engaging a conversation whose window closed, `reengagement.rs`).
//!
//! Invariants: a client id already stored is answered from the store, never sent again (a
//! different template, values or agent under it is refused); otherwise the block rule and the
//! template's fill are checked, the send is stored `sending`, and one task of its own calls
//! Alcméon (waiting out 429s through the governor) and stores `sent` or `failed`. Every request
//! then waits for the send to leave `sending`, up to [`SETTLE_WAIT`], and answers it as it is.

use protocol::{
    ConsentState, EngagementSend, EngagementSendRequest, SendState, fill, normalize_phone,
};
use tokio::sync::broadcast::error::RecvError;

use super::block::{self, Facts};
use super::page::recipient_fact;
use super::{EngagementError, EngagementTarget, Engagements, SETTLE_WAIT, SenderAccount};
use crate::store::{NewEngagementSend, SendInsert, StoredSend};

/// Where a send goes, under which key.
pub(super) struct Delivery {
    pub org: String,
    pub record_key: String,
    pub one_off: bool,
    pub agent_email: protocol::AgentEmail,
    pub account: SenderAccount,
    pub phone: String,
    pub interrupt: bool,
}

impl Engagements {
    /// The engagement record's one message.
    pub async fn send(
        &self,
        target: &EngagementTarget,
        request: &EngagementSendRequest,
    ) -> Result<EngagementSend, EngagementError> {
        let (org, record_key) = (target.org.as_str(), target.record_id.as_str());
        if let Some(send) = self
            .repeated(org, record_key, target.agent_email.as_str(), request)
            .await?
        {
            return Ok(send);
        }
        let phone = normalize_phone(&target.raw_phone);
        let (sender, account) = self.sender_of(&target.raw_sender).await?;
        let live_send = self
            .store
            .latest_engagement_send(org, record_key)
            .await?
            .is_some_and(|s| s.state != SendState::Failed);
        let consent = self.consent_if(phone.as_deref()).await;
        let facts = Facts {
            environments: self.environments.count(org),
            recipient: recipient_fact(&target.raw_phone, phone.as_deref()),
            sender,
            may_reply: target.may_reply,
            live_send,
            consent,
        };
        let (Some(phone), Some(account), None) = (phone, account, block::decide(&facts)) else {
            // A concurrent request with this client id may have stored it since it was looked
            // for: it is the send this request repeats, not a block.
            if let Some(send) = self
                .repeated(org, record_key, target.agent_email.as_str(), request)
                .await?
            {
                return Ok(send);
            }
            let block = block::decide(&facts).unwrap_or(protocol::EngagementBlock::SenderUnknown);
            return Err(EngagementError::Blocked(block));
        };
        let delivery = Delivery {
            org: org.to_owned(),
            record_key: record_key.to_owned(),
            one_off: true,
            agent_email: target.agent_email.clone(),
            account,
            phone,
            interrupt: false,
        };
        self.store_and_send(delivery, request).await
    }

    pub(super) async fn consent_if(&self, phone: Option<&str>) -> Option<ConsentState> {
        match phone {
            Some(phone) => self.consent_of(phone).await,
            None => None,
        }
    }

    pub(super) async fn store_and_send(
        &self,
        delivery: Delivery,
        request: &EngagementSendRequest,
    ) -> Result<EngagementSend, EngagementError> {
        let template = delivery
            .account
            .templates
            .iter()
            .find(|t| t.id == request.template_id)
            .ok_or(EngagementError::UnknownTemplate(request.template_id))?;
        let filled = fill(template, &request.values).map_err(|problems| {
            let listed: Vec<String> = problems
                .iter()
                .map(|p| format!("{} ({})", p.variable, problem_words(&p.reason)))
                .collect();
            EngagementError::BadValues(listed.join(", "))
        })?;
        let new = NewEngagementSend {
            org: delivery.org.clone(),
            record_key: delivery.record_key.clone(),
            client_id: request.client_id.clone(),
            one_off: delivery.one_off,
            agent_email: delivery.agent_email.clone(),
            channel: delivery.account.channel,
            account_id: delivery.account.account_id,
            phone: delivery.phone.clone(),
            interrupt: delivery.interrupt,
            template_id: template.id,
            language: template.language.clone(),
            content: filled.body,
            values: request.values.clone(),
            requested_at_ms: chrono::Utc::now().timestamp_millis(),
        };
        match self.store.create_engagement_send(&new).await? {
            SendInsert::Created(stored) => {
                self.spawn_delivery(stored.id, &delivery, template, &request.values);
                Ok(self
                    .settled(&delivery.org, &delivery.record_key, stored.send)
                    .await?)
            }
            SendInsert::Existing(existing) => {
                let email = delivery.agent_email.as_str();
                self.repeat(
                    &delivery.org,
                    &delivery.record_key,
                    existing,
                    email,
                    request,
                )
                .await
            }
            SendInsert::RecordTaken => Err(EngagementError::Blocked(
                protocol::EngagementBlock::AlreadySent,
            )),
        }
    }

    /// The send already stored under the request's client id, once settled; `None` when there
    /// is none.
    pub(super) async fn repeated(
        &self,
        org: &str,
        record_key: &str,
        agent_email: &str,
        request: &EngagementSendRequest,
    ) -> Result<Option<EngagementSend>, EngagementError> {
        match self
            .store
            .engagement_send(org, record_key, &request.client_id)
            .await?
        {
            Some(existing) => self
                .repeat(org, record_key, existing, agent_email, request)
                .await
                .map(Some),
            None => Ok(None),
        }
    }

    /// A repeated client id: the stored send, once settled, unless it was another send.
    async fn repeat(
        &self,
        org: &str,
        record_key: &str,
        existing: StoredSend,
        agent_email: &str,
        request: &EngagementSendRequest,
    ) -> Result<EngagementSend, EngagementError> {
        if existing.send.template_id != request.template_id
            || existing.values != request.values
            || existing.agent_email != agent_email
        {
            return Err(EngagementError::ClientIdReused(
                request.client_id.to_string(),
            ));
        }
        self.settled(org, record_key, existing.send).await
    }

    /// The send `known` once it left `sending`, or as it is after [`SETTLE_WAIT`].
    async fn settled(
        &self,
        org: &str,
        record_key: &str,
        known: EngagementSend,
    ) -> Result<EngagementSend, EngagementError> {
        let mut changes = self.store.subscribe_engagements();
        let deadline = tokio::time::Instant::now() + SETTLE_WAIT;
        let mut send = known;
        loop {
            if let Some(stored) = self
                .store
                .engagement_send(org, record_key, &send.client_id)
                .await?
            {
                send = stored.send;
            }
            if send.state != SendState::Sending {
                return Ok(send);
            }
            match tokio::time::timeout_at(deadline, changes.recv()).await {
                Ok(Ok(_) | Err(RecvError::Lagged(_))) => continue,
                Ok(Err(RecvError::Closed)) | Err(_) => return Ok(send),
            }
        }
    }
}

/// A variable problem in a few words, for the 400's message (the widget shows its own text).
fn problem_words(reason: &protocol::ProblemReason) -> String {
    use protocol::ProblemReason::*;
    match reason {
        Missing => "missing".into(),
        Blank => "blank".into(),
        TooLong { max_chars } => format!("too long: at most {max_chars} characters"),
        LineBreak => "holds a line break or a tab".into(),
        TooManySpaces => "holds more than 4 spaces in a row".into(),
        NotUrlSafe => "holds a character not allowed in an address".into(),
        Unknown => "not a variable of the template".into(),
    }
}
