-- Engagement sends: the one-off template messages agents send from a Case (`record_key` = the
-- alcmeon__Engagement__c id) or to re-open a conversation whose window closed (`record_key` =
-- 'conversation:<id>'), each stored before Alcméon is called and idempotent on the widget's
-- client id within its org and record. `one_off` sends of a record go out at most once: a new
-- one is stored only while none of the record is sending or sent (decided in the INSERT).
CREATE TABLE engagement_sends (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org TEXT NOT NULL,                      -- the session's Salesforce org
    record_key TEXT NOT NULL,
    client_id TEXT NOT NULL,
    one_off INTEGER NOT NULL,               -- 1 for an engagement record's message
    agent_email TEXT NOT NULL,
    channel TEXT NOT NULL,                  -- protocol::TemplateChannel
    account_id INTEGER NOT NULL,            -- the sender account
    phone TEXT NOT NULL,                    -- protocol::normalize_phone
    interrupt INTEGER NOT NULL,             -- interrupt_ongoing_conversation
    template_id INTEGER NOT NULL,
    language TEXT NOT NULL,
    content TEXT NOT NULL,                  -- the filled body the customer receives
    request_values TEXT NOT NULL,           -- the variable values (JSON), to tell a repeat from a reuse
    state TEXT NOT NULL,                    -- protocol::SendState
    requested_at_ms INTEGER NOT NULL,
    message_id TEXT,
    sent_at_ms INTEGER,
    failure_code TEXT,                      -- protocol::SendFailureCode
    failure_detail TEXT,
    ongoing_conversation_id INTEGER,
    UNIQUE (org, record_key, client_id)
);
CREATE INDEX engagement_sends_by_record ON engagement_sends (org, record_key, state);

-- The conversation a customer's answer opened, once per engagement record (contract section 4).
CREATE TABLE engagement_links (
    org TEXT NOT NULL,
    record_key TEXT NOT NULL,
    conversation_id INTEGER NOT NULL,
    linked_at_ms INTEGER NOT NULL,
    PRIMARY KEY (org, record_key)
);
