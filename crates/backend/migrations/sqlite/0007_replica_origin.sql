-- Where the replica started reading Alcméon's actions, and which conversations it fetched whole.
-- A replica that read from the beginning holds every conversation whole; one that started later
-- (at the newest action, a configured id or date) holds only the conversations fetched on demand
-- whole, whatever other actions of theirs it also read.
ALTER TABLE sync_state ADD COLUMN started_after INTEGER;  -- NULL until the start is decided

-- A replica that already read or received actions keeps reading from where it was: from the
-- beginning.
UPDATE sync_state SET started_after = 0
WHERE actions_read_through > 0 OR EXISTS (SELECT 1 FROM actions);

CREATE TABLE fetched_conversations (
    id INTEGER PRIMARY KEY,            -- Alcméon's conversation id
    fetched_at_ms INTEGER NOT NULL
);
