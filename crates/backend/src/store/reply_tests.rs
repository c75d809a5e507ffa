//! The reply lifecycle end to end in the store: widget side (`replies.rs`) and Alcméon's side
//! (`reply_delivery.rs`) together, as the actions arrive; and the delivery of every other
//! outbound message (another agent's in Alcméon, a bot's).

use protocol::{AgentEmail, ClientId, Delivery, FailureCode, ThreadItem, Viewer, item_id};
use serde_json::{Value, json};

use super::test_databases::{TestDatabase, fresh_store, on_both_databases};
use super::{Author, Dialect, NewReplyRow, ReplyId, ReplyInsert, ReplyState, RetryOutcome, Store};

const ADVISOR: i64 = 7;

async fn store(dialect: Dialect) -> (Store, TestDatabase) {
    let (store, database) = fresh_store(dialect).await;
    store.start_replica_after(0).await.unwrap();
    store.record_action(&task_create(1, 10)).await.unwrap();
    (store, database)
}

fn task_create(id: i64, task: i64) -> Value {
    json!({"id": id, "type": "task-create", "date": "2026-11-20", "time": "10:00:00",
           "account": {"type": "whatsapp"},
           "task": {"id": task, "conversation_id": 100,
                    "message": {"content": "hi", "author": {"name": "Léa"}}}})
}

fn answer(id: i64, advisor: i64, text: &str) -> Value {
    json!({"id": id, "type": "answer", "date": "2026-11-20", "time": "10:01:00",
           "user": {"id": advisor, "name": "Agent"}, "task": {"id": 10, "conversation_id": 100},
           "data": {"answers": [{"content": text}]}})
}

fn executed(id: i64, answer: i64, status: &str) -> Value {
    json!({"id": id, "type": "execute-answer", "date": "2026-11-20", "time": "10:01:01",
           "task": {"id": 10, "conversation_id": 100},
           "data": {"answer_action_id": answer, "answer_status": status}})
}

fn client_id(raw: &str) -> ClientId {
    ClientId::parse(raw).unwrap()
}

/// The author of every reply [`reply`] stores.
fn author() -> Author {
    Author {
        org: "00D1".into(),
        email: AgentEmail::parse("a@example.com").unwrap(),
    }
}

/// The newest task of conversation 100, the one a new reply answers.
async fn task_to_answer(store: &Store) -> i64 {
    let target = store.reply_target(100, &client_id("task-to-answer")).await;
    target.unwrap().unwrap().latest_task.unwrap()
}

/// Stores a reply as the widget's post does, sent as [`ADVISOR`].
async fn reply(store: &Store, client_id: &str, text: &str) -> (ReplyId, ThreadItem) {
    let row = NewReplyRow {
        client_id: self::client_id(client_id),
        conversation_id: 100,
        task_id: task_to_answer(store).await,
        agent_org: "00D1".into(),
        agent_email: AgentEmail::parse("a@example.com").unwrap(),
        agent_name: "Ann".into(),
        text: text.into(),
        created_at_ms: 0,
    };
    let ReplyInsert::Created { reply_id, item } = store.create_reply(&row).await.unwrap() else {
        panic!("{client_id} was stored already");
    };
    store.set_reply_advisor(reply_id, ADVISOR).await.unwrap();
    (reply_id, item)
}

async fn items(store: &Store) -> Vec<ThreadItem> {
    let viewer = Viewer {
        email: AgentEmail::parse("a@example.com").unwrap(),
        may_reply: true,
    };
    store
        .thread(100, None, 50, viewer)
        .await
        .unwrap()
        .unwrap()
        .items
}

on_both_databases! {
async fn an_unrecorded_reply_has_a_provisional_id_after_every_action(dialect) {
    let (store, _database) = store(dialect).await;
    let (_, item) = reply(&store, "c", "hello").await;
    assert_eq!(item.id, item_id::provisional(1));
    assert_eq!(item.delivery, Some(Delivery::Sending));
    assert_eq!(
        items(&store).await.last().unwrap().client_id.as_deref(),
        Some("c")
    );
}
}

