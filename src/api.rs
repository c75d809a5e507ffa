//! The widget's only way out: HTTPS JSON calls to the backend, with the agent's session token.
//! The engagement's calls are in `api/engagement.rs`, the customer's in `api/customer.rs`.

pub mod customer;
pub mod engagement;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_net::http::{Method, RequestBuilder, Response};
use protocol::{ApiError, ErrorCode, NewReply, ThreadItem, ThreadPage, ZoneRules};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use crate::failure::Failure;
use crate::json;
use crate::session_token::SessionToken;

/// What opening a conversation gave.
pub enum Opening {
    /// Its newest page.
    Page(ThreadPage),
    /// The backend is fetching it from Alcméon (`202`): ask again, the next answer waits for it.
    Fetching,
}

#[derive(Clone)]
pub struct Backend {
    base_url: String,
    get_token: js_sys::Function,
    token: Rc<RefCell<Option<SessionToken>>>,
    /// The host's answer while a token is asked for: calls made meanwhile wait for it, so calls
    /// made together (the first page and the time zone, at mount) cost the host one token.
    asked: Rc<RefCell<Option<js_sys::Promise>>>,
}

impl Backend {
    pub fn new(base_url: &str, get_token: js_sys::Function) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            get_token,
            token: Rc::default(),
            asked: Rc::default(),
        }
    }

    /// The conversation's newest page, once the backend holds it.
    pub async fn thread(&self, conversation_id: i64) -> Result<ThreadPage, Failure> {
        self.page_once_fetched(&format!("/v1/conversations/{conversation_id}/thread"))
            .await
    }

    /// The conversation's header and its newest item only: what a row of the Case's list shows.
    pub async fn newest(&self, conversation_id: i64) -> Result<ThreadPage, Failure> {
        self.page_once_fetched(&format!(
            "/v1/conversations/{conversation_id}/thread?limit=1"
        ))
        .await
    }

    /// The conversation's newest page with the rules of time zone `zone`, or word that the
    /// backend is fetching it from Alcméon.
    pub async fn open_thread(&self, conversation_id: i64, zone: &str) -> Result<Opening, Failure> {
        let zone: String = js_sys::encode_uri_component(zone).into();
        self.opening(&format!(
            "/v1/conversations/{conversation_id}/thread?zone={zone}"
        ))
        .await
    }

    async fn opening(&self, path: &str) -> Result<Opening, Failure> {
        let response = self.answer(Method::GET, path, None).await?;
        if response.status() == 202 {
            return Ok(Opening::Fetching);
        }
        read_json(response).await.map(Opening::Page)
    }

    /// A thread page; while the backend fetches the conversation it asks again, and each later
    /// answer waits for the fetch (so this never spins).
    async fn page_once_fetched(&self, path: &str) -> Result<ThreadPage, Failure> {
        loop {
            if let Opening::Page(page) = self.opening(path).await? {
                return Ok(page);
            }
        }
    }

    /// The offsets of the IANA time zone `zone`; `Failure::Api` with `NotFound` when the tz
    /// database has no such zone.
    pub async fn zone_rules(&self, zone: &str) -> Result<ZoneRules, Failure> {
        let path: Vec<String> = zone
            .split('/')
            .map(|segment| js_sys::encode_uri_component(segment).into())
            .collect();
        self.get_json(&format!("/v1/time-zones/{}", path.join("/")))
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

    /// Sends a reply. Posting the same `client_id` again never sends twice: the backend answers
    /// with the reply as it stands.
    pub async fn send_reply(
        &self,
        conversation_id: i64,
        reply: &NewReply,
    ) -> Result<ThreadItem, Failure> {
        let body = json::encode(reply).map_err(Failure::Network)?;
        self.call(
            Method::POST,
            &format!("/v1/conversations/{conversation_id}/replies"),
            Some(body),
        )
        .await
    }

    /// Sends a failed reply again; the backend does nothing for one that is sending or sent.
    pub async fn retry_reply(
        &self,
        conversation_id: i64,
        client_id: &str,
    ) -> Result<ThreadItem, Failure> {
        let path = format!("/v1/conversations/{conversation_id}/replies/{client_id}/retry");
        self.call(Method::POST, &path, None).await
    }

    /// Opens an event stream (Server-Sent Events: a conversation's, the engagement's) with the
    /// session token in the Authorization header, resuming after `last_event_id`.
    pub async fn open_events(
        &self,
        path: &str,
        last_event_id: Option<&str>,
        stop: &AbortSignal,
    ) -> Result<StreamBody, Failure> {
        let open = |fresh| async move {
            let mut builder = self
                .request(Method::GET, path, fresh)
                .await?
                .header("Accept", "text/event-stream")
                .abort_signal(Some(stop));
            if let Some(id) = last_event_id {
                builder = builder.header("Last-Event-ID", id);
            }
            let request = builder
                .build()
                .map_err(|e| Failure::Network(e.to_string()))?;
            request
                .send()
                .await
                .map_err(|e| Failure::Network(e.to_string()))
        };
        let mut response = open(false).await?;
        if response.status() == 401 {
            response = open(true).await?;
        }
        if !response.ok() {
            return Err(failure_of(response).await);
        }
        let body = response
            .body()
            .ok_or_else(|| Failure::Network("the event stream has no body".into()))?;
        Ok(StreamBody {
            reader: body.get_reader().unchecked_into(),
        })
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, Failure> {
        self.call(Method::GET, path, None).await
    }

    /// The bytes of a file attached to a message, as the browser's Blob (they never pass through
    /// the widget's memory).
    pub async fn attachment(
        &self,
        conversation_id: i64,
        attachment_id: i64,
    ) -> Result<web_sys::Blob, Failure> {
        let path = format!("/v1/conversations/{conversation_id}/attachments/{attachment_id}");
        let response = self.answer(Method::GET, &path, None).await?;
        let unreadable = |e: JsValue| Failure::Network(format!("{e:?}"));
        let blob = web_sys::Response::from(response)
            .blob()
            .map_err(unreadable)?;
        let blob = JsFuture::from(blob).await.map_err(unreadable)?;
        Ok(blob.unchecked_into())
    }

    /// Calls the backend and reads its JSON answer.
    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<T, Failure> {
        read_json(self.answer(method, path, body).await?).await
    }

    /// Calls the backend and returns its successful answer; on a 401 it asks the host for a fresh
    /// token and tries once more.
    async fn answer(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<Response, Failure> {
        let send = |fresh| {
            let method = method.clone();
            let body = body.clone();
            async move {
                let builder = self.request(method, path, fresh).await?;
                let request = match body {
                    Some(json) => builder
                        .header("Content-Type", "application/json")
                        .body(json),
                    None => builder.build(),
                }
                .map_err(|e| Failure::Network(e.to_string()))?;
                request
                    .send()
                    .await
                    .map_err(|e| Failure::Network(e.to_string()))
            }
        };
        let mut response = send(false).await?;
        if response.status() == 401 {
            response = send(true).await?;
        }
        if response.ok() {
            return Ok(response);
        }
        Err(failure_of(response).await)
    }

    async fn request(
        &self,
        method: Method,
        path: &str,
        fresh_token: bool,
    ) -> Result<RequestBuilder, Failure> {
        let token = self.token(fresh_token).await?;
        Ok(RequestBuilder::new(&format!("{}{path}", self.base_url))
            .method(method)
            .header("Authorization", &format!("Bearer {token}")))
    }

    async fn token(&self, fresh: bool) -> Result<String, Failure> {
        if !fresh
            && let Some(token) = self.token.borrow().as_ref()
            && token.is_usable_at(js_sys::Date::now())
        {
            return Ok(token.value.clone());
        }
        let asked = self.asked.borrow().clone();
        let promise = match asked {
            Some(promise) => promise,
            None => {
                let returned = self
                    .get_token
                    .call0(&JsValue::NULL)
                    .map_err(|e| Failure::Session(format!("{e:?}")))?;
                let promise = js_sys::Promise::resolve(&returned);
                *self.asked.borrow_mut() = Some(promise.clone());
                promise
            }
        };
        let answer = JsFuture::from(promise.clone()).await;
        let mut asked = self.asked.borrow_mut();
        let same = |p: &js_sys::Promise| JsValue::from(p) == JsValue::from(&promise);
        if asked.as_ref().is_some_and(same) {
            *asked = None;
        }
        drop(asked);
        let token = answer
            .map_err(|e| Failure::Session(format!("{e:?}")))?
            .as_string()
            .ok_or_else(|| Failure::Session("getToken did not resolve to a string".into()))?;
        *self.token.borrow_mut() = Some(SessionToken::new(token.clone(), |claims| {
            json::decode(claims).ok()
        }));
        Ok(token)
    }
}

/// An open response body, read as it arrives.
pub struct StreamBody {
    reader: web_sys::ReadableStreamDefaultReader,
}

impl StreamBody {
    /// The next bytes that arrived; `None` once the body ended or broke.
    pub async fn next_chunk(&self) -> Option<Vec<u8>> {
        let read = JsFuture::from(self.reader.read()).await.ok()?;
        let read: web_sys::ReadableStreamReadResult = read.unchecked_into();
        if read.get_done().unwrap_or(true) {
            return None;
        }
        Some(js_sys::Uint8Array::new(&read.get_value()).to_vec())
    }
}

/// A successful answer's JSON body.
async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, Failure> {
    let text = response
        .text()
        .await
        .map_err(|e| Failure::Network(e.to_string()))?;
    json::decode(&text).map_err(Failure::Network)
}

/// The backend's error, read from its one error shape.
async fn failure_of(response: Response) -> Failure {
    let status = response.status();
    match read_json::<ApiError>(response).await {
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
    }
}
