//! `POST /v1/oauth2/token` (oauth.yaml): client credentials in the JSON body, optional Basic auth.
//!
//! Error codes are OAuth2's (RFC 6749 §5.2), since the spec names none.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use chrono::{SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::{self, Credentials};
use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::routes::json_body;
use crate::token;

#[derive(Deserialize)]
struct TokenRequest {
    grant_type: String,
    client_id: String,
    client_secret: String,
}

#[derive(Serialize)]
pub struct TokenResponse {
    access_token: String,
    token_type: &'static str,
    expires_in: i64,
    expires_at: String,
}

pub async fn token(
    State(emulator): State<Emulator>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<TokenResponse>, ApiError> {
    let config = &emulator.config;
    if let Some(credentials) = Credentials::from_headers(&headers)
        && !credentials.are_valid_for(config)
    {
        return Err(invalid_client());
    }
    let request: TokenRequest = json_body::parse(&body, "invalid_request")?;
    if request.grant_type != "client_credentials" {
        return Err(
            ApiError::new(StatusCode::BAD_REQUEST, "unsupported_grant_type")
                .with_details("grant_type must be client_credentials"),
        );
    }
    if request.client_id != config.instance_id || request.client_secret != config.secret {
        return Err(invalid_client());
    }
    auth::admit(&emulator, &config.instance_id)?;
    let issued = token::issue(&config.instance_id, &config.secret, Utc::now());
    Ok(Json(TokenResponse {
        access_token: issued.access_token,
        token_type: "Bearer",
        expires_in: token::LIFETIME.num_seconds(),
        expires_at: issued
            .expires_at
            .to_rfc3339_opts(SecondsFormat::Micros, false),
    }))
}

fn invalid_client() -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, "invalid_client")
        .with_details("Invalid client ID or secret")
}