on_both_databases! {
async fn the_answer_becomes_the_replys_item_and_its_execution_marks_it_sent(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "c", "hello").await;
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    let thread = items(&store).await;
    assert_eq!(thread.len(), 2, "the reply and its answer are one item");
    assert_eq!((thread[1].id, thread[1].author.as_str()), (2, "Ann"));
    assert_eq!(thread[1].delivery, Some(Delivery::Sending));
    store.record_action(&executed(3, 2, "ok")).await.unwrap();
    assert_eq!(items(&store).await[1].delivery, Some(Delivery::Sent));
}
}

on_both_databases! {
async fn an_execution_read_before_its_answer_is_applied_when_the_answer_arrives(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "c", "hello").await;
    store.record_action(&executed(3, 2, "fail")).await.unwrap();
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    assert_eq!(
        items(&store).await[1].delivery,
        Some(Delivery::Failed {
            code: FailureCode::ChannelRefused,
            detail: None
        })
    );
}
}

on_both_databases! {
async fn answers_of_other_advisors_or_other_texts_are_not_taken_for_a_reply(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "c", "hello").await;
    store.record_action(&answer(2, 99, "hello")).await.unwrap();
    store
        .record_action(&answer(3, ADVISOR, "hello!"))
        .await
        .unwrap();
    let thread = items(&store).await;
    assert_eq!(thread.len(), 4);
    assert!(thread[1].client_id.is_none() && thread[2].client_id.is_none());
    assert_eq!(thread[3].id, item_id::provisional(1));
}
}

on_both_databases! {
async fn a_reply_whose_send_seemed_to_fail_is_matched_when_alcmeon_records_it_after_all(dialect) {
    let (store, _database) = store(dialect).await;
    let (lost, _) = reply(&store, "lost", "hello").await;
    store
        .fail_reply(lost, FailureCode::AlcmeonUnavailable, None)
        .await
        .unwrap();
    reply(&store, "live", "hello").await;
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    store
        .record_action(&answer(3, ADVISOR, "hello"))
        .await
        .unwrap();
    store.record_action(&executed(4, 3, "ok")).await.unwrap();
    let thread = items(&store).await;
    assert_eq!(thread.len(), 3);
    assert_eq!(
        thread[1].client_id.as_deref(),
        Some("live"),
        "sending ones first"
    );
    assert_eq!(thread[2].client_id.as_deref(), Some("lost"));
    assert_eq!(thread[2].delivery, Some(Delivery::Sent));
}
}

on_both_databases! {
async fn two_replies_with_one_text_are_matched_oldest_first(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "first", "ok").await;
    reply(&store, "second", "ok").await;
    store
        .record_action(&answer(2, ADVISOR, "ok"))
        .await
        .unwrap();
    let thread = items(&store).await;
    assert_eq!(thread[1].client_id.as_deref(), Some("first"));
    assert_eq!(thread[2].client_id.as_deref(), Some("second"));
    assert_eq!(thread[2].id, item_id::provisional(2));
}
}

on_both_databases! {
async fn a_retried_reply_hides_its_failed_attempt_and_only_one_retry_resends(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "c", "hello").await;
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    store.record_action(&executed(3, 2, "fail")).await.unwrap();
    assert!(matches!(
        store
            .retry_reply(100, &client_id("c"), &author())
            .await
            .unwrap(),
        RetryOutcome::Resend { task_id: 10, .. }
    ));
    assert!(matches!(
        store
            .retry_reply(100, &client_id("c"), &author())
            .await
            .unwrap(),
        RetryOutcome::Unchanged(_)
    ));
    let thread = items(&store).await;
    assert_eq!(
        thread.len(),
        2,
        "the failed attempt is not shown beside the retry"
    );
    assert_eq!(thread[1].delivery, Some(Delivery::Sending));
    store
        .record_action(&answer(4, ADVISOR, "hello"))
        .await
        .unwrap();
    store.record_action(&executed(5, 4, "ok")).await.unwrap();
    let thread = items(&store).await;
    assert_eq!((thread.len(), thread[1].id), (2, 4));
    assert_eq!(thread[1].delivery, Some(Delivery::Sent));
}
}

