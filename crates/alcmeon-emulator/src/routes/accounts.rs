//! User provisioning (user.yaml, no `/v1` prefix): `GET /roles`, `GET /teams`, `POST /accounts`,
//! `GET /accounts?is_active=`, `POST /accounts/{account_id}`. Its errors have their own shape,
//! `{"error": {"reason": "..."}}`; the spec documents no reason string, so every one here is
//! invented.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::alcmeon_data::{AccountRefusal, AccountUpdate, ROLES, TEAMS};
use crate::auth::ApiCaller;
use crate::emulator::Emulator;

/// user.yaml's `Error`.
#[derive(Debug)]
pub struct UserApiError {
    reason: String,
    data: Option<Value>,
}

impl UserApiError {
    fn bad_request(reason: &str) -> UserApiError {
        UserApiError {
            reason: reason.to_owned(),
            data: None,
        }
    }

    fn with_data(mut self, data: Value) -> UserApiError {
        self.data = Some(data);
        self
    }
}

impl IntoResponse for UserApiError {
    fn into_response(self) -> Response {
        let mut error = json!({"reason": self.reason});
        if let Some(data) = self.data {
            error["data"] = data;
        }
        (StatusCode::BAD_REQUEST, Json(json!({ "error": error }))).into_response()
    }
}

impl From<AccountRefusal> for UserApiError {
    fn from(refusal: AccountRefusal) -> UserApiError {
        match refusal {
            AccountRefusal::EmailTaken => UserApiError::bad_request("account-already-exists"),
            AccountRefusal::UnknownAccount => UserApiError::bad_request("invalid-account-id"),
            AccountRefusal::UnknownRole(role) => {
                UserApiError::bad_request("invalid-role-id").with_data(json!(role))
            }
            AccountRefusal::UnknownTeam(team) => {
                UserApiError::bad_request("invalid-team-id").with_data(json!(team))
            }
        }
    }
}

#[derive(Serialize)]
pub struct Named {
    id: u64,
    name: &'static str,
}

fn catalog(entries: &[(u64, &'static str)]) -> Json<Vec<Named>> {
    Json(
        entries
            .iter()
            .map(|&(id, name)| Named { id, name })
            .collect(),
    )
}

pub async fn roles(_caller: ApiCaller) -> Json<Vec<Named>> {
    catalog(&ROLES)
}

pub async fn teams(_caller: ApiCaller) -> Json<Vec<Named>> {
    catalog(&TEAMS)
}

/// user.yaml's `Account`.
#[derive(Serialize)]
pub struct Account {
    id: u64,
    email: String,
    name: String,
}

#[derive(Deserialize)]
struct NewAccount {
    email: String,
    name: Option<String>,
}

pub async fn create(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Account>, UserApiError> {
    let new: NewAccount = serde_json::from_slice(&body).map_err(|problem| {
        UserApiError::bad_request("invalid-request-body").with_data(json!(problem.to_string()))
    })?;
    let email = new.email.trim();
    if !looks_like_email(email) {
        return Err(UserApiError::bad_request("invalid-email").with_data(json!(email)));
    }
    let name = new.name.unwrap_or_else(|| email.to_owned());
    let account = emulator
        .data
        .update(|data| data.create_account(email, &name))?;
    Ok(Json(Account {
        id: account.id,
        email: account.email,
        name: account.name,
    }))
}

fn looks_like_email(email: &str) -> bool {
    email
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
}

#[derive(Deserialize)]
pub struct ListQuery {
    is_active: Option<String>,
}

pub async fn list(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Query(query): Query<ListQuery>,
) -> Result<Json<Vec<Account>>, UserApiError> {
    let is_active = match query.is_active.as_deref() {
        Some("true") => true,
        Some("false") => false,
        _ => return Err(UserApiError::bad_request("invalid-is-active-parameter")),
    };
    let accounts = emulator
        .data
        .read(|data| data.accounts_where_active(is_active));
    Ok(Json(
        accounts
            .into_iter()
            .map(|agent| Account {
                id: agent.id,
                email: agent.email,
                name: agent.name,
            })
            .collect(),
    ))
}

/// 200 with no body, as the spec defines none.
pub async fn update(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(account_id): Path<String>,
    body: Bytes,
) -> Result<StatusCode, UserApiError> {
    let account_id: u64 = account_id
        .parse()
        .map_err(|_| UserApiError::bad_request("invalid-account-id"))?;
    let update: AccountUpdate = serde_json::from_slice(&body).map_err(|problem| {
        UserApiError::bad_request("invalid-request-body").with_data(json!(problem.to_string()))
    })?;
    emulator
        .data
        .update(|data| data.update_account(account_id, update))?;
    Ok(StatusCode::OK)
}
