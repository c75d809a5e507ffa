//! Small writes made together. On SQLite each write holds the one writer for a round trip to its
//! worker thread and back, longer than the statement itself; writes queued meanwhile are made
//! by whoever takes the turn next, in one statement or transaction, and each caller is answered
//! when the write holding its item is done (without waiting for the turn, which may be writing
//! the next batch by then).
//!
//! Invariant: a batch's write runs to its end even when the caller that started it goes away
//! (its task is spawned).

use std::future::Future;
use std::sync::Mutex;

use tokio::sync::oneshot;

use super::StoreError;

/// The most items one write holds.
const BATCH_SIZE: usize = 256;

/// An item waiting to be written, and where its caller waits for the outcome.
type Queued<T> = (T, oneshot::Sender<Result<(), String>>);

pub(super) struct Coalesced<T> {
    queued: Mutex<Vec<Queued<T>>>,
    turn: tokio::sync::Mutex<()>,
}

impl<T> Default for Coalesced<T> {
    fn default() -> Self {
        Self {
            queued: Mutex::default(),
            turn: tokio::sync::Mutex::default(),
        }
    }
}

impl<T: Send + 'static> Coalesced<T> {
    /// Queues `item`, and once it is this caller's turn and items are queued, writes them all with
    /// `write`. Ok once the write holding `item` succeeded.
    pub async fn write<F, Written>(&self, item: T, write: F) -> Result<(), StoreError>
    where
        F: FnOnce(Vec<T>) -> Written,
        Written: Future<Output = Result<(), StoreError>> + Send + 'static,
    {
        let (done, written) = oneshot::channel();
        self.queued
            .lock()
            .expect("no panic while queueing")
            .push((item, done));
        let mut written = std::pin::pin!(written);
        let outcome = tokio::select! {
            biased;
            outcome = &mut written => outcome,
            _turn = self.turn.lock() => {
                let batch = self.take_batch();
                if !batch.is_empty() {
                    let (items, callers): (Vec<T>, Vec<_>) = batch.into_iter().unzip();
                    let outcome = tokio::spawn(write(items))
                        .await
                        .unwrap_or_else(|_| Err(lost("the write panicked")))
                        .map_err(|error| error.to_string());
                    for caller in callers {
                        let _ = caller.send(outcome.clone());
                    }
                }
                written.await
            }
        };
        outcome
            .unwrap_or_else(|_| Err("the write was not made".to_owned()))
            .map_err(|error| lost(&error))
    }

    fn take_batch(&self) -> Vec<Queued<T>> {
        let mut queued = self.queued.lock().expect("no panic while queueing");
        let size = queued.len().min(BATCH_SIZE);
        queued.drain(..size).collect()
    }
}

fn lost(why: &str) -> StoreError {
    StoreError::Database(sqlx::Error::Protocol(format!(
        "a batched write failed: {why}"
    )))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// 100 callers at once: every item written once, in fewer writes than callers, and each caller
    /// told the outcome of its own item's write.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn callers_at_once_share_writes_and_each_learns_its_own_outcome() {
        let coalesced: Arc<Coalesced<u32>> = Arc::default();
        let written = Arc::new(Mutex::new(vec![]));
        let writes = Arc::new(AtomicUsize::new(0));
        let callers: Vec<_> = (0..100u32)
            .map(|item| {
                let (coalesced, written, writes) =
                    (coalesced.clone(), written.clone(), writes.clone());
                tokio::spawn(async move {
                    let outcome = coalesced
                        .write(item, move |items| async move {
                            writes.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                            let refused = items.contains(&13);
                            written.lock().unwrap().extend(items);
                            if refused {
                                Err(lost("item 13"))
                            } else {
                                Ok(())
                            }
                        })
                        .await;
                    (item, outcome)
                })
            })
            .collect();
        let mut refused = vec![];
        for caller in callers {
            let (item, outcome) = caller.await.unwrap();
            if outcome.is_err() {
                refused.push(item);
            }
        }
        let mut all = written.lock().unwrap().clone();
        all.sort_unstable();
        assert_eq!(all, (0..100).collect::<Vec<_>>());
        assert!(
            writes.load(Ordering::SeqCst) < 100,
            "no item was written with another"
        );
        assert!(refused.contains(&13));
        assert!(
            refused.len() < 100,
            "every caller was told another item's failure"
        );
    }
}
