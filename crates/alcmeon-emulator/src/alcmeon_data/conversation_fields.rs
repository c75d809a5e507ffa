//! Conversation custom fields (custom-field.yaml's `GET`/`PUT
//! /custom-field/conversations/{conversation_id}`): their definitions (seeded; the spec lists no
//! endpoint that reads them) and each conversation's values.
//!
//! Invariants: a conversation holds at most one value per field, in ascending field order; a value
//! is stored only for a defined conversation field, only when it has the field's type, and only
//! for a conversation the emulator holds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::AlcmeonData;
use super::custom_fields::{FieldMetadata, FieldRefusal, FieldType, FieldValue, seeded_field};

/// The seeded text field a Salesforce connector writes the owner (a Queue or a user) that handed a
/// conversation back to Alcméon.
pub const SALESFORCE_OWNER_FIELD_ID: u64 = 6001;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConversationFields {
    definitions: Vec<FieldMetadata>,
    values: BTreeMap<u64, Vec<FieldValue>>,
}

/// A state file written before conversation fields existed gets the seeded definition.
impl Default for ConversationFields {
    fn default() -> Self {
        ConversationFields {
            definitions: vec![seeded_field(
                SALESFORCE_OWNER_FIELD_ID,
                "Salesforce owner",
                "The Salesforce Queue or user that handed the conversation back",
                FieldType::String,
            )],
            values: BTreeMap::new(),
        }
    }
}

impl AlcmeonData {
    /// A conversation's values; none for a conversation without any (or unknown: the spec names
    /// no error for this read).
    pub fn conversation_fields(&self, conversation_id: u64) -> Vec<FieldValue> {
        self.conversation_fields
            .values
            .get(&conversation_id)
            .cloned()
            .unwrap_or_default()
    }

    /// Sets the given fields' values, keeping the conversation's others.
    pub fn set_conversation_fields(
        &mut self,
        conversation_id: u64,
        values: &[FieldValue],
    ) -> Result<(), FieldRefusal> {
        if !self.conversations.contains_key(&conversation_id) {
            return Err(FieldRefusal::ConversationNotFound);
        }
        for value in values {
            let field = self
                .conversation_fields
                .definitions
                .iter()
                .find(|field| field.id == value.field_id)
                .ok_or(FieldRefusal::NotEditable(value.field_id))?;
            if !field.kind.accepts(&value.field_value) {
                return Err(FieldRefusal::InvalidValue(value.field_id));
            }
        }
        let current = self
            .conversation_fields
            .values
            .entry(conversation_id)
            .or_default();
        for value in values {
            current.retain(|existing| existing.field_id != value.field_id);
            current.push(value.clone());
        }
        current.sort_by_key(|value| value.field_id);
        Ok(())
    }
}
