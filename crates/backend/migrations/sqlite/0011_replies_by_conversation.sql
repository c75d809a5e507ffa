-- A thread page reads a conversation's newest replies Alcméon has not recorded yet (no `answer`
-- linked) through this index, newest first. The page asks `(answer_action_id IS NULL) = TRUE`, this
-- index's expression: asked as `answer_action_id IS NULL`, SQLite's planner picks the UNIQUE index
-- on `answer_action_id` instead and reads every unrecorded reply of every conversation.
CREATE INDEX replies_by_conversation ON replies (conversation_id, (answer_action_id IS NULL), id);
