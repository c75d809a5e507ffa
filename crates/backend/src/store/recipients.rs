//! Who each conversation is with: its Alcméon account, its customer (`custom_field_user_id`, read
//! by `customers.rs`) and their number, so an engagement
//! finds the conversations of its recipient on its sender account (the link, the ongoing
//! conversation of a 403, and what an engagement token may open).
//!
//! Invariants: the number is read only from the custom field `ALCMEON_CUSTOMER_PHONE_FIELD_ID` of
//! the action author's group and stored normalised (`protocol::normalize_phone`), or not at all; a
//! conversation's account is the first one its actions named; a later number replaces an earlier
//! one (a customer may correct theirs).

use protocol::{Channel, normalize_phone};

use super::{Store, StoreError, from_serde_name};
use crate::alcmeon::Action;

/// One conversation of a recipient.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RecipientConversation {
    pub conversation_id: i64,
    /// When the customer first wrote in it (milliseconds since the Unix epoch), if they did.
    pub first_customer_message_at_ms: Option<i64>,
}

/// An account the replica has seen conversations on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownAccount {
    pub channel: Channel,
    pub name: String,
}

/// What an action tells of its conversation's account and customer.
#[derive(Debug, Default)]
pub(super) struct Customer {
    pub account_id: Option<i64>,
    pub phone: Option<String>,
    /// The author's `custom_field_user_id`, on a customer message.
    pub customer_id: Option<i64>,
}

pub(super) fn customer_of(action: &Action, phone_field_id: Option<i64>) -> Customer {
    let author = action
        .task
        .as_ref()
        .and_then(|task| task.message.as_ref())
        .and_then(|message| message.author.as_ref());
    let phone = phone_field_id
        .zip(author)
        .and_then(|(field_id, author)| author.phone_field(field_id))
        .and_then(|raw| normalize_phone(&raw));
    let customer_id = author
        .filter(|_| action.kind == "task-create")
        .and_then(|author| author.group.as_ref()?.id);
    Customer {
        account_id: action.account.as_ref().and_then(|account| account.id),
        phone,
        customer_id,
    }
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    channel: String,
    account_name: String,
}

impl Store {
    /// The conversations of the customer `phone` (normalised) on `account_id`, newest first.
    pub async fn recipient_conversations(
        &self,
        account_id: i64,
        phone: &str,
    ) -> Result<Vec<RecipientConversation>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT c.id AS conversation_id,
                    (SELECT MIN(t.at_ms) FROM thread_items t
                     WHERE t.conversation_id = c.id AND t.kind = 'inbound') AS first_customer_message_at_ms
             FROM conversations c WHERE c.account_id = $1 AND c.customer_phone = $2
             ORDER BY c.id DESC",
        )
        .bind(account_id)
        .bind(phone)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The channel and name of an account the replica has seen a conversation on.
    pub async fn known_account(&self, account_id: i64) -> Result<Option<KnownAccount>, StoreError> {
        let row: Option<AccountRow> = sqlx::query_as(
            "SELECT channel, account_name FROM conversations WHERE account_id = $1
             ORDER BY id DESC LIMIT 1",
        )
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|row| {
            Some(KnownAccount {
                channel: from_serde_name(&row.channel)?,
                name: row.account_name,
            })
        }))
    }

    /// The account and customer number of a conversation, when the replica knows both.
    pub async fn conversation_customer(
        &self,
        conversation_id: i64,
    ) -> Result<Option<(i64, String)>, StoreError> {
        let row: Option<(Option<i64>, Option<String>)> =
            sqlx::query_as("SELECT account_id, customer_phone FROM conversations WHERE id = $1")
                .bind(conversation_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|(account, phone)| account.zip(phone)))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::store::Dialect;
    use crate::store::test_databases::{TestDatabase, fresh_store, on_both_databases};

    async fn store(dialect: Dialect, phone_field: Option<i64>) -> (Store, TestDatabase) {
        let (store, database) = fresh_store(dialect).await;
        (store.with_customer_phone_field(phone_field), database)
    }

    fn customer_message(
        id: i64,
        conversation_id: i64,
        time: &str,
        prefix: &str,
    ) -> serde_json::Value {
        json!({
            "id": id, "type": "task-create", "date": "2026-11-20", "time": time,
            "account": {"id": 201, "name": "Lumio WhatsApp", "type": "whatsapp"},
            "task": {"id": id, "conversation_id": conversation_id, "message": {
                "content": "Hi", "date": "2026-11-20", "time": time,
                "author": {"name": "Camille", "group": {"custom_fields": [
                    {"field_id": 9, "field_value": "not a phone"},
                    {"field_id": 5001, "field_value": {"country_prefix": prefix, "number": "612345678"}}
                ]}}}}
        })
    }

    on_both_databases! {
    async fn a_customers_conversations_are_found_by_account_and_number_newest_first(dialect) {
        let (store, _database) = store(dialect, Some(5001)).await;
        store
            .record_action(&customer_message(1, 11, "10:00:00", "33"))
            .await
            .unwrap();
        store
            .record_action(&customer_message(2, 12, "11:00:00", "+33"))
            .await
            .unwrap();
        let found = store
            .recipient_conversations(201, "33612345678")
            .await
            .unwrap();
        let ids: Vec<_> = found.iter().map(|c| c.conversation_id).collect();
        assert_eq!(ids, [12, 11]);
        assert_eq!(
            found[1].first_customer_message_at_ms,
            Some(1_795_168_800_000)
        );
        assert!(
            store
                .recipient_conversations(202, "33612345678")
                .await
                .unwrap()
                .is_empty()
        );
        let account = store.known_account(201).await.unwrap().unwrap();
        assert_eq!(
            (account.channel, account.name.as_str()),
            (Channel::Whatsapp, "Lumio WhatsApp")
        );
        assert_eq!(
            store.conversation_customer(11).await.unwrap(),
            Some((201, "33612345678".to_owned()))
        );
    }
    }

    #[tokio::test]
    async fn conversations_stored_before_0010_get_their_account_from_their_actions() {
        use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
        use std::str::FromStr;
        let dir = tempfile::TempDir::new().unwrap();
        let url = format!("sqlite://{}", dir.path().join("old.db").display());
        let options = SqliteConnectOptions::from_str(&url)
            .unwrap()
            .create_if_missing(true);
        let pool = SqlitePool::connect_with(options).await.unwrap();
        sqlx::migrate!("./migrations/sqlite")
            .run_to(9, &pool)
            .await
            .unwrap();
        sqlx::raw_sql(
            r#"INSERT INTO actions (id, conversation_id, kind, body) VALUES
                   (1, 100, 'task-create', '{"id": 1, "account": {"id": 201, "type": "whatsapp"}}'),
                   (2, 200, 'task-create', '{"id": 2}');
               INSERT INTO conversations (id, channel, account_name, customer_name) VALUES
                   (100, 'whatsapp', 'Shop', 'Ana'), (200, 'whatsapp', 'Other', 'Bo');"#,
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
        let store = Store::open(&url).await.unwrap();
        let account = store.known_account(201).await.unwrap().unwrap();
        assert_eq!(account.name, "Shop");
        assert_eq!(
            store.conversation_customer(100).await.unwrap(),
            None,
            "no number yet"
        );
    }

    on_both_databases! {
    async fn without_the_field_id_no_number_is_read(dialect) {
        let (store, _database) = store(dialect, None).await;
        store
            .record_action(&customer_message(1, 11, "10:00:00", "33"))
            .await
            .unwrap();
        assert!(
            store
                .recipient_conversations(201, "33612345678")
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(store.conversation_customer(11).await.unwrap(), None);
    }
    }
}
