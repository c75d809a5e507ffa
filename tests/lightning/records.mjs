// The records the test org holds: for each of the emulator's seeded conversations (1001–1007) and
// for the conversation a page asks for (any other Alcméon id, e.g. one a test created or 999999,
// which Alcméon does not know), a Case and its alcmeon__Conversation__c, and an
// alcmeon__Engagement__c of the Case that grew into that conversation. The page's Case reaches its
// conversation by `link`: `case` (the conversation's alcmeon__Case__c, as above) or `engagement`
// (only through engagements: the conversation records name no Case).
//
// Invariants the component is tested against:
//   - every Case also has an OLDER conversation pointing at another Alcméon conversation, listed
//     first: a component that does not take the newest one shows the wrong thread;
//   - the other Cases' conversations are in the org too, listed before and modified after the asked
//     one: a component that does not filter by Case shows the wrong thread;
//   - `conversation: null` is Case 00001000, which has no conversation at all; with
//     `link: 'engagement'`, it has two engagements that no conversation grew out of yet;
//   - with `link: 'engagement'`, the Case's newest engagement has no conversation, the next names
//     the asked one, an older one names another (1005): a component that does not take the newest
//     engagement WITH a conversation shows the wrong state or thread; and no other Case of the
//     org links the asked conversation.
export const CASE = 'Case';
export const CONVERSATION = 'alcmeon__Conversation__c';
export const ENGAGEMENT = 'alcmeon__Engagement__c';
/** How the page's Case reaches its conversation (see the file comment). */
export const LINKS = Object.freeze(['case', 'engagement']);

/** The emulator's demo conversations (crates/alcmeon-emulator/src/seed.rs), as the org knows them. */
export const SEEDED_CONVERSATIONS = Object.freeze({
  1001: { channel: 'whatsapp', customer: 'Amélie Dubois', subject: 'Cracked lampshade on arrival' },
  1002: { channel: 'facebook', customer: 'Jonas Weber', subject: 'Where is my parcel?' },
  1003: { channel: 'instagram', customer: 'ليلى حداد', subject: 'Question about a cushion cover' },
  1004: { channel: 'twitter', customer: 'Chloé ✈️ Travels', subject: 'Delivery delay' },
  1005: { channel: 'gmb', customer: 'Marco Rossi', subject: 'Google review of the Lyon store' },
  1006: { channel: 'whatsapp', customer: 'Thomas Moreau', subject: 'Exchange of a rug' },
  1007: { channel: 'twitter', customer: 'Nadia K.', subject: 'Late refund' },
});
const OTHER_ALCMEON_ID = 1005;
const NEWEST = '2026-11-22T16:45:00.000Z';
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
    engagementId: salesforceId('a02', n),
    waitingEngagementId: salesforceId('a02', 800000 + n),
    olderEngagementId: salesforceId('a02', 900000 + n),
  };
}

function engagementRecord(id, caseId, conversationId, created) {
  return {
    id,
    apiName: ENGAGEMENT,
    fields: {
      Id: id,
      Name: `ENG-${id.slice(5, 15)}`,
      alcmeon__Case__c: caseId,
      alcmeon__Conversation__c: conversationId,
      alcmeon__Message_Content__c: '<p>Hello, your order has shipped. Reply here if you have any question.</p>',
      alcmeon__Language_locale__c: 'en_US',
      alcmeon__Message_Send_Error__c: null,
      CreatedDate: created,
      LastModifiedDate: created,
    },
  };
}

function conversationRecord(id, alcmeonId, caseId, modified, about) {
  return {
    id,
    apiName: CONVERSATION,
    fields: {
      Id: id,
      Name: `CONV-${alcmeonId}`,
      alcmeon__url__c: alcmeonUrl(alcmeonId),
      alcmeon__scoped_id__c: `${about.channel}:${alcmeonId}`,
      alcmeon__Case__c: caseId,
      alcmeon__Status__c: 'OPEN',
      alcmeon__Social_media_type__c: about.channel,
      alcmeon__User_name__c: about.customer,
      CreatedDate: OLDER,
      LastModifiedDate: modified,
    },
  };
}

function caseRecords(conversation, modified, link = 'case') {
  const ids = recordIds(conversation);
  const about = SEEDED_CONVERSATIONS[conversation] ?? { channel: 'whatsapp', customer: 'Unknown customer', subject: 'My order never arrived' };
  const caseRecord = {
    id: ids.caseId,
    apiName: CASE,
    fields: {
      Id: ids.caseId,
      CaseNumber: String(1000 + (conversation ?? 0)).padStart(8, '0'),
      Subject: about.subject,
      Status: 'New',
      Priority: 'High',
      Origin: about.channel,
      LastModifiedDate: NEWER,
    },
  };
  const throughEngagements = link === 'engagement';
  if (conversation === null) {
    return throughEngagements
      ? [caseRecord, engagementRecord(ids.olderEngagementId, ids.caseId, null, OLDER), engagementRecord(ids.waitingEngagementId, ids.caseId, null, NEWEST)]
      : [caseRecord];
  }
  const other = conversation === OTHER_ALCMEON_ID ? OTHER_ALCMEON_ID - 1 : OTHER_ALCMEON_ID;
  const conversationCase = throughEngagements ? null : ids.caseId;
  return [
    caseRecord,
    conversationRecord(ids.olderConversationId, other, conversationCase, OLDER, SEEDED_CONVERSATIONS[other]),
    conversationRecord(ids.conversationId, conversation, conversationCase, modified, about),
    ...(throughEngagements
      ? [
          engagementRecord(ids.olderEngagementId, ids.caseId, ids.olderConversationId, OLDER),
          engagementRecord(ids.engagementId, ids.caseId, ids.conversationId, NEWER),
          engagementRecord(ids.waitingEngagementId, ids.caseId, null, NEWEST),
        ]
      : [engagementRecord(ids.engagementId, ids.caseId, ids.conversationId, OLDER)]),
  ];
}

/**
* Every record of the org a page for `conversation` (an Alcméon id, or null) runs in; `link` is how
* that page's Case reaches it (LINKS). Every other Case links its conversations directly.
*/
export function orgRecords(conversation, link = 'case') {
  if (!LINKS.includes(link)) {
    throw new Error(`link must be one of ${LINKS.join(', ')}`);
  }
  const others = [null, ...Object.keys(SEEDED_CONVERSATIONS).map(Number)].filter((id) => id !== conversation);
  return [...others.flatMap((id) => caseRecords(id, NEWEST)), ...caseRecords(conversation, NEWER, link)];
}
