//! A template being filled in and sent: the form, where the send stands, and the attempts. One
//! click is one attempt; while it is on its way Send does nothing; an attempt the backend did not
//! answer keeps its client id for the next one (`Attempts`), so a network drop never sends twice.
//! An engagement's send, once ended, is written to its Salesforce record through the host.

use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::{ClientId, EngagementSend, EngagementSendRequest, ErrorCode, SendState, Template};

use crate::api::Backend;
use crate::client_ids::new_client_id;
use crate::conversation::Announcer;
use crate::engagement_text::{failure_text, plain, status_text};
use crate::failure::Failure;
use crate::host_context::{HostCallbacks, SendRecord};
use crate::send_status::{Attempts, SendStatus};
use crate::template_form::{Known, TemplateForm};
use crate::time::iso;
use crate::widget_context::WidgetContext;

/// Where a template goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendTarget {
    /// The engagement the session token is bound to (`POST /v1/engagement/sends`).
    Engagement,
    /// A conversation whose reply window has closed (`POST /v1/conversations/{id}/engagements`).
    Conversation(i64),
}

/// All handles, so `Copy`.
#[derive(Clone, Copy)]
pub struct TemplateSend {
    form: RwSignal<TemplateForm>,
    status: RwSignal<SendStatus>,
    attempts: StoredValue<Attempts>,
    /// A send this widget asked for has ended since it opened.
    ended_here: StoredValue<bool>,
    target: SendTarget,
    backend: StoredValue<Backend, LocalStorage>,
    /// Writes an ended engagement send to its record; `None` in a conversation.
    host: StoredValue<Option<HostCallbacks>, LocalStorage>,
    /// Run when the backend refuses a send as blocked (`409`): the page is to be read again.
    on_conflict: StoredValue<Option<Callback<()>>>,
    /// The one live region the send's outcome is said through.
    announcer: Announcer,
    context: WidgetContext,
}

impl TemplateSend {
    /// A form on `templates` in the agent's language order, pre-filled from `known`, in context
    /// for the views below the caller.
    pub fn provide(
        templates: &[Template],
        known: Known,
        target: SendTarget,
        backend: Backend,
        host: Option<HostCallbacks>,
        announcer: Announcer,
    ) -> Self {
        let context = WidgetContext::get();
        let form = TemplateForm::new(templates, &context.lang(), known);
        let send = Self {
            form: RwSignal::new(form),
            status: RwSignal::new(SendStatus::Idle),
            attempts: StoredValue::new(Attempts::default()),
            ended_here: StoredValue::new(false),
            target,
            backend: StoredValue::new_local(backend),
            host: StoredValue::new_local(host),
            on_conflict: StoredValue::new(None),
            announcer,
            context,
        };
        provide_context(send);
        send
    }

    /// Runs `reload` when the backend refuses a send as blocked (`409`).
    pub fn on_conflict(self, reload: Callback<()>) {
        self.on_conflict.set_value(Some(reload));
    }

    /// The template send `provide` made available.
    pub fn get() -> Self {
        expect_context()
    }

    /// Reads the form (tracked).
    pub fn with_form<R>(self, read: impl FnOnce(&TemplateForm) -> R) -> R {
        self.form.with(read)
    }

    pub fn choose(self, template_id: i64) {
        self.form.update(|form| form.choose(template_id));
    }

    pub fn set_field(self, label: &str, value: &str) {
        self.form.update(|form| form.set_field(label, value));
    }

    /// Where the send stands (tracked).
    pub fn status(self) -> SendStatus {
        self.status.get()
    }

    /// Whether a send this widget asked for has ended (not one found ended at mount).
    pub fn ended_here(self) -> bool {
        self.ended_here.try_get_value().unwrap_or(false)
    }

    /// Sends the form as previewed, unless a send is on its way or the form cannot be sent.
    pub fn send(self) {
        if self.status.with_untracked(SendStatus::is_busy) {
            return;
        }
        let sendable = self
            .form
            .with_untracked(|form| matches!(form.filled(), Some(Ok(_))));
        if !sendable {
            return;
        }
        let Some(client_id) = self
            .attempts
            .try_update_value(|attempts| attempts.next(new_client_id))
        else {
            return;
        };
        let Some(request) = self.form.with_untracked(|form| form.request(client_id)) else {
            return;
        };
        self.status.set(SendStatus::Sending);
        spawn_local(async move {
            let result = self.post(&request).await;
            match result {
                Ok(send) => self.show(send),
                Err(failure) => self.not_reached(&request.client_id, &failure),
            }
        });
    }

    async fn post(self, request: &EngagementSendRequest) -> Result<EngagementSend, Failure> {
        let backend = self.backend.get_value();
        match self.target {
            SendTarget::Engagement => backend.send_engagement(request).await,
            SendTarget::Conversation(id) => backend.send_conversation_engagement(id, request).await,
        }
    }

    /// A send as the backend reports it (its answer, or the engagement's live stream): shown,
    /// and, if it is one of this widget's that just ended, written to the record.
    pub fn show(self, send: EngagementSend) {
        if self.status.is_disposed() {
            return;
        }
        let status = SendStatus::of(&send);
        if self.status.get_untracked() != status {
            if send.has_ended() {
                self.announce(&status);
            }
            self.status.set(status);
        }
        let ended_now = self
            .attempts
            .try_update_value(|attempts| attempts.answered(&send))
            .unwrap_or(false);
        if ended_now {
            self.ended_here.set_value(true);
            self.record(&send);
        }
    }

    /// The backend did not answer the send: a blocked send re-reads the page, anything else
    /// shows why, and the attempt's client id waits for the next try. An attempt whose end the
    /// live stream already reported stays as reported: its lost answer changes nothing.
    fn not_reached(self, client_id: &ClientId, failure: &Failure) {
        if self.status.is_disposed() {
            return;
        }
        let still_unknown = self
            .attempts
            .try_with_value(|attempts| attempts.awaits(client_id))
            .unwrap_or(false);
        if !still_unknown {
            return;
        }
        let on_conflict = self.on_conflict.try_get_value().flatten();
        if let (Failure::Api(error), Some(on_conflict)) = (failure, on_conflict)
            && error.code == ErrorCode::Conflict
        {
            self.status.set(SendStatus::Idle);
            on_conflict.run(());
            return;
        }
        let status = SendStatus::NotReached(failure.message_id());
        self.announce(&status);
        self.status.set(status);
    }

    fn announce(self, status: &SendStatus) {
        self.announcer
            .say(status_text(&self.context.i18n(), status));
    }

    fn record(self, send: &EngagementSend) {
        let Some(host) = self.host.get_value() else {
            return;
        };
        let i18n = self.context.i18n();
        let error = match (&send.state, &send.failure) {
            (SendState::Failed, Some(failure)) => Some(plain(&failure_text(&i18n, failure))),
            (SendState::Failed, None) => {
                Some(i18n.t(protocol::SendFailureCode::Unknown.message_id()))
            }
            _ => None,
        };
        host.record_engagement_send(&SendRecord {
            content: send.content.clone(),
            language: send.language.clone(),
            sent_at: send.sent_at_ms.map(iso),
            error,
        });
    }
}
