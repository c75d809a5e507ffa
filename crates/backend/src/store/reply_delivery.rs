//! Replies sent from the widget, Alcméon's side: matching a recorded `answer` action to the reply
//! it carries, and applying the `execute-answer` that tells whether the channel delivered it. Both
//! run inside the transaction that stores the action (`record.rs`).
//!
//! Invariant: an `answer` is linked to at most one reply and a reply's current attempt to at most
//! one `answer`; the reply's state moves only by [`ReplyEvent`]s' guarded updates, so actions
//! read in any order (webhook and backfill race) leave the reply as if read in id order.

use protocol::{FailureCode, ThreadItem};
use sqlx::AssertSqlSafe;

use super::reply_state::{ReplyEvent, ReplyState};
use super::{StoreError, Tx, serde_name};
use crate::alcmeon::Action;

/// Links a just-recorded `answer` to the oldest reply still waiting for it: same task, same
/// text, sent as the answer's advisor. A reply whose send seemed to fail (a timeout can hide a
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
    let event = ReplyEvent::AnswerRecorded;
    let reply_id: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT id FROM replies WHERE task_id = ? AND text = ? AND advisor_id = ?
         AND {} AND answer_action_id IS NULL
         ORDER BY state = ?, id LIMIT 1",
        event.guard()
    )))
    .bind(task_id)
    .bind(&item.text)
    .bind(advisor_id)
    .bind(ReplyState::Failed)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(reply_id) = reply_id else {
        return Ok(());
    };
    sqlx::query(
        "UPDATE replies SET answer_action_id = ?, state = ?, failure_reason = NULL,
             failure_detail = NULL WHERE id = ?",
    )
    .bind(action.id)
    .bind(event.target())
    .bind(reply_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query("INSERT INTO reply_answers (answer_action_id, reply_id) VALUES (?, ?)")
        .bind(action.id)
        .bind(reply_id)
        .execute(&mut **tx)
        .await?;
    let earlier_status: Option<String> = sqlx::query_scalar(
        "SELECT json_extract(body, '$.data.answer_status') FROM actions
         WHERE kind = 'execute-answer' AND json_extract(body, '$.data.answer_action_id') = ?
         ORDER BY id LIMIT 1",
    )
    .bind(action.id)
    .fetch_optional(&mut **tx)
    .await?
    .flatten();
    if let Some(status) = earlier_status {
        set_outcome(tx, action.id, &status).await?;
    }
    Ok(())
}

/// Applies an `execute-answer` to the reply its answer belongs to; returns that reply's item id.
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
    Ok(set_outcome(tx, answer_id, status)
        .await?
        .then_some(answer_id))
}

/// [`ReplyEvent::Delivered`] (`ok`) or [`ReplyEvent::Undelivered`] (anything else) for the reply
/// whose current attempt is `answer_id`; returns whether a reply changed.
async fn set_outcome(tx: &mut Tx<'_>, answer_id: i64, status: &str) -> Result<bool, StoreError> {
    let (event, code) = if status == "ok" {
        (ReplyEvent::Delivered, None)
    } else {
        (
            ReplyEvent::Undelivered,
            Some(serde_name(FailureCode::ChannelRefused)),
        )
    };
    let updated = sqlx::query(AssertSqlSafe(format!(
        "UPDATE replies SET state = ?, failure_reason = ?, failure_detail = NULL
         WHERE answer_action_id = ? AND {}",
        event.guard()
    )))
    .bind(event.target())
    .bind(code)
    .bind(answer_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(updated == 1)
}
