//! Template sends that start a conversation (initiate-conversation-api.yaml):
//! `POST /v1/whatsapp/send/` within WhatsApp's own budget, `POST /v1/rcs/send/` and
//! `POST /v1/kakaotalk/send/` within the application's, all at [`Priority::Reply`] (an agent is
//! watching). Invariant: one call per [`AlcmeonClient::send_template`]; a 429 is returned to the
//! caller (the governor then holds until Alcméon's reset), never retried here, so the caller alone
//! decides how often a send may be tried.

use std::collections::BTreeMap;

use protocol::TemplateChannel;
use reqwest::Method;
use serde::Deserialize;
use serde_json::{Value, json};

use super::client::{AlcmeonClient, ClientError};
use super::governor::Priority;

/// One template message to one number.
#[derive(Debug, Clone)]
pub struct TemplateMessage<'a> {
    pub channel: TemplateChannel,
    /// E.164 digits without `+`, as the spec's example spells a number.
    pub to_user_phone_number: &'a str,
    pub account_id: i64,
    pub template_id: i64,
    /// Values of the body's placeholders (RCS and KakaoTalk take one flat map: these and
    /// `button_variables` merged).
    pub variables: &'a BTreeMap<String, String>,
    /// Values of the URL buttons' placeholders.
    pub button_variables: &'a BTreeMap<String, String>,
    pub interrupt_ongoing_conversation: bool,
}

/// `SendWhatsappMessageResponse` (and its RCS and KakaoTalk twins).
#[derive(Debug, Deserialize)]
struct Sent {
    message_id: String,
}

impl AlcmeonClient {
    /// Sends the template; `Ok` is Alcméon's `message_id`.
    pub async fn send_template(
        &self,
        message: &TemplateMessage<'_>,
    ) -> Result<String, ClientError> {
        let path = match message.channel {
            TemplateChannel::Whatsapp => "/v1/whatsapp/send/",
            TemplateChannel::Rcs => "/v1/rcs/send/",
            TemplateChannel::Kakaotalk => "/v1/kakaotalk/send/",
        };
        let request = self.request(Method::POST, path).json(&body(message));
        let answer = match message.channel {
            TemplateChannel::Whatsapp => self.call_whatsapp_send(request).await?,
            _ => self.call(Priority::Reply, request).await?,
        };
        serde_json::from_str::<Sent>(&answer)
            .map(|sent| sent.message_id)
            .map_err(|e| ClientError::Status {
                status: 200,
                body: format!("unreadable send answer ({e})"),
            })
    }
}

fn body(message: &TemplateMessage<'_>) -> Value {
    let variables = match message.channel {
        TemplateChannel::Whatsapp => {
            json!({"body": message.variables, "buttons": message.button_variables})
        }
        _ => {
            let mut flat = message.button_variables.clone();
            flat.extend(message.variables.clone());
            json!(flat)
        }
    };
    json!({
        "to_user_phone_number": message.to_user_phone_number,
        "account_id": message.account_id,
        "template_id": message.template_id,
        "variables": variables,
        "interrupt_ongoing_conversation": message.interrupt_ongoing_conversation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whatsapp_splits_body_and_button_values_and_the_others_take_one_map() {
        let body_values = BTreeMap::from([("customer_name".to_owned(), "Camille".to_owned())]);
        let button_values = BTreeMap::from([("order_number".to_owned(), "A-1".to_owned())]);
        let message = |channel| TemplateMessage {
            channel,
            to_user_phone_number: "33612345678",
            account_id: 201,
            template_id: 2001,
            variables: &body_values,
            button_variables: &button_values,
            interrupt_ongoing_conversation: true,
        };
        let whatsapp = body(&message(TemplateChannel::Whatsapp));
        assert_eq!(
            whatsapp["variables"],
            json!({"body": {"customer_name": "Camille"}, "buttons": {"order_number": "A-1"}})
        );
        assert_eq!(whatsapp["interrupt_ongoing_conversation"], true);
        let rcs = body(&message(TemplateChannel::Rcs));
        assert_eq!(
            rcs["variables"],
            json!({"customer_name": "Camille", "order_number": "A-1"})
        );
    }
}
