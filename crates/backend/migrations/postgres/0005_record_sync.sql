-- The record sync (records/, store/record_sync.rs), beside the queue the foundation keeps
-- (record_sync_queue). Which Alcméon social accounts each org maps (rewritten at start from
-- BACKEND_SALESFORCE_<orgId>); the customers already eligible in an org (their older conversations
-- were queued once); the records written, with the external id and status each was written with;
-- and each org's sync status as the instance running the sync last saw it.
CREATE TABLE record_sync_accounts (
    org_id TEXT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (org_id, account_id)
);
CREATE INDEX record_sync_accounts_by_account ON record_sync_accounts (account_id);

CREATE TABLE record_sync_customers (
    org_id TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    eligible_since_ms BIGINT NOT NULL,
    PRIMARY KEY (org_id, customer_id)
);

CREATE TABLE synced_records (
    org_id TEXT NOT NULL,
    conversation_id BIGINT NOT NULL,
    scoped_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    status TEXT NOT NULL,              -- OPENED | CLOSED, as written
    synced_at_ms BIGINT NOT NULL,
    PRIMARY KEY (org_id, conversation_id)
);
CREATE INDEX synced_records_by_conversation ON synced_records (conversation_id);

CREATE TABLE record_sync_orgs (
    org_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,              -- ok | limited | unreachable | grant_revoked | not_configured
    detail TEXT,
    api_used BIGINT,
    api_limit BIGINT,
    updated_at_ms BIGINT NOT NULL
);

