//! Webhook actions committed in groups. Alcméon waits at most a second for each webhook's 200,
//! and a 200 may go back only once the action is stored; under a burst, one commit per webhook
//! makes each wait for every commit queued before it. So a webhook queues its action, then takes
//! the group's turn: whoever gets the turn writes every action queued so far in one transaction
//! (again with a savepoint each if one fails, so a bad one fails alone), and logs the thread items
//! they changed in one statement at the end (an item changed twice in a group is logged once, as
//! it ends). The queue and the turn are `coalesce.rs`'s: the others are answered as soon as the
//! group holding theirs commits, without waiting for the turn.
//!
//! Invariants: an action is acknowledged only after the commit that holds it; a group's actions
//! are written in action id order (the order Alcméon made them, whatever order their webhooks
//! came in); a group's write runs to its end even when the webhook that started it goes away (its
//! task is spawned).

use sqlx::Connection;

use super::coalesce::Coalesced;
use super::record::{self, ActionToStore, Stored};
use super::{Store, StoreError, ThreadEvent, Tx, thread};
use crate::alcmeon::Action;

/// Webhook actions waiting for their group; each webhook is told the highest notification id
/// stored before its own.
pub(super) type WebhookGroups = Coalesced<Queued, i64>;

pub(super) struct Queued {
    action: Action,
    raw: serde_json::Value,
    notification_id: i64,
}

impl Store {
    /// A webhook's action, stored with its notification id (grouped with the webhooks arriving
    /// meanwhile); returns the highest notification id recorded before it.
    pub async fn record_notified_action(
        &self,
        raw: &serde_json::Value,
        notification_id: i64,
    ) -> Result<i64, StoreError> {
        let queued = Queued {
            action: serde_json::from_value(raw.clone())?,
            raw: raw.clone(),
            notification_id,
        };
        self.webhook_groups
            .write_each(queued, |group| {
                let store = self.clone();
                async move { store.write_group(group).await }
            })
            .await
    }

    /// Writes a group in one transaction, in action id order, and returns each webhook's outcome
    /// in the order given: the highest notification id stored before its own (the group's earlier
    /// ones included). Actions are written one after the other; only if one fails is the group
    /// written again with a savepoint each, so that one fails alone.
    async fn write_group(&self, group: Vec<Queued>) -> Vec<Result<i64, StoreError>> {
        // Concurrent webhooks arrive a little out of order; an action stored after a newer one
        // of its conversation makes the whole thread be followed again (`conversation_state.rs`).
        let mut indexed: Vec<(usize, Queued)> = group.into_iter().enumerate().collect();
        indexed.sort_by_key(|(_, queued)| queued.action.id);
        let (given_order, sorted): (Vec<usize>, Vec<Queued>) = indexed.into_iter().unzip();
        let outcomes = match self.write_in_one(&sorted, Isolation::None).await {
            GroupWrite::Committed(outcomes, events) => {
                self.publish(events);
                outcomes
            }
            GroupWrite::ActionFailed => {
                match self.write_in_one(&sorted, Isolation::Savepoints).await {
                    GroupWrite::Committed(outcomes, events) => {
                        self.publish(events);
                        outcomes
                    }
                    GroupWrite::ActionFailed => unreachable!("each action fails alone"),
                    GroupWrite::Failed(error) => fail_all(sorted.len(), &error),
                }
            }
            GroupWrite::Failed(error) => fail_all(sorted.len(), &error),
        };
        let mut answered: Vec<_> = given_order.into_iter().zip(outcomes).collect();
        answered.sort_by_key(|(index, _)| *index);
        answered.into_iter().map(|(_, outcome)| outcome).collect()
    }

