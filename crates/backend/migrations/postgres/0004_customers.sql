-- Who each conversation's customer is (Alcméon's custom_field_user_id, the author.group.id of
-- their messages), the Salesforce Contact (or person Account) each org linked a customer to, and
-- the conversations whose alcmeon__Conversation__c record an org must receive. Conversations
-- stored before are given their customer from their messages' actions.
ALTER TABLE conversations ADD COLUMN customer_id BIGINT;
UPDATE conversations SET customer_id = (
    SELECT (actions.body::jsonb #>> '{task,message,author,group,id}')::BIGINT FROM actions
    WHERE actions.conversation_id = conversations.id
      AND actions.kind = 'task-create'
      AND actions.body::jsonb #>> '{task,message,author,group,id}' IS NOT NULL
    ORDER BY actions.id DESC LIMIT 1
);
CREATE INDEX conversations_by_customer_id ON conversations (customer_id);

CREATE TABLE customer_links (
    org_id TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    contact_id TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    person_account BOOLEAN NOT NULL,
    linked_by TEXT NOT NULL,               -- the agent's email, or 'salesforce'
    linked_at_ms BIGINT NOT NULL,
    alcmeon_written_at_ms BIGINT,          -- NULL: still to be written to Alcméon's custom field
    PRIMARY KEY (org_id, customer_id)
);
CREATE INDEX customer_links_to_write ON customer_links (linked_at_ms) WHERE alcmeon_written_at_ms IS NULL;

CREATE TABLE record_sync_queue (
    org_id TEXT NOT NULL,
    conversation_id BIGINT NOT NULL,
    queued_at_ms BIGINT NOT NULL,
    due_at_ms BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    PRIMARY KEY (org_id, conversation_id)
);
CREATE INDEX record_sync_queue_due ON record_sync_queue (org_id, due_at_ms);
