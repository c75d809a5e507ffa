//! Emulator-only control endpoints, for tests and demos. They are not part of Alcméon's API, need
//! no credentials and do not count against the rate limit.
//!
//! - `POST /_emulator/conversations/{conversation_id}/inbound` with `{"text": "...", "author":
//!   "optional display name", "attachments": [{"mime_type": "image/png", "data": "<base64>"}]}`:
//!   the conversation's customer writes a message (a `task-create` action, notified by webhook).
//!   `author` replaces the customer's name on this message only; `attachments` (optional) become
//!   the message's inline `attachments`. Returns `{"action_id": n}`; 404 for an unknown
//!   conversation, 400 `invalid-attachment` for data that is not standard base64.
//! - `POST /_emulator/conversations/{conversation_id}/agent-actions` with `{"type": "archive" |
//!   "auto-archive" | "acquire" | "release" | "steal" | "assign-to" | "on-hold" | "tag-vip" |
//!   "untag-vip" | "tag", "agent_email": "...", "agent_name": "...", "to_email": "...",
//!   "from_email": "...", "tag": "...", "value": "..."}`: an agent acts on the conversation's latest
//!   task (the action is notified; the task takes the state synchronize.yaml gives). Only `type` is
//!   always required: `to_email` for `assign-to`, `from_email` for `steal`, `tag` and `value` for
//!   `tag`. `agent_email` defaults to Sophie Laurent's; an unknown email creates that agent (named
//!   `agent_name`, else after the email). `auto-archive` is always recorded as the bot. Returns
//!   `{"action_id": n}`; 400 for an unknown type or a missing field, 404 for an unknown
//!   conversation or one without a message.
//! - `POST /_emulator/conversations/{conversation_id}/agent-replies` with `{"text": "...",
//!   "agent_email": "...", "agent_name": "..."}`: another agent answers from Alcméon itself: an
//!   `answer` on the latest task and its `execute-answer` `ok`, both notified at once. Agents are
//!   found or created as for `agent-actions`. Returns `{"answer_action_id": n}`; 400
//!   `empty-message` for a blank text, 404 as above.
//! - `POST /_emulator/conversations` with `{"channel": "whatsapp", "account_name": "...",
//!   "customer_name": "...", "messages": N, "notify": true}`: opens a conversation whose customer
//!   has already written N messages ("Message 1 of N", …, one a minute up to now). Only `channel`
//!   (synchronize.yaml's `Account.type`) is required; with `"notify": false` the generated
//!   messages are not sent to the webhook. An existing account with the same channel and name is
//!   reused. With `"customer_of": <conversation id>` its customer is that conversation's (the same
//!   author group, as Alcméon groups one person's identities). Returns `{"conversation_id": n}`.
//! - `GET /_emulator/health`: 200 `{"status": "ok", "latest_action_id": n, "answers_in_progress":
//!   n, "webhooks": {"queued": n, "delivered": n, "dropped": n, "failed": n}}`, so tests can wait
//!   for the backend's replica without spending the application's rate limit, and wait for the
//!   emulator to be idle instead of sleeping. `latest_action_id` is 0 before any action.
//!   `answers_in_progress`: answers accepted by `POST /v1/answer/send` whose `answer` and
//!   `execute-answer` actions are not both recorded yet. `webhooks` counts every notification
//!   once since the emulator started (all 0 without a webhook URL): `queued` until the receiver
//!   answered or the one-second timeout passed (waiting or being sent), then `delivered` (200) or
//!   `failed` (anything else); `dropped` on purpose instead
//!   (`ALCMEON_EMULATOR_WEBHOOK_DROP_PERCENT`). The emulator is idle when `answers_in_progress`
//!   and `webhooks.queued` are both 0: every answer's actions are recorded and every notification
//!   has reached the receiver or failed (the simulated customer of
//!   `ALCMEON_EMULATOR_CUSTOMER_EVERY_SECS`, if set, still writes later). `answer_send_outage`:
//!   the send's scripted outage under way, `{"answer", "until"}` (see below), else null.
//! - `GET /_emulator/accounts`: every user account with its access, `[{"id", "email", "name",
//!   "roles": [role ids], "teams": [team ids], "is_active"}]`, by id (the bot is no account).
//! - `GET /_emulator/calls`: how many requests each Alcméon route received since the emulator
//!   started, refused ones included: `{"POST /accounts": 1, "GET /accounts": 2, …}` (routes as
//!   declared, e.g. `POST /accounts/{account_id}`; a route never called is absent).
//! - `GET /_emulator/calls/busiest-minute`: `{"calls": n}`, the most requests of all Alcméon routes
//!   together (refused ones included) received within any 60 seconds since the emulator started,
//!   whatever `_RATE_LIMIT_WINDOW_SECS`: what a client's budget must keep under Alcméon's limit.
//! - `GET /_emulator/engagements`: every accepted template send (`/v1/whatsapp/send/`,
//!   `/v1/rcs/send/`, `/v1/kakaotalk/send/`), oldest first: `[{"message_id", "channel":
//!   "whatsapp" | "rcs" | "kakaotalk", "account_id", "template_id", "template_name",
//!   "to_user_phone_number" (without `+`), "title" (RCS, else null), "content" (the filled body),
//!   "button_urls" (filled), "sent_at", "conversation_id" (null until the customer answers)}]`.
//! - `POST /_emulator/engagements/{message_id}/answer` with `{"text": "..."}`: the recipient of a
//!   WhatsApp engagement answers. The first answer opens a new conversation on the engagement's
//!   WhatsApp account, whose customer is the recipient (named from the seed's contacts, else
//!   `+<number>`) and carries the number in `author.group.custom_fields` (field 5001, a
//!   `{country_prefix, number}` phone value); the message is a `task-create`, notified by webhook.
//!   The new conversation's first actions are the template message (the bot's `answer` with the
//!   filled text and its `execute-answer` `ok`, dated at the send), then the answer; all are
//!   notified. An engagement sent with `interrupt_ongoing_conversation` into an ongoing
//!   conversation wrote its template message there at the send, and its answers go there too.
//!   Later answers write in the same conversation. Returns `{"conversation_id": n, "action_id":
//!   n}` (the answer's); 404 `engagement-not-found`, 400 `empty-message`, 400
//!   `not-a-conversation-channel` for RCS and KakaoTalk (synchronize.yaml has no such channel).
//!   With `ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS` set (the demo), the recipient of every
//!   accepted WhatsApp send answers by itself that long after it, in the template's language.
//! - `POST /_emulator/conversations/{conversation_id}/age` with `{"seconds": n}`: every stored
//!   action of the conversation (and its messages) moves n seconds earlier, as if all had happened
//!   then, e.g. to close a WhatsApp reply window on demand. Nothing is notified, and a replica
//!   that already read the conversation keeps the old times: age it before the backend reads it
//!   (with `BACKEND_REPLICA_START=newest` the backend fetches a conversation when first opened).
//!   Returns `{"last_customer_message_at": "2026-11-25T09:35:00Z"}`; 404 `conversation-not-found`
//!   (also for one without a customer message), 400 `invalid-seconds` outside 1 to a year.
//! - `POST /_emulator/rate-limits/{budget}/hold` with `{"seconds": n}`, `budget` `whatsapp-send`
//!   (`POST /v1/whatsapp/send/`'s own) or `api` (every other Alcméon route): every call on that
//!   budget gets the spec's 429 for the next n seconds, whatever is left of it, as when other
//!   clients of the application spent it; the refused calls count in nothing. Returns
//!   `{"rate_limited_until": "2026-11-26T09:30:05Z"}` (what the 429s say); 404 for another budget,
//!   400 `invalid-seconds`.
//! - `POST /_emulator/outages/answer-send` with `{"answer": "429" | "500" | "hang" |
//!   "hang-after-accepting", "seconds": n}`: for the next n seconds (to the next whole second, 1
//!   to 3,600) `POST /v1/answer/send` fails: `429` answers answer.yaml's 429 with
//!   `rate_limited_until` at the end (refused sends spend no budget); `500` answers `{"error":
//!   "internal-server-error"}`; `hang` holds each send unanswered until the end, then answers 504
//!   `{"error": "gateway-timeout"}`, recording nothing (a client whose timeout is shorter gives up
//!   first); `hang-after-accepting` serves each send at once (accepted and recorded, notified,
//!   or refused, as usual) and holds only its answer until the end, so a client that gave up does
//!   not know Alcméon has it. Every such send counts in `/_emulator/calls`. A new outage replaces
//!   the one under way. Returns `{"until": "2026-11-26T09:30:05Z"}`; 400 `invalid-seconds` or
//!   `invalid-request-body` (another `answer`). The spec names no 500 or 504 for the send (no
//!   spec names an outage): those bodies keep its one error shape, `ResponseError`.
//! - `POST /_emulator/outages/custom-field-profile`, the same body and answers: the same outage of
//!   `GET`/`PUT /custom-field/users/{custom_field_user_id}` (custom-field.yaml's 429 shape for
//!   `429`), for a client writing a matched Contact back to a customer's profile.
//! - `POST /_emulator/outages/custom-field-conversation`, the same body and answers: the same
//!   outage of `GET`/`PUT /custom-field/conversations/{conversation_id}`, for a client writing a
//!   Salesforce owner to a conversation.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::alcmeon_data::{InboundMessage, NewAttachment, NewConversation};
use crate::emulator::{Emulator, GeneratedConversation};
use crate::error::ApiError;
use crate::model::Channel;
use crate::routes::{agent_controls, engagement_controls, json_body, outage};

