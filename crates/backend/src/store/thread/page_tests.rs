//! A page of a long conversation is the slice of the whole merged thread that the simple query
//! (every item of the conversation materialised and sorted) gives, and it is read through indexes:
//! on SQLite by its plan, on PostgreSQL by the rows its plans read (custom and generic, on a table
//! not analysed yet).

use protocol::item_id::PROVISIONAL_BASE;
use protocol::{AgentEmail, ThreadItem, ThreadPage, Viewer};
use sqlx::AssertSqlSafe;

use super::{Dialect, MergedRow, Store, page_sql};

const LONG: i64 = 100;
const OTHER: i64 = 200;

/// The thread as it was read before pages went through indexes: every item of a conversation.
const WHOLE_CONVERSATION: &str = "SELECT * FROM (
    SELECT t.action_id AS id, t.conversation_id, t.kind, COALESCE(r.agent_name, t.author) AS author,
           t.text, t.at_ms, r.client_id, r.state, r.failure_reason, r.failure_detail,
           CASE WHEN r.id IS NULL THEN t.agent_email ELSE r.agent_email END AS agent_email,
           t.event, o.status AS answer_status,
           (SELECT json_group_array(json_object('id', a.id, 'mime_type', a.mime_type, 'size', a.size)
                                    ORDER BY a.position)
            FROM attachments a WHERE a.action_id = t.action_id) AS attachments
    FROM thread_items t
    LEFT JOIN reply_answers ra ON ra.answer_action_id = t.action_id
    LEFT JOIN replies r ON r.id = ra.reply_id
    LEFT JOIN answer_outcomes o ON o.answer_action_id = t.action_id
    WHERE ra.answer_action_id IS NULL OR r.answer_action_id = t.action_id
    UNION ALL
    SELECT $1 + r.id AS id, r.conversation_id, 'outbound', r.agent_name, r.text, r.created_at_ms,
           r.client_id, r.state, r.failure_reason, r.failure_detail, r.agent_email, NULL,
           NULL, NULL
    FROM replies r WHERE r.answer_action_id IS NULL
) WHERE conversation_id = $2";

/// Two conversations whose actions alternate (ids 1..=20,000: even ones are [`LONG`]'s, 10,000
/// items, odd ones [`OTHER`]'s), as the store shapes them: customer messages, conversation events,
/// answers linked to the widget's replies (every 6th id), an earlier failed attempt of some of
/// those replies (hidden), outcomes of answers, one or two attachments on every 7th item, and
/// replies Alcméon has not recorded yet in both conversations, their rows interleaved with the
/// recorded replies'.
const LONG_CONVERSATIONS: &str = r#"
INSERT INTO conversations (id, channel, account_name, customer_name) VALUES
    (100, 'whatsapp', 'Shop', 'Ana'), (200, 'whatsapp', 'Shop', 'Bo');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO actions (id, conversation_id, kind, body)
SELECT i, CASE WHEN i % 2 = 0 THEN 100 ELSE 200 END, 'x', '{}' FROM n;
INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms, event, agent_email)
SELECT id, conversation_id,
       CASE WHEN id % 6 = 0 OR id % 30 = 2 THEN 'outbound' WHEN id % 50 = 24 THEN 'event'
            ELSE 'inbound' END,
       'Author ' || id, 'Message ' || id, 1700000000000 + id,
       CASE WHEN id % 50 = 24 AND id % 6 <> 0 AND id % 30 <> 2 THEN '{"type":"assigned","to":"Zoé"}' END,
       CASE WHEN id % 6 = 0 THEN 'bot@example.com' END
FROM actions;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO replies (client_id, conversation_id, task_id, agent_email, agent_name, text, state,
                     failure_reason, answer_action_id, created_at_ms)
SELECT 'reply-' || i, CASE WHEN i % 2 = 0 THEN 100 ELSE 200 END, 1, 'ann@example.com', 'Ann',
       'Reply ' || i,
       CASE WHEN i % 300 IN (152, 157) THEN 'sending' WHEN i % 300 IN (154, 159) THEN 'failed'
            WHEN i % 12 = 0 THEN 'sent' ELSE 'recorded' END,
       CASE WHEN i % 300 IN (154, 159) THEN 'channel_refused' END,
       CASE WHEN i % 6 = 0 THEN i END, 1700000000000 + i
