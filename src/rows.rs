//! The thread as rows to show: day separators, an unread marker, event lines, and messages
//! grouped by sender. Pure Rust without the browser: the caller says which local calendar day (in
//! the agent's time zone) each item falls on, and which day is today.

use protocol::{AgentEmail, Delivery, ItemKind, LocalDay, ThreadItem};

/// Consecutive messages by the same sender are grouped when each comes within this long
/// after the previous one. Measuring from the previous message (not the group's first) keeps
/// groups stable when an older page is added: only the old first message can join a group.
pub const GROUP_WINDOW_MS: i64 = 5 * 60 * 1000;

/// What a day separator says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayLabel {
    Today,
    Yesterday,
    /// Any other day: the view formats the date in the agent's locale and zone.
    Date,
}

pub fn day_label(day: LocalDay, today: LocalDay) -> DayLabel {
    if day == today {
        DayLabel::Today
    } else if day == today.previous() {
        DayLabel::Yesterday
    } else {
        DayLabel::Date
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Starts a local calendar day; `at_ms` is its first item's time, for formatting the date.
    Day { day: LocalDay, at_ms: i64 },
    /// Marks where the messages that arrived while the agent was scrolled up begin.
    Unread,
    Message {
        item: ThreadItem,
        /// The first message of its group: shows the author and time.
        group_start: bool,
        /// The last message of its group.
        group_end: bool,
    },
    /// Something done to the conversation (`ItemKind::Event`): a line of its own between groups.
    Event { item: ThreadItem },
}

impl Row {
    /// Stable identity of the row in the thread, whatever its presentation (`m42`, `d2026-11-24`).
    /// Every item, message or event, is `m` and its id: the rows the view can anchor on.
    pub fn anchor_key(&self) -> String {
        match self {
            Self::Day { day, .. } => format!("d{}", day.0),
            Self::Unread => "u".to_owned(),
            Self::Message { item, .. } | Self::Event { item } => format!("m{}", item.id),
        }
    }

    /// Identity of what the row shows: it changes when the row must be drawn again (its place in
    /// a group or its delivery state changed).
    pub fn render_key(&self) -> String {
        match self {
            Self::Message {
                item,
                group_start,
                group_end,
            } => {
                let delivery = match &item.delivery {
                    None => String::new(),
                    Some(Delivery::Sending) => "sending".to_owned(),
                    Some(Delivery::Sent) => "sent".to_owned(),
                    Some(Delivery::Failed { code, detail }) => {
                        format!("{}:{}", code.message_id(), detail.as_deref().unwrap_or(""))
                    }
                };
                format!(
                    "m{}:{}{}:{delivery}",
                    item.id, *group_start as u8, *group_end as u8,
                )
            }
            other => other.anchor_key(),
        }
    }

    /// Whether the row shows a thread item (a message or an event).
    pub fn is_item(&self) -> bool {
        matches!(self, Self::Message { .. } | Self::Event { .. })
    }

    /// Whether an anchor key (see [`Row::anchor_key`]) is an item's: the rows a reading position
    /// can be kept on (a day separator or the unread marker moves with the rows around it).
    pub fn is_item_key(key: &str) -> bool {
        key.starts_with('m')
    }
}

/// Who a message is from, as the agent reading the thread sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    Customer,
    /// The agent reading the thread (their email is the item's `agent_email`).
    Me,
    OtherAgent,
    /// An outbound message without an agent's email.
    Bot,
}

impl Sender {
    /// The sender of a message (`None` for an event) for the viewer whose email is given.
    pub fn of(item: &ThreadItem, viewer: Option<&AgentEmail>) -> Option<Self> {
        Some(match (item.kind, item.agent_email.as_ref()) {
            (ItemKind::Inbound, _) => Self::Customer,
            (ItemKind::Event, _) => return None,
            (ItemKind::Outbound, None) => Self::Bot,
            (ItemKind::Outbound, Some(email)) if Some(email) == viewer => Self::Me,
            (ItemKind::Outbound, Some(_)) => Self::OtherAgent,
        })
    }

