//! The open conversation's state, apart from the views that show it (todomvc's `Todos`): the
//! thread's rows, what decides whether the agent may reply, the replies on their way, the files,
//! and what the live region says. Views read it from context (`ConversationState::get()`) and
//! call its methods; they never hold a copy of it.
//!
//! Architecture invariant: nothing here imports a view (`components`, `app`); the state talks to
//! the backend (`api`, `live`) and asks pure modules for every decision.

mod announcer;
mod attachment_files;
mod local_failures;
mod open;
mod queued;
mod replies;
mod state;
mod thread_feed;

pub use announcer::Announcer;
pub use attachment_files::Preview;
pub use state::ConversationState;
pub use thread_feed::{OlderPage, ThreadFeed};