on_both_databases! {
async fn only_the_author_retries_a_failed_reply_and_another_agent_changes_nothing(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "c", "hello").await;
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    store.record_action(&executed(3, 2, "fail")).await.unwrap();
    let other_email = Author {
        email: AgentEmail::parse("b@example.com").unwrap(),
        ..author()
    };
    let other_org = Author {
        org: "00D2".into(),
        ..author()
    };
    for someone_else in [other_email, other_org] {
        assert!(matches!(
            store
                .retry_reply(100, &client_id("c"), &someone_else)
                .await
                .unwrap(),
            RetryOutcome::NotAuthor
        ));
    }
    assert!(
        matches!(
            items(&store).await[1].delivery,
            Some(Delivery::Failed { .. })
        ),
        "still failed"
    );
    assert!(matches!(
        store
            .retry_reply(100, &client_id("c"), &author())
            .await
            .unwrap(),
        RetryOutcome::Resend { .. }
    ));
    assert!(matches!(
        store
            .retry_reply(100, &client_id("c"), &author())
            .await
            .unwrap(),
        RetryOutcome::Unchanged(_)
    ));
    let someone_else = Author {
        org: "00D2".into(),
        ..author()
    };
    assert!(
        matches!(
            store
                .retry_reply(100, &client_id("c"), &someone_else)
                .await
                .unwrap(),
            RetryOutcome::NotAuthor
        ),
        "nor is the sending reply shown to another agent"
    );
}
}

async fn is_sending(store: &Store, reply_id: ReplyId) -> bool {
    let state: ReplyState = sqlx::query_scalar("SELECT state FROM replies WHERE id = $1")
        .bind(reply_id)
        .fetch_one(&store.pool)
        .await
        .unwrap();
    state == ReplyState::Sending
}

async fn advisor_of(store: &Store, reply_id: ReplyId) -> Option<i64> {
    sqlx::query_scalar("SELECT advisor_id FROM replies WHERE id = $1")
        .bind(reply_id)
        .fetch_one(&store.pool)
        .await
        .unwrap()
}

on_both_databases! {
/// An attempt's account is recorded only while the reply is sending: once Alcméon accepted it or
/// its answer was read, the outbox is told there is nothing to send, and the account stays the
/// one its answer was matched with.
async fn an_attempt_is_recorded_only_while_its_reply_is_sending(dialect) {
    let (store, _database) = store(dialect).await;
    let (accepted, _) = reply(&store, "accepted", "one").await;
    let (answered, _) = reply(&store, "answered", "two").await;
    let (sending, _) = reply(&store, "sending", "three").await;
    store.mark_submitted(accepted).await.unwrap();
    store
        .record_action(&answer(2, ADVISOR, "two"))
        .await
        .unwrap();
    let other = ADVISOR + 1;
    assert!(!store.set_reply_advisor(accepted, other).await.unwrap());
    assert!(!store.set_reply_advisor(answered, other).await.unwrap());
    assert!(store.set_reply_advisor(sending, other).await.unwrap());
    assert_eq!(advisor_of(&store, accepted).await, Some(ADVISOR));
    assert_eq!(advisor_of(&store, answered).await, Some(ADVISOR));
    assert_eq!(advisor_of(&store, sending).await, Some(other));
}
}

async fn unsubmitted(store: &Store) -> Vec<ReplyId> {
    let replies = store.unsubmitted_replies().await.unwrap();
    replies.into_iter().map(|r| r.reply_id).collect()
}

on_both_databases! {
async fn only_replies_alcmeon_never_accepted_are_left_to_send_again(dialect) {
    let (store, _database) = store(dialect).await;
    let (accepted, _) = reply(&store, "accepted", "one").await;
    let (recorded, _) = reply(&store, "recorded", "two").await;
    let (never_sent, _) = reply(&store, "never-sent", "three").await;
    store.mark_submitted(accepted).await.unwrap();
    store
        .record_action(&answer(2, ADVISOR, "two"))
        .await
        .unwrap();
    assert_eq!(unsubmitted(&store).await, [never_sent]);

    store.record_action(&executed(3, 2, "fail")).await.unwrap();
    store
        .retry_reply(100, &client_id("recorded"), &author())
        .await
        .unwrap();
    assert_eq!(
        unsubmitted(&store).await,
        [never_sent, recorded],
        "a retry is a new attempt, queued after what its conversation had queued"
    );
}
}