    /// The CSS class that gives the message its look; the browser tests find it by this class.
    pub fn class(self) -> &'static str {
        match self {
            Self::Customer => "acw-message--customer",
            Self::Me => "acw-message--mine",
            Self::OtherAgent => "acw-message--other-agent",
            Self::Bot => "acw-message--bot",
        }
    }
}

/// How a message's delivery line looks, whoever sent it: its state (`data-state`, and the class
/// `acw-delivery-{state}`) and its icon.
pub fn delivery_look(delivery: &Delivery) -> (&'static str, &'static str) {
    match delivery {
        Delivery::Sending => ("sending", "○"),
        Delivery::Sent => ("sent", "✓"),
        Delivery::Failed { .. } => ("failed", "!"),
    }
}

/// Whether a message's delivery line offers Retry: only on the viewer's own failed reply sent
/// from the widget. A retry is its author's; a message written in Alcméon has no reply to resend.
pub fn offers_retry(item: &ThreadItem, sender: Sender) -> bool {
    sender == Sender::Me
        && item.client_id.is_some()
        && matches!(item.delivery, Some(Delivery::Failed { .. }))
}

/// Emails travel lower case; comparing without ASCII case is enough and needs no Unicode tables.
/// Both messages come from the same person: the customer, one agent (by email, so a reply shown
/// before the backend named its author joins the agent's group), or one bot (by name).
fn same_sender(previous: &ThreadItem, next: &ThreadItem) -> bool {
    if previous.kind != next.kind {
        return false;
    }
    match (&previous.agent_email, &next.agent_email) {
        (Some(a), Some(b)) => a == b,
        (None, None) => previous.author == next.author,
        _ => false,
    }
}

fn same_group(previous: &ThreadItem, next: &ThreadItem) -> bool {
    same_sender(previous, next)
        && next.at_ms >= previous.at_ms
        && next.at_ms - previous.at_ms <= GROUP_WINDOW_MS
}

/// The rows for `items` (oldest first): a separator before each new local day, the unread marker
/// before the item `unread_from` when given, event lines, and messages grouped by sender (an event
/// ends the group before it).
pub fn build_rows(
    items: &[ThreadItem],
    mut day_of: impl FnMut(&ThreadItem) -> LocalDay,
    unread_from: Option<i64>,
) -> Vec<Row> {
    let mut rows = Vec::with_capacity(items.len() + items.len() / 8 + 2);
    let mut current_day: Option<LocalDay> = None;
    let mut previous: Option<&ThreadItem> = None;
    let mut last_message: Option<usize> = None;
    for item in items {
        let day = day_of(item);
        let mut breaks_group = false;
        if current_day != Some(day) {
            rows.push(Row::Day {
                day,
                at_ms: item.at_ms,
            });
            current_day = Some(day);
            breaks_group = true;
        }
        if unread_from == Some(item.id) {
            rows.push(Row::Unread);
            breaks_group = true;
        }
        let is_event = item.kind == ItemKind::Event;
        let continues = !breaks_group
            && !is_event
            && previous.is_some_and(|previous| same_group(previous, item));
        if !continues
            && let Some(Row::Message { group_end, .. }) = last_message.map(|i| &mut rows[i])
        {
            *group_end = true;
        }
        if is_event {
            last_message = None;
            previous = None;
            rows.push(Row::Event { item: item.clone() });
            continue;
        }
        last_message = Some(rows.len());
        previous = Some(item);
        rows.push(Row::Message {
            item: item.clone(),
            group_start: !continues,
            group_end: false,
        });
    }
    if let Some(Row::Message { group_end, .. }) = last_message.map(|i| &mut rows[i]) {
        *group_end = true;
    }
    rows
}

/// The CSS class of a message's side of the thread.
pub fn kind_class(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Inbound => "acw-inbound",
        ItemKind::Outbound => "acw-outbound",
        ItemKind::Event => "acw-event",
    }
}

#[cfg(test)]
mod tests;
