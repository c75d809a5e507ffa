//! The emulated objects and their fields: `alcmeon__Conversation__c` (the Alcméon package's
//! conversation record), `Contact`, `Account` (with the PersonAccount fields) and `Case`.
//!
//! Field names are matched without regard to case, as Salesforce does; records store them spelled
//! as here. Every object also has the system fields `Id`, `CreatedDate` and `LastModifiedDate`.

/// What a field holds, and so which values a write may give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text of at most this many characters.
    Text(usize),
    /// A lookup: the id of a record of this object.
    Lookup(&'static str),
    Boolean,
    /// Set by the emulator only (ids, dates, auto numbers, formulas).
    ReadOnly,
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// An External ID field: upserts may name a record by it; values are unique.
    pub external_id: bool,
}

#[derive(Debug)]
pub struct Object {
    pub name: &'static str,
    pub key_prefix: &'static str,
    pub fields: &'static [Field],
}

impl Object {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        SYSTEM_FIELDS
            .iter()
            .chain(self.fields)
            .find(|field| field.name.eq_ignore_ascii_case(name))
    }

    /// Every field, system fields first: what a record read without `fields` shows.
    pub fn all_fields(&self) -> impl Iterator<Item = &'static Field> {
        SYSTEM_FIELDS.iter().chain(self.fields)
    }
}

/// The object named `name` (any case).
pub fn object(name: &str) -> Option<&'static Object> {
    OBJECTS
        .iter()
        .find(|object| object.name.eq_ignore_ascii_case(name))
}

/// The object whose ids start with this id's key prefix.
pub fn object_of_id(id: &str) -> Option<&'static Object> {
    OBJECTS
        .iter()
        .find(|object| id.get(..3) == Some(object.key_prefix))
}

pub const CONVERSATION: &str = "alcmeon__Conversation__c";
pub const CONTACT: &str = "Contact";
pub const ACCOUNT: &str = "Account";
pub const CASE: &str = "Case";

const fn field(name: &'static str, label: &'static str, kind: Kind) -> Field {
    Field {
        name,
        label,
        kind,
        required: false,
        external_id: false,
    }
}

const fn required(name: &'static str, label: &'static str, kind: Kind) -> Field {
    Field {
        required: true,
        ..field(name, label, kind)
    }
}

const SYSTEM_FIELDS: [Field; 3] = [
    field("Id", "Record ID", Kind::ReadOnly),
    field("CreatedDate", "Created Date", Kind::ReadOnly),
    field("LastModifiedDate", "Last Modified Date", Kind::ReadOnly),
];

static OBJECTS: [Object; 4] = [
    Object {
        name: CONVERSATION,
        key_prefix: "a0A",
        fields: &[
            field("Name", "Alcmeon Conversation ID", Kind::ReadOnly),
            Field {
                external_id: true,
                ..required("alcmeon__scoped_id__c", "Alcméon scoped ID", Kind::Text(30))
            },
            field("alcmeon__Account__c", "Account", Kind::Lookup(ACCOUNT)),
            field("alcmeon__Contact__c", "Contact", Kind::Lookup(CONTACT)),
            field("alcmeon__Case__c", "Case", Kind::Lookup(CASE)),
            field(
                "alcmeon__Channel_specific_user_data__c",
                "Channel specific user data",
                Kind::Text(131_072),
            ),
            field(
                "alcmeon__Conversation_type__c",
                "Conversation type",
                Kind::Text(255),
            ),
            field("alcmeon__Status__c", "Status", Kind::Text(255)),
            field("alcmeon__url__c", "Url", Kind::Text(255)),
            field(
                "alcmeon__Social_media_type__c",
                "Social media type",
                Kind::Text(255),
            ),
            field(
                "alcmeon__Social_media_account__c",
                "Social media account",
                Kind::Text(255),
            ),
            field("alcmeon__User_name__c", "User name", Kind::Text(255)),
            field(
                "alcmeon__To_SF_Queue_Id__c",
                "To SF Queue Id",
                Kind::Text(18),
            ),
            field(
                "alcmeon__From_SF_Queue_Id__c",
                "From SF Queue Id",
                Kind::Text(18),
            ),
        ],
    },
    Object {
        name: CONTACT,
        key_prefix: "003",
        fields: &[
            field("Name", "Full Name", Kind::ReadOnly),
            field("FirstName", "First Name", Kind::Text(40)),
            required("LastName", "Last Name", Kind::Text(80)),
            field("Email", "Email", Kind::Text(80)),
            field("Phone", "Business Phone", Kind::Text(40)),
            field("MobilePhone", "Mobile Phone", Kind::Text(40)),
            field("AccountId", "Account ID", Kind::Lookup(ACCOUNT)),
            field("HasOptedOutOfEmail", "Email Opt Out", Kind::Boolean),
            field("IsPersonAccount", "Is Person Account", Kind::ReadOnly),
        ],
    },
    Object {
        name: ACCOUNT,
        key_prefix: "001",
        fields: &[
            // Required unless the record is a PersonAccount (see `org_data/person_accounts.rs`).
            field("Name", "Account Name", Kind::Text(255)),
            field("Phone", "Account Phone", Kind::Text(40)),
            field("FirstName", "First Name", Kind::Text(40)),
            field("LastName", "Last Name", Kind::Text(80)),
            field("PersonEmail", "Email", Kind::Text(80)),
            field("PersonMobilePhone", "Mobile", Kind::Text(40)),
            field("IsPersonAccount", "Is Person Account", Kind::ReadOnly),
            field("PersonContactId", "Person Contact ID", Kind::ReadOnly),
        ],
    },
    Object {
        name: CASE,
        key_prefix: "500",
        fields: &[
            field("CaseNumber", "Case Number", Kind::ReadOnly),
            field("Subject", "Subject", Kind::Text(255)),
            field("Description", "Description", Kind::Text(32_000)),
            field("Origin", "Case Origin", Kind::Text(255)),
            field("Status", "Status", Kind::Text(255)),
            field("ContactId", "Contact ID", Kind::Lookup(CONTACT)),
            field("AccountId", "Account ID", Kind::Lookup(ACCOUNT)),
        ],
    },
];
