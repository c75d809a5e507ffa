/**
 * alcmeonConversation: hosts the Alcméon conversation widget on a Case or alcmeon__Conversation__c
 * record page. It gathers the context (record, conversation id and the Case's others, the agent's language, locale and
 * time zone), loads the widget from the alcmeonWidget static resource, mounts it into the
 * `lwc:dom="manual"` element, hands it a getToken() backed by Apex, and unmounts it on disconnect.
 * No business logic lives here: the widget does the rest.
 *
 * Which mode, on a Case: its newest conversation (the Case's conversations relationship);
 * else the conversation of its newest engagement that has one (the engagements relationship, as
 * Apex reads it: newest CreatedDate first, among the newest CASE_ENGAGEMENTS_PAGE_SIZE), read from
 * that conversation record as on a conversation page; else engagement mode on the newest
 * engagement (the widget gets `engagementId`, no conversation id); else the "no conversation"
 * state, which says what to create. Once the widget is mounted its mode is the widget's: later
 * answers of the engagements list (LDS refreshes it after this component links the engagement)
 * change nothing.
 *
 * Engagement records are written through Lightning Data Service (`updateRecord`, as the agent):
 * the widget calls `recordEngagementSend` when a send ends (content as rich text, language, the
 * App Builder sent-date field when the object has it for this agent, the error or blank) and
 * `recordEngagementConversation` when it switches to the conversation that grew out of the
 * engagement (its alcmeon__Conversation__c record, found by Apex, becomes the engagement's lookup).
 * Both resolve false, writing nothing, when the page has no engagement (conversation mode).
 *
 * The widget searches and creates the customer's Contact through `searchContacts(term)` and
 * `createContact({ name, phone })`, both Apex as the agent (AlcmeonContactController, with sharing):
 * each resolves to `{ id, name, personAccount, detail }` (a list for the search) or rejects with an
 * Error whose message is Salesforce's text (errorMessages), which the widget shows the agent.
 *
 * Every token is minted by Apex for this record (`getSessionToken({ recordId, … })`): it names
 * the Alcméon conversations the agent may open from here, read by Apex as the agent. The first one
 * is asked for before the widget mounts, so an agent Apex refuses (no access to the record, no
 * conversation id on it) sees Apex's message in the error state and the widget never loads.
 *
 * In conversation mode, as soon as the backend URL, the conversation id and that first token are
 * known, this component requests the conversation's thread itself (`fetchFirstThread`), while the
 * widget's script and WebAssembly load, and hands the answer to the widget as `firstThread`; the
 * first token goes on to the widget's first getToken(): one token and one thread request per open.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { loadScript } from 'lightning/platformResourceLoader';
import WIDGET_RESOURCE from '@salesforce/resourceUrl/alcmeonWidget';
import LANG from '@salesforce/i18n/lang';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import USER_ID from '@salesforce/user/Id';
import getSessionToken from '@salesforce/apex/AlcmeonSessionController.getSessionToken';
import getBackendUrl from '@salesforce/apex/AlcmeonSessionController.getBackendUrl';
import findConversationRecord from '@salesforce/apex/AlcmeonSessionController.findConversationRecord';
import searchContactsApex from '@salesforce/apex/AlcmeonContactController.searchContacts';
import createContactApex from '@salesforce/apex/AlcmeonContactController.createContact';
import TITLE_LABEL from '@salesforce/label/c.Alcmeon_Widget_Title';
import LOADING_LABEL from '@salesforce/label/c.Alcmeon_Loading';
import LOAD_ERROR_LABEL from '@salesforce/label/c.Alcmeon_Error_Load';
import NO_CONVERSATION_LABEL from '@salesforce/label/c.Alcmeon_Error_No_Conversation';
import NO_CONVERSATION_ID_LABEL from '@salesforce/label/c.Alcmeon_Error_No_Conversation_Id';
import NOT_CONFIGURED_LABEL from '@salesforce/label/c.Alcmeon_Error_Not_Configured';
import NO_REASON_LABEL from '@salesforce/label/c.Alcmeon_Error_No_Reason';
import {
    canRunWebAssembly,
    createWidgetContext,
    fetchFirstThread,
    loadWidget,
    mountWidget,
    mountWidgetFrame,
    needsFrame,
    parseConversationId,
    prepareMount,
    unmountWidget
} from 'c/widgetLoader';
import { errorText } from 'c/errorMessages';
import { CONVERSATION_LOOKUP, ENGAGEMENT_OBJECT, conversationLinkFields, sendFields } from 'c/engagementRecord';

const CASE_OBJECT = 'Case';
const CONVERSATION_OBJECT = 'alcmeon__Conversation__c';
const ENGAGEMENT_CONVERSATION_FIELD = `${ENGAGEMENT_OBJECT}.${CONVERSATION_LOOKUP}`;
const DEFAULT_HEIGHT = 600;
/**
 * How many of a Case's conversations are read, newest first, and listed by the widget. A Case
 * gathers the conversations of one customer request (WhatsApp, then Instagram…): a handful in
 * practice; older ones beyond this bound are not listed.
 */
