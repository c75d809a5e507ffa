-- Each conversation's Alcméon account and customer's phone number (normalised E.164 digits, read
-- from the custom field ALCMEON_CUSTOMER_PHONE_FIELD_ID), so an engagement finds its recipient's
-- conversations. The account of conversations stored before is read back from their actions; their
-- number is filled by the next customer message (the field id is configuration, not known here).
ALTER TABLE conversations ADD COLUMN account_id INTEGER;
ALTER TABLE conversations ADD COLUMN customer_phone TEXT;
UPDATE conversations SET account_id = (
    SELECT json_extract(actions.body, '$.account.id') FROM actions
    WHERE actions.conversation_id = conversations.id
      AND json_extract(actions.body, '$.account.id') IS NOT NULL
    ORDER BY actions.id LIMIT 1
);
CREATE INDEX conversations_by_customer ON conversations (account_id, customer_phone);
