//! The thread as the widget sees it, and the log of its changes.
//!
//! A reply sent from the widget must show as ONE outbound item through its whole life. The thread
//! is therefore read from one merged view rather than stored twice:
//!
//! - every projected thread item (customer messages, `answer` actions and agents' actions), where an
//!   `answer` linked to a reply carries that reply's `client_id`, author, email and delivery, and
//!   any other `answer` (another agent in Alcméon, a bot) the delivery its `execute-answer` told
//!   ([`answer_delivery`]); an `answer` of an earlier, failed attempt of a reply that was retried
//!   is hidden;
//! - plus every reply Alcméon has not recorded yet (no `answer` linked), under a provisional id
//!   ([`PROVISIONAL_BASE`] + the reply's row id), which sorts after every Alcméon action id.
//!
//! So a reply's item id changes once, from provisional to its `answer` action's id; the widget
//! recognises the item by its `client_id`. A reply's `delivery` is its [`ReplyState`] as the
//! widget sees it ([`ReplyState::delivery`]). Every outbound item has a delivery; no other has.
//!
//! Cost: a page reads each source's newest rows below `before` through its index and the
//! attachments of the page's rows only, in one statement (one snapshot: a reply being recorded
//! shows once, as one source or the other), so it costs the same whatever the conversation's
//! length. The attachments' JSON is the one part written per database (`Dialect`).

use protocol::item_id::PROVISIONAL_BASE;
use protocol::{
    AgentEmail, Channel, ClientId, Conversation, ConversationStatus, ItemKind, ThreadItem,
    ThreadPage, Viewer,
};
use sqlx::{AnyExecutor, AnyPool, AssertSqlSafe};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use tokio::sync::broadcast;

use super::replica_origin::IS_WHOLE;
use super::reply_delivery::answer_delivery;
use super::reply_state::ReplyState;
use super::{Dialect, Store, StoreError, Tx, from_serde_name, now_ms, values_rows};

/// Alcméon's recorded items (`{items}`: rows of [`SHOWN_ITEMS`]), each `answer` with the reply it
/// is the current attempt of. The joins run for the selected items only.
const RECORDED: &str = "SELECT shown.action_id AS id, shown.conversation_id, shown.kind,
           COALESCE(r.agent_name, shown.author) AS author, shown.text, shown.at_ms, r.client_id, r.state,
           r.failure_reason, r.failure_detail,
           CASE WHEN r.id IS NULL THEN shown.agent_email ELSE r.agent_email END AS agent_email,
           shown.event, o.status AS answer_status
    FROM ({items}) AS shown
    LEFT JOIN reply_answers ra ON ra.answer_action_id = shown.action_id
    LEFT JOIN replies r ON r.id = ra.reply_id
    LEFT JOIN answer_outcomes o ON o.answer_action_id = shown.action_id";

/// The thread items `{filter}` (a condition on `t`) selects, less the `answer` of an earlier attempt
/// of a reply (linked to a reply whose current answer is another): hidden. `{then}` orders and
/// limits them before any join, so a page's limit applies to the index scan itself.
const SHOWN_ITEMS: &str = "SELECT * FROM thread_items t WHERE {filter} AND NOT EXISTS (
        SELECT 1 FROM reply_answers ra JOIN replies r ON r.id = ra.reply_id
        WHERE ra.answer_action_id = t.action_id
          AND (r.answer_action_id IS NULL OR r.answer_action_id <> t.action_id)) {then}";

/// The replies Alcméon has not recorded yet, under their provisional ids (`{base}` + row id);
/// `{filter}` is a condition on `r`, the reply. "Not recorded" is asked in the form of
/// `replies_by_conversation`'s expression (migration 0011), so a page reads that index.
const UNRECORDED: &str = "SELECT {base} + r.id AS id, r.conversation_id, 'outbound' AS kind,
           r.agent_name AS author, r.text, r.created_at_ms AS at_ms, r.client_id, r.state,
           r.failure_reason, r.failure_detail, r.agent_email, NULL AS event, NULL AS answer_status
    FROM replies r WHERE (r.answer_action_id IS NULL) = TRUE AND {filter}";

/// `{items}` (rows of [`RECORDED`] or [`UNRECORDED`]) with their attachments, newest first. The
/// attachments are read for these rows only.
const WITH_ATTACHMENTS: &str =
    "SELECT item.*, {attachments} AS attachments FROM ({items}) AS item ORDER BY item.id DESC";

fn recorded(filter: &str, then: &str) -> String {
    let items = SHOWN_ITEMS
        .replace("{filter}", filter)
        .replace("{then}", then);
    RECORDED.replace("{items}", &items)
}

