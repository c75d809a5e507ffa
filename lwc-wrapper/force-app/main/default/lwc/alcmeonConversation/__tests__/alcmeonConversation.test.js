import { createElement } from '@lwc/engine-dom';
import AlcmeonConversation from 'c/alcmeonConversation';
import { resetWidgetLoader } from 'c/widgetLoader';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { loadScript } from 'lightning/platformResourceLoader';
import getSessionToken from '@salesforce/apex/AlcmeonSessionController.getSessionToken';
import getBackendUrl from '@salesforce/apex/AlcmeonSessionController.getBackendUrl';
import findConversationRecord from '@salesforce/apex/AlcmeonSessionController.findConversationRecord';
import searchContactsApex from '@salesforce/apex/AlcmeonContactController.searchContacts';
import createContactApex from '@salesforce/apex/AlcmeonContactController.createContact';

const mockConversationRecord = require('./data/getConversationRecord.json');
const mockCaseConversations = require('./data/getRelatedListRecords.json');
const mockCaseWithoutConversations = require('./data/getRelatedListRecordsEmpty.json');

const CASE_ID = '5005g00000QwErTAAZ';

const RESOURCE_URL = '/resource/1763600000000/alcmeonWidget';
const BACKEND_URL = 'https://widget.example.com';
// The page asked with the agent's time zone (Europe/Paris, mocked below), whose rules it carries.
const THREAD_URL = `${BACKEND_URL}/v1/conversations/1001/thread?zone=Europe%2FParis`;
const THREAD_BODY = '{"conversation":{"id":1001},"items":[]}';
const WASM_URL = `${RESOURCE_URL}/alcmeon_widget_bg.wasm`;

// The agent and record the widget is told about on the conversation page these tests open.
const CONVERSATION_PAGE_CONTEXT = {
    backendUrl: BACKEND_URL,
    conversationId: 1001,
    conversationIds: [1001],
    lang: 'fr',
    locale: 'fr-FR',
    timeZone: 'Europe/Paris',
    userId: '0055g00000AbCdEAAV',
    recordId: mockConversationRecord.id,
    objectApiName: 'alcmeon__Conversation__c'
};

