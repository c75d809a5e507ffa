//! `POST /v1/salesforce/links`: the org tells the backend of Contacts (or person Accounts) set on
//! `alcmeon__Conversation__c` records in Salesforce (its trigger's Queueable, through a Named
//! Credential). Outside the widget API and its description: no session token, the org's own
//! signed token (`token.rs`).
//!
//! Each link names a record by its scoped id (`protocol::ScopedId`); the conversation's customer
//! is the replica's (`conversations.customer_id`), and is linked to the Contact in that org as
//! `linked_by: salesforce` (which also queues the customer's records and, through the writer's
//! wake-up, the write to Alcméon). A link may also carry `fromQueueId`, the owner the org handed
//! the conversation back from (`alcmeon__From_SF_Queue_Id__c`): it is stored for the writer to put
//! in Alcméon's conversation custom field (`matching/owners.rs`); a link with only an owner, or
//! only a Contact (the bodies of the first version), is valid. Invariants: a link that cannot be
//! taken (not a scoped id, another Alcméon environment, not a Salesforce id, no customer known for
//! its Contact, nothing to take) is `ignored` with its reason, never a failure of the batch; an
//! owner is stored before its Contact is looked at, so a Contact ignored for `no_customer_known`
//! does not lose it; a refused token is one fixed `401` whatever the cause;
//! the body is bounded ([`MAX_BODY_BYTES`], [`MAX_LINKS`]).

mod token;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::routing::post;
use protocol::{ScopedId, is_salesforce_id};
use serde::{Deserialize, Serialize};

use super::extract::Json;
use super::{AppError, AppState};
use crate::config::OrgSecret;
use crate::store::{LINKED_BY_SALESFORCE, NewCustomerLink};

pub const LINKS_PATH: &str = "/v1/salesforce/links";
/// The most links one call carries (a trigger's chunk is 200 records).
pub const MAX_LINKS: usize = 200;
/// Room for [`MAX_LINKS`] links with long names.
const MAX_BODY_BYTES: usize = 128 * 1024;
/// The longest name kept (an Account's `Name` holds 255 characters).
const MAX_NAME_CHARS: usize = 255;

pub fn router() -> Router<AppState> {
    Router::new().route(
        LINKS_PATH,
        post(take_links).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)),
    )
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Links {
    links: Vec<Link>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Link {
    scoped_id: String,
    #[serde(default)]
    contact_id: Option<String>,
    #[serde(default)]
    contact_name: Option<String>,
    /// `alcmeon__From_SF_Queue_Id__c`: a Queue's or a user's id.
    #[serde(default)]
    from_queue_id: Option<String>,
    #[serde(default)]
    person_account: Option<bool>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Taken {
    accepted: usize,
    ignored: Vec<Ignored>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Ignored {
    scoped_id: String,
    reason: &'static str,
}

/// The org whose signed token the call carries; taking it makes the endpoint require one.
struct CalloutOrg(OrgSecret);

impl FromRequestParts<AppState> for CalloutOrg {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let bearer = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "));
        let verified = match bearer {
            None => Err("no bearer token".to_owned()),
            Some(bearer) => token::verify(state.sessions.orgs(), bearer).cloned(),
        };
        verified.map(CalloutOrg).map_err(|reason| {
            tracing::info!(%reason, "a Salesforce callout's token was refused");
            AppError::Unauthenticated("the callout's token was refused".into())
        })
    }
}

async fn take_links(
    CalloutOrg(org): CalloutOrg,
    State(state): State<AppState>,
    Json(body): Json<Links>,
) -> Result<Json<Taken>, AppError> {
    if body.links.len() > MAX_LINKS {
        return Err(AppError::BadRequest(format!(
            "at most {MAX_LINKS} links a call"
        )));
    }
    let mut taken = Taken {
        accepted: 0,
        ignored: vec![],
    };
    for link in body.links {
        match take(&state, &org, &link).await? {
            Ok(()) => taken.accepted += 1,
            Err(reason) => taken.ignored.push(Ignored {
                scoped_id: link.scoped_id.chars().take(40).collect(),
                reason,
            }),
        }
    }
    // An owner is stored even beside an ignored Contact: the writer reads the store to find out.
    state.links_to_write.notify_one();
    tracing::info!(org = %org.org_id, accepted = taken.accepted, ignored = taken.ignored.len(),
        "Contacts and owners set in Salesforce were taken");
    Ok(Json(taken))
}

/// Links one record's customer; the inner error is why the link is ignored.
async fn take(
    state: &AppState,
    org: &OrgSecret,
    link: &Link,
) -> Result<Result<(), &'static str>, AppError> {
    let Ok(scoped) = link.scoped_id.parse::<ScopedId>() else {
        return Ok(Err("not_a_scoped_id"));
    };
    if scoped.company_id != org.alcmeon_company_id {
        return Ok(Err("another_alcmeon_environment"));
    }
    let ids = [&link.contact_id, &link.from_queue_id];
    if ids
        .iter()
        .any(|id| id.as_deref().is_some_and(|id| !is_salesforce_id(id)))
    {
        return Ok(Err("not_a_salesforce_id"));
    }
    if let Some(owner) = &link.from_queue_id {
        state
            .store
            .set_salesforce_owner(&org.org_id, scoped.conversation_id, owner)
            .await?;
    }
    let Some(contact_id) = &link.contact_id else {
        return Ok(if link.from_queue_id.is_some() {
            Ok(())
        } else {
            Err("nothing_to_take")
        });
    };
    let Some(customer_id) = state
        .store
        .conversation_customer_id(scoped.conversation_id)
        .await?
    else {
        return Ok(Err("no_customer_known"));
    };
    state
        .store
        .link_customer(&NewCustomerLink {
            org_id: org.org_id.clone(),
            customer_id,
            contact_id: contact_id.clone(),
            contact_name: link
                .contact_name
                .as_deref()
                .unwrap_or_default()
                .trim()
                .chars()
                .take(MAX_NAME_CHARS)
                .collect(),
            person_account: link.person_account.unwrap_or(false),
            linked_by: LINKED_BY_SALESFORCE.to_owned(),
        })
        .await?;
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Apex job that calls this endpoint, checked here since no org runs it in this repository.
    #[test]
    fn the_apex_callout_posts_to_this_path_with_this_audience_and_these_fields() {
        let apex = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../lwc-wrapper/force-app/main/default/classes/AlcmeonContactLinkCallout.cls"
        ))
        .unwrap();
        assert!(apex.contains(&format!("'callout:Alcmeon_Backend{LINKS_PATH}'")));
        assert!(apex.contains(&format!("'{}'", token::LINKS_AUDIENCE)));
        assert!(apex.contains("writeStringField('iss', UserInfo.getOrganizationId())"));
        assert!(apex.contains("TOKEN_LIFETIME_SECONDS = 300"));
        for field in ["scopedId", "contactId", "contactName", "fromQueueId"] {
            assert!(apex.contains(&format!("public String {field};")), "{field}");
        }
        assert!(apex.contains("public Boolean personAccount;"));
    }

    #[test]
    fn a_salesforce_id_has_15_or_18_letters_and_digits() {
        assert!(is_salesforce_id("003000000000001"));
        assert!(is_salesforce_id("003000000000001AAA"));
        for not_one in [
            "",
            "003",
            "003000000000001AA",
            "003 00000000001AAA",
            "003000000000001AA!",
        ] {
            assert!(!is_salesforce_id(not_one), "{not_one}");
        }
    }
}
