/**
 * engagementRecord: the fields c-alcmeon-conversation writes on an alcmeon__Engagement__c through
 * Lightning Data Service's updateRecord, as plain data (no platform imports, tested without
 * Lightning). Invariants: a send writes exactly the content (plain text turned into the rich text
 * the field holds: escaped, line breaks kept, so customer text is never markup), the language,
 * the error (blank on success) and, only when the agent's object info lists it as updateable, the
 * sent date field mapped in App Builder; a link writes only the conversation lookup.
 */
export const ENGAGEMENT_OBJECT = 'alcmeon__Engagement__c';
/** The engagement's lookup to the conversation that grew out of it (Alcméon's package field). */
export const CONVERSATION_LOOKUP = 'alcmeon__Conversation__c';
const CONTENT_FIELD = 'alcmeon__Message_Content__c';
const LANGUAGE_FIELD = 'alcmeon__Language_locale__c';
const ERROR_FIELD = 'alcmeon__Message_Send_Error__c';

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const isText = (value) => typeof value === 'string';

/** Plain text as the engagement's rich-text content field holds it: escaped, line breaks kept. */
export function asRichText(text) {
    return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]).replace(/\r?\n/g, '<br>');
}

/** Throws unless `record` is { content, language, sentAt: ISO 8601 | null, error: string | null }. */
export function checkSendRecord(record) {
    const { content, language, sentAt, error } = record || {};
    const sentAtValid = sentAt === null || (isText(sentAt) && !Number.isNaN(Date.parse(sentAt)));
    if (!isText(content) || !isText(language) || !sentAtValid || !(error === null || isText(error))) {
        throw new Error('recordEngagementSend: the record must be { content, language, sentAt, error }');
    }
}

/** getObjectInfo's description of field `name` (any case) with its exact apiName, or undefined. */
function describedField(objectInfo, name) {
    const wanted = (name || '').trim().toLowerCase();
    const fields = (objectInfo && objectInfo.fields) || {};
    const apiName = wanted ? Object.keys(fields).find((key) => key.toLowerCase() === wanted) : undefined;
    return apiName ? { ...fields[apiName], apiName } : undefined;
}

/**
 * updateRecord's fields for a send `record` (checked) on engagement `engagementId`; `objectInfo`
 * is getObjectInfo's data for the engagement object, `sentDateField` the App Builder name.
 */
export function sendFields({ engagementId, record, objectInfo, sentDateField }) {
    checkSendRecord(record);
    const fields = {
        Id: engagementId,
        [CONTENT_FIELD]: asRichText(record.content),
        [LANGUAGE_FIELD]: record.language,
        [ERROR_FIELD]: record.error || ''
    };
    const sentDate = describedField(objectInfo, sentDateField);
    if (sentDate && sentDate.updateable) {
        fields[sentDate.apiName] = record.sentAt;
    }
    return fields;
}

/** updateRecord's fields linking engagement `engagementId` to conversation record `conversationRecordId`. */
export function conversationLinkFields(engagementId, conversationRecordId) {
    return { Id: engagementId, [CONVERSATION_LOOKUP]: conversationRecordId };
}
