//! The widget's views: each reads what it shows from the widget's context (`WidgetContext`) and
//! the open conversation's state (`ConversationState`), and changes it only by calling that
//! state's methods. No state is defined here, and nothing outside `app` imports a view.

mod announcer;
mod attachment;
mod case_view;
mod composer;
mod conversation_tabs;
mod conversation_view;
mod event_line;
mod thread_row;
mod thread_view;

pub use case_view::CaseView;
