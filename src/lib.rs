//! The Alcméon conversation widget: a Leptos app compiled to WebAssembly that its host (the
//! Salesforce LWC; locally, the same LWC on tests/lightning's record page) mounts into an element
//! with the agent's context.
//! JavaScript sees `mount(element, context)` and the handle it returns; everything else is Rust.
//!
//! Four layers; a module imports only from its own layer and the ones listed before it, and
//! `architecture_tests` holds every file of `src/` to these lines:
//!
//! - **pure**: `announcement`, `conversation_list`, `countdown`, `draft_book`,
//!   `engagement_text`, `failure`, `file_names`, `file_size`, `i18n`, `item_text`, `linkify`,
//!   `reading_position`, `reply_gate`, `rows`, `send_status`, `server_sent_events`,
//!   `session_token`, `template_form`, `timeline` —
//!   plain Rust over `protocol` and Fluent, run without a browser: each has its native tests
//!   (`cargo test -p alcmeon-widget`), and none imports leptos, web-sys, js-sys or the HTTP client.
//! - **browser**: `api`, `client_ids`, `drafts`, `first_thread`, `host_context`, `json`, `live`,
//!   `locale_files`, `number_format`, `time` — the widget's effects (HTTP and the event streams,
//!   the browser's JSON, localStorage, `Intl`, the browser's random ids, the host's object,
//!   callbacks and prefetch),
//!   each in its own module like todomvc's `storage.rs`; no state, no views.
//! - **state**: `case_conversations`, `conversation`, `conversation_customer`, `engagement`,
//!   `widget_context` — what the views show, kept apart from them (todomvc's `Todos`): the Case's
//!   conversations and their drafts, the open conversation and its customer's Contact, the
//!   engagement and its template sends, and the agent's
//!   formats, provided as contexts of ours and read with `CaseConversations::get()`,
//!   `ConversationState::get()`, `EngagementState::get()`, `TemplateSend::get()` and
//!   `WidgetContext::get()`.
//! - **views**: `app`, `components` — Leptos components and the mount; they hold no state of
//!   their own beyond what a single element needs, and never build a URL.
//!
//! Which "thread" is which: `rows` turns items into the rows shown (day separators, groups,
//! the unread marker); `timeline` holds the loaded items in order and the window of rows in the
//! DOM; `reading_position` decides where the log scrolls; `conversation::ThreadFeed` is that
//! timeline as reactive state; `components::thread_view` draws it.

// pure
mod announcement;
mod conversation_list;
mod countdown;
mod draft_book;
mod engagement_text;
mod failure;
mod file_names;
mod file_size;
pub mod i18n;
mod item_text;
mod linkify;
mod reading_position;
mod reply_gate;
mod rows;
mod send_status;
mod server_sent_events;
mod session_token;
mod template_form;
mod timeline;
// browser
mod api;
mod client_ids;
mod drafts;
mod first_thread;
mod host_context;
mod json;
mod live;
mod locale_files;
mod number_format;
mod time;
// state
mod case_conversations;
mod conversation;
mod conversation_customer;
mod engagement;
mod widget_context;
// views
mod app;
mod components;

#[cfg(test)]
mod architecture_tests;
#[cfg(test)]
mod test_items;

pub use app::{WidgetHandle, mount};
