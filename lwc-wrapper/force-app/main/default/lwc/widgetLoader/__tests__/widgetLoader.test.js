import {
    STARTED_MARK,
    canRunWebAssembly,
    createWidgetContext,
    fetchFirstThread,
    loadWidget,
    mountWidget,
    parseConversationId,
    resetWidgetLoader,
    unmountWidget
} from 'c/widgetLoader';

const RESOURCE_URL = '/resource/1763600000000/alcmeonWidget';

// What the real glue does when loaded: define window.alcmeonWidget (init function + exports).
function fakeGlue() {
    const handle = { unmount: jest.fn(), free: jest.fn() };
    const init = jest.fn().mockResolvedValue({});
    init.mount = jest.fn().mockReturnValue(handle);
    const loadScript = jest.fn(() => {
        window.alcmeonWidget = init;
        return Promise.resolve();
    });
    return { init, handle, loadScript };
}

function context(overrides = {}) {
    return createWidgetContext({
        backendUrl: 'https://widget.example.com',
        conversationId: 1001,
        lang: 'en-US',
        locale: 'en-US',
        timeZone: 'Europe/Paris',
        userId: '0055g00000AbCdEAAV',
        recordId: 'a015g00000Xy1AbAAJ',
        objectApiName: 'alcmeon__Conversation__c',
        getToken: () => Promise.resolve('token'),
        ...overrides
    });
}