fn unrecorded(filter: &str) -> String {
    UNRECORDED
        .replace("{base}", &PROVISIONAL_BASE.to_string())
        .replace("{filter}", filter)
}

fn with_attachments(dialect: Dialect, items: &str) -> String {
    WITH_ATTACHMENTS
        .replace("{attachments}", dialect.attachments_of_item())
        .replace("{items}", items)
}

/// A page's `LIMIT`, the number of rows wanted (`$3`). Not the bare parameter: SQLite plans for a
/// bound `LIMIT` value, so it would prepare the statement again at every execution.
const ROWS_WANTED: &str = "CAST($3 AS BIGINT)";

static PAGE: [LazyLock<String>; 2] = [
    LazyLock::new(|| page_query(Dialect::Sqlite)),
    LazyLock::new(|| page_query(Dialect::Postgres)),
];

fn page_sql(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => &PAGE[0],
        Dialect::Postgres => &PAGE[1],
    }
}

/// A page of a conversation's thread, newest first (on SQLite as one JSON array: sqlx hands each
/// row from SQLite's worker thread to the request's task on its own, which cost more than the
/// query itself; on PostgreSQL, whose server would build the JSON, as rows): binds the
/// conversation, the recorded items' `before`, the number of rows wanted, and the replies'
/// `before` (less [`PROVISIONAL_BASE`]). Each source gives its own newest rows through its index
/// (`thread_items_by_conversation`, `replies_by_conversation`), so a page reads about as many rows
/// as it holds, whatever the conversation's length. The thread items are ordered by the index's
/// own columns; on PostgreSQL they are bounded by a row comparison rather than an equality on the
/// conversation, so that only that index gives this order and PostgreSQL reads it whatever its
/// statistics say (with `conversation_id = $1`, a generic plan or a table not analysed yet walks
/// the primary key backwards through other conversations' newer items, or reads the whole
/// conversation and sorts it).
fn page_query(dialect: Dialect) -> String {
    let items_of_conversation = match dialect {
        Dialect::Sqlite => "t.conversation_id = $1 AND t.action_id < $2",
        // SQLite positions a scan by a row comparison's first column only.
        Dialect::Postgres => {
            "(t.conversation_id, t.action_id) < ($1, $2) AND t.conversation_id >= $1"
        }
    };
    let recorded = recorded(
        items_of_conversation,
        &format!("ORDER BY t.conversation_id DESC, t.action_id DESC LIMIT {ROWS_WANTED}"),
    );
    let unrecorded = unrecorded("r.conversation_id = $1 AND r.id < $4");
    let page = with_attachments(
        dialect,
        &format!(
            "SELECT * FROM ({recorded}) AS recorded
             UNION ALL
             SELECT * FROM ({unrecorded} ORDER BY r.id DESC LIMIT {ROWS_WANTED}) AS unrecorded
             ORDER BY id DESC LIMIT {ROWS_WANTED}"
        ),
    );
    match dialect {
        Dialect::Sqlite => {
            let fields: Vec<String> = MERGED_COLUMNS
                .iter()
                .map(|column| format!("'{column}', page.{column}"))
                .collect();
            format!(
                "SELECT json_group_array(json_object({}) ORDER BY page.id DESC) AS items
                 FROM ({page}) AS page",
                fields.join(", ")
            )
        }
        Dialect::Postgres => page,
    }
}

/// The columns of a [`MergedRow`], each a key of a page's JSON items on SQLite.
const MERGED_COLUMNS: [&str; 14] = [
    "id",
    "conversation_id",
    "kind",
    "author",
    "text",
    "at_ms",
    "client_id",
    "state",
    "failure_reason",
    "failure_detail",
    "agent_email",
    "event",
    "answer_status",
    "attachments",
];

/// One change to a conversation's thread: the item as it now stands, under its log sequence number.
#[derive(Debug, Clone)]
pub struct ThreadEvent {
    pub seq: i64,
    pub conversation_id: i64,
    pub item: ThreadItem,
}

/// A row of the merged thread; a page's rows come as one JSON array of them ([`page_query`]).
#[derive(sqlx::FromRow, serde::Deserialize)]
struct MergedRow {
    id: i64,
    conversation_id: i64,
    kind: String,
    author: String,
    text: String,
    at_ms: i64,
    client_id: Option<String>,
    state: Option<ReplyState>,
    failure_reason: Option<String>,
    failure_detail: Option<String>,
    agent_email: Option<String>,
    /// `protocol::ConversationEvent` JSON.
    event: Option<String>,
    /// What the `execute-answer` of an `answer` said (`ok`, `fail`), once read.
    answer_status: Option<String>,
    /// `[protocol::Attachment]` JSON.
    #[serde(deserialize_with = "json_text")]
    attachments: Option<String>,
}

