//! Engagement sends, the backend's side: stored `sending` before Alcméon is called, idempotent on
//! the widget's client id within an org and a record, then finished once as `sent` or `failed`;
//! and the conversation a sent engagement opened (its link).
//!
//! Invariants: the UNIQUE `(org, record_key, client_id)` decides a repeat, so two concurrent
//! requests with one client id store (and send) once; a one-off send is stored only while no send
//! of its record is sending or sent, in the same INSERT, so two client ids racing for one record
//! store once too; a send leaves `sending` once (the UPDATE is guarded on it); a record is linked
//! once. Every change wakes the record's engagement page ([`EngagementChange`]).

use std::collections::BTreeMap;

use protocol::{
    AgentEmail, ClientId, EngagementSend, SendFailure, SendFailureCode, SendState, TemplateChannel,
};
use tokio::sync::broadcast;

use super::{Dialect, Store, StoreError, from_serde_name, relay, serde_name};

/// A record whose engagement page changed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EngagementChange {
    pub org: String,
    pub record_key: String,
}

impl EngagementChange {
    /// As sent between instances (`relay.rs`).
    pub(super) fn payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub(super) fn from_payload(payload: &str) -> Option<Self> {
        serde_json::from_str(payload).ok()
    }
}

/// A send about to be stored.
#[derive(Debug, Clone)]
pub struct NewEngagementSend {
    pub org: String,
    /// The engagement record id, or `conversation:<id>` for a re-engagement.
    pub record_key: String,
    pub client_id: ClientId,
    /// An engagement record's one message: refused while another of the record is sending or sent.
    pub one_off: bool,
    pub agent_email: AgentEmail,
    pub channel: TemplateChannel,
    pub account_id: i64,
    pub phone: String,
    pub interrupt: bool,
    pub template_id: i64,
    pub language: String,
    pub content: String,
    pub values: BTreeMap<String, String>,
    pub requested_at_ms: i64,
}

/// A stored send and what it was asked with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSend {
    pub id: i64,
    pub send: EngagementSend,
    pub values: BTreeMap<String, String>,
    pub agent_email: String,
}

/// What storing a send found.
#[derive(Debug)]
pub enum SendInsert {
    /// New: call Alcméon.
    Created(StoredSend),
    /// This client id was stored before: never call Alcméon again.
    Existing(StoredSend),
    /// Another send of this one-off record is sending or sent.
    RecordTaken,
}

/// How Alcméon answered a send.
#[derive(Debug, Clone)]
pub enum SendOutcome {
    Sent { message_id: String, at_ms: i64 },
    Failed(SendFailure),
}

/// A sent one-off engagement not linked to a conversation yet.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PendingLink {
    pub org: String,
    pub record_key: String,
    pub account_id: i64,
    pub phone: String,
    pub sent_at_ms: i64,
}

#[derive(sqlx::FromRow)]
struct SendRow {
    id: i64,
    client_id: String,
    state: String,
    template_id: i64,
    language: String,
    content: String,
    request_values: String,
    requested_at_ms: i64,
    message_id: Option<String>,
    sent_at_ms: Option<i64>,
    failure_code: Option<String>,
    failure_detail: Option<String>,
    ongoing_conversation_id: Option<i64>,
    agent_email: String,
}

const COLUMNS: &str = "id, client_id, state, template_id, language, content, request_values,
    requested_at_ms, message_id, sent_at_ms, failure_code, failure_detail, ongoing_conversation_id,
    agent_email";

