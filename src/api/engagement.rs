//! The engagement's calls: its page, its one send, the templates, and a template send into a
//! conversation whose reply window has closed. Each send posts the widget's client id, so the
//! same request again is answered with the send as it stands, never a second message.

use gloo_net::http::Method;
use protocol::{EngagementPage, EngagementSend, EngagementSendRequest, ReengagementPage};

use super::Backend;
use crate::failure::Failure;
use crate::json;

/// The engagement's live stream (`event: engagement`, the whole page each time).
pub const ENGAGEMENT_EVENTS: &str = "/v1/engagement/events";

impl Backend {
    /// The engagement the session token is bound to, as the backend knows it now.
    pub async fn engagement(&self) -> Result<EngagementPage, Failure> {
        self.get_json("/v1/engagement").await
    }

    /// Sends the engagement's template message.
    pub async fn send_engagement(
        &self,
        request: &EngagementSendRequest,
    ) -> Result<EngagementSend, Failure> {
        self.post_json("/v1/engagement/sends", request).await
    }

    /// Sends a template into a conversation whose reply window has closed.
    pub async fn send_conversation_engagement(
        &self,
        conversation_id: i64,
        request: &EngagementSendRequest,
    ) -> Result<EngagementSend, Failure> {
        let path = format!("/v1/conversations/{conversation_id}/engagements");
        self.post_json(&path, request).await
    }

    /// Whether the conversation's customer may be re-engaged now, and with which templates.
    pub async fn reengagement(&self, conversation_id: i64) -> Result<ReengagementPage, Failure> {
        self.get_json(&format!("/v1/conversations/{conversation_id}/reengagement"))
            .await
    }

    async fn post_json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: &impl serde::Serialize,
    ) -> Result<T, Failure> {
        let body = json::encode(body).map_err(Failure::Network)?;
        self.call(Method::POST, path, Some(body)).await
    }
}