on_both_databases! {
async fn a_failure_keeps_alcmeons_word_only_when_no_code_says_it(dialect) {
    let (store, _database) = store(dialect).await;
    let (odd, _) = reply(&store, "odd", "one").await;
    let (known, _) = reply(&store, "known", "two").await;
    store
        .fail_reply(odd, FailureCode::AlcmeonRefused, Some("brand-new-error"))
        .await
        .unwrap();
    store
        .fail_reply(known, FailureCode::TaskNotFound, Some("task-not-found"))
        .await
        .unwrap();
    let thread = items(&store).await;
    assert_eq!(
        thread[1].delivery,
        Some(Delivery::Failed {
            code: FailureCode::AlcmeonRefused,
            detail: Some("brand-new-error".into())
        })
    );
    assert_eq!(
        thread[2].delivery,
        Some(Delivery::Failed {
            code: FailureCode::TaskNotFound,
            detail: None
        })
    );
}
}

on_both_databases! {
async fn every_thread_change_is_logged_in_order_for_replay(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "c", "hello").await;
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    store.record_action(&executed(3, 2, "ok")).await.unwrap();
    let events = store.events_after(100, 0, 100).await.unwrap();
    let deliveries: Vec<_> = events.iter().map(|e| e.item.delivery.clone()).collect();
    assert_eq!(
        deliveries,
        [
            None,
            Some(Delivery::Sending),
            Some(Delivery::Sending),
            Some(Delivery::Sent)
        ]
    );
    assert!(events.windows(2).all(|w| w[0].seq < w[1].seq));
    assert_eq!(
        store
            .events_after(100, events[1].seq, 100)
            .await
            .unwrap()
            .len(),
        2
    );
}
}

on_both_databases! {
async fn late_news_of_an_earlier_step_never_moves_a_reply_back(dialect) {
    let (store, _database) = store(dialect).await;
    let (id, _) = reply(&store, "c", "hello").await;
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    // `started` and a timeout's failure arrive after the answer was read: nothing changes.
    store.mark_submitted(id).await.unwrap();
    store
        .fail_reply(id, FailureCode::AlcmeonUnavailable, None)
        .await
        .unwrap();
    assert_eq!(items(&store).await[1].delivery, Some(Delivery::Sending));
    store.record_action(&executed(3, 2, "ok")).await.unwrap();
    store.mark_submitted(id).await.unwrap();
    store.record_action(&executed(4, 2, "fail")).await.unwrap();
    assert_eq!(items(&store).await[1].delivery, Some(Delivery::Sent));
    assert!(unsubmitted(&store).await.is_empty());
}
}

on_both_databases! {
async fn a_reply_an_older_version_stored_with_an_id_and_email_now_invalid_still_shows_and_sends(dialect) {
    let (store, _database) = store(dialect).await;
    sqlx::query(
        "INSERT INTO replies (client_id, conversation_id, task_id, agent_org, agent_email,
             agent_name, text, state, created_at_ms)
         VALUES ('old id', 100, 10, '00D1', 'not an email', 'Ann', 'from before', 'sending', 5)",
    )
    .execute(&mut *store.writer.acquire().await.unwrap())
    .await
    .unwrap();
    let thread = items(&store).await;
    let old = thread.last().unwrap();
    assert_eq!(old.text, "from before");
    assert_eq!(old.delivery, Some(Delivery::Sending));
    assert_eq!(
        (old.client_id.as_ref(), old.agent_email.as_ref()),
        (None, None),
        "only the values that no longer parse are left out"
    );
    let unsent = store.unsubmitted_replies().await.unwrap();
    assert_eq!(unsent.len(), 1);
    assert_eq!(
        (unsent[0].text.as_str(), unsent[0].agent_email.as_ref()),
        ("from before", None)
    );
}
}

