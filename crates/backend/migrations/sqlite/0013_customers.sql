-- Who each conversation's customer is (Alcméon's custom_field_user_id, the author.group.id of
-- their messages), the Salesforce Contact (or person Account) each org linked a customer to, and
-- the conversations whose alcmeon__Conversation__c record an org must receive. Conversations
-- stored before are given their customer from their messages' actions.
ALTER TABLE conversations ADD COLUMN customer_id INTEGER;
UPDATE conversations SET customer_id = (
    SELECT json_extract(actions.body, '$.task.message.author.group.id') FROM actions
    WHERE actions.conversation_id = conversations.id
      AND actions.kind = 'task-create'
      AND json_extract(actions.body, '$.task.message.author.group.id') IS NOT NULL
    ORDER BY actions.id DESC LIMIT 1
);
CREATE INDEX conversations_by_customer_id ON conversations (customer_id);

CREATE TABLE customer_links (
    org_id TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    contact_id TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    person_account INTEGER NOT NULL,       -- 1: a person Account, not a Contact
    linked_by TEXT NOT NULL,               -- the agent's email, or 'salesforce'
    linked_at_ms INTEGER NOT NULL,
    alcmeon_written_at_ms INTEGER,         -- NULL: still to be written to Alcméon's custom field
    PRIMARY KEY (org_id, customer_id)
);
CREATE INDEX customer_links_to_write ON customer_links (linked_at_ms) WHERE alcmeon_written_at_ms IS NULL;

CREATE TABLE record_sync_queue (
    org_id TEXT NOT NULL,
    conversation_id INTEGER NOT NULL,
    queued_at_ms INTEGER NOT NULL,
    due_at_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    PRIMARY KEY (org_id, conversation_id)
);
CREATE INDEX record_sync_queue_due ON record_sync_queue (org_id, due_at_ms);
