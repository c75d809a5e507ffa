//! What a new reply needs to know before it is stored, read in one statement: the conversation
//! (may it be answered now?), its newest task (the one a reply answers), and whether the reply's
//! client id is taken already (a post sent again: answered with the stored reply).

use protocol::{ClientId, Conversation};

use super::thread::{ConversationRow, conversation_columns};
use super::{Store, StoreError};

pub struct ReplyTarget {
    pub conversation: Conversation,
    /// The conversation's newest task; none before its first message.
    pub latest_task: Option<i64>,
    pub client_id_taken: bool,
}

#[derive(sqlx::FromRow)]
struct TargetRow {
    #[sqlx(flatten)]
    conversation: ConversationRow,
    latest_task: Option<i64>,
    client_id_taken: i64,
}

impl Store {
    /// `None` for a conversation the replica does not know.
    pub async fn reply_target(
        &self,
        conversation_id: i64,
        client_id: &ClientId,
    ) -> Result<Option<ReplyTarget>, StoreError> {
        let row: Option<TargetRow> = sqlx::query_as(concat!(
            "SELECT ",
            conversation_columns!(),
            ", (SELECT MAX(t.id) FROM tasks t WHERE t.conversation_id = c.id) AS latest_task,
               CASE WHEN EXISTS (SELECT 1 FROM replies r WHERE r.client_id = $2)
                    THEN 1 ELSE 0 END AS client_id_taken
             FROM conversations c WHERE c.id = $1"
        ))
        .bind(conversation_id)
        .bind(client_id.as_str())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| ReplyTarget {
            conversation: row.conversation.into_conversation(),
            latest_task: row.latest_task,
            client_id_taken: row.client_id_taken == 1,
        }))
    }
}
