//! Replies sent from the widget: stored as *sending* before Alcméon is called, idempotent on the
//! widget's client id, marked *submitted* once Alcméon has accepted them, and matched to the
//! `answer` and `execute-answer` actions Alcméon records for them.

#[cfg(test)]
use protocol::AgentEmail;
use protocol::{FailureCode, ThreadItem};
use sqlx::{AssertSqlSafe, Row};

use super::thread::{self, PROVISIONAL_ID_BASE};
use super::{Store, StoreError, Tx, serde_name};
use crate::alcmeon::Action;

/// A reply about to be sent.
#[derive(Debug, Clone)]
pub struct NewReplyRow {
    pub client_id: String,
    pub conversation_id: i64,
    pub task_id: i64,
    /// The agent's Salesforce org.
    pub agent_org: String,
    /// Lower case.
    pub agent_email: String,
    pub agent_name: String,
    pub text: String,
    pub created_at_ms: i64,
}

/// What storing a reply found.
#[derive(Debug)]
pub enum ReplyInsert {
    /// The reply is new: send it.
    Created(ThreadItem),
    /// A reply with this client id exists already: never send again.
    Existing(ExistingReply),
}

#[derive(Debug)]
pub struct ExistingReply {
    pub item: ThreadItem,
    pub conversation_id: i64,
    pub text: String,
}

/// A reply stored as sending that Alcméon never accepted: it was never delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsubmittedReply {
    pub client_id: String,
    pub task_id: i64,
    pub text: String,
    /// `None` for a reply stored before orgs were recorded.
    pub agent_org: Option<String>,
    pub agent_email: String,
    pub agent_name: String,
}

/// What asking to retry a reply found.
#[derive(Debug)]
pub enum RetryOutcome {
    /// The reply had failed and is now sending again: send `text` to `task_id`.
    Resend {
        item: ThreadItem,
        task_id: i64,
        text: String,
    },
    /// The reply had not failed (sending or sent): nothing to do.
    Unchanged(ThreadItem),
    NotFound,
}

/// The id of a reply's item in the merged thread.
const ITEM_ID: &str = "COALESCE(answer_action_id, ? + id)";

impl Store {
    /// The newest task Alcméon has shown for a conversation: the one a reply answers.
    pub async fn latest_task(&self, conversation_id: i64) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT MAX(id) FROM tasks WHERE conversation_id = ?")
                .bind(conversation_id)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Stores a reply as sending, unless its client id is taken (the UNIQUE constraint decides,
    /// so two concurrent posts of one client id store, and send, once).
    pub async fn create_reply(&self, reply: &NewReplyRow) -> Result<ReplyInsert, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO replies (client_id, conversation_id, task_id, agent_org, agent_email, agent_name, text, state, created_at_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', ?) ON CONFLICT (client_id) DO NOTHING RETURNING id",
        )
        .bind(&reply.client_id)
        .bind(reply.conversation_id)
        .bind(reply.task_id)
        .bind(&reply.agent_org)
        .bind(&reply.agent_email)
        .bind(&reply.agent_name)
        .bind(&reply.text)
        .bind(reply.created_at_ms)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(id) = id {
            let events = thread::log_changes(&mut tx, &[PROVISIONAL_ID_BASE + id]).await?;
            tx.commit().await?;
            let item = events[0].item.clone();
            self.publish(events);
            return Ok(ReplyInsert::Created(item));
        }
        tx.commit().await?;
        let existing = self
            .existing_reply(&reply.client_id)
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        Ok(ReplyInsert::Existing(existing))
    }

