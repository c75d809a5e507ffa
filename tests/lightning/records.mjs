// The records a test page's org holds, built from the Alcméon conversation a test asks for:
// a Case with two conversations (the newest one is the asked conversation; an older one points at
// another Alcméon conversation, listed first, so a component that does not sort newest first shows
// the wrong one), and a conversation of another Case (so a component that does not filter by Case
// shows the wrong one). `conversation: null` gives a Case with no conversation.
export const CASE = 'Case';
export const CONVERSATION = 'alcmeon__Conversation__c';
const OTHER_ALCMEON_ID = 1005;
const NEWER = '2026-11-21T10:02:00.000Z';
const OLDER = '2026-10-02T08:30:00.000Z';

const salesforceId = (prefix, n) => `${prefix}QQ${String(n).padStart(10, '0')}AAA`;
const alcmeonUrl = (n) => `https://app.alcmeon.com/#/conversations/${n}`;

/** The record ids of the test page for `conversation` (an Alcméon id or null). */
export function recordIds(conversation) {
  const n = conversation ?? 0;
  return {
    caseId: salesforceId('500', n),
    conversationId: salesforceId('a01', n),
    olderConversationId: salesforceId('a01', 900000 + n),
    otherCaseConversationId: salesforceId('a01', 800000 + n),
  };
}

function conversationRecord(id, alcmeonId, caseId, modified) {
  return {
    id,
    apiName: CONVERSATION,
    fields: {
      Id: id,
      Name: `CONV-${alcmeonId}`,
      alcmeon__url__c: alcmeonUrl(alcmeonId),
      alcmeon__scoped_id__c: `wa:${alcmeonId}:33612345678`,
      alcmeon__Case__c: caseId,
      alcmeon__Status__c: 'OPEN',
      alcmeon__Social_media_type__c: 'whatsapp',
      CreatedDate: OLDER,
      LastModifiedDate: modified,
    },
  };
}

export function fixtureRecords(conversation) {
  const ids = recordIds(conversation);
  const other = conversation === OTHER_ALCMEON_ID ? OTHER_ALCMEON_ID - 1 : OTHER_ALCMEON_ID;
  const records = [
    {
      id: ids.caseId,
      apiName: CASE,
      fields: {
        Id: ids.caseId,
        CaseNumber: String(1000 + (conversation ?? 0)).padStart(8, '0'),
        Subject: 'My order never arrived',
        Status: 'New',
        Priority: 'High',
        Origin: 'WhatsApp',
        LastModifiedDate: NEWER,
      },
    },
    conversationRecord(ids.otherCaseConversationId, other, salesforceId('500', 700000), NEWER),
  ];
  if (conversation !== null) {
    records.push(
      conversationRecord(ids.olderConversationId, other, ids.caseId, OLDER),
      conversationRecord(ids.conversationId, conversation, ids.caseId, NEWER),
    );
  }
  return records;
}
