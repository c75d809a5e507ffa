mod announcer;
mod attachment;
mod composer;
mod conversation;
mod conversation_state;
mod event_line;
mod message;
mod replies;
mod thread;

pub use conversation::ConversationView;
