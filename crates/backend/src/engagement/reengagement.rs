//! Re-engaging a conversation whose reply window closed: a template message to the
//! conversation's customer number from its account, as the replica holds them, sent with
//! `interrupt_ongoing_conversation` so it lands in that conversation.
//!
//! Invariant: what the page shows and what the send does come from the same facts
//! ([`Engagements::reengagement_facts`]) and the one block rule; a conversation whose customer
//! number the replica does not know shows as a missing recipient and cannot be sent to.

use protocol::{EngagementBlock, EngagementSend, EngagementSendRequest, ReengagementPage};

use super::block::{self, Facts, RecipientFact};
use super::send::Delivery;
use super::{EngagementError, Engagements, SenderAccount};

/// The agent asking for a re-engagement of a conversation.
#[derive(Debug, Clone)]
pub struct Reengagement {
    pub org: String,
    pub agent_email: protocol::AgentEmail,
    pub may_reply: bool,
    pub conversation_id: i64,
}

/// What the replica and the settings say about re-engaging one conversation.
struct ReengagementFacts {
    facts: Facts,
    account: Option<SenderAccount>,
    phone: String,
}

impl Engagements {
    /// The consent, templates and block of re-engaging the asker's conversation now.
    pub async fn reengagement_page(
        &self,
        asker: &Reengagement,
    ) -> Result<ReengagementPage, EngagementError> {
        match self.reengagement_facts(asker).await {
            Ok(ReengagementFacts { facts, account, .. }) => Ok(ReengagementPage {
                consent: facts.consent,
                templates: account.map(|a| a.templates).unwrap_or_default(),
                blocked: block::decide(&facts),
            }),
            Err(EngagementError::UnknownCustomer(_)) => Ok(ReengagementPage {
                consent: None,
                templates: vec![],
                blocked: Some(EngagementBlock::RecipientMissing),
            }),
            Err(error) => Err(error),
        }
    }

    /// A template message to the conversation's customer from its account, interrupting the
    /// conversation, once per client id.
    pub async fn reengage(
        &self,
        asker: &Reengagement,
        request: &EngagementSendRequest,
    ) -> Result<EngagementSend, EngagementError> {
        let record_key = format!("conversation:{}", asker.conversation_id);
        if let Some(send) = self
            .repeated(&asker.org, &record_key, asker.agent_email.as_str(), request)
            .await?
        {
            return Ok(send);
        }
        let ReengagementFacts {
            facts,
            account,
            phone,
        } = self.reengagement_facts(asker).await?;
        let (Some(account), None) = (account, block::decide(&facts)) else {
            let block = block::decide(&facts).unwrap_or(EngagementBlock::SenderUnknown);
            return Err(EngagementError::Blocked(block));
        };
        let delivery = Delivery {
            org: asker.org.clone(),
            record_key,
            one_off: false,
            agent_email: asker.agent_email.clone(),
            account,
            phone,
            interrupt: true,
        };
        self.store_and_send(delivery, request).await
    }

    async fn reengagement_facts(
        &self,
        asker: &Reengagement,
    ) -> Result<ReengagementFacts, EngagementError> {
        let (account_id, phone) = self
            .store
            .conversation_customer(asker.conversation_id)
            .await?
            .ok_or(EngagementError::UnknownCustomer(asker.conversation_id))?;
        let (sender, account) = self.sender_of(&account_id.to_string()).await?;
        let facts = Facts {
            environments: self.environments.count(&asker.org),
            recipient: RecipientFact::Valid,
            sender,
            may_reply: asker.may_reply,
            live_send: false,
            consent: self.consent_if(Some(&phone)).await,
        };
        Ok(ReengagementFacts {
            facts,
            account,
            phone,
        })
    }
}
