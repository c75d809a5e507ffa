//! `POST /services/oauth2/token` with `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` and
//! `assertion=<JWT>` (form-encoded): the assertion checked by `jwt_bearer.rs`, then the user's grant
//! (`org_data/sessions.rs`). Answers `{access_token, scope, instance_url, id, token_type: "Bearer",
//! issued_at}` (no refresh token: this flow has none); refusals are 400 `{error,
//! error_description}` (`unsupported_grant_type` for any other grant type). Every answer is counted
//! as granted or refused (`GET /_emulator/token-requests`).

use axum::Json;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::emulator::Emulator;
use crate::error::OAuthError;

const JWT_BEARER: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

#[derive(Deserialize)]
pub struct TokenRequest {
    grant_type: Option<String>,
    assertion: Option<String>,
}

pub async fn token(
    State(emulator): State<Emulator>,
    form: Result<Form<TokenRequest>, FormRejection>,
) -> Result<Json<Value>, OAuthError> {
    let answer = answer(&emulator, form);
    emulator.token_requests.count(answer.is_ok());
    answer
}

fn answer(
    emulator: &Emulator,
    form: Result<Form<TokenRequest>, FormRejection>,
) -> Result<Json<Value>, OAuthError> {
    let Ok(Form(request)) = form else {
        return Err(OAuthError {
            error: "invalid_request",
            error_description: "invalid request body",
        });
    };
    if request.grant_type.as_deref() != Some(JWT_BEARER) {
        return Err(OAuthError {
            error: "unsupported_grant_type",
            error_description: "grant type not supported",
        });
    }
    let now = Utc::now();
    let username = emulator.app.verify(
        request.assertion.as_deref().unwrap_or_default(),
        now.timestamp(),
    )?;
    let lifetime = emulator.config.token_lifetime;
    let not_approved = OAuthError::invalid_grant("user hasn't approved this consumer");
    let (org_id, user_id, token) = emulator
        .data
        .update(|data| {
            let grant = data.grant(&username).filter(|grant| !grant.revoked)?;
            let user_id = grant.user_id.clone();
            let org_id = data.org_id.clone();
            let token = format!("{}!{}", &org_id[..15], random_hex(48));
            data.open_session(&username, token.clone(), now, lifetime);
            Some((org_id, user_id, token))
        })
        .ok_or(not_approved)?;
    Ok(Json(json!({
        "access_token": token,
        "scope": "api",
        "instance_url": &*emulator.instance_url,
        "id": format!("{}/id/{org_id}/{user_id}", emulator.config.login_url),
        "token_type": "Bearer",
        "issued_at": now.timestamp_millis().to_string(),
    })))
}

fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0; bytes];
    getrandom::getrandom(&mut buffer).expect("the system's random source answers");
    hex::encode(buffer)
}
