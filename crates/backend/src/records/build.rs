//! One `alcmeon__Conversation__c` record, built from what the replica holds (plain data in, JSON
//! fields out).
//!
//! Invariants: the external id is `protocol::ScopedId`'s, or the one the record was first written
//! with; `alcmeon__url__c` changes with every new customer message (the Alcméon package's demo
//! trigger and PushTopic take a changed URL for a new message); the status is `OPENED` only for
//! the customer's newest conversation, and only while Alcméon has it open; a linked customer's
//! record names the Contact, or the person account, never both; text fields are cut to their
//! length in the package (255 characters); `alcmeon__To_SF_Queue_Id__c` is written only for a
//! conversation on an account mapped with a Queue: the Queue while Alcméon has the conversation
//! open, null once it is closed.

use protocol::ScopedId;
use serde_json::{Map, Value};

use crate::store::RecordSource;

/// The record's status as the package spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordStatus {
    Opened,
    Closed,
}

impl RecordStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Opened => "OPENED",
            RecordStatus::Closed => "CLOSED",
        }
    }

    /// `newest`: the conversation is its customer's newest (or its customer is not known).
    pub fn of(source: &RecordSource, newest: bool) -> Self {
        if newest && source.status != "closed" {
            RecordStatus::Opened
        } else {
            RecordStatus::Closed
        }
    }
}

/// The Contact (or person account) the customer is linked to in the org.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub id: String,
    pub person_account: bool,
}

/// Where the backend's records point and whom they belong to.
#[derive(Debug, Clone)]
pub struct Environment {
    pub company_id: i64,
    /// Alcméon's instance id (the application's), in the web app's URLs.
    pub instance_id: String,
}

/// The package's text fields hold 255 characters.
const TEXT_LENGTH: usize = 255;

/// The record's external id and fields. `queue`: the Salesforce Queue the conversation's social
/// account is mapped with in the org, if any.
pub fn record(
    environment: &Environment,
    source: &RecordSource,
    status: RecordStatus,
    link: Option<&Link>,
    queue: Option<&str>,
) -> (String, Map<String, Value>) {
    let scoped_id = source.written_scoped_id.clone().unwrap_or_else(|| {
        ScopedId {
            company_id: environment.company_id,
            account_id: source.account_id.unwrap_or(0),
            customer_id: source.customer_id.unwrap_or(0),
            conversation_id: source.conversation_id,
        }
        .to_string()
    });
    let mut fields = Map::new();
    let mut set = |name: &str, value: Value| {
        fields.insert(name.to_owned(), value);
    };
    set("alcmeon__scoped_id__c", scoped_id.clone().into());
    set("alcmeon__Social_media_type__c", text(&source.channel));
    set(
        "alcmeon__Social_media_account__c",
        text(&source.account_name),
    );
    set("alcmeon__User_name__c", text(&source.customer_name));
    set("alcmeon__url__c", url(environment, source).into());
    set("alcmeon__Status__c", status.as_str().into());
    if let Some(link) = link {
        let (named, cleared) = if link.person_account {
            ("alcmeon__Account__c", "alcmeon__Contact__c")
        } else {
            ("alcmeon__Contact__c", "alcmeon__Account__c")
        };
        set(named, link.id.clone().into());
        set(cleared, Value::Null);
    }
    if let Some(queue) = queue {
        let open = source.status != "closed";
        set(
            "alcmeon__To_SF_Queue_Id__c",
            if open { queue.into() } else { Value::Null },
        );
    }
    (scoped_id, fields)
}

/// The conversation in Alcméon's web app, naming its newest customer message.
fn url(environment: &Environment, source: &RecordSource) -> String {
    let conversation = source.conversation_id;
    let instance = &environment.instance_id;
    let mut url = format!("https://alcmeon.com/c/v3/#/{instance}/conversations/{conversation}");
    if let Some(message) = source.newest_inbound_id {
        url.push_str(&format!("?message={message}"));
    }
    url
}

