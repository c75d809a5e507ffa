//! A conversation's customer: whether it is linked to a Salesforce Contact, its other
//! conversations, and the link the agent makes.

use gloo_net::http::Method;
use protocol::{ContactLink, CustomerView};

use super::Backend;
use crate::failure::Failure;
use crate::json;

impl Backend {
    /// The customer of conversation `conversation_id` as the backend knows it now.
    pub async fn customer(&self, conversation_id: i64) -> Result<CustomerView, Failure> {
        self.get_json(&format!("/v1/conversations/{conversation_id}/customer"))
            .await
    }

    /// Links the conversation's customer (all their conversations) to a Salesforce record.
    pub async fn link_customer(
        &self,
        conversation_id: i64,
        link: &ContactLink,
    ) -> Result<CustomerView, Failure> {
        let body = json::encode(link).map_err(Failure::Network)?;
        let path = format!("/v1/conversations/{conversation_id}/customer/link");
        self.call(Method::PUT, &path, Some(body)).await
    }
}
