//! What the widget shows of a Case: the conversation on screen below its customer
//! (`CustomerPanel`); with several (the Case's, or the customer's others the agent opened), their
//! list (`ConversationTabs`) above the panel of the one selected. Switching
//! unmounts the conversation on screen (its stream, clock and files go with it) and opens the
//! selected one from its newest page; each conversation's draft waits in `CaseConversations`.

use leptos::prelude::*;
use protocol::ThreadPage;

use super::conversation_tabs::{ConversationTabs, PANEL_ID, tab_id};
use super::conversation_view::ConversationView;
use super::customer::CustomerPanel;
use super::loaded::Loaded;
use crate::api::Backend;
use crate::case_conversations::CaseConversations;
use crate::host_context::HostCallbacks;

/// `page` is the newest conversation's, already loaded; `conversation_ids` the Case's, newest
/// first, as the host gave them.
#[component]
pub fn CaseView(
    page: ThreadPage,
    conversation_ids: Vec<i64>,
    backend: Backend,
    /// Text the agent typed before the conversation was on screen (while an engagement waited
    /// for the customer's answer): the newest conversation's draft.
    #[prop(optional)]
    draft: String,
    /// The host's Contact search and creation (absent: the customer's link is only shown).
    #[prop(optional)]
    host: HostCallbacks,
) -> impl IntoView {
    let case = CaseConversations::provide(&page, &conversation_ids, backend.clone());
    if !draft.is_empty() {
        case.save_draft(page.conversation.id, &draft);
    }
    // Linking the customer needs the reply permission, the same on every conversation of a token.
    let may_link = page.viewer.may_reply;
    // The newest page is shown once as loaded; coming back to it reads it again.
    let first = StoredValue::new(Some(page));
    let backend = StoredValue::new_local(backend);
    let host = StoredValue::new_local(host);
    let panel = move || {
        let id = case.selected();
        let loaded = first
            .try_update_value(|first| first.take_if(|page| page.conversation.id == id))
            .flatten();
        let conversation = match loaded {
            Some(page) => view! { <ConversationView page backend=backend.get_value()/> }.into_any(),
            None => view! { <SwitchedConversation id backend=backend.get_value()/> }.into_any(),
        };
        view! {
            <CustomerPanel id may_link backend=backend.get_value() host=host.get_value()/>
            {conversation}
        }
    };
    // One conversation shows no list, until the agent opens another of the customer's.
    // A memo: the list is drawn again only when it appears, not on every change of its rows.
    let several = Memo::new(move |_| case.shows_list());
    view! {
        {move || several.get().then(|| view! { <ConversationTabs/> })}
        <div
            class="acw-conversation-panel"
            role=move || several.get().then_some("tabpanel")
            id=PANEL_ID
            aria-labelledby=move || several.get().then(|| tab_id(case.selected()))
        >
            {panel}
        </div>
    }
}

/// A conversation the agent switched to: its newest page is read, then it opens.
#[component]
fn SwitchedConversation(id: i64, backend: Backend) -> impl IntoView {
    let case = CaseConversations::get();
    let backend = StoredValue::new_local(backend);
    view! {
        <Loaded
            load=case.open_thread(id)
            view=move |page| view! { <ConversationView page backend=backend.get_value()/> }.into_any()
            error_class="acw-error"
        />
    }
}