describe('widgetLoader', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        delete window.alcmeonWidget;
        resetWidgetLoader();
    });

    it('loads the glue and the wasm once for two mounts', async () => {
        const { init, loadScript } = fakeGlue();

        const [first, second] = await Promise.all([
            loadWidget({ loadScript, resourceUrl: RESOURCE_URL }),
            loadWidget({ loadScript, resourceUrl: `${RESOURCE_URL}/` })
        ]);
        const third = await loadWidget({ loadScript, resourceUrl: RESOURCE_URL });

        expect(loadScript).toHaveBeenCalledTimes(1);
        expect(loadScript).toHaveBeenCalledWith(`${RESOURCE_URL}/alcmeon_widget.js`);
        expect(init).toHaveBeenCalledTimes(1);
        expect(init).toHaveBeenCalledWith({ module_or_path: `${RESOURCE_URL}/alcmeon_widget_bg.wasm` });
        expect(first).toBe(init);
        expect(second).toBe(init);
        expect(third).toBe(init);

        const a = document.createElement('div');
        const b = document.createElement('div');
        mountWidget(first, a, context(), { resourceUrl: RESOURCE_URL });
        mountWidget(second, b, context({ conversationId: 1002 }), { resourceUrl: RESOURCE_URL });
        expect(init.mount).toHaveBeenCalledTimes(2);
        expect(init.mount.mock.calls[1][1].conversationId).toBe(1002);
    });

    it('explains a script that fails to load, and loads again on the next try', async () => {
        const { init, loadScript } = fakeGlue();
        const failing = jest.fn().mockRejectedValue(new Error('net::ERR_ABORTED 404'));

        await expect(loadWidget({ loadScript: failing, resourceUrl: RESOURCE_URL })).rejects.toThrow(
            `Could not load the widget script ${RESOURCE_URL}/alcmeon_widget.js: net::ERR_ABORTED 404`
        );
        await expect(loadWidget({ loadScript, resourceUrl: RESOURCE_URL })).resolves.toBe(init);
        expect(loadScript).toHaveBeenCalledTimes(1);
    });

    it('names a script load error event', async () => {
        const failing = jest.fn().mockRejectedValue({ type: 'error' });
        await expect(loadWidget({ loadScript: failing, resourceUrl: RESOURCE_URL })).rejects.toThrow(
            'error event'
        );
    });

    it('fails clearly when the script does not define window.alcmeonWidget', async () => {
        const loadScript = jest.fn().mockResolvedValue();
        await expect(loadWidget({ loadScript, resourceUrl: RESOURCE_URL })).rejects.toThrow(
            'did not define window.alcmeonWidget'
        );
    });

    it('points at the Content Security Policy when WebAssembly is refused', async () => {
        const { init, loadScript } = fakeGlue();
        init.mockRejectedValue(
            new Error("WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source")
        );
        await expect(loadWidget({ loadScript, resourceUrl: RESOURCE_URL })).rejects.toThrow(
            "Content Security Policy forbids WebAssembly"
        );
    });

    it('rejects a build without mount()', async () => {
        const { init, loadScript } = fakeGlue();
        delete init.mount;
        await expect(loadWidget({ loadScript, resourceUrl: RESOURCE_URL })).rejects.toThrow(
            'has no mount() function'
        );
    });

    it('rejects missing options', async () => {
        await expect(loadWidget({ resourceUrl: RESOURCE_URL })).rejects.toThrow('loadScript must be a function');
        await expect(loadWidget({ loadScript: jest.fn() })).rejects.toThrow('resourceUrl');
    });

    it('links the widget stylesheet inside the mount element, once', async () => {
        const { loadScript, handle } = fakeGlue();
        const api = await loadWidget({ loadScript, resourceUrl: RESOURCE_URL });
        const element = document.createElement('div');
        document.body.appendChild(element);

        expect(mountWidget(api, element, context(), { resourceUrl: RESOURCE_URL })).toBe(handle);
        mountWidget(api, element, context(), { resourceUrl: RESOURCE_URL });

        const links = element.querySelectorAll('link');
        expect(links).toHaveLength(1);
        expect(links[0].getAttribute('rel')).toBe('stylesheet');
        expect(links[0].getAttribute('href')).toBe(`${RESOURCE_URL}/widget.css`);
        expect(api.mount.mock.calls[0][0]).toBe(element);
    });

    it('tells the widget where its locale files are: the static resource', async () => {
        const { loadScript } = fakeGlue();
        const api = await loadWidget({ loadScript, resourceUrl: `${RESOURCE_URL}/` });
        const element = document.createElement('div');
        mountWidget(api, element, context(), { resourceUrl: `${RESOURCE_URL}/` });
        const mounted = api.mount.mock.calls[0][1];
        expect(mounted.assetsUrl).toBe(RESOURCE_URL);
        expect(mounted.conversationId).toBe(context().conversationId);
        expect(typeof mounted.getToken).toBe('function');
    });

    it('reports a mount that throws or returns no handle', async () => {
        const { init, loadScript } = fakeGlue();
        const api = await loadWidget({ loadScript, resourceUrl: RESOURCE_URL });
        const element = document.createElement('div');

        init.mount.mockImplementationOnce(() => {
            throw new Error('panicked at src/app.rs');
        });
        expect(() => mountWidget(api, element, context())).toThrow('The widget failed to mount: panicked at src/app.rs');

        init.mount.mockReturnValueOnce(undefined);
        expect(() => mountWidget(api, element, context())).toThrow('no handle');
        expect(() => mountWidget(api, null, context())).toThrow('no element');
    });

    it('unmounts then frees, and frees even when unmount throws', () => {
        const handle = { unmount: jest.fn(), free: jest.fn() };
        unmountWidget(handle);
        expect(handle.unmount.mock.invocationCallOrder[0]).toBeLessThan(handle.free.mock.invocationCallOrder[0]);

        const broken = {
            unmount: jest.fn(() => {
                throw new Error('already unmounted');
            }),
            free: jest.fn()
        };
        expect(() => unmountWidget(broken)).toThrow('already unmounted');
        expect(broken.free).toHaveBeenCalledTimes(1);

        expect(() => unmountWidget(undefined)).not.toThrow();
    });

    it('parses conversation ids from record field values', () => {
        expect(parseConversationId('1001')).toBe(1001);
        expect(parseConversationId(' 42 ')).toBe(42);
        expect(parseConversationId(7)).toBe(7);
        expect(parseConversationId('12abc')).toBeNull();
        expect(parseConversationId('-3')).toBeNull();
        expect(parseConversationId('1.5')).toBeNull();
        expect(parseConversationId('')).toBeNull();
        expect(parseConversationId(null)).toBeNull();
        expect(parseConversationId(undefined)).toBeNull();
        expect(parseConversationId('99999999999999999999')).toBeNull();
    });

    it('reads the conversation id at the end of a link to the conversation', () => {
        expect(parseConversationId('https://app.alcmeon.com/#/conversations/1001')).toBe(1001);
        expect(parseConversationId('https://app.alcmeon.com/conversations/1002/')).toBe(1002);
        expect(parseConversationId('https://app.alcmeon.com/#/conversations/1003?tab=info')).toBe(1003);
        expect(parseConversationId('https://app.alcmeon.com/conversations/1004#messages')).toBe(1004);
        expect(parseConversationId('https://app.alcmeon.com/conversations/')).toBeNull();
        expect(parseConversationId('https://app.alcmeon.com/conversations/12abc')).toBeNull();
        expect(parseConversationId('ftp://files.example.com/conversations/5')).toBeNull();
        expect(parseConversationId('a:b:c:d')).toBeNull();
    });

    it('builds the context with exactly the contract keys', () => {
        const getToken = () => Promise.resolve('t');
        const built = createWidgetContext({
            backendUrl: 'http://127.0.0.1:8080/',
            conversationId: 1001,
            lang: 'fr',
            locale: 'fr-FR',
            timeZone: 'Europe/Paris',
            userId: '005',
            recordId: '500',
            objectApiName: 'Case',
            getToken,
            extra: 'ignored'
        });
        expect(built).toEqual({
            backendUrl: 'http://127.0.0.1:8080',
            conversationId: 1001,
            conversationIds: [1001],
            lang: 'fr',
            locale: 'fr-FR',
            timeZone: 'Europe/Paris',
            userId: '005',
            recordId: '500',
            objectApiName: 'Case',
            getToken
        });
        expect(Object.isFrozen(built)).toBe(true);
        expect(() => context({ backendUrl: '' })).toThrow('backendUrl');
        expect(() => context({ conversationId: undefined })).toThrow('conversationId');
        expect(() => context({ getToken: 'token' })).toThrow('getToken');
    });

    it('lists the Case’s conversations newest first, the opened one first and none twice', () => {
        expect(context({ conversationIds: [1002, 1001, 1002, 1005] }).conversationIds).toEqual([1001, 1002, 1005]);
        expect(context({ conversationId: 1002, conversationIds: [1002, 1001] }).conversationIds).toEqual([1002, 1001]);
        expect(context({ conversationIds: undefined }).conversationIds).toEqual([1001]);
        expect(Object.isFrozen(context({ conversationIds: [1001, 1005] }).conversationIds)).toBe(true);
        expect(() => context({ conversationIds: [1001, '1005'] })).toThrow('conversationIds');
        expect(() => context({ conversationIds: 1005 })).toThrow('conversationIds');
    });

    it('marks when the WebAssembly is instantiated, not before', async () => {
        // jsdom's performance has no marks: record them.
        const marks = [];
        performance.mark = (name) => marks.push(name);
        const { init, loadScript } = fakeGlue();
        let instantiate;
        init.mockReturnValue(
            new Promise((resolve) => {
                instantiate = resolve;
            })
        );
        const loaded = loadWidget({ loadScript, resourceUrl: RESOURCE_URL });
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(init).toHaveBeenCalledTimes(1);
        expect(marks).toEqual([]);
        instantiate({});
        await loaded;
        delete performance.mark;
        expect(marks).toEqual([STARTED_MARK]);
    });

    it('tells whether the page may compile WebAssembly', () => {
        expect(canRunWebAssembly()).toBe(true);
        const webAssembly = global.WebAssembly;
        try {
            global.WebAssembly = {
                ...webAssembly,
                Module: function refused() {
                    throw new webAssembly.CompileError("Refused to compile: 'wasm-unsafe-eval' is not allowed");
                }
            };
            expect(canRunWebAssembly()).toBe(false);
            delete global.WebAssembly;
            expect(canRunWebAssembly()).toBe(false);
        } finally {
            global.WebAssembly = webAssembly;
        }
    });

    describe('the first thread, requested by the host', () => {
        afterEach(() => {
            delete global.fetch;
        });

        it('asks the backend at once for the conversation with the token and answers status and body', async () => {
            global.fetch = jest.fn().mockResolvedValue({ status: 200, text: () => Promise.resolve('{"items":[]}') });
            const asked = fetchFirstThread({
                backendUrl: 'https://widget.example.com/',
                conversationId: 1001,
                token: 'token-1',
                timeZone: 'America/Argentina/Buenos_Aires'
            });
            expect(global.fetch).toHaveBeenCalledTimes(1);
            expect(global.fetch).toHaveBeenCalledWith(
                'https://widget.example.com/v1/conversations/1001/thread?zone=America%2FArgentina%2FBuenos_Aires',
                { headers: { Authorization: 'Bearer token-1' } }
            );
            expect(await asked).toEqual({ status: 200, body: '{"items":[]}' });
        });

        it('answers a 202 as it is: the widget then asks again itself', async () => {
            global.fetch = jest.fn().mockResolvedValue({
                status: 202,
                text: () => Promise.resolve('{"conversation_id":1001}')
            });
            await expect(
                fetchFirstThread({ backendUrl: 'https://widget.example.com', conversationId: 1001, token: 't' })
            ).resolves.toEqual({ status: 202, body: '{"conversation_id":1001}' });
        });

        it('rejects when the backend cannot be reached, or without a backend or a conversation', async () => {
            global.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));
            await expect(
                fetchFirstThread({ backendUrl: 'https://widget.example.com', conversationId: 1001, token: 't' })
            ).rejects.toThrow('Failed to fetch');
            await expect(fetchFirstThread({ conversationId: 1001, token: 't' })).rejects.toThrow('backendUrl');
            await expect(
                fetchFirstThread({ backendUrl: 'https://widget.example.com', conversationId: 'x', token: 't' })
            ).rejects.toThrow('conversationId');
            expect(global.fetch).toHaveBeenCalledTimes(1);
        });

        it('goes into a conversation context as firstThread, and never into an engagement one', () => {
            const firstThread = Promise.resolve({ status: 200, body: '{}' });
            expect(context({ firstThread }).firstThread).toBe(firstThread);
            expect('firstThread' in context()).toBe(false);
            expect(() => context({ firstThread: { status: 200 } })).toThrow('firstThread');
            expect(() =>
                createWidgetContext({
                    backendUrl: 'https://widget.example.com',
                    engagementId: 'a025g00000En0AAAAA',
                    getToken: () => Promise.resolve('t'),
                    firstThread
                })
            ).toThrow('firstThread');
        });
    });

    describe('in engagement mode', () => {
        const ENGAGEMENT_ID = 'a025g00000En0AAAAA';
        const engagement = (overrides = {}) =>
            context({ conversationId: undefined, engagementId: ENGAGEMENT_ID, objectApiName: 'Case', ...overrides });

        it('builds the context with the engagement id and no conversation', () => {
            const getToken = () => Promise.resolve('t');
            const built = engagement({ getToken, recordId: '5005g00000QwErTAAZ' });
            expect(built).toEqual({
                backendUrl: 'https://widget.example.com',
                engagementId: ENGAGEMENT_ID,
                lang: 'en-US',
                locale: 'en-US',
                timeZone: 'Europe/Paris',
                userId: '0055g00000AbCdEAAV',
                recordId: '5005g00000QwErTAAZ',
                objectApiName: 'Case',
                getToken
            });
            expect('conversationId' in built).toBe(false);
            expect(Object.isFrozen(built)).toBe(true);
        });

        it('refuses an engagement id that is not an 18-character record id, or one given with a conversation', () => {
            for (const engagementId of ['a025g00000En0AA', 'a025g00000En0AAAAAB', 'a025g00000En0AAA-A', 1001, null]) {
                expect(() => engagement({ engagementId })).toThrow('engagementId');
            }
            expect(() => engagement({ conversationId: 1001 })).toThrow('no conversationId');
            expect(() => engagement({ conversationIds: [1001] })).toThrow('no conversationId');
        });

        it('keeps the host callbacks in either mode, and refuses one that is not a function', () => {
            const recordEngagementSend = () => Promise.resolve();
            const recordEngagementConversation = () => Promise.resolve(true);
            const callbacks = { recordEngagementSend, recordEngagementConversation };
            expect(engagement(callbacks)).toMatchObject(callbacks);
            expect(context(callbacks)).toMatchObject({ conversationId: 1001, ...callbacks });
            expect(() => engagement({ recordEngagementSend: 'write it' })).toThrow('recordEngagementSend must be a function');
            expect(() => context({ recordEngagementConversation: {} })).toThrow(
                'recordEngagementConversation must be a function'
            );
        });

        it("keeps the host's Contact callbacks, refuses one that is not a function, and passes nothing else", () => {
            const searchContacts = () => Promise.resolve([]);
            const createContact = () => Promise.resolve({});
            const built = context({ searchContacts, createContact, deleteContact: () => Promise.resolve() });
            expect(built).toMatchObject({ searchContacts, createContact });
            expect(built).not.toHaveProperty('deleteContact');
            expect(() => context({ searchContacts: 'find' })).toThrow('searchContacts must be a function');
        });
    });
});
