//! Webhook actions committed in groups. Alcméon waits at most a second for each webhook's 200,
//! and a 200 may go back only once the action is stored; under a burst, one commit per webhook
//! makes each wait for every commit queued before it. So a webhook queues its action, then takes
//! the group's turn: whoever gets the turn writes every action queued so far in one transaction
//! (a savepoint each, so a bad one fails alone), and the others find theirs written when their
//! turn comes.
//!
//! Invariants: an action is acknowledged only after the commit that holds it; a group's actions
//! are written in action id order (the order Alcméon made them, whatever order their webhooks
//! came in); a group's write runs to its end even when the webhook that started it goes away (its
//! task is spawned).

use std::sync::Mutex;

use sqlx::Connection;
use tokio::sync::oneshot;

use super::{Store, StoreError, ThreadEvent, record};
use crate::alcmeon::Action;

/// The most actions one transaction holds.
const GROUP_SIZE: usize = 256;

#[derive(Default)]
pub(super) struct WebhookGroups {
    queued: Mutex<Vec<Queued>>,
    turn: tokio::sync::Mutex<()>,
}

/// A queued action once written: the notification id before it, and the thread changes to
/// publish once the transaction commits.
type Written = (i64, Vec<ThreadEvent>);

struct Queued {
    action: Action,
    raw: serde_json::Value,
    notification_id: i64,
    /// The highest notification id before this one, once committed.
    done: oneshot::Sender<Result<i64, StoreError>>,
}

impl Store {
    /// A webhook's action, stored with its notification id (grouped with the webhooks arriving
    /// meanwhile); returns the highest notification id recorded before it.
    pub async fn record_notified_action(
        &self,
        raw: &serde_json::Value,
        notification_id: i64,
    ) -> Result<i64, StoreError> {
        let action: Action = serde_json::from_value(raw.clone())?;
        let (done, stored) = oneshot::channel();
        self.webhook_groups
            .queued
            .lock()
            .expect("no panic while queueing")
            .push(Queued {
                action,
                raw: raw.clone(),
                notification_id,
                done,
            });
        {
            let _turn = self.webhook_groups.turn.lock().await;
            let group = self.take_group();
            if !group.is_empty() {
                let store = self.clone();
                let written = tokio::spawn(async move { store.write_group(group).await });
                let _ = written.await;
            }
        }
        stored.await.unwrap_or_else(|_| {
            Err(StoreError::Database(sqlx::Error::Protocol(
                "the webhook's group was not written".into(),
            )))
        })
    }

    fn take_group(&self) -> Vec<Queued> {
        let mut queued = self
            .webhook_groups
            .queued
            .lock()
            .expect("no panic while queueing");
        let size = queued.len().min(GROUP_SIZE);
        let mut group: Vec<Queued> = queued.drain(..size).collect();
        // Concurrent webhooks arrive a little out of order; an action stored after a newer one
        // of its conversation makes the whole thread be followed again (`conversation_state.rs`).
        group.sort_by_key(|queued| queued.action.id);
        group
    }

    /// Writes a group in one transaction and tells each webhook its outcome: the highest
    /// notification id stored before its own (the group's earlier ones included).
    async fn write_group(&self, group: Vec<Queued>) {
        let mut tx = match self.writer.begin().await {
            Ok(tx) => tx,
            Err(error) => return fail_all(group, &error),
        };
        let mut highest = match record::highest_notification(&mut tx).await {
            Ok(highest) => highest,
            Err(error) => return fail_all(group, &sqlx_error(error)),
        };
        let mut outcomes: Vec<(Queued, Result<Written, StoreError>)> = vec![];
        for queued in group {
            let outcome = async {
                let mut savepoint = tx.begin().await?;
                let (_, events) = self
                    .record_in(&mut savepoint, &queued.action, &queued.raw)
                    .await?;
                savepoint.commit().await?;
                Ok(events)
            }
            .await;
            let outcome = outcome.map(|events| {
                let previous = highest;
                highest = highest.max(queued.notification_id);
                (previous, events)
            });
            outcomes.push((queued, outcome));
        }
        let committed = match record::note_notifications_through(&mut tx, highest).await {
            Ok(()) => tx.commit().await,
            Err(error) => Err(sqlx_error(error)),
        };
        if let Err(error) = committed {
            let group = outcomes.into_iter().map(|(queued, _)| queued).collect();
            return fail_all(group, &error);
        }
        for (queued, outcome) in outcomes {
            let told = outcome.map(|(previous, events)| {
                self.publish(events);
                previous
            });
            let _ = queued.done.send(told);
        }
    }
}

/// A store error as the database error the group's webhooks are all told.
fn sqlx_error(error: StoreError) -> sqlx::Error {
    match error {
        StoreError::Database(error) => error,
        other => sqlx::Error::Protocol(other.to_string()),
    }
}

fn fail_all(group: Vec<Queued>, error: &sqlx::Error) {
    tracing::warn!(%error, webhooks = group.len(), "a group of webhook actions was not stored");
    for queued in group {
        let _ = queued
            .done
            .send(Err(StoreError::Database(sqlx::Error::Protocol(format!(
                "the webhook's group was not stored: {error}"
            )))));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::store::test_databases::{fresh_store, on_both_databases};

    fn customer_message(id: i64) -> Value {
        json!({"id": id, "type": "task-create", "date": "2026-11-20", "time": "10:00:00",
               "account": {"type": "whatsapp"},
               "task": {"id": 10, "conversation_id": 100,
                        "message": {"content": format!("message {id}"), "author": {"name": "Léa"}}}})
    }

    on_both_databases! {
        /// A burst of webhooks at once, written in groups: every action is stored and logged
        /// once, and the next webhook is told the burst's highest notification id.
        async fn a_burst_of_webhooks_is_stored_whole(dialect) {
            let (store, _database) = fresh_store(dialect).await;
            store.start_replica_after(0).await.unwrap();
            let burst: Vec<_> = (1..=200)
                .map(|id| {
                    let store = store.clone();
                    tokio::spawn(async move {
                        store.record_notified_action(&customer_message(id), id).await
                    })
                })
                .collect();
            for webhook in burst {
                webhook.await.unwrap().unwrap();
            }
            assert_eq!(store.action_count().await.unwrap(), 200);
            assert_eq!(store.events_after(100, 0, 500).await.unwrap().len(), 200);
            let previous = store
                .record_notified_action(&customer_message(201), 201)
                .await
                .unwrap();
            assert_eq!(previous, 200);
        }
    }
}
