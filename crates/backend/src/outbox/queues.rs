//! One queue of replies per conversation, each drained by one task.
//!
//! Invariant: a conversation has an entry exactly while a task drains it; [`Queues::push`] says
//! when the caller must start that task, and [`Queues::next`] removes the entry when it hands
//! out nothing, under the same lock, so no reply is ever left queued without a task.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use super::Job;

#[derive(Clone, Default)]
pub(super) struct Queues(Arc<Mutex<HashMap<i64, VecDeque<Job>>>>);

impl Queues {
    /// Queues the job behind its conversation's; true when no task drains that conversation yet,
    /// so the caller must start one.
    pub(super) fn push(&self, job: Job) -> bool {
        match self.lock().entry(job.reply.conversation_id) {
            Entry::Occupied(mut queue) => {
                queue.get_mut().push_back(job);
                false
            }
            Entry::Vacant(vacant) => {
                vacant.insert(VecDeque::from([job]));
                true
            }
        }
    }

    /// The conversation's next job; `None` (and the draining task must end) when there is none.
    pub(super) fn next(&self, conversation_id: i64) -> Option<Job> {
        let mut queues = self.lock();
        let job = queues.get_mut(&conversation_id)?.pop_front();
        if job.is_none() {
            queues.remove(&conversation_id);
        }
        job
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<i64, VecDeque<Job>>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
