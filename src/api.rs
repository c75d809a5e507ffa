//! The widget's only way out: HTTPS JSON calls to the backend, with the agent's session token.

use gloo_net::http::{Request, Response};
use protocol::{ApiError, ErrorCode, ThreadPage};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Why a call to the backend did not give an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The backend answered with its error shape.
    Api(ApiError),
    /// The backend could not be reached or answered something unreadable.
    Network(String),
    /// The host could not provide a session token.
    Session(String),
}

impl Failure {
    /// The Fluent message id that explains this failure to the agent.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Api(error) => error.code.message_id(),
            Self::Network(_) => "error-network",
            Self::Session(_) => "error-session",
        }
    }
}

#[derive(Clone)]
pub struct Backend {
    base_url: String,
    get_token: js_sys::Function,
    token: Rc<RefCell<Option<String>>>,
}

impl Backend {
    pub fn new(base_url: &str, get_token: js_sys::Function) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            get_token,
            token: Rc::default(),
        }
    }

    pub async fn thread(&self, conversation_id: i64) -> Result<ThreadPage, Failure> {
        self.get_json(&format!("/v1/conversations/{conversation_id}/thread"))
            .await
    }

    /// The page of items just before `before` (an item id), oldest first; `has_older` says
    /// whether there are more before it.
    pub async fn older(
        &self,
        conversation_id: i64,
        before: i64,
        limit: u32,
    ) -> Result<ThreadPage, Failure> {
        self.get_json(&format!(
            "/v1/conversations/{conversation_id}/thread?before={before}&limit={limit}"
        ))
        .await
    }

    /// GETs a JSON document; on a 401 it asks the host for a fresh token and tries once more.
    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, Failure> {
        let mut response = self.get(path, false).await?;
        if response.status() == 401 {
            response = self.get(path, true).await?;
        }
        if response.ok() {
            return response
                .json()
                .await
                .map_err(|e| Failure::Network(e.to_string()));
        }
        let status = response.status();
        Err(match response.json::<ApiError>().await {
            Ok(error) => Failure::Api(error),
            Err(_) => Failure::Api(ApiError {
                code: if status == 401 {
                    ErrorCode::Unauthenticated
                } else {
                    ErrorCode::Unknown
                },
                message: format!("HTTP {status}"),
                retry_after: None,
            }),
        })
    }

    async fn get(&self, path: &str, fresh_token: bool) -> Result<Response, Failure> {
        let token = self.token(fresh_token).await?;
        Request::get(&format!("{}{path}", self.base_url))
            .header("Authorization", &format!("Bearer {token}"))
            .send()
            .await
            .map_err(|e| Failure::Network(e.to_string()))
    }

    async fn token(&self, fresh: bool) -> Result<String, Failure> {
        if !fresh && let Some(token) = self.token.borrow().clone() {
            return Ok(token);
        }
        let promise = self
            .get_token
            .call0(&JsValue::NULL)
            .map_err(|e| Failure::Session(format!("{e:?}")))?;
        let token = JsFuture::from(js_sys::Promise::resolve(&promise))
            .await
            .map_err(|e| Failure::Session(format!("{e:?}")))?
            .as_string()
            .ok_or_else(|| Failure::Session("getToken did not resolve to a string".into()))?;
        *self.token.borrow_mut() = Some(token.clone());
        Ok(token)
    }
}
