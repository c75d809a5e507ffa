//! The widget's views: each reads what it shows from the widget's context (`WidgetContext`), the
//! open conversation's state (`ConversationState`) or the engagement's (`EngagementState`,
//! `TemplateSend`), and changes it only by calling that state's methods. No state is defined
//! here, and nothing outside `app` imports a view.

mod announcer;
mod attachment;
mod case_view;
mod composer;
mod conversation_tabs;
mod conversation_view;
mod customer;
mod engagement_view;
mod event_line;
pub mod focus;
mod linked_conversation;
mod loaded;
mod recipient_card;
mod reengagement;
mod send_status_line;
mod template_picker;
mod thread_row;
mod thread_view;
mod window_countdown;

pub use announcer::AnnouncerRegion;
pub use case_view::CaseView;
pub use engagement_view::EngagementView;
pub use linked_conversation::LinkedConversation;
