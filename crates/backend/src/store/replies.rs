//! Replies sent from the widget, the widget's side: stored before Alcméon is called, idempotent on
//! the widget's client id, then moved along their [`ReplyState`] by the outbox (accepted, refused)
//! and by the agent (retried). Alcméon's side (its `answer` and `execute-answer` actions) is in
//! `reply_delivery.rs`.
//!
//! Invariant: the store knows a reply by its row id ([`ReplyId`]); the client id is the widget's
//! key, checked at the edge. A reply stored by an older version with a client id or email that is
//! no longer valid is still read, shown and sent: only that value is left out (and logged).

use protocol::{AgentEmail, ClientId, FailureCode, ThreadItem, item_id};
use sqlx::AssertSqlSafe;

use super::reply_state::{ReplyEvent, ReplyState};
use protocol::item_id::PROVISIONAL_BASE;

use super::database::PooledConnection;
use super::thread;
use super::{Lock, Store, StoreError, serde_name};

/// [`Store::earlier_replies_sending`]: binds the reply and [`ReplyState::Sending`]. Reads the
/// conversation's replies sending only (`replies_sending_in_queue_order`), however many it sent.
pub(super) const EARLIER_REPLIES_SENDING: &str =
    "SELECT e.id, CASE WHEN e.owner = r.owner THEN 1 ELSE 0 END AS sent_here
     FROM replies r JOIN replies e ON e.conversation_id = r.conversation_id
     WHERE r.id = $1 AND e.state = $2 AND e.queued_seq < r.queued_seq
     ORDER BY e.queued_seq";

/// A stored reply's row id: the outbox's handle on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(transparent)]
pub struct ReplyId(pub i64);

/// A reply queued before another in its conversation and still being sent.
#[derive(Debug, sqlx::FromRow)]
pub struct EarlierReply {
    pub id: ReplyId,
    /// 1 when this instance sends it.
    pub sent_here: i64,
}

/// A reply about to be stored.
#[derive(Debug, Clone)]
pub struct NewReplyRow {
    pub client_id: ClientId,
    pub conversation_id: i64,
    pub task_id: i64,
    /// The agent's Salesforce org.
    pub agent_org: String,
    pub agent_email: AgentEmail,
    pub agent_name: String,
    pub text: String,
    pub created_at_ms: i64,
}

/// What storing a reply found.
#[derive(Debug)]
pub enum ReplyInsert {
    /// The reply is new: send it.
    Created { reply_id: ReplyId, item: ThreadItem },
    /// A reply with this client id exists already: never send again.
    Existing(ExistingReply),
}

#[derive(Debug)]
pub struct ExistingReply {
    pub item: ThreadItem,
    pub conversation_id: i64,
    pub text: String,
    /// Who wrote it: `None` for a reply stored before orgs were recorded.
    pub author: Option<Author>,
}

/// A reply's author: the agent's org and email, as their session named them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub org: String,
    pub email: AgentEmail,
}

/// A reply stored as sending that Alcméon was not known to have accepted when the process stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsubmittedReply {
    pub reply_id: ReplyId,
    pub conversation_id: i64,
    pub task_id: i64,
    /// The account its last attempt was sent as: `None` means no attempt ever reached Alcméon's
    /// send (the advisor is recorded just before it).
    pub advisor_id: Option<i64>,
    pub text: String,
    /// `None` for a reply stored before orgs were recorded.
    pub agent_org: Option<String>,
    /// `None` when the stored text is not a valid email (stored by an older version).
    pub agent_email: Option<AgentEmail>,
    pub agent_name: String,
}

/// What asking to retry a reply found.
#[derive(Debug)]
pub enum RetryOutcome {
    /// The reply had failed and is now sending again: send `text` to `task_id`.
    Resend {
        reply_id: ReplyId,
        item: ThreadItem,
        task_id: i64,
        text: String,
    },
    /// The reply had not failed (sending or sent): nothing to do.
    Unchanged(ThreadItem),
    /// The reply is another agent's (or its author is unknown): nothing was changed.
    NotAuthor,
    NotFound,
}

/// The id of a reply's item in the merged thread.
fn item_id_sql() -> String {
    format!("COALESCE(answer_action_id, {PROVISIONAL_BASE} + id)")
}

#[derive(sqlx::FromRow)]
struct ExistingRow {
    item_id: i64,
    conversation_id: i64,
    text: String,
    agent_org: Option<String>,
    agent_email: String,
}

