//! Engagement mode's state, apart from the views that show it: the engagement page as the backend
//! reports it (`EngagementState`), and a template being filled in and sent (`TemplateSend`), on
//! the engagement page or, once a WhatsApp conversation's reply window has closed, in place of
//! its reply box.
//!
//! Architecture invariant: nothing here imports a view; whether a send may go is the backend's
//! word (`EngagementPage::blocked`), what is sent is the template form's (`template_form`), and
//! the client id of each attempt is `send_status::Attempts`'s.

mod state;
mod template_send;

pub use state::{EngagementState, Switch};
pub use template_send::{SendTarget, TemplateSend};
