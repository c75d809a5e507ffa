//! What happens after `POST /v1/answer/send` said `started`: shortly after, the answer is recorded
//! (`answer`), then the channel reports the delivery (`execute-answer`).
//!
//! Scripted failures: an answer whose text contains `[fail]` is always reported `fail`; one that
//! contains `[fail-once]` fails the first time it is sent on its task and is delivered afterwards
//! (to test a retry).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::answer_request::SendAnswerRequest;
use crate::app_state::AppState;
use crate::model::ActionStatus;

pub const FAILURE_MARKER: &str = "[fail]";
pub const FAIL_ONCE_MARKER: &str = "[fail-once]";
const UNTIL_RECORDED: Duration = Duration::from_millis(150);
const UNTIL_DELIVERED: Duration = Duration::from_millis(350);

/// Where accepted answers wait for the worker.
#[derive(Clone)]
pub struct AnswerQueue(mpsc::UnboundedSender<SendAnswerRequest>);

pub type AcceptedAnswers = mpsc::UnboundedReceiver<SendAnswerRequest>;

impl AnswerQueue {
    pub fn new() -> (AnswerQueue, AcceptedAnswers) {
        let (sender, receiver) = mpsc::unbounded_channel();
        (AnswerQueue(sender), receiver)
    }

    pub fn push(&self, request: SendAnswerRequest) {
        if self.0.send(request).is_err() {
            tracing::warn!("the answer worker has stopped; answer dropped");
        }
    }
}

/// Processes answers concurrently; aborting this task abandons the ones in flight.
pub async fn run(app: AppState, mut accepted: AcceptedAnswers) {
    let mut in_flight = JoinSet::new();
    let failed_once = FailedOnce::default();
    loop {
        tokio::select! {
            request = accepted.recv() => match request {
                Some(request) => { in_flight.spawn(process(app.clone(), request, failed_once.clone())); }
                None => break,
            },
            Some(_) = in_flight.join_next() => {}
        }
    }
    in_flight.join_all().await;
}

/// The `[fail-once]` answers (task id, text) that already failed once.
type FailedOnce = Arc<Mutex<HashSet<(u64, String)>>>;

async fn process(app: AppState, request: SendAnswerRequest, failed_once: FailedOnce) {
    tokio::time::sleep(UNTIL_RECORDED).await;
    let Some(answer) = app.record_answer(request.task_id, request.advisor_id, &request.message)
    else {
        return;
    };
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
    app.record_delivery(answer.id, outcome);
}
