//! What happens after `POST /v1/answer/send` said `started`: shortly after, the answer is recorded
//! (`answer`), then the channel reports the delivery (`execute-answer`).
//!
//! Scripted failures: an answer whose text contains `[fail]` is always reported `fail`; one that
//! contains `[fail-once]` fails the first time it is sent on its task and is delivered afterwards
//! (to test a retry).
//!
//! Invariant: an accepted answer is recorded at most once, [`UNTIL_RECORDED`] after it was
//! accepted and in the order answers were accepted (as Alcméon keeps an advisor's answers in the
//! order it took them); its delivery is reported only after it was recorded. It counts as in progress ([`AnswerQueue::in_progress`]) from the moment it is
//! accepted until the flow is done with it (its delivery recorded, or its task gone). The flow
//! knows the emulator only as an [`AnswerRecorder`], so it depends on nothing above it.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::answer_request::SendAnswerRequest;
use crate::model::ActionStatus;

pub const FAILURE_MARKER: &str = "[fail]";
pub const FAIL_ONCE_MARKER: &str = "[fail-once]";
const UNTIL_RECORDED: Duration = Duration::from_millis(150);
const UNTIL_DELIVERED: Duration = Duration::from_millis(350);

/// Where the flow records the two actions of an answer (the emulator, which also notifies them).
pub trait AnswerRecorder: Clone + Send + Sync + 'static {
    /// Records an advisor's answer on a task: the `answer` action's id, or `None` when the task
    /// does not exist.
    fn record_answer(&self, task_id: u64, advisor_id: u64, text: &str) -> Option<u64>;

    /// Records the channel's report on the answer action `answer_action_id` (`execute-answer`).
    fn record_delivery(&self, answer_action_id: u64, outcome: ActionStatus);
}

/// Where accepted answers wait for the worker.
#[derive(Clone)]
pub struct AnswerQueue {
    sender: mpsc::UnboundedSender<(Instant, SendAnswerRequest)>,
    in_progress: Arc<AtomicU64>,
}

/// The worker's end of the queue.
pub struct AcceptedAnswers {
    receiver: mpsc::UnboundedReceiver<(Instant, SendAnswerRequest)>,
    in_progress: Arc<AtomicU64>,
}

impl AnswerQueue {
    pub fn new() -> (AnswerQueue, AcceptedAnswers) {
        let (sender, receiver) = mpsc::unbounded_channel();
        let in_progress = Arc::<AtomicU64>::default();
        let accepted = AcceptedAnswers {
            receiver,
            in_progress: in_progress.clone(),
        };
        (
            AnswerQueue {
                sender,
                in_progress,
            },
            accepted,
        )
    }

    /// Counted as in progress before this returns, so before the caller hears `started`.
    pub fn push(&self, request: SendAnswerRequest) {
        self.in_progress.fetch_add(1, Ordering::SeqCst);
        if self.sender.send((Instant::now(), request)).is_err() {
            self.in_progress.fetch_sub(1, Ordering::SeqCst);
            tracing::warn!("the answer worker has stopped; answer dropped");
        }
    }

    /// Accepted answers the flow is not done with yet.
    pub fn in_progress(&self) -> u64 {
        self.in_progress.load(Ordering::SeqCst)
    }
}

/// Records accepted answers one at a time, in the order they were accepted, then reports their
/// deliveries concurrently; aborting this task abandons the ones in flight.
pub async fn run(recorder: impl AnswerRecorder, mut accepted: AcceptedAnswers) {
    let mut deliveries = JoinSet::new();
    let failed_once = FailedOnce::default();
    loop {
        tokio::select! {
            request = accepted.receiver.recv() => match request {
                Some((accepted_at, request)) => {
                    tokio::time::sleep_until(accepted_at + UNTIL_RECORDED).await;
                    let in_progress = accepted.in_progress.clone();
                    let Some(answer_action_id) = record(&recorder, &request) else {
                        in_progress.fetch_sub(1, Ordering::SeqCst);
                        continue;
                    };
                    let done = deliver(recorder.clone(), answer_action_id, request, failed_once.clone());
                    deliveries.spawn(async move {
                        done.await;
                        in_progress.fetch_sub(1, Ordering::SeqCst);
                    });
                }
                None => break,
            },
            Some(_) = deliveries.join_next() => {}
        }
    }
    deliveries.join_all().await;
}

/// The `[fail-once]` answers (task id, text) that already failed once.
type FailedOnce = Arc<Mutex<HashSet<(u64, String)>>>;

/// Records the `answer` action; `None` when its task does not exist.
fn record(recorder: &impl AnswerRecorder, request: &SendAnswerRequest) -> Option<u64> {
    recorder.record_answer(request.task_id, request.advisor_id, &request.message)
}

