//! Customers and the Salesforce records they are linked to: each conversation's customer (Alcméon's
//! `custom_field_user_id`, the `author.group.id` of their messages, set by the record path), the
//! Contact or person Account each org linked a customer to, and the queue of conversations whose
//! `alcmeon__Conversation__c` record an org must receive.
//!
//! Invariants:
//! - One link per customer and org; linking to another Contact replaces it and marks it unwritten
//!   to Alcméon, linking to the same Contact again changes nothing.
//! - A new or changed link and the record syncs it calls for (every conversation of the customer,
//!   in that org) are stored in one transaction: a link is never stored without its records
//!   queued.
//! - Queuing a conversation already queued keeps its older `queued_at_ms` (the sync's lag is the
//!   age of the oldest wait) and the earlier `due_at_ms`.
//! - A link is marked written to Alcméon only while its Contact is still the one written.

use sqlx::{Any, Transaction};

use super::{Store, StoreError, now_ms};

/// A link to make, from the widget (`linked_by` is the agent's email) or from the org's trigger
/// (`linked_by` is [`LINKED_BY_SALESFORCE`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomerLink {
    pub org_id: String,
    pub customer_id: i64,
    pub contact_id: String,
    pub contact_name: String,
    /// The id is a person Account's (`alcmeon__Account__c`), not a Contact's.
    pub person_account: bool,
    pub linked_by: String,
}

/// `linked_by` of a link the org made by setting the Contact on a conversation record.
pub const LINKED_BY_SALESFORCE: &str = "salesforce";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerLink {
    pub org_id: String,
    pub customer_id: i64,
    pub contact_id: String,
    pub contact_name: String,
    pub person_account: bool,
    pub linked_by: String,
    pub linked_at_ms: i64,
    /// When Alcméon's custom field last received this Contact; `None` until it has.
    pub alcmeon_written_at_ms: Option<i64>,
}

/// A `customer_links` row: SQLite has no boolean, so `person_account` is read as a number.
#[derive(sqlx::FromRow)]
struct LinkRow {
    org_id: String,
    customer_id: i64,
    contact_id: String,
    contact_name: String,
    person_account: i64,
    linked_by: String,
    linked_at_ms: i64,
    alcmeon_written_at_ms: Option<i64>,
}

impl From<LinkRow> for CustomerLink {
    fn from(row: LinkRow) -> Self {
        Self {
            org_id: row.org_id,
            customer_id: row.customer_id,
            contact_id: row.contact_id,
            contact_name: row.contact_name,
            person_account: row.person_account != 0,
            linked_by: row.linked_by,
            linked_at_ms: row.linked_at_ms,
            alcmeon_written_at_ms: row.alcmeon_written_at_ms,
        }
    }
}

/// One conversation of a customer, as the 360° list shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CustomerConversation {
    pub conversation_id: i64,
    pub channel: String,
    pub account_id: Option<i64>,
    pub account_name: String,
    pub customer_name: String,
    /// `open` or `closed`.
    pub status: String,
    /// When its newest thread item happened (milliseconds since the Unix epoch), if it has one.
    pub last_activity_at_ms: Option<i64>,
}

