//! Where the replica began reading Alcméon's actions, and which conversations it holds whole.
//!
//! Invariant: a conversation is *whole* in the replica (its thread may be shown) when the replica
//! read every action from the beginning (`started_after = 0`), or when the conversation was
//! fetched on demand (`GET /actions/conversations/{id}`, every action at once). A replica that
//! started later also receives newer actions of other conversations (webhooks, backfill); those
//! conversations stay partial until fetched, so a thread is never shown with its beginning missing.
//! The start is decided once: an existing replica keeps its cursor.

use super::{Store, StoreError, now_ms};

/// Whether the replica holds the conversation `c` (a row of `conversations`) whole, as `1` or `0`
/// (see the module's invariant).
pub(super) const IS_WHOLE: &str =
    "CASE WHEN EXISTS (SELECT 1 FROM sync_state WHERE id = 1 AND started_after = 0)
        OR EXISTS (SELECT 1 FROM fetched_conversations f WHERE f.id = c.id) THEN 1 ELSE 0 END";

impl Store {
    /// The action id the replica started reading after: 0 from the beginning, `None` while the
    /// start is not decided yet.
    pub async fn replica_started_after(&self) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT started_after FROM sync_state WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Decides where a new replica starts: it reads actions after `action_id` from now on. Does
    /// nothing once a start is decided; returns the start in force.
    pub async fn start_replica_after(&self, action_id: i64) -> Result<i64, StoreError> {
        sqlx::query(
            "UPDATE sync_state SET started_after = $1,
                    actions_read_through = CASE WHEN actions_read_through > $1
                        THEN actions_read_through ELSE $1 END
             WHERE id = 1 AND started_after IS NULL",
        )
        .bind(action_id)
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        Ok(self.replica_started_after().await?.unwrap_or(action_id))
    }

    /// Notes that every action of the conversation has been recorded at once.
    pub async fn mark_conversation_fetched(&self, conversation_id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO fetched_conversations (id, fetched_at_ms) VALUES ($1, $2)
             ON CONFLICT (id) DO UPDATE SET fetched_at_ms = excluded.fetched_at_ms",
        )
        .bind(conversation_id)
        .bind(now_ms())
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use protocol::{AgentEmail, Viewer};
    use serde_json::json;

    use super::*;
    use crate::store::Dialect;
    use crate::store::test_databases::{TestDatabase, fresh_store, on_both_databases};

    fn message(id: i64) -> serde_json::Value {
        json!({"id": id, "type": "task-create", "date": "2026-11-20", "time": "10:00:00",
               "account": {"type": "whatsapp"},
               "task": {"id": id, "conversation_id": 7,
                        "message": {"content": format!("m{id}"), "author": {"name": "Ana"}}}})
    }

    async fn store(dialect: Dialect) -> (Store, TestDatabase) {
        fresh_store(dialect).await
    }

    async fn shown(store: &Store) -> Option<usize> {
        let viewer = Viewer {
            email: AgentEmail::parse("ann@example.com").unwrap(),
            may_reply: true,
        };
        let page = store.thread(7, None, 50, viewer).await.unwrap();
        page.map(|page| page.items.len())
    }

    on_both_databases! {
    async fn a_replica_started_late_shows_a_conversation_only_once_fetched_whole(dialect) {
        let (store, _database) = store(dialect).await;
        assert_eq!(store.start_replica_after(500).await.unwrap(), 500);
        assert_eq!(store.actions_read_through().await.unwrap(), 500);
        store.record_action(&message(501)).await.unwrap();
        assert_eq!(shown(&store).await, None, "only its newest message is read");
        store.record_action(&message(3)).await.unwrap();
        store.mark_conversation_fetched(7).await.unwrap();
        assert_eq!(shown(&store).await, Some(2));
    }
    }

    on_both_databases! {
    async fn the_start_is_decided_once_and_a_replica_from_the_beginning_is_whole(dialect) {
        let (store, _database) = store(dialect).await;
        store.record_action(&message(1)).await.unwrap();
        assert_eq!(store.replica_started_after().await.unwrap(), None);
        assert_eq!(shown(&store).await, None, "undecided: nothing is whole yet");
        assert_eq!(store.start_replica_after(0).await.unwrap(), 0);
        assert_eq!(store.start_replica_after(900).await.unwrap(), 0);
        assert_eq!(shown(&store).await, Some(1));
    }
    }
}
