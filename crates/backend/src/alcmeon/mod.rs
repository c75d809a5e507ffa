//! Alcméon as the backend sees it: the published REST API reached over HTTP
//! (`../shared/alcmeon-openapi/`), and the signature on its webhooks.

mod accounts;
mod client;
mod governor;
mod model;
mod signature;

pub use accounts::{Account, AccountUpdate, user_error_reason};
pub use client::{ACTIONS_PAGE_SIZE, AlcmeonClient, ClientError, SendAnswer};
pub use governor::{Governor, Priority};
pub use model::{Action, AdminUser, Notification};
pub use signature::{SIGNATURE_HEADER, sign, verify};
