// The Apex stand-in's reading of a record, as AlcmeonSessionController.conversationIdsOf does it
// for the running user: the App Builder names checked against the org's schema, the record read
// as the user (a user who cannot see it gets the Alcmeon_Error_No_Access label), a Case's
// conversations newest LastModifiedDate first (then id), at most MAX_CONVERSATIONS, each id read
// by the component's own c/widgetLoader parseConversationId. Answers { conversationIds } or
// { refusal: '<Custom Label name>' }, the label Apex's AuraHandledException carries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';
import { CASE, CONVERSATION } from './records.mjs';

const APEX_CLASS = join(ROOT, 'lwc-wrapper', 'force-app', 'main', 'default', 'classes', 'AlcmeonSessionController.cls');

/** A whole-number constant of the Apex class, read from its source so the two cannot drift. */
function apexConstant(name) {
  const match = new RegExp(`static final Integer ${name} = (\\d+);`).exec(readFileSync(APEX_CLASS, 'utf8'));
  if (!match) throw new Error(`AlcmeonSessionController has no Integer constant ${name}`);
  return Number(match[1]);
}

export const MAX_CONVERSATIONS = apexConstant('MAX_CONVERSATIONS');
const DEFAULTS = { relationship: 'alcmeon__Conversations__r', idField: 'alcmeon__url__c' };

const sameName = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const orDefault = (name, fallback) => (typeof name === 'string' && name.trim() ? name.trim() : fallback);

/**
* `records`: the org's (records.mjs); `schema`: org.mjs readSchema(); `params`: the LWC's
* { recordId, caseConversationsRelationship, conversationIdField }; `canSeeRecords`: whether the
* running user may see the page's records; `parseConversationId`: c/widgetLoader's.
*/
export function recordConversationIds({ records, schema, params, canSeeRecords, parseConversationId }) {
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
    const wanted = orDefault(params.caseConversationsRelationship, DEFAULTS.relationship);
    const relationship = Object.entries(schema.relationships[CASE] ?? {}).find(
      ([name, child]) => sameName(name, wanted) && child.childObjectApiName === CONVERSATION,
    );
    if (!relationship) {
      return { refusal: 'Alcmeon_Error_Component_Setup' };
    }
    if (!canSeeRecords) {
      return { refusal: 'Alcmeon_Error_No_Access' };
    }
    const lookup = relationship[1].fieldApiName;
    conversations = records
      .filter((candidate) => candidate.apiName === CONVERSATION && candidate.fields[lookup] === recordId)
      .sort((a, b) => b.fields.LastModifiedDate.localeCompare(a.fields.LastModifiedDate) || b.id.localeCompare(a.id))
      .slice(0, MAX_CONVERSATIONS);
    if (conversations.length === 0) {
      return { refusal: 'Alcmeon_Error_No_Conversation' };
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
