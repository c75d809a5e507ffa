//! One queue of replies per conversation, each drained by one task.
//!
//! Invariant: a conversation has an entry exactly while a task drains it; [`Queues::push`] says
//! when the caller must start that task, and [`Queues::next`] removes the entry when it hands
//! out nothing, under the same lock, so no reply is ever left queued without a task.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use super::Job;
use crate::store::ReplyId;

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

    /// The replies queued in the conversation (not the one being sent), in order.
    pub(super) fn waiting(&self, conversation_id: i64) -> Vec<ReplyId> {
        let queues = self.lock();
        let queue = queues.get(&conversation_id).into_iter().flatten();
        queue.map(|job| job.reply.reply_id).collect()
    }

    /// Takes the reply out of its conversation's queue, if it waits there.
    pub(super) fn take(&self, conversation_id: i64, reply_id: ReplyId) -> Option<Job> {
        let mut queues = self.lock();
        let queue = queues.get_mut(&conversation_id)?;
        let position = queue
            .iter()
            .position(|job| job.reply.reply_id == reply_id)?;
        queue.remove(position)
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<i64, VecDeque<Job>>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::{OutgoingReply, Sender};

    fn job(conversation_id: i64, reply_id: i64) -> Job {
        Job {
            reply: OutgoingReply {
                reply_id: ReplyId(reply_id),
                conversation_id,
                task_id: 1,
                text: String::new(),
                sender: Sender::Account(1),
            },
            reconcile_after: None,
        }
    }

    fn next_id(queues: &Queues, conversation_id: i64) -> Option<i64> {
        queues.next(conversation_id).map(|job| job.reply.reply_id.0)
    }

    #[test]
    fn one_task_per_conversation_takes_its_replies_in_order_until_none_is_left() {
        let queues = Queues::default();
        assert!(queues.push(job(1, 10)), "the first reply starts a task");
        assert!(!queues.push(job(1, 11)), "the next joins its queue");
        assert!(queues.push(job(2, 12)), "another conversation has its own");
        assert_eq!(next_id(&queues, 1), Some(10));
        assert!(!queues.push(job(1, 13)), "queued while one is being sent");
        assert_eq!(queues.waiting(1), [ReplyId(11), ReplyId(13)]);
        assert_eq!(next_id(&queues, 1), Some(11));
        assert_eq!(next_id(&queues, 1), Some(13));
        assert_eq!(next_id(&queues, 1), None);
        assert!(queues.push(job(1, 14)), "the task ended: a new one starts");
        assert_eq!(next_id(&queues, 2), Some(12));
    }

    #[test]
    fn a_reply_taken_out_of_its_queue_leaves_the_others_in_order() {
        let queues = Queues::default();
        for reply_id in [10, 11, 12, 13] {
            queues.push(job(1, reply_id));
        }
        assert_eq!(next_id(&queues, 1), Some(10));
        let taken = queues.take(1, ReplyId(12)).map(|job| job.reply.reply_id);
        assert_eq!(taken, Some(ReplyId(12)));
        assert!(queues.take(1, ReplyId(12)).is_none(), "taken once");
        assert!(
            queues.take(2, ReplyId(11)).is_none(),
            "another conversation's queue"
        );
        assert_eq!(queues.waiting(1), [ReplyId(11), ReplyId(13)]);
    }
}
