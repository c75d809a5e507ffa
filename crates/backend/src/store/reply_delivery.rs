//! Alcméon's side of outbound messages: what each `execute-answer` says about its `answer`,
//! whoever wrote it (kept in `answer_outcomes`; [`answer_delivery`] is how the thread shows it),
//! and, for replies sent from the widget, matching a recorded `answer` to the reply it carries and
//! moving the reply's state by that outcome. All of it runs inside the transaction that stores the
//! action (`record.rs`).
//!
//! Invariants: an answer's outcome is its lowest-id `execute-answer`'s, whichever arrived first;
//! an `answer` is linked to at most one reply and a reply's current attempt to at most one
//! `answer`; the reply's state moves only by [`ReplyEvent`]s' guarded updates, so actions read in
//! any order (webhook and backfill race) leave the reply as if read in id order.

use protocol::{Delivery, FailureCode, ThreadItem};
use sqlx::AssertSqlSafe;

use super::reply_state::{ReplyEvent, ReplyState};
use super::{StoreError, Tx, serde_name};
use crate::alcmeon::Action;

/// How much earlier than a reply's creation its `answer` may be dated: Alcméon dates actions to
/// the second, and its clock may be a little behind ours.
const CLOCK_ALLOWANCE_MS: i64 = 2_000;

/// Links a just-recorded `answer` to the oldest reply still waiting for it: same task, same
/// text, sent as the answer's advisor, stored before the answer was made (within
/// [`CLOCK_ALLOWANCE_MS`]; an answer without a date is not bounded). A reply whose send seemed to fail (a timeout can hide a
/// request Alcméon did take) is matched too, after the ones sending: the answer proves Alcméon
/// has it. If the answer's `execute-answer` was stored first (backfill can bring actions in any
/// order), applies it at once.
pub(super) async fn link_answer(
    tx: &mut Tx<'_>,
    action: &Action,
    item: &ThreadItem,
) -> Result<(), StoreError> {
    let Some(advisor_id) = action.user.as_ref().and_then(|u| u.id) else {
        return Ok(());
    };
    let Some(task_id) = action.task.as_ref().and_then(|t| t.id) else {
        return Ok(());
    };
    let answered_by_ms = action
        .occurred_at()
        .map_or(i64::MAX, |at| at.timestamp_millis() + CLOCK_ALLOWANCE_MS);
    let event = ReplyEvent::AnswerRecorded;
    let reply_id: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
        "UPDATE replies SET answer_action_id = $1, state = $2, failure_reason = NULL,
             failure_detail = NULL
         WHERE id = (SELECT id FROM replies WHERE task_id = $3 AND text = $4 AND advisor_id = $5
                     AND created_at_ms <= $6 AND {} AND answer_action_id IS NULL
                     ORDER BY state = $7, id LIMIT 1)
         RETURNING id",
        event.guard()
    )))
    .bind(action.id)
    .bind(event.target())
    .bind(task_id)
    .bind(&item.text)
    .bind(advisor_id)
    .bind(answered_by_ms)
    .bind(ReplyState::Failed)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(reply_id) = reply_id else {
        return Ok(());
    };
    // The answer's `execute-answer`, if it was stored first.
    let earlier_status: Option<String> = sqlx::query_scalar(
        "INSERT INTO reply_answers (answer_action_id, reply_id) VALUES ($1, $2)
         RETURNING (SELECT status FROM answer_outcomes WHERE answer_action_id = $1)",
    )
    .bind(action.id)
    .bind(reply_id)
    .fetch_one(&mut **tx)
    .await?;
    if let Some(status) = earlier_status {
        set_outcome(tx, action.id, &status).await?;
    }
    Ok(())
}

/// How the thread shows an outbound message that is not a widget reply, from its `answer`'s
/// outcome: sending until its `execute-answer`, then sent (`ok`) or failed (anything else: the
/// channel refused it; Alcméon's action gives no reason of its own).
pub(super) fn answer_delivery(status: Option<&str>) -> Delivery {
    match status {
        None => Delivery::Sending,
        Some("ok") => Delivery::Sent,
        Some(_) => Delivery::Failed {
            code: FailureCode::ChannelRefused,
            detail: None,
        },
    }
}

/// Applies an `execute-answer`: records its answer's outcome and moves the reply that answer
/// belongs to, if any; returns the answer's item id when the outcome is new.
pub(super) async fn apply_delivery(
    tx: &mut Tx<'_>,
    action: &Action,
) -> Result<Option<i64>, StoreError> {
    let data = action.data.as_ref();
    let answer_id = data
        .and_then(|d| d.get("answer_action_id"))
        .and_then(|v| v.as_i64());
    let status = data
        .and_then(|d| d.get("answer_status"))
        .and_then(|v| v.as_str());
    let (Some(answer_id), Some(status)) = (answer_id, status) else {
        return Ok(None);
    };
    let recorded = sqlx::query(
        "INSERT INTO answer_outcomes (answer_action_id, status, action_id) VALUES ($1, $2, $3)
         ON CONFLICT (answer_action_id) DO UPDATE SET status = excluded.status,
             action_id = excluded.action_id
         WHERE excluded.action_id < answer_outcomes.action_id",
    )
    .bind(answer_id)
    .bind(status)
    .bind(action.id)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    // An outcome already told by a lower-id `execute-answer` has moved the reply already.
    if recorded {
        set_outcome(tx, answer_id, status).await?;
    }
    Ok(recorded.then_some(answer_id))
}

/// [`ReplyEvent::Delivered`] or [`ReplyEvent::Undelivered`], as [`answer_delivery`] reads
/// `status`, for the reply whose current attempt is `answer_id`.
async fn set_outcome(tx: &mut Tx<'_>, answer_id: i64, status: &str) -> Result<(), StoreError> {
    let (event, code) = match answer_delivery(Some(status)) {
        Delivery::Failed { code, .. } => (ReplyEvent::Undelivered, Some(serde_name(code))),
        _ => (ReplyEvent::Delivered, None),
    };
    sqlx::query(AssertSqlSafe(format!(
        "UPDATE replies SET state = $1, failure_reason = $2, failure_detail = NULL
         WHERE answer_action_id = $3 AND {}",
        event.guard()
    )))
    .bind(event.target())
    .bind(code)
    .bind(answer_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