FROM n WHERE i % 6 = 0 OR i % 300 IN (152, 154, 157, 159) ORDER BY i;
INSERT INTO reply_answers (answer_action_id, reply_id)
SELECT answer_action_id, id FROM replies WHERE answer_action_id IS NOT NULL;
INSERT INTO reply_answers (answer_action_id, reply_id)
SELECT t.action_id, r.id FROM thread_items t JOIN replies r ON r.answer_action_id = t.action_id + 4
WHERE t.action_id % 30 = 2;
INSERT INTO answer_outcomes (answer_action_id, status, action_id)
SELECT action_id, CASE WHEN action_id % 24 = 0 THEN 'ok' ELSE 'fail' END, action_id + 1
FROM thread_items WHERE kind = 'outbound' AND action_id % 12 = 0;
INSERT INTO attachments (action_id, conversation_id, position, mime_type, size, data)
SELECT action_id, conversation_id, 0, 'image/png', 3, x'010203' FROM thread_items WHERE action_id % 7 = 0
UNION ALL
SELECT action_id, conversation_id, 1, 'application/pdf', 2, x'0102' FROM thread_items WHERE action_id % 14 = 0;
"#;

async fn long_conversations() -> (Store, tempfile::TempDir) {
    let dir = tempfile::TempDir::new().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store = Store::open(&url).await.unwrap();
    store.start_replica_after(0).await.unwrap();
    sqlx::raw_sql(LONG_CONVERSATIONS)
        .execute(&mut *store.writer.acquire().await.unwrap())
        .await
        .unwrap();
    (store, dir)
}

fn viewer() -> Viewer {
    Viewer {
        email: AgentEmail::parse("ann@example.com").unwrap(),
        may_reply: true,
    }
}

/// Every item of the conversation, newest first, by the whole-conversation query.
async fn whole_thread(store: &Store, conversation_id: i64) -> Vec<ThreadItem> {
    let rows: Vec<MergedRow> = sqlx::query_as(WHOLE_CONVERSATION)
        .bind(PROVISIONAL_BASE)
        .bind(conversation_id)
        .fetch_all(&store.pool)
        .await
        .unwrap();
    let mut items: Vec<ThreadItem> = rows.into_iter().map(|row| row.into_item().1).collect();
    items.sort_by_key(|item| std::cmp::Reverse(item.id));
    items
}

/// The page the whole thread (newest first) gives: up to `limit` items older than `before`,
/// oldest first, and whether an older one exists.
fn reference_page(
    whole: &[ThreadItem],
    before: Option<i64>,
    limit: usize,
) -> (Vec<ThreadItem>, bool) {
    let older: Vec<&ThreadItem> = whole
        .iter()
        .filter(|item| before.is_none_or(|before| item.id < before))
        .collect();
    let mut items: Vec<ThreadItem> = older.iter().take(limit).map(|&item| item.clone()).collect();
    items.reverse();
    (items, older.len() > limit)
}

async fn page(store: &Store, before: Option<i64>, limit: u32) -> ThreadPage {
    page_of(store, LONG, before, limit).await
}