/// An answer someone wrote in Alcméon itself (no reply of the widget), by advisor 99.
const ELSEWHERE: i64 = 99;

on_both_databases! {
async fn an_answer_written_elsewhere_is_sending_until_its_execute_answer_tells_sent_or_failed(dialect) {
    let (store, _database) = store(dialect).await;
    let mut live = store.subscribe();
    let subscribed_after = store.last_event_seq(100).await.unwrap();
    for (id, text) in [(2, "delivered"), (3, "refused")] {
        store
            .record_action(&answer(id, ELSEWHERE, text))
            .await
            .unwrap();
    }
    let thread = items(&store).await;
    assert_eq!(thread[0].delivery, None, "a customer message has none");
    assert_eq!(thread[1].delivery, Some(Delivery::Sending));
    assert_eq!(thread[2].delivery, Some(Delivery::Sending));
    assert_eq!(thread[1].client_id, None);

    store.record_action(&executed(4, 2, "ok")).await.unwrap();
    store.record_action(&executed(5, 3, "fail")).await.unwrap();
    let refused = Delivery::Failed {
        code: FailureCode::ChannelRefused,
        detail: None,
    };
    let thread = items(&store).await;
    assert_eq!(thread[1].delivery, Some(Delivery::Sent));
    assert_eq!(thread[2].delivery, Some(refused.clone()));

    // On PostgreSQL the relay publishes a moment after the commit (`relay.rs`).
    let mut pushed = vec![];
    while pushed.len() < 4 {
        let event = tokio::time::timeout(std::time::Duration::from_secs(10), live.recv())
            .await
            .expect("every change is published")
            .unwrap();
        if event.seq > subscribed_after {
            pushed.push((event.item.id, event.item.delivery));
        }
    }
    assert!(live.try_recv().is_err(), "and nothing else");
    assert_eq!(
        pushed,
        [
            (2, Some(Delivery::Sending)),
            (3, Some(Delivery::Sending)),
            (2, Some(Delivery::Sent)),
            (3, Some(refused.clone())),
        ],
        "the live stream says what the page says"
    );
    let logged = store.events_after(100, 0, 100).await.unwrap();
    assert_eq!(logged.last().unwrap().item.delivery, Some(refused));
}
}

on_both_databases! {
async fn an_outcome_read_before_its_answer_applies_to_it_and_a_later_one_changes_nothing(dialect) {
    let (store, _database) = store(dialect).await;
    store.record_action(&executed(3, 2, "fail")).await.unwrap();
    store
        .record_action(&answer(2, ELSEWHERE, "late"))
        .await
        .unwrap();
    let failed = Some(Delivery::Failed {
        code: FailureCode::ChannelRefused,
        detail: None,
    });
    assert_eq!(items(&store).await[1].delivery, failed);
    let logged = store.events_after(100, 0, 100).await.unwrap().len();
    store.record_action(&executed(4, 2, "ok")).await.unwrap();
    assert_eq!(items(&store).await[1].delivery, failed);
    assert_eq!(
        store.events_after(100, 0, 100).await.unwrap().len(),
        logged,
        "nothing changed, nothing is pushed"
    );
}
}

on_both_databases! {
async fn a_widget_reply_keeps_its_own_state_when_its_answer_is_refused(dialect) {
    let (store, _database) = store(dialect).await;
    reply(&store, "c", "hello").await;
    store
        .record_action(&answer(2, ADVISOR, "hello"))
        .await
        .unwrap();
    store.record_action(&executed(3, 2, "fail")).await.unwrap();
    let item = &items(&store).await[1];
    assert_eq!(item.client_id.as_deref(), Some("c"));
    assert_eq!(
        item.delivery,
        Some(Delivery::Failed {
            code: FailureCode::ChannelRefused,
            detail: None,
        })
    );
}
}