export const CASE_CONVERSATIONS_PAGE_SIZE = 20;
/** How many of a Case's newest engagements are looked through for one with a conversation (Apex's MAX_ENGAGEMENTS). */
export const CASE_ENGAGEMENTS_PAGE_SIZE = 20;

export default class AlcmeonConversation extends LightningElement {
    @api recordId;
    @api objectApiName;
    /**
     * On a Case page: the relationship from the Case to its conversations, i.e. the child side of
     * the conversation's alcmeon__Case__c lookup. When several conversations share the Case, the
     * most recently modified one is shown and the widget lists the others (up to
     * CASE_CONVERSATIONS_PAGE_SIZE, newest first) to switch to.
     */
    @api caseConversationsRelationship = 'alcmeon__Conversations__r';
    /**
     * On a Case page: the relationship from the Case to its engagements (the child side of the
     * engagement's alcmeon__Case__c lookup), read when no conversation points to the Case.
     */
    @api caseEngagementsRelationship = 'alcmeon__Engagements__r';
    /** The conversation field holding Alcméon's conversation id, or a link ending with it. */
    @api conversationIdField = 'alcmeon__url__c';
    /**
     * Engagement mode: the engagement field holding the recipient's phone number (read by Apex;
     * blank, or this default absent from the org: the Case Contact's mobile phone).
     */
    @api engagementRecipientField = 'alcmeon__Recipient_Id__c';
    /** Engagement mode: the engagement field holding the sender's Alcméon account id (read by Apex). */
    @api engagementSenderField = 'alcmeon__Sender_Id__c';
    /** Engagement mode: the engagement's date-time field the send time is written to, when the object has it. */
    @api engagementSentDateField = 'alcmeon__Sent_Date__c';
    @api height = DEFAULT_HEIGHT;
    /** Overrides the backend URL of the Alcmeon Widget Setting record. */
    @api backendUrl;

    labels = { title: TITLE_LABEL, loading: LOADING_LABEL };

    widget;
    /** WebAssembly cannot run on this page: the widget runs in an iframe served by the backend. */
    inFrame = false;
    conversationId;
    /** The Case's Alcméon conversation ids, newest first (conversationId first); on a conversation page, that one. */
    conversationIds;
    settingsBackendUrl;
    errorMessage;
    errorDetail;
    mounted = false;
    /** The widget's script and WebAssembly are being loaded into this page (not in a frame). */
    widgetLoading = false;
    /** The widget's stylesheet was added to the mount point, to download while the widget loads. */
    styled = false;
    /** The first token Apex minted for this record; handed to the widget's first getToken(). */
    firstToken;
    /** This component's request for the conversation's thread, `{ conversationId, answer }`; the widget takes it once. */
    firstThread;
    /** The thread was requested (or there will be none to request): never twice per component. */
    firstThreadAsked = false;
    /** Apex minted a token for this record: the agent may open its conversations. */
    recordGranted = false;
    /** Apex refused the record: its message stays, whatever else fails after. */
    refused = false;
    /** The Case whose engagements are read: set once no conversation points to it. */
    engagementsCaseId;
    /** The conversation record of the Case's newest engagement that has one. */
    engagementConversationRecordId;
    /** Engagement mode: the Case's newest engagement (none of the Case's engagements has a conversation). */
    engagementId;
    settleEngagementObjectInfo;
    /** Resolves to getObjectInfo's answer ({ data } or { error }) for the engagement object. */
    engagementObjectInfo = new Promise((resolve) => {
        this.settleEngagementObjectInfo = resolve;
    });

    handle;
    connected = false;

    // --- Context from the record -----------------------------------------------------------

    get caseRecordId() {
        return this.objectApiName === CASE_OBJECT ? this.recordId : undefined;
    }

