//! Alcméon as the backend sees it: the published REST API reached over HTTP (Alcméon's OpenAPI
//! specs are carried in this repository, `crates/alcmeon-emulator/openapi/`), and the signature on
//! its webhooks. Invariant: this module names nothing else of the backend; every call goes through
//! the one rate-limit [`Governor`].

mod accounts;
mod client;
mod custom_fields;
mod governor;
mod listing_pages;
mod model;
mod optins;
mod signature;
mod template_lists;
mod template_sends;

pub use accounts::{Account, AccountUpdate, user_error_reason};
pub use client::{ACTIONS_PAGE_SIZE, AlcmeonClient, ClientError, SendAnswer};
pub use custom_fields::{CustomFieldDefinition, CustomFieldValue, ProfileWrite};
pub use governor::{Governor, Party, Priority, labelled};
pub use model::{Action, AdminUser, Notification};
pub use optins::{OPTIN_PAGE_SIZE, OptinList, UserOptin, UserOptout};
pub use signature::{SIGNATURE_HEADER, sign, verify};
pub use template_lists::{KakaoTemplate, RcsButton, RcsTemplate};
pub use template_sends::TemplateMessage;
