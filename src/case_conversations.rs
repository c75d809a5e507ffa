//! The Case's conversations while the widget is open: which one is on screen, what each row of
//! the list says about its conversation, and every conversation's unsent draft. Provided once at
//! mount (`app.rs`), read with `CaseConversations::get()`; with one conversation it holds a list
//! of one and the views show no list.
//!
//! Rows are summed up from the backend's thread endpoint with `limit=1` (the header and the newest
//! item): every row at mount, then the rows off screen again each time the agent switches and
//! every `OFF_SCREEN_REFRESH`, so a row's time and unread mark catch up with what happened there
//! (one small request per conversation off screen; a Case has a handful). The conversation on
//! screen keeps its own row current (`ConversationState::open`). Nothing outlives the views: the
//! refresh's clock is cleared when they unmount.

use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::ThreadPage;

use crate::api::Backend;
use crate::conversation_list::{ConversationList, Move, Summary};
use crate::draft_book::DraftBook;
use crate::drafts;
use crate::failure::Failure;

/// How often the rows of the conversations off screen are read again.
const OFF_SCREEN_REFRESH: Duration = Duration::from_secs(30);

/// All handles, so `Copy`.
#[derive(Clone, Copy)]
pub struct CaseConversations {
    list: RwSignal<ConversationList>,
    /// The conversation on screen: changes only when the agent switches, not with the rows.
    selected: Memo<i64>,
    drafts: StoredValue<DraftBook>,
    backend: StoredValue<Backend, LocalStorage>,
}

impl CaseConversations {
    /// The list of `ids` (newest first) with `first` (the newest, loaded) selected, in context
    /// for the views below the caller; the other rows are read from the backend.
    pub fn provide(first: &ThreadPage, ids: &[i64], backend: Backend) -> Self {
        let mut list = ConversationList::new(first.conversation.id, ids);
        list.summarize(first.conversation.id, Summary::of(first));
        let list = RwSignal::new(list);
        let case = Self {
            list,
            selected: Memo::new(move |_| list.with(ConversationList::selected)),
            drafts: StoredValue::new(DraftBook::default()),
            backend: StoredValue::new_local(backend),
        };
        provide_context(case);
        if case.is_several() {
            case.refresh_off_screen();
            let refresh =
                set_interval_with_handle(move || case.refresh_off_screen(), OFF_SCREEN_REFRESH);
            if let Ok(refresh) = refresh {
                on_cleanup(move || refresh.clear());
            }
        }
        case
    }

    /// The case's conversations, as `provide` made them available.
    pub fn get() -> Self {
        expect_context()
    }

    /// Whether the view is of a Case with several conversations (the list is shown).
    pub fn is_several(self) -> bool {
        self.list.with_untracked(ConversationList::is_several)
    }

    /// Reads the list (tracked).
    pub fn with_list<R>(self, read: impl FnOnce(&ConversationList) -> R) -> R {
        self.list.with(read)
    }

    /// The conversation on screen (tracked: changes only when the agent switches).
    pub fn selected(self) -> i64 {
        self.selected.get()
    }

    /// Puts `id` on screen; the rows off screen are read again.
    pub fn select(self, id: i64) {
        let mut changed = false;
        self.list.update(|list| changed = list.select(id));
        if changed {
            self.refresh_off_screen();
        }
    }

    /// Puts `id` on screen, adding it to the list first when it is not one of the Case's (the
    /// customer's other conversations); the list is then shown.
    pub fn open(self, id: i64) {
        self.list.update(|list| list.add(id));
        self.select(id);
    }

    /// Whether the list is shown (tracked: a conversation opened from elsewhere may add a row).
    pub fn shows_list(self) -> bool {
        self.list.with(ConversationList::is_several)
    }

    /// The id a key's move lands on.
    pub fn moved(self, step: Move) -> i64 {
        self.list.with_untracked(|list| list.moved(step))
    }

    /// Reads a conversation's newest page, to put it on screen; its row follows what it says.
    pub async fn open_thread(self, id: i64) -> Result<ThreadPage, Failure> {
        let page = self.backend.get_value().thread(id).await;
        match &page {
            Ok(page) => self.summarize(id, Summary::of(page)),
            Err(failure) => self.fail(id, failure),
        }
        page
    }

    /// What a conversation looks like now; does nothing once unmounted.
    pub fn summarize(self, id: i64, summary: Summary) {
        self.list.try_update(|list| list.summarize(id, summary));
    }

    fn fail(self, id: i64, failure: &Failure) {
        self.list
            .try_update(|list| list.failed(id, failure.message_id()));
    }

    fn refresh_off_screen(self) {
        let (ids, selected) = self
            .list
            .with_untracked(|list| (list.ids(), list.selected()));
        for id in ids.into_iter().filter(|id| *id != selected) {
            let backend = self.backend.get_value();
            spawn_local(async move {
                match backend.newest(id).await {
                    Ok(page) => self.summarize(id, Summary::of(&page)),
                    Err(failure) => self.fail(id, &failure),
                }
            });
        }
    }

    /// The unsent draft of a conversation: as left in this widget, else as browser storage kept it.
    pub fn draft(self, id: i64) -> String {
        let kept = self
            .drafts
            .with_value(|book| book.get(id).map(str::to_owned));
        kept.unwrap_or_else(|| drafts::load(id))
    }

    /// Keeps the draft of a conversation, here and in browser storage (empty once sent).
    pub fn save_draft(self, id: i64, text: &str) {
        self.drafts.try_update_value(|book| book.set(id, text));
        drafts::save(id, text);
    }
}
