//! Who is calling: HTTP Basic `instance_id:secret`, or a Bearer token from `/v1/oauth2/token`.
//!
//! [`ApiCaller`] is an extractor, so a handler that takes one cannot run unauthenticated or over
//! the rate limit; [`WhatsappSendCaller`] is the same against WhatsApp sends' own budget, which
//! the general limit does not count (initiate-conversation-api.yaml: 3,000 a minute).

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::Utc;

use crate::config::Config;
use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::token;

/// An authenticated application call that fits within the rate limit.
pub struct ApiCaller;

impl FromRequestParts<Emulator> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        emulator: &Emulator,
    ) -> Result<Self, Self::Rejection> {
        authenticate(parts, emulator)?;
        admit(emulator, &emulator.config.instance_id)?;
        Ok(ApiCaller)
    }
}

/// An authenticated call to `POST /v1/whatsapp/send/` that fits within WhatsApp's own limit.
pub struct WhatsappSendCaller;

impl FromRequestParts<Emulator> for WhatsappSendCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        emulator: &Emulator,
    ) -> Result<Self, Self::Rejection> {
        authenticate(parts, emulator)?;
        emulator
            .whatsapp_rate_limiter
            .admit(&emulator.config.instance_id)
            .map_err(ApiError::rate_limited)?;
        Ok(WhatsappSendCaller)
    }
}

fn authenticate(parts: &Parts, emulator: &Emulator) -> Result<(), ApiError> {
    let credentials = Credentials::from_headers(&parts.headers)
        .ok_or_else(|| ApiError::unauthorized("Missing Authorization header"))?;
    if !credentials.are_valid_for(&emulator.config) {
        return Err(ApiError::unauthorized("Invalid credentials"));
    }
    Ok(())
}

/// Counts a call against the application's budget.
pub fn admit(emulator: &Emulator, instance_id: &str) -> Result<(), ApiError> {
    emulator
        .rate_limiter
        .admit(instance_id)
        .map_err(ApiError::rate_limited)
}

pub enum Credentials {
    Basic { user: String, password: String },
    Bearer(String),
    Unreadable,
}

impl Credentials {
    /// `None` without an `Authorization` header.
    pub fn from_headers(headers: &HeaderMap) -> Option<Credentials> {
        let header = headers.get(AUTHORIZATION)?;
        let Ok(header) = header.to_str() else {
            return Some(Credentials::Unreadable);
        };
        let (scheme, value) = header.trim().split_once(' ').unwrap_or((header, ""));
        let value = value.trim();
        let credentials = if scheme.eq_ignore_ascii_case("basic") {
            basic(value).unwrap_or(Credentials::Unreadable)
        } else if scheme.eq_ignore_ascii_case("bearer") {
            Credentials::Bearer(value.to_owned())
        } else {
            Credentials::Unreadable
        };
        Some(credentials)
    }

    pub fn are_valid_for(&self, config: &Config) -> bool {
        match self {
            Credentials::Basic { user, password } => {
                user == &config.instance_id && password == &config.secret
            }
            Credentials::Bearer(token) => {
                token::is_valid(token, &config.instance_id, &config.secret, Utc::now())
            }
            Credentials::Unreadable => false,
        }
    }
}

fn basic(encoded: &str) -> Option<Credentials> {
    let decoded = String::from_utf8(STANDARD.decode(encoded).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some(Credentials::Basic {
        user: user.to_owned(),
        password: password.to_owned(),
    })
}