/// A JSON value as its text: SQLite's `json_object` embeds a value another JSON function made as
/// JSON, or as a string when it came through a subquery.
fn json_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(
        match <Option<serde_json::Value> as serde::Deserialize>::deserialize(deserializer)? {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(text)) => Some(text),
            Some(json) => Some(json.to_string()),
        },
    )
}

impl MergedRow {
    /// The item as the widget sees it, in its conversation. A value stored by an older version
    /// that no longer parses is left out of the item (and logged), never the item itself.
    fn into_item(self) -> (i64, ThreadItem) {
        let kind = from_serde_name(&self.kind).unwrap_or(ItemKind::Inbound);
        let delivery = match self.state {
            Some(state) => {
                let code = self.failure_reason.as_deref().and_then(from_serde_name);
                Some(state.delivery(code, self.failure_detail))
            }
            None => {
                (kind == ItemKind::Outbound).then(|| answer_delivery(self.answer_status.as_deref()))
            }
        };
        let client_id = self.client_id.and_then(|raw| {
            ClientId::parse(&raw)
                .inspect_err(|_| tracing::warn!(item = self.id, client_id = %raw, "a stored client id is no longer valid; the reply shows without it"))
                .ok()
        });
        let agent_email = self.agent_email.and_then(|raw| {
            AgentEmail::parse(&raw)
                .inspect_err(|_| tracing::warn!(item = self.id, email = %raw, "a stored agent email is not valid; the item shows without it"))
                .ok()
        });
        let item = ThreadItem {
            id: self.id,
            kind,
            author: self.author,
            text: self.text,
            at_ms: self.at_ms,
            delivery,
            client_id,
            agent_email,
            event: self.event.and_then(|json| serde_json::from_str(&json).ok()),
            attachments: self
                .attachments
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
        };
        (self.conversation_id, item)
    }
}

/// The columns of a [`ConversationRow`], of `conversations c`.
macro_rules! conversation_columns {
    () => {
        "c.id, c.channel, c.account_name, c.customer_name, c.status, c.last_inbound_at_ms"
    };
}
pub(super) use conversation_columns;

#[derive(sqlx::FromRow)]
pub(super) struct ConversationRow {
    id: i64,
    channel: String,
    account_name: String,
    customer_name: String,
    status: String,
    last_inbound_at_ms: Option<i64>,
}

impl ConversationRow {
    pub(super) fn into_conversation(self) -> Conversation {
        Conversation {
            id: self.id,
            channel: from_serde_name(&self.channel).unwrap_or(Channel::Other),
            account_name: self.account_name,
            customer_name: self.customer_name,
            status: from_serde_name(&self.status).unwrap_or(ConversationStatus::Open),
            last_inbound_at_ms: self.last_inbound_at_ms,
        }
    }
}

/// What a thread page needs before its items: the conversation, whether the replica holds it whole,
/// and the log's latest sequence for it, in one statement (one snapshot).
static HEAD: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {}, {IS_WHOLE} AS whole,
                (SELECT COALESCE(MAX(e.seq), 0) FROM events e WHERE e.conversation_id = c.id)
                    AS stream_position
         FROM conversations c WHERE c.id = $1",
        conversation_columns!()
    )
});

#[derive(sqlx::FromRow)]
struct HeadRow {
    #[sqlx(flatten)]
    conversation: ConversationRow,
    whole: i64,
    stream_position: i64,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    seq: i64,
    conversation_id: i64,
    /// The `ThreadItem` JSON as sent.
    item: String,
}

impl EventRow {
    fn into_event(self) -> Result<ThreadEvent, StoreError> {
        Ok(ThreadEvent {
            seq: self.seq,
            conversation_id: self.conversation_id,
            item: serde_json::from_str(&self.item)?,
        })
    }
}

/// The current merged item with this id, if it is in a thread, read by its key: the action's id, or
/// a provisional id's reply row.
pub async fn item(tx: &mut Tx<'_>, id: i64) -> Result<Option<(i64, ThreadItem)>, StoreError> {
    let (items, key) = if id > PROVISIONAL_BASE {
        (unrecorded("r.id = $1"), id - PROVISIONAL_BASE)
    } else {
        (recorded("t.action_id = $1", ""), id)
    };
    let dialect = Dialect::of_connection(tx);
    let row: Option<MergedRow> = sqlx::query_as(AssertSqlSafe(with_attachments(dialect, &items)))
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(MergedRow::into_item))
}

