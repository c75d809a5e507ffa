// The Apex stand-in's reading of a record, as AlcmeonSessionController.linksOf does it for the
// running user: the App Builder names checked against the org's schema, the record read as the
// user (a user who cannot see it gets the Alcmeon_Error_No_Access label), a Case's conversations
// newest LastModifiedDate first (then id), at most MAX_CONVERSATIONS; a Case without any: the
// conversation of the newest (CreatedDate, then id) of its newest MAX_ENGAGEMENTS engagements that
// names one, else engagement mode on the newest engagement (its mapped recipient field, blank or
// the default field absent: the Case Contact's MobilePhone; its mapped sender field; the Contact's
// Name; the CaseNumber); each id read by the component's own c/widgetLoader parseConversationId.
// Answers { conversationIds }, { conversationIds: [], engagement: { id, to, from, name, case } } or
// { refusal: '<Custom Label name>' }, the label Apex's AuraHandledException carries. And
// findConversationRecord: the conversation record whose id field names an Alcméon conversation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';
import { CASE, CONTACT, CONVERSATION, ENGAGEMENT } from './records.mjs';

const APEX_CLASS = join(ROOT, 'lwc-wrapper', 'force-app', 'main', 'default', 'classes', 'AlcmeonSessionController.cls');

/** A whole-number constant of the Apex class, read from its source so the two cannot drift. */
function apexConstant(name) {
  const match = new RegExp(`static final Integer ${name} = (\\d+);`).exec(readFileSync(APEX_CLASS, 'utf8'));
  if (!match) throw new Error(`AlcmeonSessionController has no Integer constant ${name}`);
  return Number(match[1]);
}

export const MAX_CONVERSATIONS = apexConstant('MAX_CONVERSATIONS');
export const MAX_ENGAGEMENTS = apexConstant('MAX_ENGAGEMENTS');
const DEFAULTS = {
  relationship: 'alcmeon__Conversations__r',
  idField: 'alcmeon__url__c',
  engagements: 'alcmeon__Engagements__r',
  recipientField: 'alcmeon__Recipient_Id__c',
  senderField: 'alcmeon__Sender_Id__c',
};
/** The engagement's lookup to the conversation that grew out of it. */
const ENGAGEMENT_CONVERSATION_FIELD = 'alcmeon__Conversation__c';

const sameName = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const orDefault = (name, fallback) => (typeof name === 'string' && name.trim() ? name.trim() : fallback);

/**
* `records`: the org's (records.mjs); `schema`: org.mjs readSchema(); `params`: the LWC's
* { recordId, caseConversationsRelationship, conversationIdField, caseEngagementsRelationship,
* engagementRecipientField, engagementSenderField }; `canSeeRecords`: whether the running user may
* see the page's records; `parseConversationId`: c/widgetLoader's.
*/
export function recordLinks({ records, schema, params, canSeeRecords, parseConversationId }) {
  const { recordId } = params;
  const record = records.find((candidate) => candidate.id === recordId);
  if (!recordId || !record || (record.apiName !== CASE && record.apiName !== CONVERSATION)) {
    return { refusal: 'Alcmeon_Error_No_Conversation' };
  }
  const idField = (schema.objects[CONVERSATION]?.fields ?? []).find((field) => sameName(field, orDefault(params.conversationIdField, DEFAULTS.idField)));
  if (!idField) {
    return { refusal: 'Alcmeon_Error_Component_Setup' };
  }
  let conversations;
  if (record.apiName === CASE) {
    const lookup = caseLookup(schema, params.caseConversationsRelationship, DEFAULTS.relationship, CONVERSATION);
    if (!lookup) {
      return { refusal: 'Alcmeon_Error_Component_Setup' };
    }
    if (!canSeeRecords) {
      return { refusal: 'Alcmeon_Error_No_Access' };
    }
    conversations = newestFirst(records, CONVERSATION, lookup, recordId, 'LastModifiedDate').slice(0, MAX_CONVERSATIONS);
    if (conversations.length === 0) {
      const read = engagementConversation({ records, schema, params });
      if (read.refusal || read.engagement) {
        return read;
      }
      conversations = [read.conversation];
    }
  } else {
    if (!canSeeRecords) {
      return { refusal: 'Alcmeon_Error_No_Access' };
    }
    conversations = [record];
  }
  const ids = [...new Set(conversations.map((conversation) => parseConversationId(conversation.fields[idField])).filter((id) => id !== null))];
  return ids.length > 0 ? { conversationIds: ids } : { refusal: 'Alcmeon_Error_No_Conversation_Id' };
}

