-- The owner (a Queue or a user) each org last handed a conversation back from
-- (alcmeon__From_SF_Queue_Id__c), to be written to Alcméon's conversation custom field.
CREATE TABLE salesforce_owners (
    conversation_id BIGINT NOT NULL PRIMARY KEY,
    org_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    changed_at_ms BIGINT NOT NULL,
    alcmeon_written_at_ms BIGINT           -- NULL: still to be written to Alcméon's custom field
);
CREATE INDEX salesforce_owners_to_write ON salesforce_owners (changed_at_ms) WHERE alcmeon_written_at_ms IS NULL;