    /// One transaction for the whole group, on the thread write turn taken once.
    async fn write_in_one(&self, group: &[Queued], isolation: Isolation) -> GroupWrite {
        let mut writer = match self.writer.acquire().await {
            Ok(writer) => writer,
            Err(error) => return GroupWrite::Failed(error),
        };
        let mut tx = match self.dialect.begin_thread_write(&mut writer).await {
            Ok(tx) => tx,
            Err(error) => return GroupWrite::Failed(error),
        };
        let stored: Vec<Result<Stored, StoreError>> = match isolation {
            Isolation::None => match self.record_in(&mut tx, &to_store(group)).await {
                Ok(stored) => stored.into_iter().map(Ok).collect(),
                Err(_) => return GroupWrite::ActionFailed,
            },
            Isolation::Savepoints => {
                let mut stored = Vec::with_capacity(group.len());
                for queued in group {
                    stored.push(self.record_alone(&mut tx, queued).await);
                }
                stored
            }
        };
        let mut changed = vec![];
        let mut group_highest = 0;
        for (queued, outcome) in group.iter().zip(&stored) {
            if let Ok(stored) = outcome {
                changed.extend(stored.changed.iter().copied());
                group_highest = group_highest.max(queued.notification_id);
            }
        }
        let logged = async {
            let events = thread::log_changes_in_turn(&mut tx, &changed).await?;
            let before = record::note_notifications_through(&mut tx, group_highest).await?;
            Ok::<_, StoreError>((events, before))
        };
        let (events, mut highest) = match logged.await {
            Ok(logged) => logged,
            Err(error) => return GroupWrite::Failed(sqlx_error(error)),
        };
        let outcomes = group
            .iter()
            .zip(stored)
            .map(|(queued, outcome)| {
                outcome.map(|_| {
                    let previous = highest;
                    highest = highest.max(queued.notification_id);
                    previous
                })
            })
            .collect();
        match tx.commit().await {
            Ok(()) => GroupWrite::Committed(outcomes, events),
            Err(error) => GroupWrite::Failed(error),
        }
    }
}

impl Store {
    /// One action in a savepoint of its own, so that it fails alone.
    #[expect(
        clippy::disallowed_methods,
        reason = "a savepoint: sqlx rolls back the enclosing transaction if it is cancelled"
    )]
    async fn record_alone(&self, tx: &mut Tx<'_>, queued: &Queued) -> Result<Stored, StoreError> {
        let mut savepoint = tx.begin().await?;
        let [stored] = self
            .record_in(&mut savepoint, &to_store(std::slice::from_ref(queued)))
            .await?
            .try_into()
            .unwrap_or_else(|_| unreachable!("one outcome per action"));
        savepoint.commit().await?;
        Ok(stored)
    }
}

