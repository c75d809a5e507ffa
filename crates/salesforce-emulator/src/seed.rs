//! A fresh org: the configured users' grants and demo Contacts matching the Alcméon emulator's
//! demo customers (its `lib.rs` lists them), with the phone numbers it gives them, so a demo can
//! match a conversation's customer to a Contact. No conversation records: the connector creates
//! those.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::org_data::OrgData;
use crate::schema;

/// First name, last name, mobile phone (E.164) of each demo Contact, in creation order.
pub const DEMO_CONTACTS: [(&str, &str, Option<&str>); 8] = [
    ("Amélie", "Dubois", Some("+33611223344")),
    ("Jonas", "Weber", None),
    ("ليلى", "حداد", None),
    ("Marco", "Rossi", None),
    ("Thomas", "Moreau", Some("+33687654321")),
    ("Léa", "Fontaine", Some("+33623456789")),
    ("Camille", "Petit", Some("+33612345678")),
    ("Hugo", "Bernard", Some("+33698765432")),
];

pub fn demo_data(usernames: &[String], now: DateTime<Utc>) -> OrgData {
    let mut data = OrgData::new(usernames);
    let contacts = schema::object(schema::CONTACT).expect("Contact is in the schema");
    for (first, last, mobile) in DEMO_CONTACTS {
        let body = json!({"FirstName": first, "LastName": last, "MobilePhone": mobile});
        let body: Map<String, Value> = body.as_object().cloned().unwrap_or_default();
        data.create(contacts, &body, now)
            .expect("the demo contacts pass the schema's checks");
    }
    data
}