impl Store {
    /// Links the customer to the Contact in the org, and queues every conversation of theirs for
    /// a record sync there; answers the link as stored.
    pub async fn link_customer(&self, link: &NewCustomerLink) -> Result<CustomerLink, StoreError> {
        let now = now_ms();
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        let changed = sqlx::query(
            "INSERT INTO customer_links (org_id, customer_id, contact_id, contact_name,
                 person_account, linked_by, linked_at_ms, alcmeon_written_at_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
             ON CONFLICT (org_id, customer_id) DO UPDATE SET
                 contact_id = excluded.contact_id,
                 contact_name = excluded.contact_name,
                 person_account = excluded.person_account,
                 linked_by = excluded.linked_by,
                 linked_at_ms = excluded.linked_at_ms,
                 alcmeon_written_at_ms = NULL
             WHERE customer_links.contact_id <> excluded.contact_id
                OR customer_links.person_account <> excluded.person_account",
        )
        .bind(&link.org_id)
        .bind(link.customer_id)
        .bind(&link.contact_id)
        .bind(&link.contact_name)
        .bind(link.person_account)
        .bind(&link.linked_by)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed > 0 {
            let conversations: Vec<i64> =
                sqlx::query_scalar("SELECT id FROM conversations WHERE customer_id = $1")
                    .bind(link.customer_id)
                    .fetch_all(&mut *tx)
                    .await?;
            queue_in(&mut tx, &link.org_id, &conversations, now).await?;
        }
        let stored: LinkRow = sqlx::query_as(
            "SELECT org_id, customer_id, contact_id, contact_name,
                    CASE WHEN person_account THEN 1 ELSE 0 END AS person_account,
                    linked_by, linked_at_ms, alcmeon_written_at_ms
             FROM customer_links WHERE org_id = $1 AND customer_id = $2",
        )
        .bind(&link.org_id)
        .bind(link.customer_id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(stored.into())
    }

    pub async fn customer_link(
        &self,
        org_id: &str,
        customer_id: i64,
    ) -> Result<Option<CustomerLink>, StoreError> {
        let row: Option<LinkRow> = sqlx::query_as(
            "SELECT org_id, customer_id, contact_id, contact_name,
                    CASE WHEN person_account THEN 1 ELSE 0 END AS person_account,
                    linked_by, linked_at_ms, alcmeon_written_at_ms
             FROM customer_links WHERE org_id = $1 AND customer_id = $2",
        )
        .bind(org_id)
        .bind(customer_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(CustomerLink::from))
    }

    /// The conversation's customer, once a message of theirs named one.
    pub async fn conversation_customer_id(
        &self,
        conversation_id: i64,
    ) -> Result<Option<i64>, StoreError> {
        let customer: Option<Option<i64>> =
            sqlx::query_scalar("SELECT customer_id FROM conversations WHERE id = $1")
                .bind(conversation_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(customer.flatten())
    }

    /// Whether the conversation has a customer who is also the customer of one of `named`.
    pub async fn shares_customer_with(
        &self,
        conversation_id: i64,
        named: &[i64],
    ) -> Result<bool, StoreError> {
        if named.is_empty() {
            return Ok(false);
        }
        let placeholders: Vec<String> = (2..named.len() + 2).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT COUNT(*) FROM conversations asked
             JOIN conversations named ON named.customer_id = asked.customer_id
             WHERE asked.id = $1 AND named.id IN ({})",
            placeholders.join(", ")
        );
        // The SQL holds only numbered placeholders; every id is bound.
        let mut query =
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).bind(conversation_id);
        for id in named {
            query = query.bind(*id);
        }
        Ok(query.fetch_one(&self.pool).await? > 0)
    }

    /// Every conversation of the customer, the most recently active first.
    pub async fn customer_conversations(
        &self,
        customer_id: i64,
    ) -> Result<Vec<CustomerConversation>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT c.id AS conversation_id, c.channel, c.account_id, c.account_name,
                    c.customer_name, c.status,
                    (SELECT t.at_ms FROM thread_items t WHERE t.conversation_id = c.id
                     ORDER BY t.action_id DESC LIMIT 1) AS last_activity_at_ms
             FROM conversations c WHERE c.customer_id = $1
             ORDER BY last_activity_at_ms DESC NULLS LAST, c.id DESC",
        )
        .bind(customer_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Links whose Contact Alcméon's custom field does not hold yet, the oldest first.
    pub async fn links_to_write_to_alcmeon(
        &self,
        limit: i64,
    ) -> Result<Vec<CustomerLink>, StoreError> {
        let rows: Vec<LinkRow> = sqlx::query_as(
            "SELECT org_id, customer_id, contact_id, contact_name,
                    CASE WHEN person_account THEN 1 ELSE 0 END AS person_account,
                    linked_by, linked_at_ms, alcmeon_written_at_ms
             FROM customer_links WHERE alcmeon_written_at_ms IS NULL
             ORDER BY linked_at_ms LIMIT CAST($1 AS BIGINT)",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(CustomerLink::from).collect())
    }

    /// Notes that Alcméon holds `contact_id` for the customer; a link changed since stays unwritten.
    pub async fn note_link_written(
        &self,
        org_id: &str,
        customer_id: i64,
        contact_id: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE customer_links SET alcmeon_written_at_ms = $1
             WHERE org_id = $2 AND customer_id = $3 AND contact_id = $4",
        )
        .bind(now_ms())
        .bind(org_id)
        .bind(customer_id)
        .bind(contact_id)
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Queues the conversations' records for the org, due now.
    pub async fn queue_record_sync(
        &self,
        org_id: &str,
        conversation_ids: &[i64],
    ) -> Result<(), StoreError> {
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        queue_in(&mut tx, org_id, conversation_ids, now_ms()).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Queues the conversations' records for the org within `tx`, due at `now_ms`.
pub(super) async fn queue_in(
    tx: &mut Transaction<'_, Any>,
    org_id: &str,
    conversation_ids: &[i64],
    now_ms: i64,
) -> Result<(), StoreError> {
    for conversation_id in conversation_ids {
        sqlx::query(
            "INSERT INTO record_sync_queue (org_id, conversation_id, queued_at_ms, due_at_ms)
             VALUES ($1, $2, $3, $3)
             ON CONFLICT (org_id, conversation_id) DO UPDATE SET
                 due_at_ms = CASE WHEN record_sync_queue.due_at_ms < excluded.due_at_ms
                                  THEN record_sync_queue.due_at_ms ELSE excluded.due_at_ms END",
        )
        .bind(org_id)
        .bind(conversation_id)
        .bind(now_ms)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