    /** The conversation record read by getRecord: the page's, or the one a Case's engagement names. */
    get conversationRecordId() {
        return this.objectApiName === CONVERSATION_OBJECT ? this.recordId : this.engagementConversationRecordId;
    }

    get conversationIdFieldName() {
        return `${CONVERSATION_OBJECT}.${this.conversationIdField}`;
    }

    get conversationFields() {
        return [this.conversationIdFieldName];
    }

    get newestFirst() {
        return [`-${CONVERSATION_OBJECT}.LastModifiedDate`];
    }

    get engagementFields() {
        return [ENGAGEMENT_CONVERSATION_FIELD];
    }

    get newestEngagementsFirst() {
        return [`-${ENGAGEMENT_OBJECT}.CreatedDate`];
    }

    /** The engagement object's name once in engagement mode: what its sent-date field is decided from. */
    get engagementObjectApiName() {
        return this.engagementId ? ENGAGEMENT_OBJECT : undefined;
    }

    @wire(getRelatedListRecords, {
        parentRecordId: '$caseRecordId',
        relatedListId: '$caseConversationsRelationship',
        fields: '$conversationFields',
        sortBy: '$newestFirst',
        pageSize: CASE_CONVERSATIONS_PAGE_SIZE
    })
    wiredCaseConversations({ data, error }) {
        if (error) {
            this.showError(LOAD_ERROR_LABEL, error);
        } else if (data) {
            const [newest, ...older] = data.records || [];
            if (newest) {
                this.useConversation(newest, older);
            } else {
                this.engagementsCaseId = this.caseRecordId;
            }
        }
    }

    @wire(getRelatedListRecords, {
        parentRecordId: '$engagementsCaseId',
        relatedListId: '$caseEngagementsRelationship',
        fields: '$engagementFields',
        sortBy: '$newestEngagementsFirst',
        pageSize: CASE_ENGAGEMENTS_PAGE_SIZE
    })
    wiredCaseEngagements({ data, error }) {
        if (this.handle) {
            return;
        }
        if (error) {
            this.showError(LOAD_ERROR_LABEL, error);
        } else if (data) {
            const engagements = data.records || [];
            const answered = engagements.find((engagement) => getFieldValue(engagement, ENGAGEMENT_CONVERSATION_FIELD));
            if (answered) {
                this.engagementConversationRecordId = getFieldValue(answered, ENGAGEMENT_CONVERSATION_FIELD);
            } else if (engagements.length > 0) {
                this.engagementId = engagements[0].id;
            } else {
                this.showError(NO_CONVERSATION_LABEL);
            }
        }
    }

    @wire(getObjectInfo, { objectApiName: '$engagementObjectApiName' })
    wiredEngagementObjectInfo({ data, error }) {
        if (data || error) {
            this.settleEngagementObjectInfo({ data, error });
        }
    }

    @wire(getRecord, { recordId: '$conversationRecordId', fields: '$conversationFields' })
    wiredConversation({ data, error }) {
        if (error) {
            this.showError(LOAD_ERROR_LABEL, error);
        } else if (data) {
            this.useConversation(data);
        }
    }

    /**
     * Opens `record`'s conversation and lists `others` (older, newest first) after it. An older
     * conversation whose field holds no id is left out of the list; the opened one holding none
     * is an error.
     */
    useConversation(record, others = []) {
        const value = getFieldValue(record, this.conversationIdFieldName);
        const id = parseConversationId(value);
        if (id === null) {
            this.showError(
                NO_CONVERSATION_ID_LABEL,
                `${this.conversationIdField}: ${value === null || value === undefined ? '—' : value}`
            );
            return;
        }
        const ids = [id];
        for (const other of others) {
            const otherId = parseConversationId(getFieldValue(other, this.conversationIdFieldName));
            if (otherId !== null && !ids.includes(otherId)) {
                ids.push(otherId);
            }
        }
        this.conversationIds = ids;
        this.conversationId = id;
        this.askFirstThread();
    }

    /**
     * Requests the conversation's thread for the widget's first open, once the backend, the
     * conversation and the first token are known; in conversation mode only, before the mount,
     * and only where the widget will run here (the backend's frame reads its thread itself).
     */
    askFirstThread() {
        const backendUrl = this.effectiveBackendUrl;
        const { conversationId, firstToken } = this;
        if (this.firstThreadAsked || this.handle || this.engagementId || this.inFrame) {
            return;
        }
        if (!backendUrl || conversationId === undefined || !firstToken) {
            return;
        }
        this.firstThreadAsked = true;
        if (!canRunWebAssembly()) {
            return;
        }
        const answer = fetchFirstThread({ backendUrl, conversationId, token: firstToken, timeZone: TIME_ZONE });
        // The widget reads a rejection as "ask the backend yourself"; it is not an unhandled one.
        answer.catch(() => {});
        this.firstThread = { conversationId, answer };
    }

