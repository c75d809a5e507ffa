//! Writes made together. A write costs more than its statement: on SQLite a round trip to the
//! one writer's worker thread and back, and for a webhook's action a commit. Items queued meanwhile
//! are written by whoever takes the turn next, in one statement or transaction, and each caller
//! is answered when the write holding its item is done (without waiting for the turn, which may
//! be writing the next batch by then). Used by replies' small updates (`replies.rs`) and webhook
//! groups (`webhook_batch.rs`).
//!
//! Invariant: a batch's write runs to its end even when the caller that started it goes away
//! (its task is spawned).

use std::future::Future;
use std::sync::Mutex;

use tokio::sync::oneshot;

use super::StoreError;

/// The most items one write holds.
const BATCH_SIZE: usize = 256;

/// An item waiting to be written, and where its caller waits for its outcome.
type Queued<T, O> = (T, oneshot::Sender<Result<O, StoreError>>);

/// Items of type `T` written together, each caller told an outcome `O` of its own.
pub(super) struct Coalesced<T, O = ()> {
    queued: Mutex<Vec<Queued<T, O>>>,
    turn: tokio::sync::Mutex<()>,
}

impl<T, O> Default for Coalesced<T, O> {
    fn default() -> Self {
        Self {
            queued: Mutex::default(),
            turn: tokio::sync::Mutex::default(),
        }
    }
}

impl<T: Send + 'static, O: Send + 'static> Coalesced<T, O> {
    /// Queues `item`, and once it is this caller's turn and items are queued, writes them all with
    /// `write`, which returns one outcome per item in the order it was given them. Returns the
    /// outcome of `item`.
    pub async fn write_each<F, Written>(&self, item: T, write: F) -> Result<O, StoreError>
    where
        F: FnOnce(Vec<T>) -> Written,
        Written: Future<Output = Vec<Result<O, StoreError>>> + Send + 'static,
    {
        let (done, written) = oneshot::channel();
        self.queued
            .lock()
            .expect("no panic while queueing")
            .push((item, done));
        let mut written = std::pin::pin!(written);
        // Whichever comes first: the item written by another caller's turn (then there is no
        // need to wait for the turn, which may be writing the next batch already), or the turn.
        let outcome = tokio::select! {
            biased;
            outcome = &mut written => outcome,
            _turn = self.turn.lock() => {
                let batch = self.take_batch();
                if !batch.is_empty() {
                    let (items, callers): (Vec<T>, Vec<_>) = batch.into_iter().unzip();
                    match tokio::spawn(write(items)).await {
                        Ok(outcomes) => {
                            for (caller, outcome) in callers.into_iter().zip(outcomes) {
                                let _ = caller.send(outcome);
                            }
                        }
                        Err(_) => {
                            for caller in callers {
                                let _ = caller.send(Err(batch_failed("the write panicked")));
                            }
                        }
                    }
                }
                written.await
            }
        };
        outcome.unwrap_or_else(|_| Err(batch_failed("the write was not made")))
    }

    fn take_batch(&self) -> Vec<Queued<T, O>> {
        let mut queued = self.queued.lock().expect("no panic while queueing");
        let size = queued.len().min(BATCH_SIZE);
        queued.drain(..size).collect()
    }
}

impl<T: Send + 'static> Coalesced<T> {
    /// [`Coalesced::write_each`] where `write` succeeds or fails for the whole batch.
    pub async fn write<F, Written>(&self, item: T, write: F) -> Result<(), StoreError>
    where
        F: FnOnce(Vec<T>) -> Written,
        Written: Future<Output = Result<(), StoreError>> + Send + 'static,
    {
        self.write_each(item, |items| {
            let count = items.len();
            let written = write(items);
            async move {
                match written.await {
                    Ok(()) => (0..count).map(|_| Ok(())).collect(),
                    Err(error) => each_failed(count, &error),
                }
            }
        })
        .await
    }
}

/// The outcomes of a batch of `count` items whose one write failed: each caller is told why.
pub(super) fn each_failed<O>(count: usize, error: &StoreError) -> Vec<Result<O, StoreError>> {
    let why = error.to_string();
    (0..count).map(|_| Err(batch_failed(&why))).collect()
}

/// The error every caller of a failed batch is told.
pub(super) fn batch_failed(why: &str) -> StoreError {
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
                                Err(batch_failed("item 13"))
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

    /// Outcomes one per item: 100 callers at once each get the answer computed from their own
    /// item, and only the caller of the item refused is told it failed.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_caller_gets_its_own_items_outcome() {
        let coalesced: Arc<Coalesced<u32, u32>> = Arc::default();
        let callers: Vec<_> = (0..100u32)
            .map(|item| {
                let coalesced = coalesced.clone();
                tokio::spawn(async move {
                    let outcome = coalesced
                        .write_each(item, |items| async move {
                            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                            items
                                .into_iter()
                                .map(|item| match item {
                                    13 => Err(batch_failed("item 13")),
                                    item => Ok(item * 2),
                                })
                                .collect()
                        })
                        .await;
                    (item, outcome)
                })
            })
            .collect();
        for caller in callers {
            let (item, outcome) = caller.await.unwrap();
            match outcome {
                Ok(answer) => assert_eq!(answer, item * 2),
                Err(_) => assert_eq!(item, 13),
            }
        }
    }
}