jest.mock('@salesforce/resourceUrl/alcmeonWidget', () => ({ default: '/resource/1763600000000/alcmeonWidget' }), {
    virtual: true
});
jest.mock('@salesforce/i18n/lang', () => ({ default: 'fr' }), { virtual: true });
jest.mock('@salesforce/i18n/locale', () => ({ default: 'fr-FR' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });
jest.mock('@salesforce/user/Id', () => ({ default: '0055g00000AbCdEAAV' }), { virtual: true });
jest.mock(
    '@salesforce/apex/AlcmeonSessionController.getSessionToken',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/AlcmeonSessionController.findConversationRecord',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/AlcmeonContactController.searchContacts', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlcmeonContactController.createContact', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    '@salesforce/apex/AlcmeonSessionController.getBackendUrl',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

// A stand-in for the widget's wasm-bindgen API: an init function with mount().
function installFakeWidget() {
    const handle = { unmount: jest.fn(), free: jest.fn() };
    const init = jest.fn().mockResolvedValue({});
    init.mount = jest.fn().mockReturnValue(handle);
    window.alcmeonWidget = init;
    return { init, handle };
}

// The requests made to the backend (the others fetch the widget's own files).
function backendRequests() {
    return global.fetch.mock.calls.filter(([url]) => url.startsWith(BACKEND_URL));
}

// Lets the loader's promises, the wire handlers and the re-renders run.
function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

// Both of a Case's related lists come through getRelatedListRecords: each emit goes to one of them,
// told apart by its config (set once the component's wires have updated).
const isConversationsWire = (config) => (config.fields || [])[0]?.startsWith('alcmeon__Conversation__c.');
const isEngagementsWire = (config) =>
    Boolean(config.parentRecordId) && (config.fields || [])[0]?.startsWith('alcmeon__Engagement__c.');

async function emitCaseConversations(data) {
    await flushPromises();
    getRelatedListRecords.emit(data, isConversationsWire);
}

async function emitCaseEngagements(data) {
    await flushPromises();
    getRelatedListRecords.emit(data, isEngagementsWire);
}

/** The configs the component's related-list wires have now, each one's latest. */
function relatedListConfigs() {
    const configs = [];
    getRelatedListRecords.emit(undefined, (config) => {
        configs.push(config);
        return false;
    });
    return configs;
}

/** A Case's engagements, newest first, each with the conversation record id it names (or null). */
function caseEngagements(...conversationRecordIds) {
    const records = conversationRecordIds.map((value, n) => ({
        apiName: 'alcmeon__Engagement__c',
        id: `a025g00000En${n}AAAAA`,
        fields: { alcmeon__Conversation__c: { displayValue: null, value } }
    }));
    return { ...mockCaseWithoutConversations, count: records.length, records };
}

function createComponent(props) {
    const element = createElement('c-alcmeon-conversation', { is: AlcmeonConversation });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function conversationPage(extra = {}) {
    return createComponent({
        recordId: mockConversationRecord.id,
        objectApiName: 'alcmeon__Conversation__c',
        backendUrl: BACKEND_URL,
        ...extra
    });
}

describe('c-alcmeon-conversation', () => {
    beforeEach(() => {
        getSessionToken.mockResolvedValue('token-for-the-record');
        global.fetch = jest.fn().mockResolvedValue({ status: 200, text: () => Promise.resolve(THREAD_BODY) });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        delete window.alcmeonWidget;
        resetWidgetLoader();
        jest.clearAllMocks();
        delete global.fetch;
    });

    it('mounts the widget into the manual element with the agent and conversation context', async () => {
        const { init } = installFakeWidget();
        getSessionToken.mockResolvedValue('token-1');
        const element = conversationPage();

        getRecord.emit(mockConversationRecord);
        await flushPromises();

        expect(loadScript).toHaveBeenCalledTimes(1);
        expect(loadScript.mock.calls[0][1]).toBe(`${RESOURCE_URL}/alcmeon_widget.js`);
        const wasmDownload = global.fetch.mock.calls.findIndex(([url]) => url === WASM_URL);
        expect(init).toHaveBeenCalledWith({ module_or_path: global.fetch.mock.results[wasmDownload].value });

        const mountElement = element.shadowRoot.querySelector('.mount');
        expect(init.mount).toHaveBeenCalledTimes(1);
        const [target, context] = init.mount.mock.calls[0];
        expect(target).toBe(mountElement);
        expect(context).toEqual({
            ...CONVERSATION_PAGE_CONTEXT,
            assetsUrl: RESOURCE_URL,
            getToken: expect.any(Function),
            firstThread: expect.anything(),
            recordEngagementSend: expect.any(Function),
            recordEngagementConversation: expect.any(Function),
            searchContacts: expect.any(Function),
            createContact: expect.any(Function)
        });

        await expect(context.getToken()).resolves.toBe('token-1');
        expect(getSessionToken).toHaveBeenCalledTimes(1);

        const stylesheet = mountElement.querySelector('link[rel="stylesheet"]');
        expect(stylesheet.getAttribute('href')).toBe(`${RESOURCE_URL}/widget.css`);
        expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
        expect(element.shadowRoot.querySelector('.body').dataset.state).toBe('mounted');
    });

    it('links the stylesheet and downloads the WebAssembly while the widget script still loads', async () => {
        installFakeWidget();
        loadScript.mockReturnValueOnce(new Promise(() => {}));
        const element = conversationPage();
        getRecord.emit(mockConversationRecord);
        await flushPromises();

        const stylesheet = element.shadowRoot.querySelector('.mount link[rel="stylesheet"]');
        expect(stylesheet.getAttribute('href')).toBe(`${RESOURCE_URL}/widget.css`);
        expect(global.fetch).toHaveBeenCalledWith(WASM_URL);
        expect(window.alcmeonWidget).not.toHaveBeenCalled();
    });

    describe('the first thread, requested while the widget loads', () => {
        // A widget whose WebAssembly is still instantiating until `instantiate()` is called.
        function slowWidget() {
            const widget = installFakeWidget();
            let instantiate;
            widget.init.mockReturnValue(
                new Promise((resolve) => {
                    instantiate = resolve;
                })
            );
            return { ...widget, instantiate: () => instantiate({}) };
        }

        async function openedWhileLoading() {
            const widget = slowWidget();
            getSessionToken.mockResolvedValue('token-1');
            conversationPage();
            getRecord.emit(mockConversationRecord);
            await flushPromises();
            return widget;
        }

        it('is requested with the first token before the widget is instantiated, and handed to it', async () => {
            const { init, instantiate } = await openedWhileLoading();
            expect(init).toHaveBeenCalledTimes(1);
            expect(init.mount).not.toHaveBeenCalled();
            expect(backendRequests()).toHaveLength(1);
            expect(global.fetch).toHaveBeenCalledWith(THREAD_URL, { headers: { Authorization: 'Bearer token-1' } });

            instantiate();
            await flushPromises();
            const context = init.mount.mock.calls[0][1];
            await expect(context.firstThread).resolves.toEqual({ status: 200, body: THREAD_BODY });
            await expect(context.getToken()).resolves.toBe('token-1');
            expect(getSessionToken).toHaveBeenCalledTimes(1);
            expect(backendRequests()).toHaveLength(1);
        });

        it('hands a 202 over as it is: the widget asks again itself', async () => {
            global.fetch.mockResolvedValue({ status: 202, text: () => Promise.resolve('{"conversation_id":1001}') });
            const { init, instantiate } = await openedWhileLoading();
            instantiate();
            await flushPromises();
            const context = init.mount.mock.calls[0][1];
            await expect(context.firstThread).resolves.toEqual({ status: 202, body: '{"conversation_id":1001}' });
        });

        it('hands a failed request over as a rejection, and the widget still mounts', async () => {
            global.fetch.mockRejectedValue(new TypeError('Failed to fetch'));
            const { init, instantiate } = await openedWhileLoading();
            instantiate();
            await flushPromises();
            expect(init.mount).toHaveBeenCalledTimes(1);
            await expect(init.mount.mock.calls[0][1].firstThread).rejects.toThrow('Failed to fetch');
            expect(document.body.querySelector('c-alcmeon-conversation').shadowRoot.querySelector('.state_error')).toBeNull();
        });

        it('is handed to the first mount only: a widget mounted again asks the backend itself', async () => {
            const { init, instantiate } = await openedWhileLoading();
            instantiate();
            await flushPromises();
            const element = document.body.querySelector('c-alcmeon-conversation');
            document.body.removeChild(element);
            document.body.appendChild(element);
            await flushPromises();
            expect(init.mount).toHaveBeenCalledTimes(2);
            expect('firstThread' in init.mount.mock.calls[1][1]).toBe(false);
            expect(backendRequests()).toHaveLength(1);
        });
    });

    it("searches and creates Contacts through Apex as the agent, rejecting with Salesforce's reason", async () => {
        const { init } = installFakeWidget();
        conversationPage();
        getRecord.emit(mockConversationRecord);
        await flushPromises();
        const context = init.mount.mock.calls[0][1];

        const amelie = { id: '003000000000001AAA', name: 'Amélie Dubois', personAccount: false, detail: 'amelie@example.com' };
        searchContactsApex.mockResolvedValue([amelie]);
        await expect(context.searchContacts('dubois')).resolves.toEqual([amelie]);
        expect(searchContactsApex).toHaveBeenCalledWith({ term: 'dubois' });

        searchContactsApex.mockRejectedValue({ body: { message: 'Insufficient access rights on object Contact' }, status: 400 });
        await expect(context.searchContacts('dubois')).rejects.toThrow('Insufficient access rights on object Contact');

        const lea = { id: '003000000000002AAA', name: 'Léa Fontaine', personAccount: false, detail: '+33611223344' };
        createContactApex.mockResolvedValue(lea);
        await expect(context.createContact({ name: 'Léa Fontaine', phone: '+33611223344' })).resolves.toEqual(lea);
        expect(createContactApex).toHaveBeenCalledWith({ name: 'Léa Fontaine', phone: '+33611223344' });

        createContactApex.mockRejectedValue({ body: { pageErrors: [], fieldErrors: {} }, status: 500 });
        await expect(context.createContact({ name: 'Léa Fontaine' })).rejects.toThrow('c.Alcmeon_Error_No_Reason');
        expect(createContactApex).toHaveBeenLastCalledWith({ name: 'Léa Fontaine', phone: '' });
    });

    it('records nothing for an engagement in conversation mode', async () => {
        const { init } = installFakeWidget();
        conversationPage();
        getRecord.emit(mockConversationRecord);
        await flushPromises();

        const context = init.mount.mock.calls[0][1];
        await expect(context.recordEngagementSend({ content: 'Hi', language: 'en', sentAt: null, error: null })).resolves.toBe(
            false
        );
        await expect(context.recordEngagementConversation(1001)).resolves.toBe(false);
        expect(updateRecord).not.toHaveBeenCalled();
        expect(findConversationRecord).not.toHaveBeenCalled();
    });

    it('shows a spinner until the conversation id arrives', async () => {
        const { init } = installFakeWidget();
        const element = conversationPage();
        await flushPromises();

        expect(init.mount).not.toHaveBeenCalled();
        expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
        expect(element.shadowRoot.querySelector('.state_error')).toBeNull();
    });

    it('reads the conversation id field configured in App Builder', async () => {
        const { init } = installFakeWidget();
        conversationPage({ conversationIdField: 'My_Alcmeon_Id__c' });

        getRecord.emit({
            ...mockConversationRecord,
            fields: { My_Alcmeon_Id__c: { displayValue: null, value: '77' } }
        });
        await flushPromises();

        expect(getRecord.getLastConfig().fields).toEqual(['alcmeon__Conversation__c.My_Alcmeon_Id__c']);
        expect(init.mount.mock.calls[0][1].conversationId).toBe(77);
    });

    it('says which field is wrong when the conversation record holds no conversation id', async () => {
        const { init } = installFakeWidget();
        const element = conversationPage();

        getRecord.emit({
            ...mockConversationRecord,
            fields: { alcmeon__url__c: { displayValue: null, value: 'a:b:c:d' } }
        });
        await flushPromises();

        expect(init.mount).not.toHaveBeenCalled();
        const error = element.shadowRoot.querySelector('.state_error');
        expect(error.textContent).toContain('c.Alcmeon_Error_No_Conversation_Id');
        expect(error.textContent).toContain('alcmeon__url__c: a:b:c:d');
    });

    it('finds the conversation that points to the Case, newest first, on a Case page', async () => {
        const { init } = installFakeWidget();
        createComponent({ recordId: CASE_ID, objectApiName: 'Case', backendUrl: BACKEND_URL });

        await emitCaseConversations(mockCaseConversations);
        await flushPromises();

        expect(relatedListConfigs().find(isConversationsWire)).toEqual({
            parentRecordId: CASE_ID,
            relatedListId: 'alcmeon__Conversations__r',
            fields: ['alcmeon__Conversation__c.alcmeon__url__c'],
            sortBy: ['-alcmeon__Conversation__c.LastModifiedDate'],
            pageSize: 20
        });
        const context = init.mount.mock.calls[0][1];
        expect(context.conversationId).toBe(1002);
        expect(context.conversationIds).toEqual([1002]);
        expect(context.recordId).toBe(CASE_ID);
        expect(context.objectApiName).toBe('Case');
    });

    describe('on a Case with several conversations', () => {
        // The related list's records, newest first, each pointing at an Alcméon conversation.
        function caseConversations(...urls) {
            const [template] = mockCaseConversations.records;
            const records = urls.map((value, n) => ({
                ...template,
                id: `a015g00000Xy2C${n}AAJ`,
                fields: { alcmeon__url__c: { displayValue: null, value } }
            }));
            return { ...mockCaseConversations, count: records.length, records };
        }

        async function casePageMounted(data) {
            const { init } = installFakeWidget();
            const element = createComponent({ recordId: CASE_ID, objectApiName: 'Case', backendUrl: BACKEND_URL });
            await emitCaseConversations(data);
            await flushPromises();
            return { element, init };
        }

        it('opens the newest and hands the widget every conversation id, newest first', async () => {
            const { init } = await casePageMounted(
                caseConversations('https://app.alcmeon.com/#/conversations/1003', '1001', 1002)
            );
            const context = init.mount.mock.calls[0][1];
            expect(context.conversationId).toBe(1003);
            expect(context.conversationIds).toEqual([1003, 1001, 1002]);
        });

        it('leaves out an older conversation without an id, and one listed twice', async () => {
            const { init } = await casePageMounted(caseConversations('1003', 'not an id', null, '1001', '1003'));
            expect(init.mount.mock.calls[0][1].conversationIds).toEqual([1003, 1001]);
        });

        it('says which field is wrong when the newest holds no id, even if older ones do', async () => {
            const { element, init } = await casePageMounted(caseConversations('not an id', '1001'));
            expect(init.mount).not.toHaveBeenCalled();
            const error = element.shadowRoot.querySelector('.state_error');
            expect(error.textContent).toContain('c.Alcmeon_Error_No_Conversation_Id');
            expect(error.textContent).toContain('alcmeon__url__c: not an id');
        });

        it('hands the list to the backend’s frame when WebAssembly cannot run', async () => {
            const { init } = installFakeWidget();
            init.mockRejectedValue(new WebAssembly.CompileError('Refused to compile'));
            const element = createComponent({ recordId: CASE_ID, objectApiName: 'Case', backendUrl: BACKEND_URL });
            await emitCaseConversations(caseConversations('1003', '1001'));
            await flushPromises();
            const iframe = element.shadowRoot.querySelector('.mount iframe');
            const posted = jest.spyOn(iframe.contentWindow, 'postMessage').mockImplementation(() => {});
            window.dispatchEvent(
                new MessageEvent('message', {
                    data: { type: 'alcmeon:frame-ready' },
                    origin: new URL(BACKEND_URL).origin,
                    source: iframe.contentWindow
                })
            );
            const [[message]] = posted.mock.calls;
            expect(message.type).toBe('alcmeon:mount');
            expect(message.context.conversationId).toBe(1003);
            expect(message.context.conversationIds).toEqual([1003, 1001]);
        });
    });

    it('asks Apex for tokens of the record it sits on, with the App Builder fields Apex checks', async () => {
        const { init } = installFakeWidget();
        createComponent({
            recordId: CASE_ID,
            objectApiName: 'Case',
            backendUrl: BACKEND_URL,
            conversationIdField: 'Conversation_Number__c'
        });
        await emitCaseConversations({
            records: [{ fields: { Conversation_Number__c: { value: 1002 } } }]
        });
        await flushPromises();

        const forThisCase = {
            recordId: CASE_ID,
            caseConversationsRelationship: 'alcmeon__Conversations__r',
            conversationIdField: 'Conversation_Number__c',
            caseEngagementsRelationship: 'alcmeon__Engagements__r',
            engagementRecipientField: 'alcmeon__Recipient_Id__c',
            engagementSenderField: 'alcmeon__Sender_Id__c'
        };
        expect(getSessionToken.mock.calls).toEqual([[forThisCase]]);
        const { getToken } = init.mount.mock.calls[0][1];
        getSessionToken.mockResolvedValue('a-later-token');
        await expect(getToken()).resolves.toBe('token-for-the-record');
        await expect(getToken()).resolves.toBe('a-later-token');
        expect(getSessionToken.mock.calls).toEqual([[forThisCase], [forThisCase]]);
    });

    it('uses the Case relationship configured in App Builder', async () => {
        installFakeWidget();
        createComponent({
            recordId: CASE_ID,
            objectApiName: 'Case',
            backendUrl: BACKEND_URL,
            caseConversationsRelationship: 'Social_Conversations__r'
        });
        await flushPromises();

        expect(relatedListConfigs().find(isConversationsWire).relatedListId).toBe('Social_Conversations__r');
    });

    it('says what to create when neither a conversation nor an engagement points to the Case', async () => {
        const { init } = installFakeWidget();
        const element = createComponent({ recordId: CASE_ID, objectApiName: 'Case', backendUrl: BACKEND_URL });

        await emitCaseConversations(mockCaseWithoutConversations);
        await flushPromises();
        expect(element.shadowRoot.querySelector('.state_error')).toBeNull();
        await emitCaseEngagements(caseEngagements());
        await flushPromises();

        expect(init.mount).not.toHaveBeenCalled();
        const error = element.shadowRoot.querySelector('.state_error');
        expect(error.textContent).toContain('c.Alcmeon_Error_No_Conversation');
        expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
    });

    describe('on a Case without a conversation of its own', () => {
        const NEWEST_ENGAGEMENT_ID = 'a025g00000En0AAAAA';
        const CONVERSATION_RECORD_ID = 'a015g00000Xy2EnAAJ';
        const OLDER_CONVERSATION_RECORD_ID = 'a015g00000Xy2OlAAJ';

        async function caseWithoutConversations(extra = {}) {
            const { init } = installFakeWidget();
            const element = createComponent({
                recordId: CASE_ID,
                objectApiName: 'Case',
                backendUrl: BACKEND_URL,
                ...extra
            });
            await flushPromises();
            return { element, init };
        }

        it('reads the Case’s engagements, newest first, only once no conversation points to it', async () => {
            await caseWithoutConversations();
            expect(relatedListConfigs().filter(isEngagementsWire)).toEqual([]);

            await emitCaseConversations(mockCaseWithoutConversations);
            await flushPromises();

            expect(relatedListConfigs().find(isEngagementsWire)).toEqual({
                parentRecordId: CASE_ID,
                relatedListId: 'alcmeon__Engagements__r',
                fields: ['alcmeon__Engagement__c.alcmeon__Conversation__c'],
                sortBy: ['-alcmeon__Engagement__c.CreatedDate'],
                pageSize: 20
            });
        });

        it('never reads them when a conversation points to the Case', async () => {
            await caseWithoutConversations();
            await emitCaseConversations(mockCaseConversations);
            await flushPromises();
            expect(relatedListConfigs().filter(isEngagementsWire)).toEqual([]);
        });

        it('uses the engagements relationship configured in App Builder', async () => {
            await caseWithoutConversations({ caseEngagementsRelationship: 'Outreach__r' });
            await emitCaseConversations(mockCaseWithoutConversations);
            await flushPromises();
            expect(relatedListConfigs().find(isEngagementsWire).relatedListId).toBe('Outreach__r');
        });

        it('opens the conversation of the newest engagement that has one, read from its record', async () => {
            const { element, init } = await caseWithoutConversations();
            await emitCaseConversations(mockCaseWithoutConversations);
            await flushPromises();
            expect(getRecord.getLastConfig().recordId).toBeUndefined();

            await emitCaseEngagements(caseEngagements(null, CONVERSATION_RECORD_ID, OLDER_CONVERSATION_RECORD_ID));
            await flushPromises();
            expect(getRecord.getLastConfig()).toEqual({
                recordId: CONVERSATION_RECORD_ID,
                fields: ['alcmeon__Conversation__c.alcmeon__url__c']
            });
            expect(init.mount).not.toHaveBeenCalled();

            getRecord.emit({
                ...mockConversationRecord,
                id: CONVERSATION_RECORD_ID,
                fields: { alcmeon__url__c: { value: 'https://app.alcmeon.com/#/conversations/1003' } }
            });
            await flushPromises();

            const context = init.mount.mock.calls[0][1];
            expect(context.conversationId).toBe(1003);
            expect(context.conversationIds).toEqual([1003]);
            expect(context.recordId).toBe(CASE_ID);
            expect(context.objectApiName).toBe('Case');
            expect(getSessionToken.mock.calls).toEqual([
                [
                    {
                        recordId: CASE_ID,
                        caseConversationsRelationship: 'alcmeon__Conversations__r',
                        conversationIdField: 'alcmeon__url__c',
                        caseEngagementsRelationship: 'alcmeon__Engagements__r',
                        engagementRecipientField: 'alcmeon__Recipient_Id__c',
                        engagementSenderField: 'alcmeon__Sender_Id__c'
                    }
                ]
            ]);
            expect(element.shadowRoot.querySelector('.body').dataset.state).toBe('mounted');
        });

        it('says which field is wrong when the engagement’s conversation holds no id', async () => {
            const { element, init } = await caseWithoutConversations();
            await emitCaseConversations(mockCaseWithoutConversations);
            await flushPromises();
            await emitCaseEngagements(caseEngagements(CONVERSATION_RECORD_ID));
            await flushPromises();
            getRecord.emit({ ...mockConversationRecord, fields: { alcmeon__url__c: { value: null } } });
            await flushPromises();

            expect(init.mount).not.toHaveBeenCalled();
            const error = element.shadowRoot.querySelector('.state_error');
            expect(error.textContent).toContain('c.Alcmeon_Error_No_Conversation_Id');
            expect(error.textContent).toContain('alcmeon__url__c: —');
        });

        it('mounts the widget in engagement mode on the newest engagement when none has a conversation', async () => {
            const { element, init } = await caseWithoutConversations();
            await emitCaseConversations(mockCaseWithoutConversations);
            await flushPromises();
            await emitCaseEngagements(caseEngagements(null, null));
            await flushPromises();

            expect(getRecord.getLastConfig().recordId).toBeUndefined();
            expect(init.mount).toHaveBeenCalledTimes(1);
            const context = init.mount.mock.calls[0][1];
            expect(context).toEqual({
                backendUrl: BACKEND_URL,
                engagementId: NEWEST_ENGAGEMENT_ID,
                lang: 'fr',
                locale: 'fr-FR',
                timeZone: 'Europe/Paris',
                userId: '0055g00000AbCdEAAV',
                recordId: CASE_ID,
                objectApiName: 'Case',
                assetsUrl: RESOURCE_URL,
                getToken: expect.any(Function),
                recordEngagementSend: expect.any(Function),
                recordEngagementConversation: expect.any(Function),
                searchContacts: expect.any(Function),
                createContact: expect.any(Function)
            });
            await expect(context.getToken()).resolves.toBe('token-for-the-record');
            expect(backendRequests()).toEqual([]);
            expect(element.shadowRoot.querySelector('.body').dataset.state).toBe('mounted');
            expect(element.shadowRoot.querySelector('.state_error')).toBeNull();
        });

        describe('in engagement mode', () => {
            const SENT = {
                content: 'Hello Camille,\nyour order <#1042> & its invoice are ready.',
                language: 'fr',
                sentAt: '2026-11-26T09:30:00.000Z',
                error: null
            };
            // getObjectInfo as LDS answers it for the agent: only the fields they may see.
            const engagementObjectInfo = (...fieldNames) => ({
                apiName: 'alcmeon__Engagement__c',
                fields: Object.fromEntries(fieldNames.map((apiName) => [apiName, { apiName, updateable: true }]))
            });
            const PACKAGE_FIELDS = [
                'alcmeon__Message_Content__c',
                'alcmeon__Language_locale__c',
                'alcmeon__Message_Send_Error__c',
                'alcmeon__Conversation__c'
            ];

            async function engagementPage(extra = {}) {
                const page = await caseWithoutConversations(extra);
                await emitCaseConversations(mockCaseWithoutConversations);
                await flushPromises();
                await emitCaseEngagements(caseEngagements(null, null));
                await flushPromises();
                return { ...page, context: page.init.mount.mock.calls[0][1] };
            }

            it('describes the engagement object only once in engagement mode', async () => {
                await caseWithoutConversations();
                await emitCaseConversations(mockCaseWithoutConversations);
                await flushPromises();
                expect(getObjectInfo.getLastConfig()).toEqual({ objectApiName: undefined });
                await emitCaseEngagements(caseEngagements(null));
                await flushPromises();
                expect(getObjectInfo.getLastConfig()).toEqual({ objectApiName: 'alcmeon__Engagement__c' });
            });

            it('writes what was sent on the engagement: content as rich text, language, sent date, a blank error', async () => {
                const { context } = await engagementPage();
                getObjectInfo.emit(engagementObjectInfo(...PACKAGE_FIELDS, 'alcmeon__Sent_Date__c'));

                await expect(context.recordEngagementSend(SENT)).resolves.toBe(true);

                expect(updateRecord.mock.calls).toEqual([
                    [
                        {
                            fields: {
                                Id: NEWEST_ENGAGEMENT_ID,
                                alcmeon__Message_Content__c:
                                    'Hello Camille,<br>your order &lt;#1042&gt; &amp; its invoice are ready.',
                                alcmeon__Language_locale__c: 'fr',
                                alcmeon__Message_Send_Error__c: '',
                                alcmeon__Sent_Date__c: '2026-11-26T09:30:00.000Z'
                            }
                        }
                    ]
                ]);
            });

            it('leaves the sent date out when the engagement object has no such field for the agent', async () => {
                const { context } = await engagementPage();
                getObjectInfo.emit(engagementObjectInfo(...PACKAGE_FIELDS));

                await context.recordEngagementSend({ ...SENT, sentAt: null, error: 'Alcméon: the template was rejected' });

                expect(updateRecord.mock.calls[0][0].fields).toEqual({
                    Id: NEWEST_ENGAGEMENT_ID,
                    alcmeon__Message_Content__c: 'Hello Camille,<br>your order &lt;#1042&gt; &amp; its invoice are ready.',
                    alcmeon__Language_locale__c: 'fr',
                    alcmeon__Message_Send_Error__c: 'Alcméon: the template was rejected'
                });
            });

            it('writes the sent date to the field mapped in App Builder, waiting for the object info', async () => {
                const { context } = await engagementPage({ engagementSentDateField: 'Engagement_Sent__c' });
                const written = context.recordEngagementSend(SENT);
                await flushPromises();
                expect(updateRecord).not.toHaveBeenCalled();

                getObjectInfo.emit(engagementObjectInfo(...PACKAGE_FIELDS, 'alcmeon__Sent_Date__c', 'Engagement_Sent__c'));
                await expect(written).resolves.toBe(true);
                const { fields } = updateRecord.mock.calls[0][0];
                expect(fields.Engagement_Sent__c).toBe('2026-11-26T09:30:00.000Z');
                expect(fields).not.toHaveProperty('alcmeon__Sent_Date__c');
            });

            it('refuses a malformed send record and passes LDS’s refusal on, writing nothing else', async () => {
                const { context } = await engagementPage();
                getObjectInfo.emit(engagementObjectInfo(...PACKAGE_FIELDS));

                await expect(context.recordEngagementSend({ ...SENT, sentAt: 'yesterday' })).rejects.toThrow('sentAt');
                await expect(context.recordEngagementSend({ content: 'Hi' })).rejects.toThrow('recordEngagementSend');
                expect(updateRecord).not.toHaveBeenCalled();

                updateRecord.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' } });
                await expect(context.recordEngagementSend(SENT)).rejects.toEqual({
                    body: { message: 'insufficient access rights on object id' }
                });
            });

            it('links the engagement to the conversation record Apex finds for the conversation', async () => {
                const { context } = await engagementPage({ conversationIdField: 'Conversation_Number__c' });
                findConversationRecord.mockResolvedValue(CONVERSATION_RECORD_ID);

                await expect(context.recordEngagementConversation(1010)).resolves.toBe(true);

                expect(findConversationRecord.mock.calls).toEqual([
                    [{ conversationId: 1010, conversationIdField: 'Conversation_Number__c' }]
                ]);
                expect(updateRecord.mock.calls).toEqual([
                    [{ fields: { Id: NEWEST_ENGAGEMENT_ID, alcmeon__Conversation__c: CONVERSATION_RECORD_ID } }]
                ]);
            });

            it('writes no link, and says so, while Salesforce holds no record of the conversation', async () => {
                const { context } = await engagementPage();
                findConversationRecord.mockResolvedValue(null);

                await expect(context.recordEngagementConversation(1010)).resolves.toBe(false);
                await expect(context.recordEngagementConversation('1010')).rejects.toThrow('not a conversation id');

                expect(findConversationRecord).toHaveBeenCalledTimes(1);
                expect(updateRecord).not.toHaveBeenCalled();
            });

            it('keeps the widget mounted in its mode when the engagements list later names a conversation', async () => {
                const { element, init } = await engagementPage();
                await emitCaseEngagements(caseEngagements(CONVERSATION_RECORD_ID, null));
                await flushPromises();

                expect(init.mount).toHaveBeenCalledTimes(1);
                expect(getRecord.getLastConfig().recordId).toBeUndefined();
                expect(element.shadowRoot.querySelector('.body').dataset.state).toBe('mounted');
            });

            it('hands the frame the engagement and records what the frame asks for', async () => {
                const { init } = installFakeWidget();
                init.mockRejectedValue(new WebAssembly.CompileError('Refused to compile'));
                const element = createComponent({ recordId: CASE_ID, objectApiName: 'Case', backendUrl: BACKEND_URL });
                await emitCaseConversations(mockCaseWithoutConversations);
                await flushPromises();
                await emitCaseEngagements(caseEngagements(null));
                await flushPromises();
                const iframe = element.shadowRoot.querySelector('.mount iframe');
                const posted = jest.spyOn(iframe.contentWindow, 'postMessage').mockImplementation(() => {});
                const frameSays = (data) =>
                    window.dispatchEvent(
                        new MessageEvent('message', { data, origin: new URL(BACKEND_URL).origin, source: iframe.contentWindow })
                    );
                findConversationRecord.mockResolvedValue(null);

                frameSays({ type: 'alcmeon:frame-ready' });
                frameSays({ type: 'alcmeon:engagement-conversation', id: 5, conversationId: 1010 });
                await flushPromises();

                expect(posted.mock.calls[0][0].context.engagementId).toBe(NEWEST_ENGAGEMENT_ID);
                expect(posted.mock.calls[0][0].context).not.toHaveProperty('conversationId');
                expect(posted.mock.calls[1][0]).toEqual({ type: 'alcmeon:engagement-recorded', id: 5, result: false });
            });
        });

        it('shows the error state when the Case’s engagements cannot be read', async () => {
            const { element, init } = await caseWithoutConversations();
            await emitCaseConversations(mockCaseWithoutConversations);
            await flushPromises();
            getRelatedListRecords.emitError(
                { body: { message: 'alcmeon__Engagements__r is not a related list of Case' }, status: 400 },
                isEngagementsWire
            );
            await flushPromises();

            expect(init.mount).not.toHaveBeenCalled();
            const error = element.shadowRoot.querySelector('.state_error');
            expect(error.textContent).toContain('c.Alcmeon_Error_Load');
            expect(error.textContent).toContain('alcmeon__Engagements__r is not a related list of Case');
        });

        it('shows the error state when the engagement’s conversation record cannot be read', async () => {
            const { element, init } = await caseWithoutConversations();
            await emitCaseConversations(mockCaseWithoutConversations);
            await flushPromises();
            await emitCaseEngagements(caseEngagements(CONVERSATION_RECORD_ID));
            await flushPromises();
            getRecord.error({ message: 'insufficient access rights on object id' });
            await flushPromises();

            expect(init.mount).not.toHaveBeenCalled();
            const error = element.shadowRoot.querySelector('.state_error');
            expect(error.textContent).toContain('c.Alcmeon_Error_Load');
            expect(error.textContent).toContain('insufficient access rights on object id');
        });
    });

    it('shows the error state when the Case’s conversations cannot be read', async () => {
        const { init } = installFakeWidget();
        const element = createComponent({ recordId: CASE_ID, objectApiName: 'Case', backendUrl: BACKEND_URL });

        getRelatedListRecords.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
        await flushPromises();

        expect(init.mount).not.toHaveBeenCalled();
        const error = element.shadowRoot.querySelector('.state_error');
        expect(error.textContent).toContain('c.Alcmeon_Error_Load');
        expect(error.textContent).toContain('The requested resource does not exist');
    });

    it('shows the error state when the widget script cannot be loaded', async () => {
        const { init } = installFakeWidget();
        loadScript.mockRejectedValueOnce(new Error('404 Not Found'));
        const element = conversationPage();

        getRecord.emit(mockConversationRecord);
        await flushPromises();

        expect(init.mount).not.toHaveBeenCalled();
        const error = element.shadowRoot.querySelector('.state_error');
        expect(error).not.toBeNull();
        expect(error.getAttribute('role')).toBe('alert');
        expect(error.textContent).toContain('c.Alcmeon_Error_Load');
        expect(error.textContent).toContain('404 Not Found');
        expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
    });

    it('shows the error state when the record cannot be read', async () => {
        installFakeWidget();
        const element = conversationPage();

        getRecord.error({ message: 'insufficient access rights on object id' });
        await flushPromises();

        const error = element.shadowRoot.querySelector('.state_error');
        expect(error.textContent).toContain('c.Alcmeon_Error_Load');
    });

    it('unmounts then frees the widget when removed from the page', async () => {
        const { handle } = installFakeWidget();
        const element = conversationPage();
        getRecord.emit(mockConversationRecord);
        await flushPromises();

        document.body.removeChild(element);

        expect(handle.unmount).toHaveBeenCalledTimes(1);
        expect(handle.free).toHaveBeenCalledTimes(1);
        expect(handle.unmount.mock.invocationCallOrder[0]).toBeLessThan(
            handle.free.mock.invocationCallOrder[0]
        );
    });

    it('takes the backend URL from Apex when the App Builder attribute is blank', async () => {
        const { init } = installFakeWidget();
        getBackendUrl.mockResolvedValue('https://from-settings.example.com');
        conversationPage({ backendUrl: undefined });

        getRecord.emit(mockConversationRecord);
        await flushPromises();

        expect(getBackendUrl).toHaveBeenCalledTimes(1);
        expect(init.mount.mock.calls[0][1].backendUrl).toBe('https://from-settings.example.com');
    });

    it('says the widget is not configured when Apex has no backend URL', async () => {
        const { init } = installFakeWidget();
        getBackendUrl.mockRejectedValue({ body: { message: 'The Alcméon widget is not configured' } });
        const element = conversationPage({ backendUrl: undefined });

        getRecord.emit(mockConversationRecord);
        await flushPromises();

        expect(init.mount).not.toHaveBeenCalled();
        expect(element.shadowRoot.querySelector('.state_error').textContent).toContain(
            'c.Alcmeon_Error_Not_Configured'
        );
    });

    it('shows why Apex minted no token for the record, and never mounts the widget', async () => {
        const { init } = installFakeWidget();
        getSessionToken.mockRejectedValue({ body: { message: 'c.Alcmeon_Error_No_Access' }, status: 400 });
        const element = conversationPage();

        getRecord.emit(mockConversationRecord);
        await flushPromises();

        expect(getSessionToken).toHaveBeenCalledWith({
            recordId: mockConversationRecord.id,
            caseConversationsRelationship: 'alcmeon__Conversations__r',
            conversationIdField: 'alcmeon__url__c',
            caseEngagementsRelationship: 'alcmeon__Engagements__r',
            engagementRecipientField: 'alcmeon__Recipient_Id__c',
            engagementSenderField: 'alcmeon__Sender_Id__c'
        });
        expect(init.mount).not.toHaveBeenCalled();
        expect(element.shadowRoot.querySelector('.body').dataset.state).toBe('error');
        expect(element.shadowRoot.querySelector('.state_error h2').textContent).toBe('c.Alcmeon_Error_No_Access');
    });

    it('keeps Apex’s refusal on screen when the record cannot be read either', async () => {
        installFakeWidget();
        getSessionToken.mockRejectedValue({ body: { message: 'c.Alcmeon_Error_No_Access' }, status: 400 });
        const element = conversationPage();
        await flushPromises();

        getRecord.error({ message: 'insufficient access rights on object id' });
        await flushPromises();

        expect(element.shadowRoot.querySelector('.state_error h2').textContent).toBe('c.Alcmeon_Error_No_Access');
    });

    it('passes a later Apex failure to the widget as an Error from getToken', async () => {
        const { init } = installFakeWidget();
        conversationPage();

        getRecord.emit(mockConversationRecord);
        await flushPromises();

        const { getToken } = init.mount.mock.calls[0][1];
        await expect(getToken()).resolves.toBe('token-for-the-record');
        getSessionToken.mockRejectedValue({ body: { message: 'Session secret missing' }, status: 500 });
        await expect(getToken()).rejects.toThrow('Session secret missing');
    });

    describe('when WebAssembly cannot run on the page', () => {
        const BACKEND_ORIGIN = new URL(BACKEND_URL).origin;

        // The frame page speaking to the component, as the backend's /embed/frame.js does.
        function frameSays(iframe, data, { origin = BACKEND_ORIGIN, source = iframe.contentWindow } = {}) {
            window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
        }

        async function fallenBackConversationPage() {
            const { init } = installFakeWidget();
            init.mockRejectedValue(
                new WebAssembly.CompileError(
                    "WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script"
                )
            );
            getSessionToken.mockResolvedValue('token-in-frame');
            const element = conversationPage();
            getRecord.emit(mockConversationRecord);
            await flushPromises();
            const iframe = element.shadowRoot.querySelector('.mount iframe');
            return { element, init, iframe };
        }

        it('runs the widget in the backend’s frame instead, with the context and tokens by postMessage', async () => {
            const { element, init, iframe } = await fallenBackConversationPage();

            expect(init.mount).not.toHaveBeenCalled();
            expect(iframe.getAttribute('src')).toBe(`${BACKEND_URL}/embed/frame.html`);
            expect(iframe.getAttribute('title')).toBe('c.Alcmeon_Widget_Title');
            const body = element.shadowRoot.querySelector('.body');
            expect(body.dataset.mode).toBe('frame');
            expect(body.dataset.state).toBe('mounted');
            expect(element.shadowRoot.querySelector('.state_error')).toBeNull();

            const posted = jest.spyOn(iframe.contentWindow, 'postMessage').mockImplementation(() => {});
            frameSays(iframe, { type: 'alcmeon:frame-ready' });
            expect(posted).toHaveBeenCalledWith(
                {
                    type: 'alcmeon:mount',
                    context: CONVERSATION_PAGE_CONTEXT
                },
                BACKEND_ORIGIN
            );

            frameSays(iframe, { type: 'alcmeon:token-request', id: 7 });
            await flushPromises();
            expect(getSessionToken).toHaveBeenCalledTimes(1);
            expect(posted).toHaveBeenLastCalledWith(
                { type: 'alcmeon:token', id: 7, token: 'token-in-frame' },
                BACKEND_ORIGIN
            );
        });

        it('gives no token to a message from another origin or another window', async () => {
            const { iframe } = await fallenBackConversationPage();
            const posted = jest.spyOn(iframe.contentWindow, 'postMessage').mockImplementation(() => {});

            frameSays(iframe, { type: 'alcmeon:token-request', id: 1 }, { origin: 'https://evil.example.com' });
            frameSays(iframe, { type: 'alcmeon:token-request', id: 2 }, { source: window });
            await flushPromises();

            expect(getSessionToken).toHaveBeenCalledTimes(1); // before mounting, for the record
            expect(posted).not.toHaveBeenCalled();
        });

        it('falls back too when the page has no WebAssembly at all, without loading the script', async () => {
            const { init } = installFakeWidget();
            const webAssembly = global.WebAssembly;
            delete global.WebAssembly;
            try {
                const element = conversationPage();
                getRecord.emit(mockConversationRecord);
                await flushPromises();

                expect(loadScript).not.toHaveBeenCalled();
                expect(init.mount).not.toHaveBeenCalled();
                expect(global.fetch).not.toHaveBeenCalled();
                expect(element.shadowRoot.querySelector('.mount iframe')).not.toBeNull();
                expect(element.shadowRoot.querySelector('.body').dataset.mode).toBe('frame');
            } finally {
                global.WebAssembly = webAssembly;
            }
        });

        it('shows the error state, and removes the frame, when the frame never answers', async () => {
            jest.useFakeTimers();
            try {
                const { init } = installFakeWidget();
                init.mockRejectedValue(new WebAssembly.CompileError('Refused to compile'));
                const element = conversationPage();
                getRecord.emit(mockConversationRecord);
                await jest.advanceTimersByTimeAsync(0);
                expect(element.shadowRoot.querySelector('.mount iframe')).not.toBeNull();

                await jest.advanceTimersByTimeAsync(30_000);

                const error = element.shadowRoot.querySelector('.state_error');
                expect(error.textContent).toContain('c.Alcmeon_Error_Load');
                expect(error.textContent).toContain('did not answer');
                expect(element.shadowRoot.querySelector('.mount iframe')).toBeNull();
            } finally {
                jest.useRealTimers();
            }
        });

        it('removes the frame and stops listening when removed from the page', async () => {
            const { element, iframe } = await fallenBackConversationPage();
            const posted = jest.spyOn(iframe.contentWindow, 'postMessage').mockImplementation(() => {});

            document.body.removeChild(element);
            frameSays(iframe, { type: 'alcmeon:token-request', id: 3 });
            await flushPromises();

            expect(iframe.isConnected).toBe(false);
            expect(getSessionToken).toHaveBeenCalledTimes(1); // before mounting, for the record
            expect(posted).not.toHaveBeenCalled();
        });
    });

    it('is accessible while loading', async () => {
        installFakeWidget();
        const element = conversationPage();
        await flushPromises();

        await expect(element).toBeAccessible();
    });

    it('is accessible when showing an error', async () => {
        installFakeWidget();
        loadScript.mockRejectedValueOnce(new Error('404 Not Found'));
        const element = conversationPage();
        await flushPromises();

        await expect(element).toBeAccessible();
    });
});
