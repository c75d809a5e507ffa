//! The Alcméon conversation widget: a Leptos app compiled to WebAssembly that a host (the
//! Salesforce LWC, or the local host page) mounts into an element with the agent's context.
//! JavaScript sees `mount(element, context)` and the handle it returns; everything else is Rust.

mod api;
mod app;
mod components;
mod context;
mod drafts;
pub mod i18n;
mod linkify;
mod live;
mod thread_model;
mod time;
mod timeline;

pub use app::{WidgetHandle, mount};