/// Keeps a typo from filling the disk.
const MAX_GENERATED_MESSAGES: usize = 100_000;

pub fn router() -> Router<Emulator> {
    Router::new()
        .route("/health", get(health))
        .route("/accounts", get(accounts))
        .route("/calls", get(calls))
        .route("/calls/busiest-minute", get(busiest_minute))
        .route("/conversations", post(open_conversation))
        .route("/conversations/{conversation_id}/inbound", post(inbound))
        .route(
            "/conversations/{conversation_id}/agent-actions",
            post(agent_controls::act),
        )
        .route(
            "/conversations/{conversation_id}/agent-replies",
            post(agent_controls::reply),
        )
        .route("/engagements", get(engagement_controls::list))
        .route(
            "/engagements/{message_id}/answer",
            post(engagement_controls::answer),
        )
        .route(
            "/conversations/{conversation_id}/age",
            post(engagement_controls::age),
        )
        .route(
            "/rate-limits/{budget}/hold",
            post(engagement_controls::hold_rate_limit),
        )
        .route("/outages/answer-send", post(outage::start))
        .route("/outages/custom-field-profile", post(outage::start_profile))
        .route(
            "/outages/custom-field-conversation",
            post(outage::start_conversation_fields),
        )
}

async fn health(State(emulator): State<Emulator>) -> Json<Value> {
    // Answers first: an answer leaves `answers_in_progress` only after its notifications are
    // counted, so a reader that sees it at 0 also sees them.
    let answers_in_progress = emulator.answers.in_progress();
    let webhooks = emulator.webhook_counts();
    let latest_action_id = emulator.data.read(|data| data.latest_action_id());
    let outage = emulator.outages.current().map(|outage| {
        json!({
            "answer": outage.kind,
            "until": outage.until_utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        })
    });
    Json(json!({
        "status": "ok",
        "latest_action_id": latest_action_id,
        "answers_in_progress": answers_in_progress,
        "webhooks": webhooks,
        "answer_send_outage": outage,
    }))
}