    // --- Lifecycle ---------------------------------------------------------------------------

    connectedCallback() {
        this.connected = true;
        if (this.objectApiName !== CASE_OBJECT && this.objectApiName !== CONVERSATION_OBJECT) {
            this.showError(NO_CONVERSATION_LABEL, `Unsupported record type ${this.objectApiName}`);
            return;
        }
        if (!this.recordGranted) {
            this.requestToken()
                .then((token) => {
                    this.firstToken = token;
                    this.recordGranted = true;
                    this.askFirstThread();
                })
                .catch((error) => this.showRefusal(error));
        }
        if (!this.backendUrl && !this.settingsBackendUrl) {
            getBackendUrl()
                .then((url) => {
                    if (url) {
                        this.settingsBackendUrl = url;
                        this.askFirstThread();
                    } else {
                        this.showError(NOT_CONFIGURED_LABEL);
                    }
                })
                .catch((error) => this.showError(NOT_CONFIGURED_LABEL, error));
        }
        if (!this.widget && !this.inFrame) {
            this.widgetLoading = true;
            loadWidget({
                loadScript: (url) => loadScript(this, url),
                resourceUrl: WIDGET_RESOURCE
            })
                .then((widget) => {
                    this.widget = widget;
                })
                .catch((error) => {
                    if (needsFrame(error)) {
                        this.inFrame = true;
                    } else {
                        this.showError(LOAD_ERROR_LABEL, error);
                    }
                });
        }
    }

    renderedCallback() {
        const element = this.template.querySelector('.mount');
        if (this.widgetLoading && !this.styled && element) {
            prepareMount(element, WIDGET_RESOURCE);
            this.styled = true;
        }
        if (this.handle || !this.isReady) {
            return;
        }
        try {
            this.handle = this.inFrame
                ? mountWidgetFrame(element, this.widgetContext(), {
                      backendUrl: this.effectiveBackendUrl,
                      title: TITLE_LABEL,
                      onError: (error) => {
                          this.releaseWidget();
                          this.showError(LOAD_ERROR_LABEL, error);
                      }
                  })
                : mountWidget(this.widget, element, this.widgetContext(), { resourceUrl: WIDGET_RESOURCE });
            this.mounted = true;
        } catch (error) {
            this.showError(LOAD_ERROR_LABEL, error);
        }
    }

    disconnectedCallback() {
        this.connected = false;
        this.releaseWidget();
    }

    releaseWidget() {
        const handle = this.handle;
        this.handle = undefined;
        this.mounted = false;
        unmountWidget(handle);
    }

    // --- Helpers -----------------------------------------------------------------------------

    widgetContext() {
        const firstThread = this.takeFirstThread();
        return createWidgetContext({
            backendUrl: this.effectiveBackendUrl,
            ...(this.engagementId
                ? { engagementId: this.engagementId }
                : { conversationId: this.conversationId, conversationIds: this.conversationIds }),
            lang: LANG,
            locale: LOCALE,
            timeZone: TIME_ZONE,
            userId: USER_ID,
            recordId: this.recordId,
            objectApiName: this.objectApiName,
            getToken: () => {
                const first = this.firstToken;
                this.firstToken = undefined;
                return first ? Promise.resolve(first) : this.requestToken();
            },
            ...(firstThread ? { firstThread } : {}),
            recordEngagementSend: (record) => this.recordEngagementSend(record),
            recordEngagementConversation: (conversationId) => this.recordEngagementConversation(conversationId),
            searchContacts: (term) => searchContacts(term),
            createContact: (contact) => createContact(contact)
        });
    }

    /** The thread answer for the conversation about to be mounted, once; the frame gets none. */
    takeFirstThread() {
        const asked = this.firstThread;
        this.firstThread = undefined;
        if (!asked || this.inFrame || this.engagementId || asked.conversationId !== this.conversationId) {
            return undefined;
        }
        return asked.answer;
    }

