//! The customer of the conversation on screen: whether Alcméon's customer is linked to a
//! Salesforce Contact, their other conversations, and the agent's search, creation and link. Read
//! from the backend when the conversation opens; made by one per conversation panel and dropped
//! with it.
//!
//! Invariant: the view shown is the backend's last answer (the read, or the link's answer), never
//! one the widget made up; a search or a creation that fails leaves what the agent typed and found
//! where it was (the views keep it), and the reason is the host's text.

use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::{ContactLink, CustomerView};

use crate::api::Backend;
use crate::failure::Failure;
use crate::host_context::{ContactMatch, HostCallbacks, NewContact};

/// All handles, so `Copy`.
#[derive(Clone, Copy)]
pub struct CustomerState {
    conversation_id: i64,
    view: RwSignal<Option<Result<CustomerView, Failure>>>,
    backend: StoredValue<Backend, LocalStorage>,
    host: StoredValue<HostCallbacks, LocalStorage>,
}

impl CustomerState {
    /// The customer of `conversation_id`, read from the backend now.
    pub fn load(conversation_id: i64, backend: Backend, host: HostCallbacks) -> Self {
        let state = Self {
            conversation_id,
            view: RwSignal::new(None),
            backend: StoredValue::new_local(backend),
            host: StoredValue::new_local(host),
        };
        let backend = state.backend.get_value();
        spawn_local(async move {
            let read = backend.customer(conversation_id).await;
            state.view.try_set(Some(read));
        });
        state
    }

    /// The conversation whose customer this is.
    pub fn conversation_id(self) -> i64 {
        self.conversation_id
    }

    /// The backend's last answer; `None` while the first is awaited (tracked).
    pub fn view(self) -> Option<Result<CustomerView, Failure>> {
        self.view.get()
    }

    /// Whether the host can search and create Contacts.
    pub fn finds_contacts(self) -> bool {
        self.host.with_value(HostCallbacks::finds_contacts)
    }

    /// The Salesforce records the agent may see matching `term`.
    pub async fn search(self, term: String) -> Result<Vec<ContactMatch>, String> {
        let host = self.host.get_value();
        host.search_contacts(term.trim()).await
    }

    /// Creates a Contact as the agent.
    pub async fn create(self, contact: NewContact) -> Result<ContactMatch, String> {
        let host = self.host.get_value();
        host.create_contact(&contact).await
    }

    /// Links the customer (all their conversations) to `link`; the view becomes the answer.
    pub async fn link(self, link: ContactLink) -> Result<(), Failure> {
        let backend = self.backend.get_value();
        let view = backend.link_customer(self.conversation_id, &link).await?;
        self.view.try_set(Some(Ok(view)));
        Ok(())
    }
}
