//! `GET /health`: for operators and load balancers, outside the widget API (and its description).

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use serde_json::{Map, Value, json};
use std::sync::atomic::Ordering;

use super::extract::Json;
use super::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

/// `GET /health`: liveness; where the replica started reading (`started_after`: 0 from the
/// beginning, `null` until decided), how far the backfill has read Alcméon's actions without a
/// gap, and the newest action stored by any path (webhook, backfill, a conversation fetched on
/// demand); how many replies are being sent; the
/// oldest change a reconnecting widget can still replay (`null` when the log is empty); how many
/// large webhook bodies are being read, and how many wait their turn; when the last whole read of
/// each opt-in list of the consent replica started (`consent.lists`, empty until the first);
/// which database the store is on, this instance's id and how many instances share it (`store`),
/// this instance's share of Alcméon's limit in calls a minute (`alcmeon`), and each org's record
/// sync (`salesforce`, by org id: `status` `ok`, `limited` (waiting for API budget),
/// `unreachable`, `grant_revoked` or `not_configured`; `detail`, what went wrong; `queued`
/// conversations, `refused` of them (Salesforce refused their record: each waits alone);
/// `lag_seconds`, the age of the oldest; `apiUsage`, the org's daily API calls
/// `{used, limit}` as Salesforce last reported them, else null).
pub async fn health(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    let started_after = state.store.replica_started_after().await?;
    let read_through = state.store.actions_read_through().await?;
    let latest = state.store.latest_action_id().await?;
    let oldest_event = state.store.oldest_event_seq().await?;
    let instances = state.store.live_instances().await?;
    let consent: Vec<Value> = state
        .store
        .consent_refreshes()
        .await?
        .into_iter()
        .map(|r| json!({ "list_id": r.list_id, "refreshed_at_ms": r.refreshed_at_ms }))
        .collect();
    let salesforce = salesforce(&state.store).await?;
    Ok(Json(json!({
        "status": "ok",
        "replica": {
            "started_after": started_after,
            "actions_read_through": read_through,
            "latest_action_id": latest,
        },
        "outbox": { "in_flight": state.outbox.in_flight() },
        "events": { "oldest_seq": oldest_event },
        "webhook": state.large_webhook_bodies.health(),
        "consent": { "lists": consent },
        "store": {
            "database": state.store.dialect().name(),
            "instance": state.store.instance_id().to_string(),
            "instances": instances,
        },
        "alcmeon": { "calls_per_minute": state.alcmeon_calls_per_minute.load(Ordering::Relaxed) },
        "salesforce": salesforce,
    })))
}

async fn salesforce(store: &crate::store::Store) -> Result<Value, AppError> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    let orgs: Map<String, Value> = store
        .record_sync_health()
        .await?
        .into_iter()
        .map(|org| {
            let lag_ms = org.oldest_queued_at_ms.map_or(0, |at| (now_ms - at).max(0));
            let usage = org
                .api_used
                .zip(org.api_limit)
                .map(|(used, limit)| json!({ "used": used, "limit": limit }));
            let health = json!({
                "status": org.status,
                "detail": org.detail,
                "queued": org.queued,
                "refused": org.refused,
                "lag_seconds": lag_ms as f64 / 1000.0,
                "apiUsage": usage,
            });
            (org.org_id, health)
        })
        .collect();
    Ok(Value::Object(orgs))
}
