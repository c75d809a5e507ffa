-- A reply's lifecycle is one column, `state` (`store::reply_state::ReplyState`): sending |
-- submitted | recorded | sent | failed. What the `submitted` flag and the linked `answer` told
-- about a reply still sending becomes its state; sent and failed replies keep theirs.
UPDATE replies SET state = 'recorded' WHERE state = 'sending' AND answer_action_id IS NOT NULL;
UPDATE replies SET state = 'submitted' WHERE state = 'sending' AND submitted = 1;
ALTER TABLE replies DROP COLUMN submitted;
