//! The engagement page as the widget follows it: read at mount, then kept current from the
//! engagement's live stream (read again each time the stream opens, so nothing is missed) and
//! after a refused send. Its send is shown through the page's `TemplateSend`; the moment the
//! backend links the conversation the customer's answer opened, the widget switches to it
//! (`Switch`), keeping what the agent typed meanwhile as that conversation's draft.

use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::EngagementPage;
use send_wrapper::SendWrapper;

use super::template_send::{SendTarget, TemplateSend};
use crate::api::Backend;
use crate::conversation::Announcer;
use crate::host_context::HostCallbacks;
use crate::live;
use crate::template_form::Known;

/// Which conversation to show instead of the engagement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switch {
    pub conversation_id: i64,
    /// The conversation the engagement became (written to its record), not merely the
    /// customer's ongoing one the agent chose to open.
    pub linked: bool,
    /// What the agent typed while waiting for the answer: the conversation's draft.
    pub draft: String,
    /// The customer's name, for the announcement.
    pub customer: String,
}

/// All handles, so `Copy`.
#[derive(Clone, Copy)]
pub struct EngagementState {
    page: RwSignal<EngagementPage>,
    /// The reply the agent prepares while waiting for the customer's answer.
    draft: RwSignal<String>,
    send: TemplateSend,
    backend: StoredValue<Backend, LocalStorage>,
    on_switch: Callback<Switch>,
}

impl EngagementState {
    /// The state of the engagement `page` shows, in context (with its `TemplateSend`) for the
    /// views below the caller, followed live until they unmount. `on_switch` puts a conversation
    /// on screen instead.
    pub fn open(
        page: EngagementPage,
        backend: Backend,
        host: HostCallbacks,
        on_switch: Callback<Switch>,
    ) -> Self {
        let known = Known {
            customer_name: page.recipient.name.clone(),
            case_number: page.case_number.clone(),
            agent_name: page.agent_name.clone(),
        };
        let page_signal = RwSignal::new(page.clone());
        let send = TemplateSend::provide(
            &page.templates,
            known,
            SendTarget::Engagement,
            backend.clone(),
            Some(host),
            use_context::<Announcer>().unwrap_or_else(Announcer::new),
        );
        let state = Self {
            page: page_signal,
            draft: RwSignal::new(String::new()),
            send,
            backend: StoredValue::new_local(backend.clone()),
            on_switch,
        };
        provide_context(state);
        send.on_conflict(Callback::new(move |()| state.reload()));
        if let Some(send) = page.send {
            state.send.show(send);
        }
        state.follow_live(backend);
        state
    }

    /// The engagement state `open` provided.
    pub fn get() -> Self {
        expect_context()
    }

    /// Reads the page (tracked).
    pub fn with_page<R>(self, read: impl FnOnce(&EngagementPage) -> R) -> R {
        self.page.with(read)
    }

    /// The reply prepared while waiting (tracked).
    pub fn draft(self) -> String {
        self.draft.get()
    }

    pub fn set_draft(self, text: &str) {
        self.draft.set(text.to_owned());
    }

    /// Puts the customer's ongoing conversation on screen instead (a send refused because of it).
    pub fn open_ongoing(self, conversation_id: i64) {
        self.switch(conversation_id, false);
    }

    /// The page as the backend reports it now.
    fn receive(self, page: EngagementPage) {
        if self.page.is_disposed() {
            return;
        }
        if let Some(send) = page.send.clone() {
            self.send.show(send);
        }
        let linked = page.conversation_id;
        self.page.set(page);
        if let Some(id) = linked {
            self.switch(id, true);
        }
    }

    /// Reads the page again (after a send was refused as blocked).
    pub fn reload(self) {
        let backend = self.backend.get_value();
        spawn_local(async move {
            if let Ok(page) = backend.engagement().await {
                self.receive(page);
            }
        });
    }

    fn switch(self, conversation_id: i64, linked: bool) {
        let Some(draft) = self.draft.try_get_untracked() else {
            return;
        };
        let customer = self.page.with_untracked(|page| page.recipient.name.clone());
        self.on_switch.run(Switch {
            conversation_id,
            linked,
            draft,
            customer,
        });
    }

    /// Follows the engagement's stream until the views unmount; each time it (re)opens, the
    /// page is read again.
    fn follow_live(self, backend: Backend) {
        let Ok(controller) = web_sys::AbortController::new() else {
            return;
        };
        let stop = controller.signal();
        let controller = SendWrapper::new(controller);
        on_cleanup(move || controller.abort());
        spawn_local(live::follow_engagement(
            backend,
            stop,
            move || self.reload(),
            move |page| self.receive(page),
        ));
    }
}
