//! The engagement page of a session's engagement record: its recipient and sender as the record
//! holds them and the backend reads them, the consent, the templates, the one block
//! (`block::decide`), the record's send and its linked conversation.

use protocol::{EngagementPage, Recipient, SendState, Sender, normalize_phone};

use super::block::{self, Facts, RecipientFact, SenderFact};
use super::{EngagementError, EngagementTarget, Engagements, SenderAccount};

impl Engagements {
    pub async fn page(&self, target: &EngagementTarget) -> Result<EngagementPage, EngagementError> {
        let phone = normalize_phone(&target.raw_phone);
        let (sender_fact, account) = self.sender_of(&target.raw_sender).await?;
        let send = self
            .store
            .latest_engagement_send(&target.org, &target.record_id)
            .await?;
        let consent = match &phone {
            Some(phone) => self.consent_of(phone).await,
            None => None,
        };
        let blocked = block::decide(&Facts {
            environments: self.environments.count(&target.org),
            recipient: recipient_fact(&target.raw_phone, phone.as_deref()),
            sender: sender_fact,
            may_reply: target.may_reply,
            live_send: send.as_ref().is_some_and(|s| s.state != SendState::Failed),
            consent,
        });
        let conversation_id = self
            .store
            .engagement_link(&target.org, &target.record_id)
            .await?;
        Ok(EngagementPage {
            record_id: target.record_id.clone(),
            case_number: target.case_number.clone(),
            agent_name: target.agent_name.clone(),
            recipient: Recipient {
                name: target.customer_name.clone(),
                raw_phone: target.raw_phone.clone(),
                phone,
            },
            sender: Sender {
                raw_account_id: target.raw_sender.clone(),
                account_id: target.raw_sender.trim().parse().ok(),
                name: account.as_ref().and_then(|a| a.name.clone()),
                channel: account.as_ref().map(|a| a.channel),
            },
            consent,
            templates: account.map(|a| a.templates).unwrap_or_default(),
            blocked,
            send,
            conversation_id,
        })
    }

    /// What the record's sender is, and the account when templates may be sent from it.
    pub(super) async fn sender_of(
        &self,
        raw: &str,
    ) -> Result<(SenderFact, Option<SenderAccount>), EngagementError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok((SenderFact::Missing, None));
        }
        let Ok(account_id) = raw.parse::<i64>() else {
            return Ok((SenderFact::Unknown, None));
        };
        let account = self.senders.account(account_id).await?;
        let fact = if account.is_some() {
            SenderFact::Known
        } else {
            SenderFact::Unknown
        };
        Ok((fact, account))
    }
}

pub(super) fn recipient_fact(raw: &str, normalized: Option<&str>) -> RecipientFact {
    match (raw.trim().is_empty(), normalized) {
        (true, _) => RecipientFact::Missing,
        (false, None) => RecipientFact::Malformed,
        (false, Some(_)) => RecipientFact::Valid,
    }
}
