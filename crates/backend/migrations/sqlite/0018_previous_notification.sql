-- The highest notification id before the last group of webhooks was recorded, so that one
-- statement both records a group's notifications and tells what came before them.
ALTER TABLE sync_state ADD COLUMN previous_notification_id INTEGER NOT NULL DEFAULT 0;
