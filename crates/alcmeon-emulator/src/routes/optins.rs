//! Opt-in lists (optin-api.yaml): `GET`/`POST /v1/optins`, `GET`/`DELETE /v1/optins/{optin_id}`,
//! `GET`/`POST /v1/optins/{optin_id}/user-optins`, `GET /v1/optins/{optin_id}/user-optins/{id}`,
//! `GET /v1/optins/{optin_id}/user-optouts`, `GET /v1/optins/{optin_id}/user-optouts/{id}`,
//! `POST /v1/optins/{optin_id}/optout`. Every error string and details text is the spec's own.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::alcmeon_data::{Optin, OptinType, Page, UserOptin, UserOptout, normalize_phone};
use crate::auth::ApiCaller;
use crate::emulator::Emulator;
use crate::error::ApiError;

/// optin-api.yaml: `limit` is 1 to 1000, 100 by default.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 1000;

pub async fn list(_caller: ApiCaller, State(emulator): State<Emulator>) -> Json<Vec<Optin>> {
    Json(emulator.data.read(|data| data.optins().lists()))
}

#[derive(Deserialize)]
struct CreateOptinRequest {
    name: String,
    #[serde(rename = "type")]
    optin_type: OptinType,
}

pub async fn create(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Optin>, ApiError> {
    let request: CreateOptinRequest = serde_json::from_slice(&body)
        .map_err(|_| bad_request("invalid-request-body", "Invalid JSON structure"))?;
    if request.name.trim().is_empty() {
        return Err(bad_request("invalid-request-body", "name cannot be empty"));
    }
    emulator
        .data
        .update(|data| {
            data.optins_mut()
                .create_list(request.name.trim(), request.optin_type, None, Utc::now())
        })
        .map(Json)
        .ok_or_else(|| {
            bad_request(
                "optin-name-already-exists",
                "An optin with this name already exists",
            )
        })
}

pub async fn get(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(optin_id): Path<String>,
) -> Result<Json<Optin>, ApiError> {
    let id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    emulator
        .data
        .read(|data| data.optins().list(id).cloned())
        .map(Json)
        .ok_or_else(optin_not_found)
}

pub async fn delete(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(optin_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    if !emulator
        .data
        .update(|data| data.optins_mut().delete_list(id))
    {
        return Err(optin_not_found());
    }
    Ok(Json(json!({"message": "Optin deleted successfully"})))
}

#[derive(Deserialize)]
pub struct PagingQuery {
    limit: Option<String>,
    page: Option<String>,
}

/// optin-api.yaml's `UserOptinsPaginatedResponse` and `UserOptoutsPaginatedResponse`.
#[derive(Serialize)]
pub struct Paginated<T> {
    data: Vec<T>,
    total: usize,
    limit: usize,
    page: usize,
    next: Option<String>,
}

pub async fn user_optins(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(optin_id): Path<String>,
    query: Result<Query<PagingQuery>, QueryRejection>,
) -> Result<Json<Paginated<UserOptin>>, ApiError> {
    let (limit, page) = paging(query)?;
    let id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    let found = emulator
        .data
        .read(|data| data.optins().user_optins(id, limit, page))
        .ok_or_else(optin_not_found)?;
    Ok(Json(paginated(found, id, "user-optins", limit, page)))
}

pub async fn user_optouts(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(optin_id): Path<String>,
    query: Result<Query<PagingQuery>, QueryRejection>,
) -> Result<Json<Paginated<UserOptout>>, ApiError> {
    let (limit, page) = paging(query)?;
    let id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    let found = emulator
        .data
        .read(|data| data.optins().user_optouts(id, limit, page))
        .ok_or_else(optin_not_found)?;
    Ok(Json(paginated(found, id, "user-optouts", limit, page)))
}

pub async fn user_optin(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path((optin_id, user_optin_id)): Path<(String, String)>,
) -> Result<Json<UserOptin>, ApiError> {
    let optin_id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    let (exists, entry) = emulator.data.read(|data| {
        let optins = data.optins();
        let entry = id_of(&user_optin_id).and_then(|id| optins.user_optin(optin_id, id).cloned());
        (optins.list(optin_id).is_some(), entry)
    });
    if !exists {
        return Err(optin_not_found());
    }
    entry.map(Json).ok_or_else(|| {
        ApiError::new(StatusCode::NOT_FOUND, "user-optin-not-found")
            .with_details("The user does not exist")
    })
}

pub async fn user_optout(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path((optin_id, user_optout_id)): Path<(String, String)>,
) -> Result<Json<UserOptout>, ApiError> {
    let optin_id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    let (exists, entry) = emulator.data.read(|data| {
        let optins = data.optins();
        let entry = id_of(&user_optout_id).and_then(|id| optins.user_optout(optin_id, id).cloned());
        (optins.list(optin_id).is_some(), entry)
    });
    if !exists {
        return Err(optin_not_found());
    }
    entry.map(Json).ok_or_else(|| {
        ApiError::new(StatusCode::NOT_FOUND, "user-optout-not-found")
            .with_details("The user optout does not exist")
    })
}

/// `CreateUserOptinsRequest` and `DeleteUserOptinsRequest`.
#[derive(Deserialize)]
struct PhoneNumbersRequest {
    account_id: u64,
    user_phone_numbers: Vec<String>,
}

impl PhoneNumbersRequest {
    /// The numbers without `+`; the first invalid one fails the whole request.
    fn parse(body: &[u8]) -> Result<(u64, Vec<String>), ApiError> {
        let request: PhoneNumbersRequest = serde_json::from_slice(body)
            .map_err(|_| bad_request("invalid-request-body", "Invalid JSON structure"))?;
        if request.user_phone_numbers.is_empty() {
            return Err(bad_request(
                "empty-phone-number-list",
                "Phone number list cannot be empty",
            ));
        }
        let numbers = request
            .user_phone_numbers
            .iter()
            .map(|raw| {
                normalize_phone(raw, true)
                    .map_err(|problem| bad_request(problem.code(), &problem.details(raw)))
            })
            .collect::<Result<_, _>>()?;
        Ok((request.account_id, numbers))
    }
}

pub async fn opt_in(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(optin_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    let (account_id, numbers) = PhoneNumbersRequest::parse(&body)?;
    let counted = emulator
        .data
        .update(|data| {
            data.optins_mut()
                .opt_in(id, account_id, &numbers, Utc::now())
        })
        .ok_or_else(optin_not_found)?;
    Ok(Json(json!({
        "created": counted.changed,
        "already_existed": counted.unchanged,
        "total_requested": numbers.len(),
    })))
}

pub async fn opt_out(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(optin_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let id = id_of(&optin_id).ok_or_else(optin_not_found)?;
    let (account_id, numbers) = PhoneNumbersRequest::parse(&body)?;
    let counted = emulator
        .data
        .update(|data| {
            data.optins_mut()
                .opt_out(id, account_id, &numbers, Utc::now())
        })
        .ok_or_else(optin_not_found)?;
    Ok(Json(json!({
        "deleted": counted.changed,
        "not_found": counted.unchanged,
        "total_requested": numbers.len(),
    })))
}

fn paging(query: Result<Query<PagingQuery>, QueryRejection>) -> Result<(usize, usize), ApiError> {
    let invalid = || {
        bad_request(
            "invalid-pagination-params",
            "Invalid limit or page parameter",
        )
    };
    let Query(query) = query.map_err(|_| invalid())?;
    let number = |text: Option<String>, default: usize| match text {
        None => Some(default),
        Some(text) => text.trim().parse::<usize>().ok(),
    };
    let limit = number(query.limit, DEFAULT_LIMIT)
        .filter(|limit| (1..=MAX_LIMIT).contains(limit))
        .ok_or_else(invalid)?;
    let page = number(query.page, 0).ok_or_else(invalid)?;
    Ok((limit, page))
}

/// `next` is a relative URL, as in the spec's example (`/v1/optins/200/user-optins?limit=100&page=1`).
fn paginated<T>(
    found: Page<T>,
    optin_id: u64,
    list: &str,
    limit: usize,
    page: usize,
) -> Paginated<T> {
    Paginated {
        next: found.has_more.then(|| {
            format!(
                "/v1/optins/{optin_id}/{list}?limit={limit}&page={}",
                page + 1
            )
        }),
        data: found.items,
        total: found.total,
        limit,
        page,
    }
}

fn id_of(text: &str) -> Option<u64> {
    text.trim().parse().ok()
}

fn optin_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "optin-not-found").with_details("Optin not found")
}

fn bad_request(error: &str, details: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, error).with_details(details)
}
