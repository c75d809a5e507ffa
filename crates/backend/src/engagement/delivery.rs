//! Delivering a stored send: one call to Alcméon's send endpoint for the sender's channel, in a
//! task of its own (a dropped request neither stops nor repeats it), 429s waited out through the
//! governor a few times, and the outcome stored once (`sent` with Alcméon's message id, or
//! `failed` with its reason and, for an ongoing conversation, the newest one the replica knows).

use std::collections::BTreeMap;

use protocol::{SendFailure, SendFailureCode, Template};

use super::send::Delivery;
use super::{Engagements, failure};
use crate::alcmeon::{ClientError, TemplateMessage};
use crate::store::SendOutcome;

/// How many 429 answers in a row one send waits out before it is failed.
const MAX_RATE_LIMITED: usize = 10;

impl Engagements {
    /// Calls Alcméon for a stored send in a task of its own and stores the outcome.
    pub(super) fn spawn_delivery(
        &self,
        send_id: i64,
        delivery: &Delivery,
        template: &Template,
        values: &BTreeMap<String, String>,
    ) {
        let (body, buttons) = values_by_place(template, values);
        let service = self.clone();
        let channel = delivery.account.channel;
        let (account_id, phone, interrupt) = (
            delivery.account.account_id,
            delivery.phone.clone(),
            delivery.interrupt,
        );
        let template_id = template.id;
        tokio::spawn(async move {
            let message = TemplateMessage {
                channel,
                to_user_phone_number: &phone,
                account_id,
                template_id,
                variables: &body,
                button_variables: &buttons,
                interrupt_ongoing_conversation: interrupt,
            };
            let outcome = service.call_alcmeon(&message).await;
            if let Err(error) = service
                .store
                .finish_engagement_send(send_id, &outcome)
                .await
            {
                tracing::error!(%error, send_id, "an engagement send's outcome was not stored");
            }
        });
    }

    async fn call_alcmeon(&self, message: &TemplateMessage<'_>) -> SendOutcome {
        let mut rate_limited = 0;
        let error = loop {
            match self.client.send_template(message).await {
                Ok(message_id) => {
                    return SendOutcome::Sent {
                        message_id,
                        at_ms: chrono::Utc::now().timestamp_millis(),
                    };
                }
                Err(ClientError::RateLimited { .. }) if rate_limited < MAX_RATE_LIMITED => {
                    rate_limited += 1;
                }
                Err(error) => break error,
            }
        };
        let (code, detail) = failure::classify(&error);
        tracing::warn!(?code, %detail, account_id = message.account_id, "Alcméon refused an engagement send");
        let ongoing_conversation_id = if code == SendFailureCode::OngoingConversation {
            self.store
                .recipient_conversations(message.account_id, message.to_user_phone_number)
                .await
                .ok()
                .and_then(|found| found.first().map(|c| c.conversation_id))
        } else {
            None
        };
        SendOutcome::Failed(SendFailure {
            code,
            detail,
            ongoing_conversation_id,
        })
    }
}

/// The values Alcméon is sent, each variable's given value or its default, split into the body's
/// and the URL buttons' (a label used in both goes in both).
fn values_by_place(
    template: &Template,
    given: &BTreeMap<String, String>,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let (mut body, mut buttons) = (BTreeMap::new(), BTreeMap::new());
    for variable in &template.variables {
        let Some(value) = given.get(&variable.label).or(variable.default.as_ref()) else {
            continue;
        };
        let placeholder = format!("{{{{{}}}}}", variable.label);
        if template.body.contains(&placeholder) {
            body.insert(variable.label.clone(), value.clone());
        }
        if template
            .url_buttons
            .iter()
            .any(|b| b.url.contains(&placeholder))
        {
            buttons.insert(variable.label.clone(), value.clone());
        }
    }
    (body, buttons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_go_where_their_placeholders_are_and_defaults_fill_the_gaps() {
        let template: Template = serde_json::from_value(serde_json::json!({
            "id": 1, "name": "t", "language": "en",
            "body": "Hi {{name}}, order {{order}} {{sign}}",
            "url_buttons": [{"label": "Track", "url": "https://x.example/{{order}}"}],
            "variables": [{"label": "name"}, {"label": "order"},
                          {"label": "sign", "required": false, "default": "Lumio"}]
        }))
        .unwrap();
        let given = BTreeMap::from([
            ("name".to_owned(), "Camille".to_owned()),
            ("order".to_owned(), "A1".to_owned()),
        ]);
        let (body, buttons) = values_by_place(&template, &given);
        assert_eq!(body.len(), 3);
        assert_eq!(body["sign"], "Lumio");
        assert_eq!(
            buttons,
            BTreeMap::from([("order".to_owned(), "A1".to_owned())])
        );
    }
}