    /**
     * Writes what the widget sent on the engagement: true once written, false without an
     * engagement. `record`: { content, language, sentAt (ISO 8601 or null), error (or null) }.
     */
    recordEngagementSend(record) {
        if (!this.engagementId) {
            return Promise.resolve(false);
        }
        const engagementId = this.engagementId;
        return this.engagementObjectInfo
            .then(({ data, error }) => {
                if (error) {
                    throw new Error(errorText(error, 'The engagement object could not be described'));
                }
                const sentDateField = this.engagementSentDateField;
                return updateRecord({ fields: sendFields({ engagementId, record, objectInfo: data, sentDateField }) });
            })
            .then(() => true);
    }

    /**
     * Links the engagement to the alcmeon__Conversation__c record of Alcméon's conversation
     * `conversationId`: true once written; false when Salesforce holds no such record yet, or
     * without an engagement.
     */
    recordEngagementConversation(conversationId) {
        if (!this.engagementId) {
            return Promise.resolve(false);
        }
        const engagementId = this.engagementId;
        if (!Number.isSafeInteger(conversationId) || conversationId < 0) {
            return Promise.reject(new Error(`recordEngagementConversation: ${conversationId} is not a conversation id`));
        }
        return findConversationRecord({ conversationId, conversationIdField: this.conversationIdField }).then(
            (conversationRecordId) => {
                if (!conversationRecordId) {
                    return false;
                }
                return updateRecord({ fields: conversationLinkFields(engagementId, conversationRecordId) }).then(() => true);
            }
        );
    }

    /** A fresh token from Apex for this record, or an Error saying why Apex refused it. */
    requestToken() {
        return Promise.resolve()
            .then(() =>
                getSessionToken({
                    recordId: this.recordId,
                    caseConversationsRelationship: this.caseConversationsRelationship,
                    conversationIdField: this.conversationIdField,
                    caseEngagementsRelationship: this.caseEngagementsRelationship,
                    engagementRecipientField: this.engagementRecipientField,
                    engagementSenderField: this.engagementSenderField
                })
            )
            .then(
                (token) => {
                    if (typeof token !== 'string' || token.length === 0) {
                        throw new Error('The session token is empty');
                    }
                    return token;
                },
                (error) => {
                    throw new Error(errorText(error, 'Could not get a session token'));
                }
            );
    }

    /** Apex minted no token for this record: its message (a Custom Label) is what the agent reads. */
    showRefusal(error) {
        this.showError(errorText(error, LOAD_ERROR_LABEL));
        this.refused = true;
    }

    showError(message, error) {
        if (this.refused) {
            return;
        }
        this.errorMessage = message;
        this.errorDetail = errorText(error);
    }

    get effectiveBackendUrl() {
        return this.backendUrl || this.settingsBackendUrl;
    }

    get isReady() {
        return (
            this.connected &&
            !this.errorMessage &&
            this.recordGranted &&
            (Boolean(this.widget) || this.inFrame) &&
            (this.conversationId !== undefined || this.engagementId !== undefined) &&
            Boolean(this.effectiveBackendUrl)
        );
    }

    /**
     * 'error' | 'mounted' | 'ready' | 'loading'. Rendered as data-state, so the template depends on
     * every input of readiness and renderedCallback runs (and mounts) as soon as the last one arrives.
     */
    get state() {
        if (this.hasError) {
            return 'error';
        }
        if (this.mounted) {
            return 'mounted';
        }
        return this.isReady ? 'ready' : 'loading';
    }

    /** 'inline' | 'frame': how the widget runs, rendered as data-mode for support and tests. */
    get mode() {
        return this.inFrame ? 'frame' : 'inline';
    }

    get hasError() {
        return Boolean(this.errorMessage);
    }

    get isLoading() {
        return !this.mounted && !this.hasError;
    }

    get ariaBusy() {
        return this.isLoading ? 'true' : 'false';
    }

    get bodyStyle() {
        const height = Number.parseInt(this.height, 10);
        return `height: ${height > 0 ? height : DEFAULT_HEIGHT}px;`;
    }
}

/** Contacts matching `term`, found by Apex as the agent; rejects with Salesforce's reason. */
export function searchContacts(term) {
    return asAgent(() => searchContactsApex({ term: String(term ?? '') }));
}

/** Creates `{ name, phone }` as a Contact by Apex as the agent; rejects with Salesforce's reason. */
export function createContact(contact) {
    const { name, phone } = contact ?? {};
    return asAgent(() => createContactApex({ name: String(name ?? ''), phone: String(phone ?? '') }));
}

function asAgent(call) {
    return Promise.resolve()
        .then(call)
        .catch((error) => {
            throw new Error(errorText(error, NO_REASON_LABEL));
        });
}
