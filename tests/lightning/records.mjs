// The records the test org holds: for each of the emulator's seeded conversations (1001–1007) and
// for the conversation a page asks for (any other Alcméon id, e.g. one a test created or 999999,
// which Alcméon does not know), a Case and its alcmeon__Conversation__c, and an
// alcmeon__Engagement__c of the Case that grew into that conversation. The page's Case reaches its
// conversation by `link`: `case` (the conversation's alcmeon__Case__c, as above) or `engagement`
// (only through engagements: the conversation records name no Case), or one of the
// ENGAGEMENT_FIXTURES (`engagement-ready`, …): the Case, with a Contact, has one engagement and no
// conversation at all, so the component opens it in engagement mode.
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
//     org links the asked conversation;
//   - an engagement fixture is only for `conversation: null` (Case 00001000): its engagement holds
//     the recipient and sender as the emulator's seed knows them (account 201, WhatsApp), its Case
//     Contact the customer's name and mobile phone; the other Cases' engagements all have a
//     conversation, so only the page's Case is in engagement mode.
export const CASE = 'Case';
export const CONVERSATION = 'alcmeon__Conversation__c';
export const ENGAGEMENT = 'alcmeon__Engagement__c';
export const CONTACT = 'Contact';

/**
* The page's Case in engagement mode, one fixture per `link`: the Case Contact and what its one
* engagement holds in the recipient and sender fields (the component's App Builder defaults
* alcmeon__Recipient_Id__c and alcmeon__Sender_Id__c, which this test org has, see org.mjs). Phones
* as an agent would type them; the emulator's seed (crates/alcmeon-emulator) knows Camille opted
* in with no conversation, Hugo opted out, Amélie opted in with conversation 1001 ongoing.
*/
export const ENGAGEMENT_FIXTURES = Object.freeze({
  'engagement-ready': { contact: ['Camille', 'Martin', '+33 6 12 34 56 78'], recipient: '+33 6 12 34 56 78', sender: '201' },
  /** The recipient field is blank: Apex takes the Case Contact's mobile phone. */
  'engagement-contact-mobile': { contact: ['Camille', 'Martin', '+33 6 12 34 56 78'], recipient: null, sender: '201' },
  'engagement-opted-out': { contact: ['Hugo', 'Lefèvre', '+33 6 98 76 54 32'], recipient: '+33 6 98 76 54 32', sender: '201' },
  'engagement-ongoing': { contact: ['Amélie', 'Dubois', '+33 6 11 22 33 44'], recipient: '+33 6 11 22 33 44', sender: '201' },
  /** Neither the recipient field nor the Contact holds a phone number. */
  'engagement-no-recipient': { contact: ['Léa', 'Fontaine', null], recipient: null, sender: '201' },
  /** The recipient field holds no phone number (the Contact's mobile is not a fallback for it). */
  'engagement-bad-recipient': { contact: ['Marc', 'Petit', '+33 6 12 34 56 78'], recipient: '06 12 34', sender: '201' },
});

/**
* The engagement record of an engagement fixture: each fixture's is a record of its own, as two
* engagements of a real org are, so what the backend holds of one (its send, the conversation it
* grew into) never shows on another.
*/
export function engagementFixtureId(link) {
  const index = Object.keys(ENGAGEMENT_FIXTURES).indexOf(link);
  if (index < 0) throw new Error(`${link} is not an engagement fixture`);
  return salesforceId('a02', 700000 + index);
}

/** How the page's Case reaches its conversation or engagement (see the file comment). */
export const LINKS = Object.freeze(['case', 'engagement', ...Object.keys(ENGAGEMENT_FIXTURES)]);

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
    contactId: salesforceId('003', n),
  };
}

/** The page's Case in engagement mode (`conversation: null`): its Contact and its one engagement. */
function engagementFixtureRecords(caseRecord, link) {
  const { contact, recipient, sender } = ENGAGEMENT_FIXTURES[link];
  const ids = recordIds(null);
  const [firstName, lastName, mobilePhone] = contact;
  const engagement = engagementRecord(engagementFixtureId(link), ids.caseId, null, NEWEST);
  Object.assign(engagement.fields, {
    alcmeon__Message_Content__c: null,
    alcmeon__Language_locale__c: null,
    alcmeon__Recipient_Id__c: recipient,
    alcmeon__Sender_Id__c: sender,
    alcmeon__Sent_Date__c: null,
  });
  return [
    { ...caseRecord, fields: { ...caseRecord.fields, ContactId: ids.contactId, Subject: 'Your order has shipped' } },
    {
      id: ids.contactId,
      apiName: CONTACT,
      fields: { Id: ids.contactId, Name: `${firstName} ${lastName}`, FirstName: firstName, LastName: lastName, MobilePhone: mobilePhone, CreatedDate: OLDER, LastModifiedDate: OLDER },
    },
    engagement,
  ];
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
  if (ENGAGEMENT_FIXTURES[link]) {
    return engagementFixtureRecords(caseRecord, link);
  }
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
* The alcmeon__Conversation__c record Alcméon's connector creates when conversation `alcmeonId`
* starts (an engagement's answer): no Case yet, modified at `when` (ISO 8601).
*/
export function syncedConversationRecord(alcmeonId, when) {
  const record = conversationRecord(salesforceId('a01', 700000 + alcmeonId), alcmeonId, null, when, {
    channel: 'whatsapp',
    customer: 'Unknown customer',
  });
  record.fields.CreatedDate = when;
  return record;
}

/**
* Every record of the org a page for `conversation` (an Alcméon id, or null) runs in; `link` is how
* that page's Case reaches it (LINKS). Every other Case links its conversations directly.
*/
export function orgRecords(conversation, link = 'case') {
  if (!LINKS.includes(link)) {
    throw new Error(`link must be one of ${LINKS.join(', ')}`);
  }
  if (ENGAGEMENT_FIXTURES[link] && conversation !== null) {
    throw new Error(`link=${link} is a Case without conversation: use it with conversation=none`);
  }
  const others = [null, ...Object.keys(SEEDED_CONVERSATIONS).map(Number)].filter((id) => id !== conversation);
  return [...others.flatMap((id) => caseRecords(id, NEWEST)), ...caseRecords(conversation, NEWER, link)];
}
