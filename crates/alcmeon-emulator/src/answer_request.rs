//! A `POST /v1/answer/send` body, validated as answer.yaml's `SendAnswerRequest` describes it.

use axum::http::StatusCode;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// answer.yaml: `message.maxLength`.
const MAX_MESSAGE_CHARS: usize = 10_000;

/// A request that passed validation; serializes as the `input_data` echo.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SendAnswerRequest {
    pub message: String,
    pub advisor_id: u64,
    pub company_id: u64,
    pub task_id: u64,
}

impl SendAnswerRequest {
    /// Checks the body in the spec's order of concern: shape (400), text (400 `empty-message`,
    /// `message-too-long`), attachment (403). Whether the task exists is the caller's 404.
    pub fn parse(body: &[u8]) -> Result<SendAnswerRequest, ApiError> {
        let body: Value =
            serde_json::from_slice(body).map_err(|_| invalid_body("Invalid JSON format"))?;
        let Value::Object(fields) = body else {
            return Err(invalid_body("The body must be a JSON object"));
        };
        let request = SendAnswerRequest {
            message: required(&fields, "message", Value::as_str)?.to_owned(),
            advisor_id: required(&fields, "advisor_id", Value::as_u64)?,
            company_id: required(&fields, "company_id", Value::as_u64)?,
            task_id: required(&fields, "task_id", Value::as_u64)?,
        };
        if request.message.trim().is_empty() {
            return Err(ApiError::new(StatusCode::BAD_REQUEST, "empty-message"));
        }
        if request.message.chars().count() > MAX_MESSAGE_CHARS {
            return Err(ApiError::new(StatusCode::BAD_REQUEST, "message-too-long"));
        }
        check_attachment(fields.get("attachment"))?;
        Ok(request)
    }
}

/// The emulator has no upload endpoint, so no attachment token can be valid.
fn check_attachment(attachment: Option<&Value>) -> Result<(), ApiError> {
    match attachment {
        None | Some(Value::Null) => Ok(()),
        Some(Value::Object(_)) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "invalid-attachment-access-token",
        )),
        Some(_) => Err(invalid_body("attachment must be an object or null")),
    }
}

fn required<'a, T>(
    fields: &'a Map<String, Value>,
    name: &str,
    read: impl Fn(&'a Value) -> Option<T>,
) -> Result<T, ApiError> {
    let value = fields
        .get(name)
        .ok_or_else(|| invalid_body(&format!("Missing required field: {name}")))?;
    read(value).ok_or_else(|| invalid_body(&format!("Invalid type for field: {name}")))
}

fn invalid_body(details: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid-request-body").with_details(details)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(body: Value) -> Result<SendAnswerRequest, ApiError> {
        SendAnswerRequest::parse(body.to_string().as_bytes())
    }

    fn valid() -> Value {
        json!({"message": "Hello", "advisor_id": 11, "company_id": 1, "task_id": 50001})
    }

    fn error_of(body: Value) -> (StatusCode, String, Option<String>) {
        let error = parse(body).unwrap_err();
        (error.status, error.error, error.details)
    }

    #[test]
    fn a_complete_body_is_accepted_and_echoed_without_extra_fields() {
        let mut body = valid();
        body["attachment"] = Value::Null;
        body["unexpected"] = json!(true);
        let echo = serde_json::to_value(parse(body).unwrap()).unwrap();
        assert_eq!(echo, valid());
    }

    #[test]
    fn each_required_field_is_named_when_missing() {
        for field in ["message", "advisor_id", "company_id", "task_id"] {
            let mut body = valid();
            body.as_object_mut().unwrap().remove(field);
            let (status, error, details) = error_of(body);
            assert_eq!(
                (status, error.as_str()),
                (StatusCode::BAD_REQUEST, "invalid-request-body")
            );
            assert_eq!(details.unwrap(), format!("Missing required field: {field}"));
        }
    }

    #[test]
    fn blank_and_oversized_messages_use_the_spec_error_strings() {
        let mut body = valid();
        body["message"] = json!("  \n");
        assert_eq!(error_of(body.clone()).1, "empty-message");
        body["message"] = json!("é".repeat(10_001));
        assert_eq!(error_of(body.clone()).1, "message-too-long");
        body["message"] = json!("é".repeat(10_000));
        assert!(parse(body).is_ok());
    }

    #[test]
    fn attachments_are_refused_because_no_token_can_exist() {
        let mut body = valid();
        body["attachment"] = json!({"access_token": "abC123"});
        let (status, error, _) = error_of(body);
        assert_eq!(
            (status, error.as_str()),
            (StatusCode::FORBIDDEN, "invalid-attachment-access-token")
        );
    }

    #[test]
    fn wrong_types_and_non_json_are_bad_requests() {
        let mut body = valid();
        body["task_id"] = json!("50001");
        assert_eq!(error_of(body).2.unwrap(), "Invalid type for field: task_id");
        let error = SendAnswerRequest::parse(b"not json").unwrap_err();
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
    }
}
