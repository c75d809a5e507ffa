mod composer;
mod conversation;
mod message;
mod thread;

pub use conversation::ConversationView;
