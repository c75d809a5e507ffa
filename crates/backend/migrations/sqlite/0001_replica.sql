-- The replica of Alcméon: every action as received, and the thread projected from them.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,            -- Alcméon's action id
    conversation_id INTEGER,
    kind TEXT NOT NULL,                -- Alcméon's action type
    body TEXT NOT NULL                 -- the action's JSON exactly as Alcméon sent it
);

CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,            -- Alcméon's conversation id
    channel TEXT NOT NULL,
    account_name TEXT NOT NULL,
    customer_name TEXT NOT NULL
);

CREATE TABLE thread_items (
    action_id INTEGER PRIMARY KEY REFERENCES actions (id),
    conversation_id INTEGER NOT NULL,
    kind TEXT NOT NULL,                -- inbound | outbound
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    at_ms INTEGER NOT NULL
);
CREATE INDEX thread_items_by_conversation ON thread_items (conversation_id, action_id);

-- One row: how far the replica has read Alcméon's actions and its notifications.
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    actions_read_through INTEGER NOT NULL,
    last_notification_id INTEGER NOT NULL
);
INSERT INTO sync_state (id, actions_read_through, last_notification_id) VALUES (1, 0, 0);
