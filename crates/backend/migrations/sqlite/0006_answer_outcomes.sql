-- What Alcméon's `execute-answer` said about each `answer` action, whoever wrote the answer (an
-- agent in Alcméon's inbox, a bot, a colleague in another widget): the thread shows every
-- outbound message's delivery from it (sending until then). A reply sent from the widget keeps its
-- own state in `replies`, moved by the same outcome.
CREATE TABLE answer_outcomes (
    answer_action_id INTEGER PRIMARY KEY,  -- the `answer` action (it may arrive after this row)
    status TEXT NOT NULL,                  -- its `answer_status`: ok | fail
    action_id INTEGER NOT NULL             -- the `execute-answer` that said so; the lowest id wins
);

-- Answers already in the replica get the outcome the stored actions tell.
INSERT INTO answer_outcomes (answer_action_id, status, action_id)
SELECT json_extract(body, '$.data.answer_action_id'), json_extract(body, '$.data.answer_status'),
       MIN(id)
FROM actions
WHERE kind = 'execute-answer' AND json_valid(body)
  AND json_type(body, '$.data.answer_action_id') = 'integer'
  AND json_type(body, '$.data.answer_status') = 'text'
GROUP BY json_extract(body, '$.data.answer_action_id');
