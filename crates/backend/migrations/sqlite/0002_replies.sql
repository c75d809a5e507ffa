-- The tasks seen in actions: a reply answers its conversation's latest task.
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,            -- Alcméon's task id (`action.task.id`)
    conversation_id INTEGER NOT NULL
);
CREATE INDEX tasks_by_conversation ON tasks (conversation_id, id);

-- Replies sent from the widget, stored before Alcméon is called; `client_id` makes posting
-- idempotent.
CREATE TABLE replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id TEXT NOT NULL UNIQUE,    -- the widget's idempotency key
    conversation_id INTEGER NOT NULL,
    task_id INTEGER NOT NULL,
    agent_email TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    text TEXT NOT NULL,
    state TEXT NOT NULL,               -- sending | sent | failed
    failure_reason TEXT,
    answer_action_id INTEGER UNIQUE,   -- the `answer` action of the current attempt, once recorded
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX replies_to_correlate ON replies (task_id, state, answer_action_id);

-- Every `answer` action ever linked to a reply, including those of attempts that failed and were
-- retried; the thread hides an attempt that is no longer the reply's current one.
CREATE TABLE reply_answers (
    answer_action_id INTEGER PRIMARY KEY,
    reply_id INTEGER NOT NULL REFERENCES replies (id)
);

-- Every change to a thread, in order: the SSE stream's replay log (`seq` is the event id).
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL,
    item TEXT NOT NULL                 -- the ThreadItem's JSON as sent
);
CREATE INDEX events_by_conversation ON events (conversation_id, seq);