fn text(value: &str) -> Value {
    Value::String(value.chars().take(TEXT_LENGTH).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> RecordSource {
        RecordSource {
            conversation_id: 1001,
            channel: "whatsapp".into(),
            account_id: Some(201),
            account_name: "Lumio WhatsApp".into(),
            customer_name: "Amélie Dubois".into(),
            customer_id: Some(4001),
            status: "open".into(),
            newest_inbound_id: Some(17),
            written_scoped_id: None,
        }
    }

    fn environment() -> Environment {
        Environment {
            company_id: 1,
            instance_id: "lumio".into(),
        }
    }

    #[test]
    fn a_record_carries_the_scoped_id_the_conversation_and_a_url_naming_the_newest_message() {
        let (scoped_id, fields) =
            record(&environment(), &source(), RecordStatus::Opened, None, None);
        assert_eq!(scoped_id, "1:201:4001:1001");
        assert_eq!(fields["alcmeon__scoped_id__c"], "1:201:4001:1001");
        assert_eq!(fields["alcmeon__Social_media_type__c"], "whatsapp");
        assert_eq!(fields["alcmeon__Social_media_account__c"], "Lumio WhatsApp");
        assert_eq!(fields["alcmeon__User_name__c"], "Amélie Dubois");
        assert_eq!(fields["alcmeon__Status__c"], "OPENED");
        assert_eq!(
            fields["alcmeon__url__c"],
            "https://alcmeon.com/c/v3/#/lumio/conversations/1001?message=17"
        );
        assert!(!fields.contains_key("alcmeon__Contact__c"));
        assert!(!fields.contains_key("alcmeon__Account__c"));
        assert!(!fields.contains_key("alcmeon__To_SF_Queue_Id__c"));
    }

    #[test]
    fn an_open_conversation_names_its_accounts_queue_and_a_closed_one_clears_it() {
        let queue = Some("00G5g000004XyZaEAK");
        let mut source = source();
        let (_, fields) = record(&environment(), &source, RecordStatus::Closed, None, queue);
        assert_eq!(fields["alcmeon__To_SF_Queue_Id__c"], "00G5g000004XyZaEAK");
        source.status = "closed".into();
        let (_, fields) = record(&environment(), &source, RecordStatus::Closed, None, queue);
        assert_eq!(fields["alcmeon__To_SF_Queue_Id__c"], Value::Null);
    }

    #[test]
    fn a_record_keeps_its_first_external_id_and_names_the_contact_or_the_person_account() {
        let mut source = source();
        source.written_scoped_id = Some("1:201:0:1001".into());
        let contact = Link {
            id: "003000000000001AAA".into(),
            person_account: false,
        };
        let (scoped_id, fields) = record(
            &environment(),
            &source,
            RecordStatus::Closed,
            Some(&contact),
            None,
        );
        assert_eq!(scoped_id, "1:201:0:1001");
        assert_eq!(fields["alcmeon__Contact__c"], "003000000000001AAA");
        assert_eq!(fields["alcmeon__Account__c"], Value::Null);
        let person = Link {
            id: "001000000000001AAA".into(),
            person_account: true,
        };
        let (_, fields) = record(
            &environment(),
            &source,
            RecordStatus::Closed,
            Some(&person),
            None,
        );
        assert_eq!(fields["alcmeon__Account__c"], "001000000000001AAA");
        assert_eq!(fields["alcmeon__Contact__c"], Value::Null);
    }

    #[test]
    fn only_the_newest_conversation_still_open_is_opened_and_long_names_are_cut() {
        let mut source = source();
        assert_eq!(RecordStatus::of(&source, true), RecordStatus::Opened);
        assert_eq!(RecordStatus::of(&source, false), RecordStatus::Closed);
        source.status = "closed".into();
        assert_eq!(RecordStatus::of(&source, true), RecordStatus::Closed);
        source.customer_name = "é".repeat(300);
        let (_, fields) = record(&environment(), &source, RecordStatus::Closed, None, None);
        assert_eq!(
            fields["alcmeon__User_name__c"]
                .as_str()
                .unwrap()
                .chars()
                .count(),
            255
        );
    }
}
