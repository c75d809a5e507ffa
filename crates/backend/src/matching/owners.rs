//! Owners to Alcméon: the Queue or user a Salesforce org handed a conversation back from
//! (`alcmeon__From_SF_Queue_Id__c`, `store::salesforce_owners`) is written to Alcméon's
//! conversation custom field `ALCMEON_SF_OWNER_FIELD_ID` (`PUT /custom-field/conversations/{id}`),
//! the only conversation data Alcméon's public API lets a third party write. What Alcméon does
//! with it (a routing rule on the field) is its admin's to set up.
//!
//! Same rules as the links' (`write_back.rs`): marked written only once Alcméon took it and only
//! while still the conversation's owner; an outage stops the pass and backs off; a refusal (a
//! 4xx) sets the owner aside for [`REFUSED_PAUSE`].

use serde_json::json;
use tokio::time::Instant;

use super::write_back::{Pass, REFUSED_PAUSE, STORE_OR_FIELD_PAUSE, WriteKey, Writer};
use crate::alcmeon::ClientError;
use crate::store::SalesforceOwner;

fn key(owner: &SalesforceOwner) -> WriteKey {
    WriteKey::Owner(owner.conversation_id, owner.owner_id.clone())
}

impl Writer {
    /// Writes every unwritten owner not set aside, oldest first, until one fails in an outage.
    pub(super) async fn owner_pass(&mut self) -> Pass {
        let read = self.store.owners_to_write_to_alcmeon(self.wanted()).await;
        let owners = match self.not_set_aside(read, "owners", key) {
            Ok(owners) => owners,
            Err(pass) => return pass,
        };
        let Some(field_id) = self.owner_field else {
            tracing::warn!(
                waiting = owners.len(),
                "ALCMEON_SF_OWNER_FIELD_ID is not set: the owners Salesforce handed conversations back from wait"
            );
            return Pass::PauseFor(STORE_OR_FIELD_PAUSE);
        };
        self.unnoted = false;
        for owner in &owners {
            if let Err(error) = self.write_owner(owner, field_id).await {
                return self.after_failure(&error);
            }
        }
        self.after_batch(owners.len())
    }

    /// Writes one owner; an error is an outage (the pass stops), anything else is settled here.
    async fn write_owner(
        &mut self,
        owner: &SalesforceOwner,
        field_id: i64,
    ) -> Result<(), ClientError> {
        let written = self
            .client
            .set_conversation_custom_field(owner.conversation_id, field_id, json!(owner.owner_id))
            .await;
        match written {
            Ok(()) => {
                self.outage = None;
                if let Err(error) = self
                    .store
                    .note_owner_written(owner.conversation_id, &owner.owner_id)
                    .await
                {
                    // Unmarked, it is written again later: setting a value is idempotent.
                    tracing::error!(%error, conversation = owner.conversation_id, "could not note an owner written to Alcméon");
                    self.unnoted = true;
                }
                tracing::info!(org = %owner.org_id, conversation = owner.conversation_id,
                    "the owner Salesforce handed a conversation back from was written to Alcméon");
                Ok(())
            }
            Err(error) if error.is_outage() => Err(error),
            Err(error) => {
                self.outage = None;
                tracing::error!(%error, org = %owner.org_id, conversation = owner.conversation_id,
                    pause_secs = REFUSED_PAUSE.as_secs(),
                    "Alcméon refused the owner Salesforce handed a conversation back from: tried again later");
                self.set_aside
                    .insert(key(owner), Instant::now() + REFUSED_PAUSE);
                Ok(())
            }
        }
    }
}