fn to_store(group: &[Queued]) -> Vec<ActionToStore<'_>> {
    group
        .iter()
        .map(|queued| ActionToStore {
            action: &queued.action,
            raw: &queued.raw,
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Isolation {
    /// The group's actions share the transaction: the first that fails undoes them all.
    None,
    /// Each action in a savepoint of its own.
    Savepoints,
}

enum GroupWrite {
    /// Each action's outcome (the notification id before it), in the group's order, and the
    /// thread changes to publish.
    Committed(Vec<Result<i64, StoreError>>, Vec<ThreadEvent>),
    /// An action failed and undid the group's transaction.
    ActionFailed,
    /// The transaction itself could not be written.
    Failed(sqlx::Error),
}

/// A store error as the database error the group's webhooks are all told.
fn sqlx_error(error: StoreError) -> sqlx::Error {
    match error {
        StoreError::Database(error) => error,
        other => sqlx::Error::Protocol(other.to_string()),
    }
}

fn fail_all(webhooks: usize, error: &sqlx::Error) -> Vec<Result<i64, StoreError>> {
    tracing::warn!(%error, webhooks, "a group of webhook actions was not stored");
    (0..webhooks)
        .map(|_| {
            Err(StoreError::Database(sqlx::Error::Protocol(format!(
                "the webhook's group was not stored: {error}"
            ))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::Queued;
    use crate::store::test_databases::{fresh_store, on_both_databases};
    use crate::store::{Store, thread};

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

    on_both_databases! {
        /// A group handed its webhooks out of order writes them in action id order, and tells
        /// each webhook, in the order handed, the highest notification id stored before its own.
        async fn each_webhook_of_a_group_is_told_the_notification_before_its_own(dialect) {
            let (store, _database) = fresh_store(dialect).await;
            store.start_replica_after(0).await.unwrap();
            let first = store.record_notified_action(&customer_message(2), 2).await.unwrap();
            assert_eq!(first, 0);
            let group = [5, 4, 7]
                .map(|id| Queued {
                    action: serde_json::from_value(customer_message(id)).unwrap(),
                    raw: customer_message(id),
                    notification_id: id,
                })
                .into();
            let before: Vec<i64> = store
                .write_group(group)
                .await
                .into_iter()
                .map(Result::unwrap)
                .collect();
            assert_eq!(before, [4, 2, 5]);
            let next = store.record_notified_action(&customer_message(8), 8).await.unwrap();
            assert_eq!(next, 7);
        }
    }

    on_both_databases! {
        /// The items a group changed are logged once each, in the order they first changed, and
        /// each event's number is the one its row was stored under.
        async fn a_group_logs_each_changed_item_once_in_order(dialect) {
            let (store, _database) = fresh_store(dialect).await;
            store.start_replica_after(0).await.unwrap();
            for id in 1..=3 {
                store.record_action(&customer_message(id)).await.unwrap();
            }
            let before = store.last_event_seq(100).await.unwrap();
            let mut writer = store.writer.acquire().await.unwrap();
            let mut tx = writer.begin().await.unwrap();
            let events = thread::log_changes_in_turn(&mut tx, &[3, 1, 3, 2, 1])
                .await
                .unwrap();
            tx.commit().await.unwrap();
            let told: Vec<(i64, i64, String)> = events
                .iter()
                .map(|event| (event.seq, event.item.id, event.item.text.clone()))
                .collect();
            assert_eq!(
                told.iter().map(|(_, id, text)| (*id, text.as_str())).collect::<Vec<_>>(),
                [(3, "message 3"), (1, "message 1"), (2, "message 2")]
            );
            let stored: Vec<(i64, i64, String)> = store
                .events_after(100, before, 10)
                .await
                .unwrap()
                .into_iter()
                .map(|event| (event.seq, event.item.id, event.item.text))
                .collect();
            assert_eq!(stored, told);
        }
    }

    /// Makes the database refuse to store action `id`, as a constraint would.
    async fn refuse_action(store: &Store, dialect: crate::store::Dialect, id: i64) {
        let statements = match dialect {
            crate::store::Dialect::Sqlite => vec![format!(
                "CREATE TRIGGER refuse BEFORE INSERT ON actions WHEN NEW.id = {id}
                 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )],
            crate::store::Dialect::Postgres => vec![
                format!(
                    "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN
                     IF NEW.id = {id} THEN RAISE EXCEPTION 'refused by the test'; END IF;
                     RETURN NEW; END $$ LANGUAGE plpgsql"
                ),
                "CREATE TRIGGER refuse BEFORE INSERT ON actions FOR EACH ROW
                 EXECUTE FUNCTION refuse()"
                    .to_owned(),
            ],
        };
        for statement in statements {
            sqlx::query(sqlx::AssertSqlSafe(statement))
                .execute(&mut *store.writer.acquire().await.unwrap())
                .await
                .unwrap();
        }
    }

    on_both_databases! {
        /// One action the database refuses, in a burst: its webhook fails, every other action of
        /// the burst is stored and acknowledged.
        async fn an_action_refused_fails_alone(dialect) {
            let (store, _database) = fresh_store(dialect).await;
            store.start_replica_after(0).await.unwrap();
            refuse_action(&store, dialect, 13).await;
            let burst: Vec<_> = (1..=40)
                .map(|id| {
                    let store = store.clone();
                    tokio::spawn(async move {
                        (id, store.record_notified_action(&customer_message(id), id).await)
                    })
                })
                .collect();
            for webhook in burst {
                let (id, outcome) = webhook.await.unwrap();
                assert_eq!(outcome.is_err(), id == 13, "action {id}: {outcome:?}");
            }
            assert_eq!(store.action_count().await.unwrap(), 39);
            assert_eq!(store.events_after(100, 0, 500).await.unwrap().len(), 39);
        }
    }
}