impl SendRow {
    fn into_stored(self) -> Result<StoredSend, StoreError> {
        let failure = self.failure_code.as_deref().map(|code| SendFailure {
            code: from_serde_name(code).unwrap_or(SendFailureCode::Unknown),
            detail: self.failure_detail.clone().unwrap_or_default(),
            ongoing_conversation_id: self.ongoing_conversation_id,
        });
        Ok(StoredSend {
            id: self.id,
            send: EngagementSend {
                client_id: ClientId::parse(&self.client_id)
                    .map_err(|e| StoreError::InvalidAction(serde::de::Error::custom(e)))?,
                state: from_serde_name(&self.state).unwrap_or(SendState::Failed),
                template_id: self.template_id,
                language: self.language,
                content: self.content,
                requested_at_ms: self.requested_at_ms,
                message_id: self.message_id,
                sent_at_ms: self.sent_at_ms,
                failure,
            },
            values: serde_json::from_str(&self.request_values)?,
            agent_email: self.agent_email,
        })
    }
}

impl Store {
    /// Stores a send as `sending`, unless its client id is stored already or (one-off) its record
    /// has a send sending or sent.
    pub async fn create_engagement_send(
        &self,
        new: &NewEngagementSend,
    ) -> Result<SendInsert, StoreError> {
        let inserted: Option<SendRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "INSERT INTO engagement_sends (org, record_key, client_id, one_off, agent_email, channel,
                 account_id, phone, interrupt, template_id, language, content, request_values,
                 state, requested_at_ms)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15
             WHERE NOT ($16 AND EXISTS (SELECT 1 FROM engagement_sends
                 WHERE org = $17 AND record_key = $18 AND state IN ('sending', 'sent')))
             ON CONFLICT (org, record_key, client_id) DO NOTHING
             RETURNING {COLUMNS}"
        )))
        .bind(&new.org)
        .bind(&new.record_key)
        .bind(new.client_id.as_str())
        .bind(new.one_off)
        .bind(new.agent_email.as_str())
        .bind(serde_name(new.channel))
        .bind(new.account_id)
        .bind(&new.phone)
        .bind(new.interrupt)
        .bind(new.template_id)
        .bind(&new.language)
        .bind(&new.content)
        .bind(serde_json::to_string(&new.values)?)
        .bind(serde_name(SendState::Sending))
        .bind(new.requested_at_ms)
        .bind(new.one_off)
        .bind(&new.org)
        .bind(&new.record_key)
        .fetch_optional(&mut *self.writer.acquire().await?)
        .await?;
        if let Some(row) = inserted {
            self.engagement_changed(&new.org, &new.record_key);
            return Ok(SendInsert::Created(row.into_stored()?));
        }
        Ok(
            match self
                .engagement_send(&new.org, &new.record_key, &new.client_id)
                .await?
            {
                Some(existing) => SendInsert::Existing(existing),
                None => SendInsert::RecordTaken,
            },
        )
    }

    /// The send stored under a client id of a record, if any.
    pub async fn engagement_send(
        &self,
        org: &str,
        record_key: &str,
        client_id: &ClientId,
    ) -> Result<Option<StoredSend>, StoreError> {
        let row: Option<SendRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM engagement_sends
             WHERE org = $1 AND record_key = $2 AND client_id = $3"
        )))
        .bind(org)
        .bind(record_key)
        .bind(client_id.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(SendRow::into_stored).transpose()
    }

    /// The record's newest send: sending or sent if it has one, else its newest failure.
    pub async fn latest_engagement_send(
        &self,
        org: &str,
        record_key: &str,
    ) -> Result<Option<EngagementSend>, StoreError> {
        let row: Option<SendRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM engagement_sends WHERE org = $1 AND record_key = $2
             ORDER BY state = 'failed', id DESC LIMIT 1"
        )))
        .bind(org)
        .bind(record_key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(SendRow::into_stored).transpose()?.map(|s| s.send))
    }

    /// Moves a `sending` send to `sent` or `failed`; a send that already left `sending` is left as
    /// it is.
    pub async fn finish_engagement_send(
        &self,
        id: i64,
        outcome: &SendOutcome,
    ) -> Result<(), StoreError> {
        let (state, message_id, at_ms, failure) = match outcome {
            SendOutcome::Sent { message_id, at_ms } => (
                SendState::Sent,
                Some(message_id.as_str()),
                Some(*at_ms),
                None,
            ),
            SendOutcome::Failed(failure) => (SendState::Failed, None, None, Some(failure)),
        };
        let record: Option<(String, String)> = sqlx::query_as(
            "UPDATE engagement_sends SET state = $1, message_id = $2, sent_at_ms = $3,
                 failure_code = $4, failure_detail = $5, ongoing_conversation_id = $6
             WHERE id = $7 AND state = 'sending' RETURNING org, record_key",
        )
        .bind(serde_name(state))
        .bind(message_id)
        .bind(at_ms)
        .bind(failure.map(|f| serde_name(f.code)))
        .bind(failure.map(|f| f.detail.as_str()))
        .bind(failure.and_then(|f| f.ongoing_conversation_id))
        .bind(id)
        .fetch_optional(&mut *self.writer.acquire().await?)
        .await?;
        if let Some((org, record_key)) = record {
            self.engagement_changed(&org, &record_key);
        }
        Ok(())
    }

    /// Sends left `sending` by a backend that stopped before Alcméon answered: whether Alcméon took
    /// them is unknown, so they are shown failed (never sent again unasked); returns how many.
    pub async fn fail_interrupted_engagement_sends(&self, detail: &str) -> Result<u64, StoreError> {
        Ok(sqlx::query(
            "UPDATE engagement_sends SET state = 'failed', failure_code = $1, failure_detail = $2
             WHERE state = 'sending'",
        )
        .bind(serde_name(SendFailureCode::AlcmeonUnavailable))
        .bind(detail)
        .execute(&mut *self.writer.acquire().await?)
        .await?
        .rows_affected())
    }

    /// Sent one-off engagements no conversation is linked to yet, sent at or after `since_ms`.
    pub async fn pending_links(&self, since_ms: i64) -> Result<Vec<PendingLink>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.org, s.record_key, s.account_id, s.phone, s.sent_at_ms FROM engagement_sends s
             WHERE s.one_off AND s.state = 'sent' AND s.sent_at_ms >= $1
               AND NOT EXISTS (SELECT 1 FROM engagement_links l
                               WHERE l.org = s.org AND l.record_key = s.record_key)",
        )
        .bind(since_ms)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Links a record to the conversation its engagement opened, once; true when this linked it.
    pub async fn link_engagement(
        &self,
        org: &str,
        record_key: &str,
        conversation_id: i64,
        at_ms: i64,
    ) -> Result<bool, StoreError> {
        let linked = sqlx::query(
            "INSERT INTO engagement_links (org, record_key, conversation_id, linked_at_ms)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(org)
        .bind(record_key)
        .bind(conversation_id)
        .bind(at_ms)
        .execute(&mut *self.writer.acquire().await?)
        .await?
        .rows_affected()
            == 1;
        if linked {
            self.engagement_changed(org, record_key);
        }
        Ok(linked)
    }

    /// The conversation a record's engagement opened, once linked.
    pub async fn engagement_link(
        &self,
        org: &str,
        record_key: &str,
    ) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT conversation_id FROM engagement_links WHERE org = $1 AND record_key = $2",
        )
        .bind(org)
        .bind(record_key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Wakes for every engagement change; subscribe before reading, as for thread events.
    pub fn subscribe_engagements(&self) -> broadcast::Receiver<EngagementChange> {
        self.engagements.subscribe()
    }

    fn engagement_changed(&self, org: &str, record_key: &str) {
        let change = EngagementChange {
            org: org.to_owned(),
            record_key: record_key.to_owned(),
        };
        if self.dialect == Dialect::Sqlite {
            self.publish_engagement(change);
            return;
        }
        self.tell_instances(
            relay::ENGAGEMENT_CHANNEL,
            change.payload(),
            "an engagement change",
        );
    }

    /// Tells this instance's engagement subscribers (none listening is fine).
    pub(super) fn publish_engagement(&self, change: EngagementChange) {
        let _ = self.engagements.send(change);
    }
}
