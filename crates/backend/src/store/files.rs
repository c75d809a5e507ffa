//! Files Alcméon sends inline in its actions (a customer message's `attachments`, an answer's
//! `pictures`), decoded once and kept in the replica so that the widget fetches them one by one.

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use protocol::Attachment;
use serde_json::Value;

use super::{Store, StoreError, Tx};
use crate::alcmeon::Action;

/// Standard base64, with or without padding.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A decoded file and its place among the action's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineFile {
    pub position: i64,
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

/// A stored file, as the attachments endpoint serves it.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub attachment: Attachment,
    pub bytes: Vec<u8>,
}

/// The files an action carries, in order. One whose data is not base64 is skipped with a warning;
/// the message itself is never lost over a file.
pub fn inline_files(action: &Action) -> Vec<InlineFile> {
    let listed: Vec<&Value> = match action.kind.as_str() {
        "task-create" => action
            .task
            .as_ref()
            .and_then(|task| task.message.as_ref()?.attachments.as_ref()?.as_array())
            .map(|files| files.iter().collect())
            .unwrap_or_default(),
        "answer" => action
            .data
            .as_ref()
            .and_then(|data| data.get("answers")?.as_array())
            .into_iter()
            .flatten()
            .filter_map(|answer| answer.get("pictures")?.as_array())
            .flatten()
            .collect(),
        _ => vec![],
    };
    listed
        .into_iter()
        .zip(0..)
        .filter_map(|(file, position)| decode(action.id, position, file))
        .collect()
}

fn decode(action_id: i64, position: i64, file: &Value) -> Option<InlineFile> {
    let data: Option<String> = file
        .get("data")
        .and_then(Value::as_str)
        .map(|data| data.chars().filter(|c| !c.is_ascii_whitespace()).collect());
    let Some(bytes) = data.and_then(|data| BASE64.decode(data).ok()) else {
        tracing::warn!(
            action_id,
            position,
            "an attachment was skipped: its data is missing or not base64"
        );
        return None;
    };
    let mime_type = file
        .get("mime_type")
        .and_then(Value::as_str)
        .filter(|mime| !mime.trim().is_empty())
        .unwrap_or("application/octet-stream");
    Some(InlineFile {
        position,
        mime_type: mime_type.trim().to_owned(),
        bytes,
    })
}

#[derive(sqlx::FromRow)]
struct FileRow {
    id: i64,
    mime_type: String,
    size: i64,
    data: Vec<u8>,
}

impl FileRow {
    fn into_file(self) -> StoredFile {
        StoredFile {
            attachment: Attachment {
                id: self.id,
                mime_type: self.mime_type,
                size: self.size.unsigned_abs(),
            },
            bytes: self.data,
        }
    }
}

pub(super) async fn insert(
    tx: &mut Tx<'_>,
    action_id: i64,
    conversation_id: i64,
    files: &[InlineFile],
) -> Result<(), StoreError> {
    for file in files {
        sqlx::query(
            "INSERT INTO attachments (action_id, conversation_id, position, mime_type, size, data)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (action_id, position) DO NOTHING",
        )
        .bind(action_id)
        .bind(conversation_id)
        .bind(file.position)
        .bind(&file.mime_type)
        .bind(file.bytes.len() as i64)
        .bind(&file.bytes)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// A file of the conversation; `None` when no file has this id in this conversation.
    pub async fn attachment(
        &self,
        conversation_id: i64,
        id: i64,
    ) -> Result<Option<StoredFile>, StoreError> {
        let row: Option<FileRow> = sqlx::query_as(
            "SELECT id, mime_type, size, data FROM attachments WHERE id = $1 AND conversation_id = $2",
        )
        .bind(id)
        .bind(conversation_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(FileRow::into_file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn action(value: Value) -> Action {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn a_messages_attachments_are_decoded_and_a_malformed_one_is_skipped() {
        let files = inline_files(&action(json!({
            "id": 1, "type": "task-create",
            "task": {"conversation_id": 4, "message": {"content": "see files", "attachments": [
                {"id": 9, "mime_type": "application/pdf", "data": "JVBERi0x\nLjQ=", "size": 8},
                {"id": 10, "mime_type": "image/png", "data": "**not base64**", "size": 3},
                {"id": 11, "data": "aGk"}
            ]}}
        })));
        assert_eq!(
            files,
            [
                InlineFile {
                    position: 0,
                    mime_type: "application/pdf".into(),
                    bytes: b"%PDF-1.4".to_vec()
                },
                InlineFile {
                    position: 2,
                    mime_type: "application/octet-stream".into(),
                    bytes: b"hi".to_vec()
                },
            ]
        );
    }

    #[test]
    fn an_answers_pictures_are_its_files_across_its_parts() {
        let files = inline_files(&action(json!({
            "id": 2, "type": "answer", "task": {"conversation_id": 4},
            "data": {"answers": [
                {"content": "one", "pictures": [{"mime_type": "image/gif", "data": "R0lG"}]},
                {"content": "two"},
                {"content": "three", "pictures": [{"mime_type": "image/png", "data": "iVBO"}]}
            ]}
        })));
        let kinds: Vec<_> = files
            .iter()
            .map(|f| (f.position, f.mime_type.as_str()))
            .collect();
        assert_eq!(kinds, [(0, "image/gif"), (1, "image/png")]);
    }

    #[test]
    fn attachments_that_are_not_a_list_are_no_files() {
        let files = inline_files(&action(json!({
            "id": 3, "type": "task-create",
            "task": {"conversation_id": 4, "message": {"attachments": {"oops": true}}}
        })));
        assert!(files.is_empty());
    }
}