async fn page_of(
    store: &Store,
    conversation_id: i64,
    before: Option<i64>,
    limit: u32,
) -> ThreadPage {
    store
        .thread(conversation_id, before, limit, viewer())
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn every_page_of_a_long_conversation_is_the_whole_threads_slice() {
    let (store, _dir) = long_conversations().await;
    let whole = whole_thread(&store, LONG).await;
    let provisional = whole.iter().filter(|i| i.id > PROVISIONAL_BASE).count();
    assert_eq!(provisional, 134, "unrecorded replies");
    assert_eq!(whole.len(), 10_000 - 667 + 134, "less the hidden attempts");
    assert!(whole.iter().any(|i| i.attachments.len() == 2));
    assert!(whole.iter().any(|i| i.event.is_some()));
    assert!(
        !whole
            .iter()
            .any(|i| i.id < PROVISIONAL_BASE && i.id % 30 == 2),
        "an earlier attempt's answer is hidden"
    );

    for limit in [50, 200] {
        let mut before = None;
        let mut pages = 0;
        loop {
            let page = page(&store, before, limit).await;
            let (items, has_older) = reference_page(&whole, before, limit as usize);
            assert_eq!(page.items, items, "limit {limit}, before {before:?}");
            assert_eq!(
                page.has_older, has_older,
                "limit {limit}, before {before:?}"
            );
            assert_eq!(page.stream_position.is_some(), before.is_none());
            pages += 1;
            if !page.has_older {
                break;
            }
            before = Some(page.items[0].id);
        }
        assert_eq!(pages, whole.len().div_ceil(limit as usize));
    }
}

#[tokio::test]
async fn unrecorded_replies_come_after_every_recorded_item_page_after_page() {
    let (store, _dir) = long_conversations().await;
    let mut unrecorded: Vec<i64> = whole_thread(&store, LONG)
        .await
        .into_iter()
        .map(|i| i.id)
        .filter(|&id| id > PROVISIONAL_BASE)
        .collect();
    unrecorded.sort();

    let newest = page(&store, None, 50).await;
    assert!(newest.items.iter().all(|i| i.id > PROVISIONAL_BASE));
    assert_eq!(newest.items.last().unwrap().text, "Reply 19954");
    let older = page(&store, Some(unrecorded[3]), 50).await;
    let recorded = older.items.iter().filter(|i| i.id < PROVISIONAL_BASE);
    assert_eq!(
        recorded.count(),
        47,
        "three unrecorded replies, after Alcméon's items"
    );
    assert_eq!(older.items.last().unwrap().id, unrecorded[2]);
    assert!(older.has_older);
    let other = page_of(&store, OTHER, None, 50).await;
    assert_eq!(other.items.last().unwrap().text, "Reply 19959");
    let linked = older
        .items
        .iter()
        .find(|i| i.client_id.is_some() && i.id < PROVISIONAL_BASE);
    assert_eq!(
        linked.unwrap().author,
        "Ann",
        "a recorded answer shows as its reply"
    );
}

/// The page query's plan for the long conversation: (id, parent, detail) of each line.
async fn page_plan(store: &Store) -> Vec<(i64, i64, String)> {
    let rows: Vec<(i64, i64, i64, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "EXPLAIN QUERY PLAN {}",
        page_sql(Dialect::Sqlite)
    )))
    .bind(LONG)
    .bind(i64::MAX)
    .bind(51)
    .bind(i64::MAX - PROVISIONAL_BASE)
    .fetch_all(&store.pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(id, parent, _, detail)| (id, parent, detail))
        .collect()
}

#[tokio::test]
async fn a_page_reads_each_source_through_its_index_newest_first() {
    let (store, _dir) = long_conversations().await;
    let plan = page_plan(&store).await;
    let lines: Vec<&str> = plan.iter().map(|(_, _, detail)| detail.as_str()).collect();
    for read in [
        "SEARCH t USING INDEX thread_items_by_conversation (conversation_id=? AND action_id<?)",
        "SEARCH r USING INDEX replies_by_conversation (conversation_id=? AND <expr>=? AND id<?)",
        "SEARCH a USING INDEX sqlite_autoindex_attachments_1 (action_id=?)",
    ] {
        assert!(lines.contains(&read), "{read} in {lines:#?}");
    }
    let whole_table = |line: &&str| {
        let words: Vec<&str> = line.split(' ').collect();
        matches!(words[..], ["SCAN", "t" | "ra" | "r" | "o" | "a", ..])
    };
    assert!(
        !lines.iter().any(whole_table),
        "no table is read whole: {lines:#?}"
    );
    // Each source's rows are limited in index order before anything else; only the page's own
    // rows, joined, are sorted to merge the two.
    for source in ["CO-ROUTINE shown", "CO-ROUTINE unrecorded"] {
        let (id, _, _) = plan.iter().find(|(_, _, detail)| detail == source).unwrap();
        let sorted = plan
            .iter()
            .any(|(_, parent, detail)| parent == id && detail.starts_with("USE TEMP B-TREE"));
        assert!(
            !sorted,
            "{source} is read in index order, not sorted: {lines:#?}"
        );
    }
}