on_both_databases! {
async fn an_answer_made_before_a_reply_was_stored_is_not_taken_for_it(dialect) {
    let (store, _database) = store(dialect).await;
    // The same words by the same advisor, written in Alcméon at 10:01:00 (`answer`), and a reply
    // stored ten seconds later: only a later answer is the reply's.
    let row = NewReplyRow {
        client_id: client_id("later"),
        conversation_id: 100,
        task_id: 10,
        agent_org: "00D1".into(),
        agent_email: AgentEmail::parse("a@example.com").unwrap(),
        agent_name: "Ann".into(),
        text: "Same words".into(),
        created_at_ms: chrono::DateTime::parse_from_rfc3339("2026-11-20T10:01:10Z")
            .unwrap()
            .timestamp_millis(),
    };
    let ReplyInsert::Created { reply_id, .. } = store.create_reply(&row).await.unwrap() else {
        panic!("stored already");
    };
    store.set_reply_advisor(reply_id, ADVISOR).await.unwrap();
    store
        .record_action(&answer(2, ADVISOR, "Same words"))
        .await
        .unwrap();
    assert!(is_sending(&store, reply_id).await);
    let mut later = answer(3, ADVISOR, "Same words");
    later["time"] = json!("10:01:11");
    store.record_action(&later).await.unwrap();
    assert!(!is_sending(&store, reply_id).await);
    assert_eq!(unsubmitted(&store).await, vec![]);
}
}

on_both_databases! {
async fn replies_posted_at_once_are_each_stored_once_and_answered_with_their_own_item(dialect) {
    let (store, _database) = store(dialect).await;
    // Twenty posts at once (stored together on SQLite), the last one a second post of the first.
    let posts: Vec<_> = (0..20)
        .map(|n| {
            let (client, text) = if n == 19 {
                ("post-0".to_owned(), "text 0".to_owned())
            } else {
                (format!("post-{n}"), format!("text {n}"))
            };
            let row = NewReplyRow {
                client_id: client_id(&client),
                conversation_id: 100,
                task_id: 10,
                agent_org: "00D1".into(),
                agent_email: AgentEmail::parse("a@example.com").unwrap(),
                agent_name: "Ann".into(),
                text: text.clone(),
                created_at_ms: 0,
            };
            let store = store.clone();
            tokio::spawn(async move { (text, store.create_reply(&row).await.unwrap()) })
        })
        .collect();
    let mut created = vec![];
    let mut existing = vec![];
    for post in posts {
        match post.await.unwrap() {
            (text, ReplyInsert::Created { reply_id, item }) => {
                assert_eq!(item.text, text, "each post is answered with its own reply");
                assert_eq!(item.id, item_id::provisional(reply_id.0));
                created.push((text, item.id));
            }
            (text, ReplyInsert::Existing(reply)) => existing.push((text, reply.item.id)),
        }
    }
    assert_eq!(created.len(), 19, "one client id posted twice is stored once");
    assert_eq!(existing.len(), 1);
    assert!(
        created.contains(&existing[0]),
        "the second post gets the stored reply"
    );
    assert_eq!(items(&store).await.len(), 20, "the customer's message and 19 replies");
    let places: Vec<i64> =
        sqlx::query_scalar("SELECT queued_seq FROM replies WHERE conversation_id = 100 ORDER BY id")
            .fetch_all(&store.pool)
            .await
            .unwrap();
    assert_eq!(
        places,
        (1..=19).collect::<Vec<i64>>(),
        "each reply takes the next place in its conversation's queue, in the order it shows"
    );
}
}