    /// The reply already stored under a client id, if any.
    pub async fn existing_reply(
        &self,
        client_id: &str,
    ) -> Result<Option<ExistingReply>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ITEM_ID} AS item_id, conversation_id, text FROM replies WHERE client_id = ?"
        )))
        .bind(PROVISIONAL_ID_BASE)
        .bind(client_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let (_, item) = thread::item(&mut tx, row.get("item_id"))
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        Ok(Some(ExistingReply {
            item,
            conversation_id: row.get("conversation_id"),
            text: row.get("text"),
        }))
    }

    /// Records the Alcméon account the reply's current attempt is sent as: only that account's
    /// `answer` is matched to it.
    pub async fn set_reply_advisor(
        &self,
        client_id: &str,
        advisor_id: i64,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE replies SET advisor_id = ? WHERE client_id = ?")
            .bind(advisor_id)
            .bind(client_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records that Alcméon accepted the reply's current attempt (`started`): it is no longer
    /// sent again at start-up.
    pub async fn mark_submitted(&self, client_id: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE replies SET submitted = 1 WHERE client_id = ?")
            .bind(client_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Replies stored as sending that Alcméon never accepted, oldest first.
    pub async fn unsubmitted_replies(&self) -> Result<Vec<UnsubmittedReply>, StoreError> {
        let rows = sqlx::query(
            "SELECT client_id, task_id, text, agent_org, agent_email, agent_name FROM replies
             WHERE state = 'sending' AND submitted = 0 AND answer_action_id IS NULL ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|row| UnsubmittedReply {
                client_id: row.get("client_id"),
                task_id: row.get("task_id"),
                text: row.get("text"),
                agent_org: row.get("agent_org"),
                agent_email: row.get("agent_email"),
                agent_name: row.get("agent_name"),
            })
            .collect())
    }

    /// Marks a reply failed when sending it did not start (Alcméon refused it or was unreachable).
    /// `detail` is Alcméon's own word for it, kept only with [`FailureCode::AlcmeonRefused`].
    pub async fn fail_reply(
        &self,
        client_id: &str,
        code: FailureCode,
        detail: Option<&str>,
    ) -> Result<(), StoreError> {
        let detail = detail.filter(|_| code == FailureCode::AlcmeonRefused);
        let mut tx = self.pool.begin().await?;
        let item_id: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "UPDATE replies SET state = 'failed', failure_reason = ?, failure_detail = ?
             WHERE client_id = ? AND state = 'sending' AND answer_action_id IS NULL
             RETURNING {ITEM_ID}"
        )))
        .bind(serde_name(code))
        .bind(detail)
        .bind(client_id)
        .bind(PROVISIONAL_ID_BASE)
        .fetch_optional(&mut *tx)
        .await?;
        let events = thread::log_changes(&mut tx, item_id.as_slice()).await?;
        tx.commit().await?;
        self.publish(events);
        Ok(())
    }

    /// Moves a failed reply back to sending, atomically, so that only one retry sends it again;
    /// it then answers the conversation's newest task.
    pub async fn retry_reply(
        &self,
        conversation_id: i64,
        client_id: &str,
    ) -> Result<RetryOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let resent = sqlx::query(
            "UPDATE replies SET state = 'sending', failure_reason = NULL, failure_detail = NULL,
                 answer_action_id = NULL, submitted = 0,
                 task_id = COALESCE((SELECT MAX(id) FROM tasks WHERE tasks.conversation_id = replies.conversation_id), task_id)
             WHERE client_id = ? AND conversation_id = ? AND state = 'failed'
             RETURNING id, task_id, text",
        )
        .bind(client_id)
        .bind(conversation_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = resent {
            let events =
                thread::log_changes(&mut tx, &[PROVISIONAL_ID_BASE + row.get::<i64, _>("id")])
                    .await?;
            tx.commit().await?;
            let item = events[0].item.clone();
            self.publish(events);
            return Ok(RetryOutcome::Resend {
                item,
                task_id: row.get("task_id"),
                text: row.get("text"),
            });
        }
        let item_id: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT {ITEM_ID} FROM replies WHERE client_id = ? AND conversation_id = ?"
        )))
        .bind(PROVISIONAL_ID_BASE)
        .bind(client_id)
        .bind(conversation_id)
        .fetch_optional(&mut *tx)
        .await?;
        Ok(match item_id {
            Some(id) => thread::item(&mut tx, id)
                .await?
                .map_or(RetryOutcome::NotFound, |(_, item)| {
                    RetryOutcome::Unchanged(item)
                }),
            None => RetryOutcome::NotFound,
        })
    }

    /// Links a just-recorded `answer` to the oldest reply still waiting for it: same task, same
    /// text, sent as the answer's advisor. A reply whose send seemed to fail (a timeout can hide
    /// a request Alcméon did take) is matched too, after the ones sending, and goes back to
    /// sending: the answer proves Alcméon has it. If the answer's `execute-answer` was stored
    /// first (backfill can bring actions in any order), applies it at once.
    pub(super) async fn link_answer(
        &self,
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
        let reply_id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM replies WHERE task_id = ? AND text = ? AND advisor_id = ?
             AND state IN ('sending', 'failed') AND answer_action_id IS NULL
             ORDER BY state = 'sending' DESC, id LIMIT 1",
        )
        .bind(task_id)
        .bind(&item.text)
        .bind(advisor_id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(reply_id) = reply_id else {
            return Ok(());
        };
        sqlx::query("UPDATE replies SET answer_action_id = ?, state = 'sending', failure_reason = NULL, failure_detail = NULL, submitted = 1 WHERE id = ?")
            .bind(action.id)
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

/// Marks the reply whose current attempt is `answer_id` sent (`ok`) or failed (anything else).
async fn set_outcome(tx: &mut Tx<'_>, answer_id: i64, status: &str) -> Result<bool, StoreError> {
    let (state, code) = if status == "ok" {
        ("sent", None)
    } else {
        ("failed", Some(serde_name(FailureCode::ChannelRefused)))
    };
    let updated = sqlx::query(
        "UPDATE replies SET state = ?, failure_reason = ?, failure_detail = NULL
         WHERE answer_action_id = ? AND state = 'sending'",
    )
    .bind(state)
    .bind(code)
    .bind(answer_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(updated == 1)
}

#[cfg(test)]
mod tests {
    use protocol::{Delivery, ThreadItem, Viewer};
    use serde_json::{Value, json};

    use super::*;

    const ADVISOR: i64 = 7;

    async fn store() -> (Store, tempfile::TempDir) {
        let dir = tempfile::TempDir::new().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = Store::open(&url).await.unwrap();
        store.record_action(&task_create(1, 10)).await.unwrap();
        (store, dir)
    }

    fn task_create(id: i64, task: i64) -> Value {
        json!({"id": id, "type": "task-create", "date": "2026-11-20", "time": "10:00:00",
               "account": {"type": "whatsapp"},
               "task": {"id": task, "conversation_id": 100,
                        "message": {"content": "hi", "author": {"name": "Léa"}}}})
    }

    fn answer(id: i64, advisor: i64, text: &str) -> Value {
        json!({"id": id, "type": "answer", "date": "2026-11-20", "time": "10:01:00",
               "user": {"id": advisor, "name": "Agent"}, "task": {"id": 10, "conversation_id": 100},
               "data": {"answers": [{"content": text}]}})
    }

    fn executed(id: i64, answer: i64, status: &str) -> Value {
        json!({"id": id, "type": "execute-answer", "date": "2026-11-20", "time": "10:01:01",
               "task": {"id": 10, "conversation_id": 100},
               "data": {"answer_action_id": answer, "answer_status": status}})
    }

    async fn reply(store: &Store, client_id: &str, text: &str) -> ThreadItem {
        let row = NewReplyRow {
            client_id: client_id.into(),
            conversation_id: 100,
            task_id: store.latest_task(100).await.unwrap().unwrap(),
            agent_org: "00D1".into(),
            agent_email: "a@example.com".into(),
            agent_name: "Ann".into(),
            text: text.into(),
            created_at_ms: 0,
        };
        let item = match store.create_reply(&row).await.unwrap() {
            ReplyInsert::Created(item) => item,
            ReplyInsert::Existing(existing) => existing.item,
        };
        store.set_reply_advisor(client_id, ADVISOR).await.unwrap();
        item
    }

    async fn items(store: &Store) -> Vec<ThreadItem> {
        let viewer = Viewer {
            email: AgentEmail::parse("a@example.com").unwrap(),
            may_reply: true,
        };
        store
            .thread(100, None, 50, viewer)
            .await
            .unwrap()
            .unwrap()
            .items
    }

    #[tokio::test]
    async fn an_unrecorded_reply_has_a_provisional_id_after_every_action() {
        let (store, _dir) = store().await;
        let item = reply(&store, "c", "hello").await;
        assert_eq!(item.id, PROVISIONAL_ID_BASE + 1);
        assert_eq!(item.delivery, Some(Delivery::Sending));
        assert_eq!(
            items(&store).await.last().unwrap().client_id.as_deref(),
            Some("c")
        );
    }

    #[tokio::test]
    async fn the_answer_becomes_the_replys_item_and_its_execution_marks_it_sent() {
        let (store, _dir) = store().await;
        reply(&store, "c", "hello").await;
        store
            .record_action(&answer(2, ADVISOR, "hello"))
            .await
            .unwrap();
        let thread = items(&store).await;
        assert_eq!(thread.len(), 2, "the reply and its answer are one item");
        assert_eq!((thread[1].id, thread[1].author.as_str()), (2, "Ann"));
        assert_eq!(thread[1].delivery, Some(Delivery::Sending));
        store.record_action(&executed(3, 2, "ok")).await.unwrap();
        assert_eq!(items(&store).await[1].delivery, Some(Delivery::Sent));
    }

    #[tokio::test]
    async fn an_execution_read_before_its_answer_is_applied_when_the_answer_arrives() {
        let (store, _dir) = store().await;
        reply(&store, "c", "hello").await;
        store.record_action(&executed(3, 2, "fail")).await.unwrap();
        store
            .record_action(&answer(2, ADVISOR, "hello"))
            .await
            .unwrap();
        assert_eq!(
            items(&store).await[1].delivery,
            Some(Delivery::Failed {
                code: FailureCode::ChannelRefused,
                detail: None
            })
        );
    }

    #[tokio::test]
    async fn answers_of_other_advisors_or_other_texts_are_not_taken_for_a_reply() {
        let (store, _dir) = store().await;
        reply(&store, "c", "hello").await;
        store.record_action(&answer(2, 99, "hello")).await.unwrap();
        store
            .record_action(&answer(3, ADVISOR, "hello!"))
            .await
            .unwrap();
        let thread = items(&store).await;
        assert_eq!(thread.len(), 4);
        assert!(thread[1].client_id.is_none() && thread[2].client_id.is_none());
        assert_eq!(thread[3].id, PROVISIONAL_ID_BASE + 1);
    }

    #[tokio::test]
    async fn a_reply_whose_send_seemed_to_fail_is_matched_when_alcmeon_records_it_after_all() {
        let (store, _dir) = store().await;
        reply(&store, "lost", "hello").await;
        store
            .fail_reply("lost", FailureCode::AlcmeonUnavailable, None)
            .await
            .unwrap();
        reply(&store, "live", "hello").await;
        store
            .record_action(&answer(2, ADVISOR, "hello"))
            .await
            .unwrap();
        store
            .record_action(&answer(3, ADVISOR, "hello"))
            .await
            .unwrap();
        store.record_action(&executed(4, 3, "ok")).await.unwrap();
        let thread = items(&store).await;
        assert_eq!(thread.len(), 3);
        assert_eq!(
            thread[1].client_id.as_deref(),
            Some("live"),
            "sending ones first"
        );
        assert_eq!(thread[2].client_id.as_deref(), Some("lost"));
        assert_eq!(thread[2].delivery, Some(Delivery::Sent));
    }

    #[tokio::test]
    async fn two_replies_with_one_text_are_matched_oldest_first() {
        let (store, _dir) = store().await;
        reply(&store, "first", "ok").await;
        reply(&store, "second", "ok").await;
        store
            .record_action(&answer(2, ADVISOR, "ok"))
            .await
            .unwrap();
        let thread = items(&store).await;
        assert_eq!(thread[1].client_id.as_deref(), Some("first"));
        assert_eq!(thread[2].client_id.as_deref(), Some("second"));
        assert_eq!(thread[2].id, PROVISIONAL_ID_BASE + 2);
    }

    #[tokio::test]
    async fn a_retried_reply_hides_its_failed_attempt_and_only_one_retry_resends() {
        let (store, _dir) = store().await;
        reply(&store, "c", "hello").await;
        store
            .record_action(&answer(2, ADVISOR, "hello"))
            .await
            .unwrap();
        store.record_action(&executed(3, 2, "fail")).await.unwrap();
        assert!(matches!(
            store.retry_reply(100, "c").await.unwrap(),
            RetryOutcome::Resend { task_id: 10, .. }
        ));
        assert!(matches!(
            store.retry_reply(100, "c").await.unwrap(),
            RetryOutcome::Unchanged(_)
        ));
        let thread = items(&store).await;
        assert_eq!(
            thread.len(),
            2,
            "the failed attempt is not shown beside the retry"
        );
        assert_eq!(thread[1].delivery, Some(Delivery::Sending));
        store
            .record_action(&answer(4, ADVISOR, "hello"))
            .await
            .unwrap();
        store.record_action(&executed(5, 4, "ok")).await.unwrap();
        let thread = items(&store).await;
        assert_eq!((thread.len(), thread[1].id), (2, 4));
        assert_eq!(thread[1].delivery, Some(Delivery::Sent));
    }

    async fn unsubmitted(store: &Store) -> Vec<String> {
        let replies = store.unsubmitted_replies().await.unwrap();
        replies.into_iter().map(|r| r.client_id).collect()
    }

    #[tokio::test]
    async fn only_replies_alcmeon_never_accepted_are_left_to_send_again() {
        let (store, _dir) = store().await;
        reply(&store, "accepted", "one").await;
        reply(&store, "recorded", "two").await;
        reply(&store, "never-sent", "three").await;
        store.mark_submitted("accepted").await.unwrap();
        store
            .record_action(&answer(2, ADVISOR, "two"))
            .await
            .unwrap();
        assert_eq!(unsubmitted(&store).await, ["never-sent"]);

        store.record_action(&executed(3, 2, "fail")).await.unwrap();
        store.retry_reply(100, "recorded").await.unwrap();
        assert_eq!(
            unsubmitted(&store).await,
            ["recorded", "never-sent"],
            "a retry is a new attempt"
        );
    }

    #[tokio::test]
    async fn a_failure_keeps_alcmeons_word_only_when_no_code_says_it() {
        let (store, _dir) = store().await;
        reply(&store, "odd", "one").await;
        reply(&store, "known", "two").await;
        store
            .fail_reply("odd", FailureCode::AlcmeonRefused, Some("brand-new-error"))
            .await
            .unwrap();
        store
            .fail_reply("known", FailureCode::TaskNotFound, Some("task-not-found"))
            .await
            .unwrap();
        let thread = items(&store).await;
        assert_eq!(
            thread[1].delivery,
            Some(Delivery::Failed {
                code: FailureCode::AlcmeonRefused,
                detail: Some("brand-new-error".into())
            })
        );
        assert_eq!(
            thread[2].delivery,
            Some(Delivery::Failed {
                code: FailureCode::TaskNotFound,
                detail: None
            })
        );
    }

    #[tokio::test]
    async fn every_thread_change_is_logged_in_order_for_replay() {
        let (store, _dir) = store().await;
        reply(&store, "c", "hello").await;
        store
            .record_action(&answer(2, ADVISOR, "hello"))
            .await
            .unwrap();
        store.record_action(&executed(3, 2, "ok")).await.unwrap();
        let events = store.events_after(100, 0, 100).await.unwrap();
        let deliveries: Vec<_> = events.iter().map(|e| e.item.delivery.clone()).collect();
        assert_eq!(
            deliveries,
            [
                None,
                Some(Delivery::Sending),
                Some(Delivery::Sending),
                Some(Delivery::Sent)
            ]
        );
        assert!(events.windows(2).all(|w| w[0].seq < w[1].seq));
        assert_eq!(
            store
                .events_after(100, events[1].seq, 100)
                .await
                .unwrap()
                .len(),
            2
        );
    }
}