impl ExistingRow {
    fn author(&self) -> Option<Author> {
        Some(Author {
            org: self.agent_org.clone()?,
            email: AgentEmail::parse(&self.agent_email).ok()?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct UnsubmittedRow {
    id: ReplyId,
    conversation_id: i64,
    task_id: i64,
    advisor_id: Option<i64>,
    text: String,
    agent_org: Option<String>,
    agent_email: String,
    agent_name: String,
}

impl UnsubmittedRow {
    fn into_reply(self) -> UnsubmittedReply {
        let agent_email = AgentEmail::parse(&self.agent_email)
            .inspect_err(|_| {
                tracing::warn!(reply = self.id.0, email = %self.agent_email,
                    "a stored reply's agent email is not valid; it is sent without it")
            })
            .ok();
        UnsubmittedReply {
            reply_id: self.id,
            conversation_id: self.conversation_id,
            task_id: self.task_id,
            advisor_id: self.advisor_id,
            text: self.text,
            agent_org: self.agent_org,
            agent_email,
            agent_name: self.agent_name,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ResentRow {
    id: ReplyId,
    task_id: i64,
    text: String,
}

impl Store {
    /// Stores a reply as sending, unless its client id is taken (the UNIQUE constraint decides,
    /// so two concurrent posts of one client id store, and send, once).
    pub async fn create_reply(&self, reply: &NewReplyRow) -> Result<ReplyInsert, StoreError> {
        let mut writer = self.writer.acquire().await?;
        // The conversation's queue number is taken and committed in its queue's turn.
        let mut tx = self
            .dialect
            .begin_reply_queue_write(&mut writer, reply.conversation_id)
            .await?;
        let id: Option<ReplyId> = sqlx::query_scalar(
            "INSERT INTO replies (client_id, conversation_id, task_id, agent_org, agent_email, agent_name, text, state, created_at_ms, owner, queued_seq)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                     (SELECT COALESCE(MAX(queued_seq), 0) + 1 FROM replies WHERE conversation_id = $2))
             ON CONFLICT (client_id) DO NOTHING RETURNING id",
        )
        .bind(reply.client_id.as_str())
        .bind(reply.conversation_id)
        .bind(reply.task_id)
        .bind(&reply.agent_org)
        .bind(reply.agent_email.as_str())
        .bind(&reply.agent_name)
        .bind(&reply.text)
        .bind(ReplyState::INITIAL)
        .bind(reply.created_at_ms)
        .bind(self.instance_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(reply_id) = id {
            let events = thread::log_own_change(&mut tx, item_id::provisional(reply_id.0)).await?;
            tx.commit().await?;
            let item = events[0].item.clone();
            self.publish(events);
            return Ok(ReplyInsert::Created { reply_id, item });
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
        client_id: &ClientId,
    ) -> Result<Option<ExistingReply>, StoreError> {
        // Most posts are new: one read says so before a snapshot is taken for a reply found.
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM replies WHERE client_id = $1")
            .bind(client_id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        if taken.is_none() {
            return Ok(None);
        }
        // One snapshot: the item id read with the row is still the item's when it is read.
        let mut connection = PooledConnection::acquire(&self.pool).await?;
        let mut tx = connection.begin_with(None).await?;
        let row: Option<ExistingRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {item_id} AS item_id, conversation_id, text, agent_org, agent_email
             FROM replies WHERE client_id = $1",
            item_id = item_id_sql()
        )))
        .bind(client_id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let (_, item) = thread::item(&mut tx, row.item_id)
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        Ok(Some(ExistingReply {
            item,
            author: row.author(),
            conversation_id: row.conversation_id,
            text: row.text,
        }))
    }

    /// Records the Alcméon account the reply's current attempt is sent as (only that account's
    /// `answer` is matched to it), if the reply is still sending. False when it is not: accepted,
    /// refused or matched to its `answer` since it was queued, so there is nothing to send.
    /// Advisors recorded about the same time are written in one statement on SQLite (`coalesce.rs`).
    pub async fn set_reply_advisor(
        &self,
        reply_id: ReplyId,
        advisor_id: i64,
    ) -> Result<bool, StoreError> {
        if self.writes_at_once() {
            let set = self.set_reply_advisors(&[(reply_id, advisor_id)]).await?;
            return Ok(set.contains(&reply_id.0));
        }
        let store = self.clone();
        self.advisors
            .write_each((reply_id, advisor_id), |advisors| async move {
                match store.set_reply_advisors(&advisors).await {
                    Ok(set) => advisors
                        .iter()
                        .map(|(reply_id, _)| Ok(set.contains(&reply_id.0)))
                        .collect(),
                    Err(error) => super::coalesce::each_failed(advisors.len(), &error),
                }
            })
            .await
    }

    /// Sets the advisors of the replies still sending; returns their ids.
    async fn set_reply_advisors(
        &self,
        advisors: &[(ReplyId, i64)],
    ) -> Result<Vec<i64>, StoreError> {
        let cases: Vec<String> = (0..advisors.len())
            .map(|n| format!("WHEN ${} THEN ${}", 2 * n + 2, 2 * n + 3))
            .collect();
        let ids: Vec<String> = (0..advisors.len())
            .map(|n| format!("${}", 2 * n + 2))
            .collect();
        let mut update = sqlx::query_scalar(AssertSqlSafe(format!(
            "UPDATE replies SET advisor_id = CASE id {} END WHERE id IN ({}) AND state = $1
             RETURNING id",
            cases.join(" "),
            ids.join(", ")
        )))
        .bind(ReplyState::Sending);
        for (reply_id, advisor_id) in advisors {
            update = update.bind(*reply_id).bind(*advisor_id);
        }
        Ok(update.fetch_all(&mut *self.writer.acquire().await?).await?)
    }

    /// [`ReplyEvent::Accepted`]: Alcméon answered `started`, so the reply is no longer sent again
    /// at start-up. Nothing changes when its `answer` was read first.
    /// Replies accepted about the same time are marked in one statement on SQLite (`coalesce.rs`).
    pub async fn mark_submitted(&self, reply_id: ReplyId) -> Result<(), StoreError> {
        if self.writes_at_once() {
            return self.mark_all_submitted(&[reply_id]).await;
        }
        let store = self.clone();
        self.submitted
            .write(reply_id, |reply_ids| async move {
                store.mark_all_submitted(&reply_ids).await
            })
            .await
    }

    async fn mark_all_submitted(&self, reply_ids: &[ReplyId]) -> Result<(), StoreError> {
        let event = ReplyEvent::Accepted;
        let binds: Vec<String> = (2..reply_ids.len() + 2).map(|n| format!("${n}")).collect();
        let mut update = sqlx::query(AssertSqlSafe(format!(
            "UPDATE replies SET state = $1 WHERE id IN ({}) AND {}",
            binds.join(", "),
            event.guard()
        )))
        .bind(event.target());
        for reply_id in reply_ids {
            update = update.bind(*reply_id);
        }
        update.execute(&mut *self.writer.acquire().await?).await?;
        Ok(())
    }

    /// The replies queued before this one in its conversation that are still being sent (stored
    /// as sending, not yet accepted by Alcméon), the earliest first, each with whether this
    /// instance sends it: this one must wait for them.
    pub async fn earlier_replies_sending(
        &self,
        reply_id: ReplyId,
    ) -> Result<Vec<EarlierReply>, StoreError> {
        Ok(sqlx::query_as(EARLIER_REPLIES_SENDING)
            .bind(reply_id)
            .bind(ReplyState::Sending)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Replies stored as sending that Alcméon was not known to have accepted, each conversation's
    /// in the order they were queued.
    pub async fn unsubmitted_replies(&self) -> Result<Vec<UnsubmittedReply>, StoreError> {
        let rows: Vec<UnsubmittedRow> = sqlx::query_as(
            "SELECT id, conversation_id, task_id, advisor_id, text, agent_org, agent_email, agent_name
             FROM replies WHERE state = $1 ORDER BY queued_seq, id",
        )
        .bind(ReplyState::Sending)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(UnsubmittedRow::into_reply).collect())
    }

    /// Makes this instance the sender of every reply stored as sending whose instance is gone
    /// (it stopped, or the reply predates instances being recorded); returns their ids. A reply
    /// of a running instance is left to it (`locks.rs`).
    pub async fn claim_replies_left_behind(&self) -> Result<Vec<ReplyId>, StoreError> {
        let owners: Vec<Option<i64>> = sqlx::query_scalar(
            "SELECT DISTINCT owner FROM replies WHERE state = $1 AND (owner IS NULL OR owner <> $2)",
        )
        .bind(ReplyState::Sending)
        .bind(self.instance_id)
        .fetch_all(&self.pool)
        .await?;
        let mut claimed = vec![];
        for owner in owners {
            let _gone = match owner {
                Some(instance) => match self.try_lock(&Lock::Instance(instance)).await? {
                    Some(held) => Some(held),
                    None => continue,
                },
                None => None,
            };
            let ids: Vec<ReplyId> = sqlx::query_scalar(
                "UPDATE replies SET owner = $1
                 WHERE state = $2 AND (owner = $3 OR ($3 IS NULL AND owner IS NULL)) RETURNING id",
            )
            .bind(self.instance_id)
            .bind(ReplyState::Sending)
            .bind(owner)
            .fetch_all(&mut *self.writer.acquire().await?)
            .await?;
            claimed.extend(ids);
        }
        Ok(claimed)
    }

    /// [`ReplyEvent::Refused`]: sending did not start (Alcméon refused the reply or was
    /// unreachable). `detail` is Alcméon's own word for it, kept only with
    /// [`FailureCode::AlcmeonRefused`]. Nothing changes when its `answer` was read meanwhile.
    pub async fn fail_reply(
        &self,
        reply_id: ReplyId,
        code: FailureCode,
        detail: Option<&str>,
    ) -> Result<(), StoreError> {
        let event = ReplyEvent::Refused;
        let detail = detail.filter(|_| code == FailureCode::AlcmeonRefused);
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        let item_id: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "UPDATE replies SET state = $1, failure_reason = $2, failure_detail = $3
             WHERE id = $4 AND {} RETURNING {item_id}",
            event.guard(),
            item_id = item_id_sql()
        )))
        .bind(event.target())
        .bind(serde_name(code))
        .bind(detail)
        .bind(reply_id)
        .fetch_optional(&mut *tx)
        .await?;
        let events = thread::log_changes(&mut tx, item_id.as_slice()).await?;
        tx.commit().await?;
        self.publish(events);
        Ok(())
    }

    /// [`ReplyEvent::Retried`]: moves a failed reply back to sending, atomically, so that only one
    /// retry sends it again; it then answers the conversation's newest task.
    pub async fn retry_reply(
        &self,
        conversation_id: i64,
        client_id: &ClientId,
        author: &Author,
    ) -> Result<RetryOutcome, StoreError> {
        let event = ReplyEvent::Retried;
        let mut writer = self.writer.acquire().await?;
        let mut tx = self
            .dialect
            .begin_reply_queue_write(&mut writer, conversation_id)
            .await?;
        self.dialect.take_thread_write_turn(&mut tx).await?;
        let resent: Option<ResentRow> = sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE replies SET state = $1, failure_reason = NULL, failure_detail = NULL,
                 answer_action_id = NULL, owner = $6,
                 queued_seq = (SELECT COALESCE(MAX(q.queued_seq), 0) + 1 FROM replies q
                               WHERE q.conversation_id = replies.conversation_id),
                 task_id = COALESCE((SELECT MAX(id) FROM tasks WHERE tasks.conversation_id = replies.conversation_id), task_id)
             WHERE client_id = $2 AND conversation_id = $3 AND agent_org = $4 AND agent_email = $5 AND {}
             RETURNING id, task_id, text",
            event.guard()
        )))
        .bind(event.target())
        .bind(client_id.as_str())
        .bind(conversation_id)
        .bind(&author.org)
        .bind(author.email.as_str())
        .bind(self.instance_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = resent {
            let events =
                thread::log_changes_in_turn(&mut tx, &[item_id::provisional(row.id.0)]).await?;
            tx.commit().await?;
            let item = events[0].item.clone();
            self.publish(events);
            return Ok(RetryOutcome::Resend {
                reply_id: row.id,
                item,
                task_id: row.task_id,
                text: row.text,
            });
        }
        let row: Option<ExistingRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {item_id} AS item_id, conversation_id, text, agent_org, agent_email
             FROM replies WHERE client_id = $1 AND conversation_id = $2",
            item_id = item_id_sql()
        )))
        .bind(client_id.as_str())
        .bind(conversation_id)
        .fetch_optional(&mut *tx)
        .await?;
        Ok(match row {
            Some(row) if row.author().as_ref() != Some(author) => RetryOutcome::NotAuthor,
            Some(row) => thread::item(&mut tx, row.item_id)
                .await?
                .map_or(RetryOutcome::NotFound, |(_, item)| {
                    RetryOutcome::Unchanged(item)
                }),
            None => RetryOutcome::NotFound,
        })
    }
}