/// Reports the channel's delivery of a recorded answer, [`UNTIL_DELIVERED`] after it was recorded.
async fn deliver(
    recorder: impl AnswerRecorder,
    answer_action_id: u64,
    request: SendAnswerRequest,
    failed_once: FailedOnce,
) {
    tokio::time::sleep(UNTIL_DELIVERED).await;
    let fails_now = request.message.contains(FAILURE_MARKER)
        || (request.message.contains(FAIL_ONCE_MARKER)
            && failed_once
                .lock()
                .expect("lock")
                .insert((request.task_id, request.message.clone())));
    let outcome = if fails_now {
        ActionStatus::Fail
    } else {
        ActionStatus::Ok
    };
    recorder.record_delivery(answer_action_id, outcome);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what the flow asks for. Only task 7 exists; an answer's action id is 100 plus the
    /// number of events recorded so far.
    #[derive(Clone, Default)]
    struct Recorded(Arc<Mutex<Vec<String>>>);

    impl AnswerRecorder for Recorded {
        fn record_answer(&self, task_id: u64, _advisor_id: u64, text: &str) -> Option<u64> {
            let mut events = self.0.lock().unwrap();
            (task_id == 7).then(|| {
                events.push(format!("answer {text}"));
                100 + events.len() as u64
            })
        }

        fn record_delivery(&self, answer_action_id: u64, outcome: ActionStatus) {
            let mut events = self.0.lock().unwrap();
            events.push(format!("delivery of {answer_action_id}: {outcome:?}"));
        }
    }

    fn request(task_id: u64, message: &str) -> SendAnswerRequest {
        SendAnswerRequest {
            message: message.to_owned(),
            advisor_id: 11,
            company_id: 1,
            task_id,
        }
    }

    async fn send_in_turn(requests: Vec<SendAnswerRequest>) -> Vec<String> {
        let recorded = Recorded::default();
        let failed_once = FailedOnce::default();
        for request in requests {
            if let Some(answer_action_id) = record(&recorded, &request) {
                deliver(
                    recorded.clone(),
                    answer_action_id,
                    request,
                    failed_once.clone(),
                )
                .await;
            }
        }
        recorded.0.lock().unwrap().clone()
    }

    /// On several threads, as the emulator runs: answers recorded concurrently would race.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn answers_accepted_together_are_recorded_in_the_order_they_were_accepted() {
        let recorded = Recorded::default();
        let (queue, accepted) = AnswerQueue::new();
        let texts: Vec<String> = (0..300).map(|n| format!("reply {n}")).collect();
        for text in &texts {
            queue.push(request(7, text));
        }
        let worker = tokio::spawn(run(recorded.clone(), accepted));
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while queue.in_progress() > 0 {
            assert!(tokio::time::Instant::now() < deadline, "still in progress");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let answers: Vec<String> = recorded
            .0
            .lock()
            .unwrap()
            .iter()
            .filter_map(|event| event.strip_prefix("answer ").map(str::to_owned))
            .collect();
        assert_eq!(answers, texts);
        worker.abort();
    }

    #[tokio::test]
    async fn an_answer_is_recorded_then_delivered() {
        let events = send_in_turn(vec![request(7, "Hello")]).await;
        assert_eq!(events, ["answer Hello", "delivery of 101: Ok"]);
    }

    #[tokio::test]
    async fn an_answer_marked_fail_fails_every_time() {
        let events = send_in_turn(vec![request(7, "No [fail]"), request(7, "No [fail]")]).await;
        assert_eq!(
            events,
            [
                "answer No [fail]",
                "delivery of 101: Fail",
                "answer No [fail]",
                "delivery of 103: Fail",
            ]
        );
    }

    #[tokio::test]
    async fn an_answer_marked_fail_once_is_delivered_when_sent_again() {
        let events = send_in_turn(vec![
            request(7, "Retry [fail-once]"),
            request(7, "Retry [fail-once]"),
        ])
        .await;
        assert_eq!(
            events,
            [
                "answer Retry [fail-once]",
                "delivery of 101: Fail",
                "answer Retry [fail-once]",
                "delivery of 103: Ok",
            ]
        );
    }

    #[tokio::test]
    async fn an_answer_is_in_progress_from_its_acceptance_until_its_delivery_is_recorded() {
        let recorded = Recorded::default();
        let (queue, accepted) = AnswerQueue::new();
        queue.push(request(7, "Hello"));
        queue.push(request(8, "Nobody there"));
        assert_eq!(queue.in_progress(), 2, "counted when accepted");
        let worker = tokio::spawn(run(recorded.clone(), accepted));
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            // Read in this order: while the delivery is not recorded, the answer is in progress.
            let in_progress = queue.in_progress();
            let delivered = recorded.0.lock().unwrap().len() == 2;
            if !delivered {
                assert!(in_progress >= 1, "done before its delivery was recorded");
            }
            if in_progress == 0 {
                break;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "still {in_progress} in progress"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(
            *recorded.0.lock().unwrap(),
            ["answer Hello", "delivery of 101: Ok"]
        );
        worker.abort();
    }

    #[tokio::test]
    async fn an_answer_on_an_unknown_task_records_nothing() {
        assert!(send_in_turn(vec![request(8, "Hello")]).await.is_empty());
    }
}
