-- Agents' actions as thread items, attachments, agent emails, conversation status and reply
-- window, failure codes, replies Alcméon has accepted, and the age of logged events.

ALTER TABLE thread_items ADD COLUMN event TEXT;        -- protocol::ConversationEvent JSON when kind = 'event'
ALTER TABLE thread_items ADD COLUMN agent_email TEXT;  -- lower case; outbound items a human agent sent

-- Files carried inline by Alcméon's actions (message attachments, answer pictures), decoded.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- the replica's id, the one the widget asks for
    action_id INTEGER NOT NULL REFERENCES actions (id),
    conversation_id INTEGER NOT NULL,
    position INTEGER NOT NULL,             -- order within the action
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,                 -- bytes of `data`
    data BLOB NOT NULL,
    UNIQUE (action_id, position)
);

ALTER TABLE conversations ADD COLUMN status TEXT NOT NULL DEFAULT 'open';  -- open | closed
ALTER TABLE conversations ADD COLUMN last_inbound_at_ms INTEGER;
UPDATE conversations SET last_inbound_at_ms = (
    SELECT MAX(at_ms) FROM thread_items
    WHERE thread_items.conversation_id = conversations.id AND thread_items.kind = 'inbound'
);

UPDATE replies SET agent_email = lower(agent_email);  -- lower case from now on, as items show it

-- `failure_reason` now holds a protocol::FailureCode (snake_case); `failure_detail` Alcméon's own
-- word when the code is `alcmeon_refused`. `submitted` is 1 once Alcméon has accepted the current
-- attempt (answered `started`, or recorded its `answer`).
ALTER TABLE replies ADD COLUMN failure_detail TEXT;
ALTER TABLE replies ADD COLUMN submitted INTEGER NOT NULL DEFAULT 0;
UPDATE replies SET
    failure_reason = CASE
        WHEN failure_reason = 'Alcméon could not deliver the reply on the channel' THEN 'channel_refused'
        WHEN failure_reason = 'Alcméon could not be reached' THEN 'alcmeon_unavailable'
        WHEN failure_reason LIKE 'Alcméon failed to take the reply (HTTP %' THEN 'alcmeon_unavailable'
        WHEN failure_reason = 'Alcméon''s rate limit kept refusing the reply' THEN 'rate_limited'
        WHEN failure_reason IN ('empty-message', 'message-too-long', 'insufficient-permissions', 'task-not-found')
            THEN replace(failure_reason, '-', '_')
        ELSE 'alcmeon_refused'
    END,
    failure_detail = CASE
        WHEN failure_reason = 'Alcméon could not deliver the reply on the channel'
            OR failure_reason = 'Alcméon could not be reached'
            OR failure_reason LIKE 'Alcméon failed to take the reply (HTTP %'
            OR failure_reason = 'Alcméon''s rate limit kept refusing the reply'
            OR failure_reason IN ('empty-message', 'message-too-long', 'insufficient-permissions', 'task-not-found')
            THEN NULL
        ELSE failure_reason
    END
WHERE state = 'failed';
UPDATE replies SET submitted = 1 WHERE answer_action_id IS NOT NULL OR state = 'sent';
-- Whether Alcméon took a reply that was sending when the old version stopped is unknown: show it
-- failed (the agent may retry); if Alcméon did take it, its `answer` still links it and marks it.
UPDATE replies SET state = 'failed', failure_reason = 'alcmeon_unavailable'
WHERE state = 'sending' AND answer_action_id IS NULL;

-- Logged items are kept for a retention period. Items logged before this version carry the old
-- failure shape; the widget refetches the newest page whenever its stream opens, so they can go.
DELETE FROM events;
ALTER TABLE events ADD COLUMN created_at_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_by_age ON events (created_at_ms);
