-- The order a conversation's replies were queued in (stored, or moved back to sending by a retry),
-- numbered within the conversation, so that instances sharing a database send them in that order:
-- a reply waits for the earlier ones another instance is still sending.
ALTER TABLE replies ADD COLUMN queued_seq BIGINT;
UPDATE replies SET queued_seq = id;
CREATE INDEX replies_by_queue_order ON replies (conversation_id, queued_seq);
