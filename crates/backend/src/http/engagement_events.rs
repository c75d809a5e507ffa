//! `GET /v1/engagement/events`: the engagement page of the session token's `eng` record as
//! Server-Sent Events. `event: ready` first, then `event: engagement` with the whole
//! `EngagementPage` as it is when the stream opens, and again each time it changes (its send, its
//! link to the conversation the customer's answer opened).
//!
//! As `events.rs`: the store's broadcast is only a wake-up and the store the truth. The stream
//! subscribes first, then reads the page, so no change between the two is missed; on each
//! wake-up for its record it reads the page again and sends it when it differs from the last one
//! sent. The token comes in the Authorization header, never in the URL, and the stream ends when
//! the token expires (the widget reconnects with a fresh one).

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::{Stream, StreamExt};
use protocol::{ApiError, EngagementPage};
use tokio::sync::broadcast::{self, error::RecvError};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::engagement::{refused, target};
use super::session::{Agent, Claims};
use super::{AppError, AppState};
use crate::engagement::EngagementTarget;
use crate::store::EngagementChange;

const KEEP_ALIVE: Duration = Duration::from_secs(15);

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stream))
}

/// The engagement's live page: `event: ready`, then `event: engagement` whose data is the whole
/// `EngagementPage`, at once and whenever its send or its link changes. Ends when the session
/// token expires.
#[utoipa::path(
    get,
    path = "/v1/engagement/events",
    operation_id = "streamEngagement",
    tag = "engagement",
    security(("session" = [])),
    responses(
        (status = 200, description = "A stream of `ready` then `engagement` events; each engagement's data is an EngagementPage", content_type = "text/event-stream", body = String),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 404, description = "The session token names no engagement", body = ApiError),
    )
)]
pub async fn stream(
    State(state): State<AppState>,
    Agent(agent): Agent,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let target = target(&agent)?;
    let live = state.store.subscribe_engagements();
    let first = state
        .engagements
        .page(&target)
        .await
        .map_err(|e| refused(&agent, e))?;
    let expires_in = agent.expires_in();
    let watch = Watch {
        state,
        agent,
        target,
        live,
        last: None,
        first: Some(first),
    };
    let ready = Event::default().event("ready").data("{}");
    let pages = futures_util::stream::unfold(watch, |mut watch| async move {
        let page = watch.next().await?;
        let event = Event::default()
            .event("engagement")
            .json_data(&page)
            .unwrap_or_else(|_| Event::default().comment("unserialisable page"));
        Some((Ok(event), watch))
    });
    let events = futures_util::stream::once(async { Ok(ready) })
        .chain(pages)
        .take_until(tokio::time::sleep(expires_in));
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}

struct Watch {
    state: AppState,
    agent: Claims,
    target: EngagementTarget,
    live: broadcast::Receiver<EngagementChange>,
    last: Option<EngagementPage>,
    /// The page read when the stream opened, sent first.
    first: Option<EngagementPage>,
}

impl Watch {
    /// The next page to send; `None` ends the stream (the widget reconnects).
    async fn next(&mut self) -> Option<EngagementPage> {
        if let Some(first) = self.first.take() {
            self.last = Some(first.clone());
            return Some(first);
        }
        loop {
            match self.live.recv().await {
                Ok(change) if !self.concerns(&change) => continue,
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return None,
            }
            let page = match self.state.engagements.page(&self.target).await {
                Ok(page) => page,
                Err(error) => {
                    tracing::warn!(org = %self.agent.org, user = %self.agent.sub, %error,
                        "engagement stream stopped");
                    return None;
                }
            };
            if self.last.as_ref() != Some(&page) {
                self.last = Some(page.clone());
                return Some(page);
            }
        }
    }

    fn concerns(&self, change: &EngagementChange) -> bool {
        change.org == self.target.org && change.record_key == self.target.record_id
    }
}