/// On PostgreSQL, filled in one go and not analysed yet: a short conversation of the oldest
/// actions ([`OTHER`], 9 items) and a long one of every later action ([`LONG`], 10,000 items).
const LONG_CONVERSATION_ON_POSTGRES: &str = "
INSERT INTO conversations (id, channel, account_name, customer_name) VALUES
    (100, 'whatsapp', 'Shop', 'Ana'), (200, 'whatsapp', 'Shop', 'Bo');
INSERT INTO actions (id, conversation_id, kind, body)
SELECT i, CASE WHEN i <= 9 THEN 200 ELSE 100 END, 'x', '{}' FROM generate_series(1, 10009) AS i;
INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms)
SELECT id, conversation_id, 'inbound', 'Ana', 'Message ' || id, 1700000000000 + id FROM actions;";

/// How many rows of `thread_items` the plan's scans of it read (kept or filtered out), from
/// PostgreSQL's `EXPLAIN ANALYZE` text.
fn thread_item_rows_read(plan: &[String]) -> f64 {
    let number_after = |line: &str, key: &str| -> f64 {
        let start = line.find(key).map(|at| at + key.len());
        let digits = start.map(|at| {
            line[at..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect::<String>()
        });
        digits.and_then(|d| d.parse().ok()).unwrap_or(0.0)
    };
    let mut read = 0.0;
    let mut loops = 0.0;
    for line in plan {
        if line.contains("->") || !line.starts_with(' ') {
            loops = 0.0;
        }
        if line.contains(" on thread_items ") {
            let actual = &line[line.find("(actual").unwrap_or(0)..];
            loops = number_after(actual, " loops=");
            read += number_after(actual, " rows=") * loops;
        } else if line.trim_start().starts_with("Rows Removed by Filter:") {
            read += number_after(line, "Filter: ") * loops;
        }
    }
    read
}

/// The plan of the page before `before` as PostgreSQL runs it under `plan_cache_mode` (the first
/// executions of a prepared statement are custom plans, later ones may be generic), with what it
/// read.
async fn explained_page(
    store: &Store,
    conversation_id: i64,
    before: i64,
    plan_cache_mode: &str,
) -> Vec<String> {
    let mut connection = store.pool.acquire().await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(format!(
        "SET plan_cache_mode = {plan_cache_mode};
         PREPARE page (BIGINT, BIGINT, BIGINT, BIGINT) AS {}",
        page_sql(Dialect::Postgres)
    )))
    .execute(&mut *connection)
    .await
    .unwrap();
    let plan = sqlx::query_scalar(AssertSqlSafe(format!(
        "EXPLAIN ANALYZE EXECUTE page({conversation_id}, {before}, 51, {})",
        before.saturating_sub(PROVISIONAL_BASE)
    )))
    .fetch_all(&mut *connection)
    .await
    .unwrap();
    sqlx::raw_sql("DEALLOCATE page; RESET plan_cache_mode")
        .execute(&mut *connection)
        .await
        .unwrap();
    plan
}

#[tokio::test]
async fn on_postgresql_a_page_reads_its_own_rows_whatever_the_plan_and_statistics() {
    let (store, _database) = crate::store::test_databases::fresh_store(Dialect::Postgres).await;
    sqlx::raw_sql(LONG_CONVERSATION_ON_POSTGRES)
        .execute(&store.pool)
        .await
        .unwrap();
    let pages = [
        (LONG, i64::MAX, 51.0),
        (LONG, 5_000, 51.0),
        (OTHER, i64::MAX, 9.0),
    ];
    for (conversation_id, before, items) in pages {
        for plan_cache_mode in ["force_custom_plan", "force_generic_plan"] {
            let plan = explained_page(&store, conversation_id, before, plan_cache_mode).await;
            let read = thread_item_rows_read(&plan);
            let case = format!("conversation {conversation_id} before {before}, {plan_cache_mode}");
            assert!(read >= items, "{case}: the page's rows are read: {plan:#?}");
            assert!(
                read <= 2.0 * items,
                "{case}: {read} items read for a page of {items}: {plan:#?}"
            );
        }
    }
}
