//! The agent's replies: shown at once as sending, then as the backend reports them. A reply keeps
//! its client id for life, and a failed one is sent again under that same id, so however often
//! the agent retries, the backend never sends it twice.

use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::{Delivery, FailureCode, ItemKind, NewReply, ThreadItem, item_id};

use super::state::ConversationState;
use crate::client_ids::new_client_id;
use crate::failure::Failure;
use crate::time::now_ms;

impl ConversationState {
    /// Sends a new reply.
    pub fn send(self, text: String) {
        let sent = self.sent.try_update_value(|n| {
            *n += 1;
            *n
        });
        let item = ThreadItem {
            id: item_id::optimistic(sent.unwrap_or_default()),
            kind: ItemKind::Outbound,
            author: String::new(),
            text,
            at_ms: now_ms(),
            delivery: Some(Delivery::Sending),
            client_id: Some(new_client_id()),
            agent_email: self.viewer_email(),
            event: None,
            attachments: vec![],
        };
        self.deliver(item, false);
    }

    /// Sends a failed reply again.
    pub fn retry(self, item: ThreadItem) {
        self.deliver(
            ThreadItem {
                delivery: Some(Delivery::Sending),
                ..item
            },
            true,
        );
    }

    fn deliver(self, item: ThreadItem, retrying: bool) {
        self.show_sending(item.clone());
        let Some(client_id) = item.client_id.clone() else {
            return;
        };
        let reply = NewReply {
            client_id: client_id.clone(),
            text: item.text.clone(),
        };
        let backend = self.backend.get_value();
        let conversation_id = self.conversation_id;
        spawn_local(async move {
            // Posting the same client id returns the reply as the backend has it; only a failed
            // one is then sent again.
            let result = match backend.send_reply(conversation_id, &reply).await {
                Ok(stored)
                    if retrying && matches!(stored.delivery, Some(Delivery::Failed { .. })) =>
                {
                    backend.retry_reply(conversation_id, &client_id).await
                }
                other => other,
            };
            match result {
                Ok(stored) => self.receive(stored, None),
                Err(failure) => self.refused(item, &failure),
            }
        });
    }

    /// The backend could not be reached or refused the reply: it shows failed with the widget's
    /// reason, and a refusal for one of the reply rule's reasons blocks the reply box with it.
    fn refused(self, item: ThreadItem, failure: &Failure) {
        self.refuse(failure);
        let failed = ThreadItem {
            delivery: Some(Delivery::Failed {
                code: FailureCode::Unknown,
                detail: None,
            }),
            ..item
        };
        self.receive(failed, Some(failure.message_id()));
    }
}