/** The child's lookup to Case behind the named child relationship of Case (or `fallback`), or undefined. */
function caseLookup(schema, requested, fallback, childObject) {
  const wanted = orDefault(requested, fallback);
  const relationship = Object.entries(schema.relationships[CASE] ?? {}).find(
    ([name, child]) => sameName(name, wanted) && child.childObjectApiName === childObject,
  );
  return relationship?.[1].fieldApiName;
}

/** `object`'s records whose `lookup` is `parentId`, newest `dateField` first, then id. */
function newestFirst(records, object, lookup, parentId, dateField) {
  return records
    .filter((candidate) => candidate.apiName === object && candidate.fields[lookup] === parentId)
    .sort((a, b) => b.fields[dateField].localeCompare(a.fields[dateField]) || b.id.localeCompare(a.id));
}

/** The schema's name of the engagement field mapped (blank: `fallback`): null for an absent default, undefined for another absent name. */
function engagementField(schema, requested, fallback) {
  const wanted = orDefault(requested, fallback);
  const field = (schema.objects[ENGAGEMENT]?.fields ?? []).find((name) => sameName(name, wanted));
  return field ?? (sameName(wanted, fallback) ? null : undefined);
}

const textOf = (value) => (value === null || value === undefined ? '' : String(value).trim());

/** The eng claim of `engagement`, a Case's: as AlcmeonSessionController.engagementClaim reads it. */
function engagementClaim(records, engagement, recipientField, senderField) {
  const caseRecord = records.find((candidate) => candidate.id === engagement.fields.alcmeon__Case__c);
  const contact = records.find((candidate) => candidate.apiName === CONTACT && candidate.id === caseRecord?.fields.ContactId);
  const recipient = recipientField ? textOf(engagement.fields[recipientField]) : '';
  return {
    id: engagement.id,
    to: recipient || textOf(contact?.fields.MobilePhone),
    from: senderField ? textOf(engagement.fields[senderField]) : '',
    name: textOf(contact?.fields.Name),
    case: textOf(caseRecord?.fields.CaseNumber),
  };
}

/**
* A Case without conversations: { conversation } of its newest engagement naming one, else
* { conversationIds: [], engagement } for its newest engagement, or { refusal }.
*/
function engagementConversation({ records, schema, params }) {
  const lookup = caseLookup(schema, params.caseEngagementsRelationship, DEFAULTS.engagements, ENGAGEMENT);
  const conversationLookup = Object.values(schema.relationships[CONVERSATION] ?? {}).some(
    (child) => child.childObjectApiName === ENGAGEMENT && child.fieldApiName === ENGAGEMENT_CONVERSATION_FIELD,
  );
  const recipientField = engagementField(schema, params.engagementRecipientField, DEFAULTS.recipientField);
  const senderField = engagementField(schema, params.engagementSenderField, DEFAULTS.senderField);
  if (!lookup || !conversationLookup || recipientField === undefined || senderField === undefined) {
    return { refusal: 'Alcmeon_Error_Component_Setup' };
  }
  const engagements = newestFirst(records, ENGAGEMENT, lookup, params.recordId, 'CreatedDate').slice(0, MAX_ENGAGEMENTS);
  if (engagements.length === 0) {
    return { refusal: 'Alcmeon_Error_No_Conversation' };
  }
  const answered = engagements.find((engagement) => engagement.fields[ENGAGEMENT_CONVERSATION_FIELD]);
  if (!answered) {
    return { conversationIds: [], engagement: engagementClaim(records, engagements[0], recipientField, senderField) };
  }
  const conversation = records.find(
    (candidate) => candidate.apiName === CONVERSATION && candidate.id === answered.fields[ENGAGEMENT_CONVERSATION_FIELD],
  );
  return conversation ? { conversation } : { refusal: 'Alcmeon_Error_No_Access' };
}

/**
* AlcmeonSessionController.findConversationRecord: the id of the conversation record (newest
* LastModifiedDate first) whose id field (`conversationIdField`, blank: the default) names Alcméon's
* conversation `conversationId`, or null; { refusal } for a field outside the schema. Answers
* { recordId }.
*/
export function conversationRecordOf({ records, schema, params, canSeeRecords, parseConversationId }) {
  const { conversationId } = params;
  const idField = (schema.objects[CONVERSATION]?.fields ?? []).find((field) => sameName(field, orDefault(params.conversationIdField, DEFAULTS.idField)));
  if (!idField) {
    return { refusal: 'Alcmeon_Error_Component_Setup' };
  }
  if (!canSeeRecords || !Number.isSafeInteger(conversationId) || conversationId < 0) {
    return { recordId: null };
  }
  const found = records
    .filter((record) => record.apiName === CONVERSATION && parseConversationId(record.fields[idField]) === conversationId)
    .sort((a, b) => b.fields.LastModifiedDate.localeCompare(a.fields.LastModifiedDate) || b.id.localeCompare(a.id));
  return { recordId: found[0]?.id ?? null };
}
