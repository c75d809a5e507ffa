//! Whether the agent may send a reply now, and why not: the protocol's rule applied to the
//! conversation as the widget follows it, together with what the backend said when it refused a
//! reply (it applies the same rule, sometimes with fresher facts).

use protocol::{Conversation, ItemKind, ReplyBlock, ThreadItem, Viewer};

use crate::failure::Failure;

/// What the reply rule needs to know, kept current while the conversation is open.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyGate {
    pub conversation: Conversation,
    pub viewer: Viewer,
    /// Why the backend last refused a reply, until the customer writes again.
    pub refused: Option<ReplyBlock>,
    /// The clock the reply window is checked against.
    pub now_ms: i64,
}

impl ReplyGate {
    pub fn new(conversation: Conversation, viewer: Viewer, now_ms: i64) -> Self {
        Self {
            conversation,
            viewer,
            refused: None,
            now_ms,
        }
    }

    /// Why Send is disabled now, if it is. A refused permission outranks everything.
    pub fn block(&self) -> Option<ReplyBlock> {
        let may_reply = self.viewer.may_reply && self.refused != Some(ReplyBlock::NoPermission);
        self.conversation
            .reply_block(may_reply, self.now_ms)
            .or(self.refused)
    }

    /// An item arrived after the conversation was read: archiving closes it; the customer
    /// writing reopens it, restarts the reply window and lifts a refusal (but not a refused
    /// permission).
    pub fn follow(&mut self, item: &ThreadItem, now_ms: i64) {
        self.conversation.follow(item);
        if item.kind == ItemKind::Inbound && self.refused != Some(ReplyBlock::NoPermission) {
            self.refused = None;
        }
        self.now_ms = now_ms;
    }

    /// The backend refused a reply: when for one of the rule's reasons, it blocks with it.
    pub fn refuse(&mut self, failure: &Failure) {
        if let Some(block) = refusal_block(failure) {
            self.refused = Some(block);
        }
    }
}

fn refusal_block(failure: &Failure) -> Option<ReplyBlock> {
    let Failure::Api(error) = failure else {
        return None;
    };
    ReplyBlock::from_error_code(error.code)
}

#[cfg(test)]
mod tests;
