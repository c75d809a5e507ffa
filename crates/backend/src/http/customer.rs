//! `GET /v1/conversations/{conversation_id}/customer` (the conversation's customer: the Salesforce
//! record the session's org linked them to, and their other conversations, newest activity first)
//! and `PUT /v1/conversations/{conversation_id}/customer/link` (the agent links that customer to a
//! Contact or person account; every conversation of theirs follows, `store/customers.rs`).
//!
//! Invariants: only a conversation the token grants (`grant.rs`); a link is the session's org's and
//! needs the `reply` permission; a conversation whose customer the replica does not know yet is a
//! `409 no_customer`; the answer is read from the store after the write. Nothing here calls
//! Alcméon or Salesforce.

use axum::extract::State;
use chrono::{DateTime, SecondsFormat};
use protocol::{
    ApiError, Channel, ContactLink, ConversationStatus, CustomerConversation, CustomerView,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::Json;
use super::grant::Granted;
use super::{AppError, AppState};
use crate::store::{self, NewCustomerLink};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(customer))
        .routes(routes!(link))
}

/// The conversation's customer: their link to a Salesforce record in the session's org, and their
/// other conversations.
#[utoipa::path(
    get,
    path = "/v1/conversations/{conversation_id}/customer",
    operation_id = "getCustomer",
    tag = "customer",
    params(("conversation_id" = i64, Path, description = "Alcméon's conversation id")),
    security(("session" = [])),
    responses(
        (status = 200, description = "The customer as the replica knows them", body = CustomerView),
        (status = 400, description = "A malformed conversation id", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The session token's record does not name this conversation", body = ApiError),
    )
)]
pub async fn customer(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
) -> Result<Json<CustomerView>, AppError> {
    Ok(Json(view(&state, &agent.org, conversation_id).await?))
}

/// Links the conversation's customer, and so all their conversations, to a Contact (or person
/// account) of the session's org; answers the customer as they now are.
#[utoipa::path(
    put,
    path = "/v1/conversations/{conversation_id}/customer/link",
    operation_id = "linkCustomer",
    tag = "customer",
    params(("conversation_id" = i64, Path, description = "Alcméon's conversation id")),
    request_body = ContactLink,
    security(("session" = [])),
    responses(
        (status = 200, description = "The customer, linked", body = CustomerView),
        (status = 400, description = "A malformed id or body (a Salesforce id of 15 or 18 letters and digits, a name of 1 to 255 characters)", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The session token's record does not name this conversation, or the agent may not reply", body = ApiError),
        (status = 409, description = "`no_customer`: the replica knows no Alcméon customer for this conversation yet", body = ApiError),
    )
)]
pub async fn link(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
    Json(link): Json<ContactLink>,
) -> Result<Json<CustomerView>, AppError> {
    if !agent.perms.reply {
        return Err(AppError::Forbidden(
            "linking a customer to a Contact needs the reply permission".into(),
        ));
    }
    if let Some(problem) = link.problem() {
        return Err(AppError::BadRequest(problem.into()));
    }
    let customer_id = state
        .store
        .conversation_customer_id(conversation_id)
        .await?
        .ok_or_else(|| {
            AppError::NoCustomer(format!(
                "conversation {conversation_id} has no known Alcméon customer yet"
            ))
        })?;
    state
        .store
        .link_customer(&NewCustomerLink {
            org_id: agent.org.clone(),
            customer_id,
            contact_id: link.contact_id,
            contact_name: link.contact_name.trim().to_owned(),
            person_account: link.person_account,
            linked_by: agent.email.to_string(),
        })
        .await?;
    state.links_to_write.notify_one();
    Ok(Json(view(&state, &agent.org, conversation_id).await?))
}

async fn view(state: &AppState, org: &str, conversation_id: i64) -> Result<CustomerView, AppError> {
    let phone = state
        .store
        .conversation_customer(conversation_id)
        .await?
        .map(|(_, phone)| phone);
    let Some(customer_id) = state
        .store
        .conversation_customer_id(conversation_id)
        .await?
    else {
        return Ok(CustomerView {
            customer_id: None,
            link: None,
            conversations: Vec::new(),
            phone,
        });
    };
    let link = state
        .store
        .customer_link(org, customer_id)
        .await?
        .map(|link| ContactLink {
            contact_id: link.contact_id,
            contact_name: link.contact_name,
            person_account: link.person_account,
        });
    let conversations = state
        .store
        .customer_conversations(customer_id)
        .await?
        .into_iter()
        .filter(|other| other.conversation_id != conversation_id)
        .map(other_conversation)
        .collect();
    Ok(CustomerView {
        customer_id: Some(customer_id),
        link,
        conversations,
        phone,
    })
}

fn other_conversation(other: store::CustomerConversation) -> CustomerConversation {
    let channel =
        serde_json::from_value(serde_json::Value::String(other.channel)).unwrap_or(Channel::Other);
    let status = if other.status == "closed" {
        ConversationStatus::Closed
    } else {
        ConversationStatus::Open
    };
    let last_activity_at = DateTime::from_timestamp_millis(other.last_activity_at_ms.unwrap_or(0))
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true);
    CustomerConversation {
        id: other.conversation_id,
        channel,
        account_name: other.account_name,
        status,
        last_activity_at,
    }
}