async fn accounts(State(emulator): State<Emulator>) -> Json<Value> {
    Json(json!(emulator.data.read(|data| data.account_details())))
}

async fn calls(State(emulator): State<Emulator>) -> Json<Value> {
    Json(json!(emulator.calls.counts()))
}

async fn busiest_minute(State(emulator): State<Emulator>) -> Json<Value> {
    Json(json!({"calls": emulator.calls.busiest_minute()}))
}

#[derive(Deserialize)]
struct InboundRequest {
    text: String,
    author: Option<String>,
    #[serde(default)]
    attachments: Vec<InboundAttachment>,
}

#[derive(Deserialize)]
struct InboundAttachment {
    mime_type: String,
    data: String,
}

impl InboundAttachment {
    fn decode(self) -> Result<NewAttachment, ApiError> {
        let bytes = BASE64.decode(self.data.trim()).map_err(|problem| {
            ApiError::new(StatusCode::BAD_REQUEST, "invalid-attachment")
                .with_details(problem.to_string())
        })?;
        Ok(NewAttachment {
            mime_type: self.mime_type,
            bytes,
        })
    }
}

async fn inbound(
    State(emulator): State<Emulator>,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: InboundRequest = json_body::parse(&body, "invalid-request-body")?;
    let attachments = request
        .attachments
        .into_iter()
        .map(InboundAttachment::decode)
        .collect::<Result<_, _>>()?;
    let inbound = InboundMessage {
        text: request.text,
        author_name: request.author,
        rating_value: None,
        attachments,
        at: Utc::now(),
    };
    let action = conversation_id
        .parse()
        .ok()
        .and_then(|conversation_id| emulator.receive_inbound(conversation_id, inbound))
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "conversation-not-found"))?;
    Ok(Json(json!({"action_id": action.id})))
}

#[derive(Deserialize)]
struct OpenConversationRequest {
    channel: Channel,
    account_name: Option<String>,
    customer_name: Option<String>,
    #[serde(default)]
    messages: usize,
    #[serde(default = "notify_by_default")]
    notify: bool,
    customer_of: Option<u64>,
}

fn notify_by_default() -> bool {
    true
}

async fn open_conversation(
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: OpenConversationRequest = json_body::parse(&body, "invalid-request-body")?;
    if request.messages > MAX_GENERATED_MESSAGES {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "too-many-messages")
            .with_details(format!("at most {MAX_GENERATED_MESSAGES}")));
    }
    let channel_name = serde_json::to_value(request.channel).unwrap_or_default();
    let new = NewConversation {
        channel: request.channel,
        account_name: request
            .account_name
            .unwrap_or_else(|| format!("Lumio {}", channel_name.as_str().unwrap_or_default())),
        customer_name: request
            .customer_name
            .unwrap_or_else(|| "Test Customer".to_owned()),
    };
    let generated = GeneratedConversation {
        new,
        messages: request.messages,
        notify: request.notify,
        customer_of: request.customer_of,
    };
    let conversation_id =
        tokio::task::spawn_blocking(move || emulator.open_conversation(generated))
            .await
            .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal-error"))?;
    Ok(Json(json!({"conversation_id": conversation_id})))
}