/// Appends the current state of each changed item to the event log; returns the events to publish
/// once the transaction commits.
pub async fn log_changes(tx: &mut Tx<'_>, ids: &[i64]) -> Result<Vec<ThreadEvent>, StoreError> {
    if !ids.is_empty() {
        Dialect::of_connection(tx)
            .take_thread_write_turn(tx)
            .await?;
    }
    log_changes_in_turn(tx, ids).await
}

/// [`log_changes`] in a transaction that has taken the thread write turn already: the changed
/// items (each once, in the order of `ids`) read in one statement, and logged in another.
pub async fn log_changes_in_turn(
    tx: &mut Tx<'_>,
    ids: &[i64],
) -> Result<Vec<ThreadEvent>, StoreError> {
    let items = items(tx, &unique(ids)).await?;
    append(tx, items).await
}

/// [`log_changes`] of an item that no other transaction can see or change yet (a reply this one
/// has just inserted): read before the thread writers' turn, which is then taken with its append.
pub async fn log_own_change(tx: &mut Tx<'_>, id: i64) -> Result<Vec<ThreadEvent>, StoreError> {
    let Some((conversation_id, item)) = items(tx, &[id]).await?.pop() else {
        return Ok(vec![]);
    };
    let sql = Dialect::of_connection(tx).append_event_in_turn_sql();
    let seq: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(conversation_id)
        .bind(serde_json::to_string(&item)?)
        .bind(now_ms())
        .fetch_one(&mut **tx)
        .await?;
    Ok(vec![ThreadEvent {
        seq,
        conversation_id,
        item,
    }])
}

fn unique(ids: &[i64]) -> Vec<i64> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

/// Appends the items to the event log, in their order; in the thread writers' turn.
async fn append(
    tx: &mut Tx<'_>,
    items: Vec<(i64, ThreadItem)>,
) -> Result<Vec<ThreadEvent>, StoreError> {
    if items.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "INSERT INTO events (conversation_id, item, created_at_ms) VALUES {} RETURNING seq",
        values_rows(items.len(), 3)
    );
    let mut insert = sqlx::query_scalar(AssertSqlSafe(sql));
    let now = now_ms();
    for (conversation_id, item) in &items {
        insert = insert
            .bind(*conversation_id)
            .bind(serde_json::to_string(item)?)
            .bind(now);
    }
    let mut seqs: Vec<i64> = insert.fetch_all(&mut **tx).await?;
    // Both databases number the rows in the order of VALUES; RETURNING's order is not promised.
    seqs.sort_unstable();
    Ok(seqs
        .into_iter()
        .zip(items)
        .map(|(seq, (conversation_id, item))| ThreadEvent {
            seq,
            conversation_id,
            item,
        })
        .collect())
}

/// The current merged items with these ids that are in a thread, in the order of `ids`: Alcméon's
/// recorded items in one statement, replies not recorded yet (provisional ids) one by one.
async fn items(tx: &mut Tx<'_>, ids: &[i64]) -> Result<Vec<(i64, ThreadItem)>, StoreError> {
    let (provisional, recorded_ids): (Vec<i64>, Vec<i64>) =
        ids.iter().partition(|&&id| id > PROVISIONAL_BASE);
    let mut found: HashMap<i64, (i64, ThreadItem)> = HashMap::new();
    if !recorded_ids.is_empty() {
        let binds: Vec<String> = (1..=recorded_ids.len()).map(|n| format!("${n}")).collect();
        let filter = format!("t.action_id IN ({})", binds.join(", "));
        let dialect = Dialect::of_connection(tx);
        let sql = with_attachments(dialect, &recorded(&filter, ""));
        let mut select = sqlx::query_as(AssertSqlSafe(sql));
        for id in &recorded_ids {
            select = select.bind(*id);
        }
        let rows: Vec<MergedRow> = select.fetch_all(&mut **tx).await?;
        found.extend(rows.into_iter().map(|row| {
            let (conversation_id, item) = row.into_item();
            (item.id, (conversation_id, item))
        }));
    }
    for id in provisional {
        if let Some(found_item) = item(tx, id).await? {
            found.insert(id, found_item);
        }
    }
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// The log's events after `seq`, whatever their conversation, oldest first.
pub async fn events_after_everywhere(
    pool: &AnyPool,
    seq: i64,
    limit: u32,
) -> Result<Vec<ThreadEvent>, StoreError> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT seq, conversation_id, item FROM events WHERE seq > $1 ORDER BY seq LIMIT $2",
    )
    .bind(seq)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(EventRow::into_event).collect()
}