/// Instances share one PostgreSQL database (SQLite has one instance, so every reply it finds
/// sending at start-up was left by its own previous run).
#[tokio::test]
async fn a_running_instances_replies_are_left_to_it_and_a_stopped_ones_are_taken_over() {
    let (first, database) = store(Dialect::Postgres).await;
    let (mine, _) = reply(&first, "mine", "one").await;
    let second = Store::open(&database.url).await.unwrap();
    assert_eq!(second.claim_replies_left_behind().await.unwrap(), []);
    assert_eq!(first.claim_replies_left_behind().await.unwrap(), []);

    drop(first);
    let started = std::time::Instant::now();
    loop {
        let claimed = second.claim_replies_left_behind().await.unwrap();
        if !claimed.is_empty() {
            assert_eq!(claimed, [mine]);
            break;
        }
        assert!(
            started.elapsed().as_secs() < 10,
            "the stopped instance's reply is taken over"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let third = Store::open(&database.url).await.unwrap();
    assert_eq!(
        third.claim_replies_left_behind().await.unwrap(),
        [],
        "taken over once"
    );
}

on_both_databases! {
/// Advisors and acceptances recorded for many replies at once (written together) each land on
/// their own reply: an answer is matched by its own advisor only, and only the replies accepted
/// leave the ones to send again.
async fn replies_recorded_at_once_each_keep_their_own_advisor_and_state(dialect) {
    let (store, _database) = store(dialect).await;
    let mut ids = vec![];
    for n in 0..20 {
        ids.push(reply(&store, &format!("r{n}"), &format!("text {n}")).await.0);
    }
    let at_once = |n: usize, id: ReplyId| {
        let store = store.clone();
        tokio::spawn(async move {
            store.set_reply_advisor(id, 100 + n as i64).await.unwrap();
            if n.is_multiple_of(2) {
                store.mark_submitted(id).await.unwrap();
            }
        })
    };
    let writes: Vec<_> = ids.iter().enumerate().map(|(n, id)| at_once(n, *id)).collect();
    for write in writes {
        write.await.unwrap();
    }
    let odd: Vec<ReplyId> = ids
        .iter()
        .enumerate()
        .filter(|(n, _)| !n.is_multiple_of(2))
        .map(|(_, id)| *id)
        .collect();
    assert_eq!(unsubmitted(&store).await, odd);
    store
        .record_action(&answer(50, 103, "text 3"))
        .await
        .unwrap();
    store
        .record_action(&answer(51, 104, "text 5"))
        .await
        .unwrap();
    let left: Vec<ReplyId> = odd.into_iter().filter(|id| *id != ids[3]).collect();
    assert_eq!(
        unsubmitted(&store).await,
        left,
        "reply 3 matched by its advisor; reply 5 not by another's"
    );
}
}

/// Before each try a reply asks which earlier replies of its conversation are still sending: it
/// reads those only, not every reply the conversation ever sent.
#[tokio::test]
async fn a_reply_reads_the_earlier_replies_still_sending_not_all_the_conversations_replies() {
    let (store, _database) = store(Dialect::Sqlite).await;
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "EXPLAIN QUERY PLAN {}",
        super::replies::EARLIER_REPLIES_SENDING
    )))
    .bind(1)
    .bind(ReplyState::Sending)
    .fetch_all(&store.pool)
    .await
    .unwrap();
    let lines: Vec<&str> = plan.iter().map(|(.., detail)| detail.as_str()).collect();
    let read = "SEARCH e USING INDEX replies_sending_in_queue_order \
                (conversation_id=? AND state=? AND queued_seq<?)";
    assert!(lines.contains(&read), "{read} in {lines:#?}");
}

/// On PostgreSQL a reply's event draws its `seq` in the thread writers' turn: a reply stored while
/// another thread write holds the turn is logged after that write's events, so a widget resuming
/// the log after the other write's event still gets the reply.
#[tokio::test]
async fn a_reply_stored_while_another_write_holds_the_turn_is_logged_after_it() {
    let (store, _database) = store(Dialect::Postgres).await;
    let mut other = store.writer.acquire().await.unwrap();
    let mut in_turn = Dialect::Postgres
        .begin_thread_write(&mut other)
        .await
        .unwrap();
    let posted = {
        let store = store.clone();
        tokio::spawn(async move { reply(&store, "while-in-turn", "stored meanwhile").await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !posted.is_finished(),
        "the reply was logged while another write held the turn"
    );
    // The other write logs the customer's message (action 1) again.
    let other_events = super::thread::log_changes_in_turn(&mut in_turn, &[1])
        .await
        .unwrap();
    in_turn.commit().await.unwrap();
    let (_, item) = posted.await.unwrap();
    let resumed = store
        .events_after(100, other_events[0].seq, 10)
        .await
        .unwrap();
    assert_eq!(
        resumed
            .iter()
            .map(|event| &event.item.text)
            .collect::<Vec<_>>(),
        vec![&item.text],
        "after the other write's event comes the reply"
    );
}
