-- Each agent's Alcméon account, provisioned on their first reply: later replies look it up here
-- and cost no provisioning call while the agent's permissions map to the same access.
CREATE TABLE agent_accounts (
    org_id TEXT NOT NULL,              -- the agent's Salesforce org
    email TEXT NOT NULL,               -- lower case
    account_id INTEGER NOT NULL,       -- Alcméon's account (advisor) id
    access TEXT NOT NULL,              -- the roles and teams last applied, canonical: `roles=1,2;teams=3`
    provisioned_at_ms INTEGER NOT NULL,
    PRIMARY KEY (org_id, email)
);

-- Who a reply is sent as: the agent's org (to find their account when a reply is sent again at
-- start-up) and the Alcméon account of its current attempt (its `answer` action names it).
ALTER TABLE replies ADD COLUMN agent_org TEXT;
ALTER TABLE replies ADD COLUMN advisor_id INTEGER;
