//! The Alcméon conversation widget: a Leptos app compiled to WebAssembly that a host (the
//! Salesforce LWC, or the local host page) mounts into an element with the agent's context.
//! JavaScript sees `mount(element, context)` and the handle it returns; everything else is Rust.

mod announcement;
mod api;
mod app;
mod attachments;
mod components;
mod context;
mod drafts;
mod file_size;
pub mod i18n;
mod item_text;
mod linkify;
mod live;
mod locale_files;
mod reply_gate;
mod session_token;
mod thread_model;
mod time;
mod timeline;

pub use app::{WidgetHandle, mount};
