-- The consent replica: Alcméon's opt-in lists the environment uses (ALCMEON_OPTIN_LIST_IDS), and
-- each list's user opt-ins and user opt-outs as last read whole. A refresh replaces a list's rows
-- in one transaction, so a reader sees one complete read or the previous one.
CREATE TABLE consent_lists (
    id INTEGER PRIMARY KEY,             -- Alcméon's opt-in list id
    refreshed_at_ms INTEGER NOT NULL    -- when the last whole read of the list started
);

CREATE TABLE consent_optins (
    list_id INTEGER NOT NULL REFERENCES consent_lists (id) ON DELETE CASCADE,
    alcmeon_id INTEGER NOT NULL,        -- the user-optin's id
    phone TEXT NOT NULL,                -- protocol::normalize_phone
    account_id INTEGER NOT NULL,
    at_ms INTEGER,                      -- last_optin_time; NULL when Alcméon gave none
    PRIMARY KEY (list_id, alcmeon_id)
);
CREATE INDEX consent_optins_by_phone ON consent_optins (list_id, phone);

CREATE TABLE consent_optouts (
    list_id INTEGER NOT NULL REFERENCES consent_lists (id) ON DELETE CASCADE,
    alcmeon_id INTEGER NOT NULL,        -- the user-optout's id
    phone TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    at_ms INTEGER,                      -- output_at; NULL when Alcméon gave none
    PRIMARY KEY (list_id, alcmeon_id)
);
CREATE INDEX consent_optouts_by_phone ON consent_optouts (list_id, phone);
