-- The replies of a conversation still being sent, in the order they were queued: before each try
-- a reply asks which earlier ones are still sending, and a long conversation's sent replies are
-- not read to answer it.
CREATE INDEX replies_sending_in_queue_order ON replies (conversation_id, state, queued_seq);