pub async fn read_conversation<'e>(
    executor: impl AnyExecutor<'e>,
    id: i64,
) -> Result<Option<Conversation>, StoreError> {
    let row: Option<ConversationRow> = sqlx::query_as(concat!(
        "SELECT ",
        conversation_columns!(),
        " FROM conversations c WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(executor)
    .await?;
    Ok(row.map(ConversationRow::into_conversation))
}

impl Store {
    pub async fn conversation(&self, id: i64) -> Result<Option<Conversation>, StoreError> {
        read_conversation(&self.pool, id).await
    }

    /// Up to `limit` items older than `before` (the newest ones without it), oldest first, as
    /// `viewer` reads them; `None` for a conversation the replica does not hold whole
    /// (`replica_origin.rs`): unknown, or only its newer actions read.
    ///
    /// The newest page carries its `stream_position`, the log's latest sequence read BEFORE the
    /// items, in the same statement as the conversation: a change logged after it is in the stream
    /// from there, one written between the two statements is in both (the widget replaces it by
    /// id), none is missed. Both statements run on one connection of the pool.
    pub async fn thread(
        &self,
        conversation_id: i64,
        before: Option<i64>,
        limit: u32,
        viewer: Viewer,
    ) -> Result<Option<ThreadPage>, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let head: Option<HeadRow> = sqlx::query_as(AssertSqlSafe(HEAD.as_str()))
            .bind(conversation_id)
            .fetch_optional(&mut *connection)
            .await?;
        let Some(head) = head.filter(|head| head.whole == 1) else {
            return Ok(None);
        };
        let stream_position = before.is_none().then_some(head.stream_position);
        let before = before.unwrap_or(i64::MAX);
        let rows_wanted = i64::from(limit) + 1;
        let sql = AssertSqlSafe(page_sql(self.dialect));
        let provisional_before = before.saturating_sub(PROVISIONAL_BASE);
        let rows: Vec<MergedRow> = match self.dialect {
            Dialect::Sqlite => {
                let items: String = sqlx::query_scalar(sql)
                    .bind(conversation_id)
                    .bind(before)
                    .bind(rows_wanted)
                    .bind(provisional_before)
                    .fetch_one(&mut *connection)
                    .await?;
                serde_json::from_str(&items)?
            }
            Dialect::Postgres => {
                sqlx::query_as(sql)
                    .bind(conversation_id)
                    .bind(before)
                    .bind(rows_wanted)
                    .bind(provisional_before)
                    .fetch_all(&mut *connection)
                    .await?
            }
        };
        drop(connection);
        let has_older = rows.len() > limit as usize;
        let mut items: Vec<ThreadItem> = rows
            .into_iter()
            .take(limit as usize)
            .map(|row| row.into_item().1)
            .collect();
        items.reverse();
        Ok(Some(ThreadPage {
            conversation: head.conversation.into_conversation(),
            viewer,
            items,
            has_older,
            stream_position,
            zone_rules: None,
        }))
    }

    /// Live thread changes of every conversation, from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<ThreadEvent> {
        self.events.subscribe()
    }

    /// The sequence number of the conversation's latest logged change (0 for none).
    pub async fn last_event_seq(&self, conversation_id: i64) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT COALESCE(MAX(seq), 0) FROM events WHERE conversation_id = $1",
        )
        .bind(conversation_id)
        .fetch_one(&self.pool)
        .await?)
    }

    /// The logged changes to a conversation's thread after `seq`, oldest first, at most `limit`.
    pub async fn events_after(
        &self,
        conversation_id: i64,
        seq: i64,
        limit: u32,
    ) -> Result<Vec<ThreadEvent>, StoreError> {
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT seq, conversation_id, item FROM events
             WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(conversation_id)
        .bind(seq)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(EventRow::into_event).collect()
    }

    /// The newest event's sequence in the whole log (0 when empty).
    pub async fn latest_event_seq(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM events")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// The first change still in the log, if any.
    pub async fn oldest_event_seq(&self) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar("SELECT MIN(seq) FROM events")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Forgets logged changes made before `cutoff_ms`; returns how many. A widget whose stream
    /// reconnects after that long refetches the newest page anyway.
    pub async fn prune_events(&self, cutoff_ms: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM events WHERE created_at_ms < $1")
            .bind(cutoff_ms)
            .execute(&mut *self.writer.acquire().await?)
            .await?
            .rows_affected())
    }
}

#[cfg(test)]
mod page_tests;
