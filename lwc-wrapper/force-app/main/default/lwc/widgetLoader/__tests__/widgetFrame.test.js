import {
    createWidgetContext,
    loadWidget,
    mountWidgetFrame,
    needsFrame,
    resetWidgetLoader,
    WidgetLoadError
} from 'c/widgetLoader';

const BACKEND = 'https://widget.example.com';
const RESOURCE_URL = '/resource/1763600000000/alcmeonWidget';

function context(getToken = jest.fn().mockResolvedValue('token-1')) {
    return createWidgetContext({
        backendUrl: `${BACKEND}/`,
        conversationId: 1001,
        conversationIds: [1001, 1005],
        lang: 'fr',
        locale: 'fr-FR',
        timeZone: 'Europe/Paris',
        userId: '0055g00000AbCdEAAV',
        recordId: 'a015g00000Xy1AbAAJ',
        objectApiName: 'alcmeon__Conversation__c',
        getToken
    });
}

async function flushPromises() {
    for (let tick = 0; tick < 10; tick++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

/** Mounts the frame into a fresh element; `posted` collects what the host sends into the iframe. */
function mountFrame(getToken, options = {}) {
    const element = document.createElement('div');
    document.body.appendChild(element);
    const callbacks = { onMounted: jest.fn(), onError: jest.fn() };
    const handle = mountWidgetFrame(element, context(getToken), { title: 'Conversation Alcméon', ...callbacks, ...options });
    const iframe = element.querySelector('iframe');
    const posted = [];
    jest.spyOn(iframe.contentWindow, 'postMessage').mockImplementation((message, targetOrigin) =>
        posted.push({ message, targetOrigin })
    );
    return { element, handle, iframe, posted, ...callbacks };
}

/** A message arriving at the host page's window. */
function receive(data, { origin = BACKEND, source } = {}) {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

describe('mountWidgetFrame', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.useRealTimers();
    });

    it("puts the backend's frame page in a titled, borderless iframe filling the element", async () => {
        const { element, iframe } = mountFrame();
        expect(iframe.getAttribute('src')).toBe(`${BACKEND}/embed/frame.html`);
        expect(iframe.getAttribute('title')).toBe('Conversation Alcméon');
        expect(iframe.style.width).toBe('100%');
        expect(iframe.style.height).toBe('100%');
        expect(iframe.style.border).toMatch(/^0/);
        // Sandboxed, yet its scripts, composer form, links and downloads work.
        expect(iframe.getAttribute('sandbox').split(' ')).toEqual(
            expect.arrayContaining(['allow-scripts', 'allow-same-origin', 'allow-forms', 'allow-popups', 'allow-downloads'])
        );
        expect(iframe.getAttribute('sandbox')).not.toMatch('allow-top-navigation');
        await expect(element).toBeAccessible();
    });

    it('sends the context, the Case’s conversation list included but not getToken, to the backend origin once the frame is ready', () => {
        const { iframe, posted } = mountFrame();
        expect(posted).toEqual([]);
        receive({ type: 'alcmeon:frame-ready' }, { source: iframe.contentWindow });
        expect(posted).toEqual([
            {
                message: {
                    type: 'alcmeon:mount',
                    context: {
                        backendUrl: BACKEND,
                        conversationId: 1001,
                        conversationIds: [1001, 1005],
                        lang: 'fr',
                        locale: 'fr-FR',
                        timeZone: 'Europe/Paris',
                        userId: '0055g00000AbCdEAAV',
                        recordId: 'a015g00000Xy1AbAAJ',
                        objectApiName: 'alcmeon__Conversation__c'
                    }
                },
                targetOrigin: BACKEND
            }
        ]);
    });

    it('ignores messages from another origin or from a window other than its iframe', async () => {
        const getToken = jest.fn().mockResolvedValue('token-1');
        const { iframe, posted, onMounted } = mountFrame(getToken);
        const other = document.createElement('iframe');
        document.body.appendChild(other);

        for (const [origin, source] of [
            ['https://evil.example', iframe.contentWindow],
            ['https://widget.example.com:8443', iframe.contentWindow],
            [BACKEND, other.contentWindow],
            [BACKEND, window],
            [BACKEND, null]
        ]) {
            receive({ type: 'alcmeon:frame-ready' }, { origin, source });
            receive({ type: 'alcmeon:token-request', id: 1 }, { origin, source });
            receive({ type: 'alcmeon:mounted' }, { origin, source });
        }
        await flushPromises();

        expect(posted).toEqual([]);
        expect(getToken).not.toHaveBeenCalled();
        expect(onMounted).not.toHaveBeenCalled();
    });

    it("answers each token request with getToken's token, or its error", async () => {
        const getToken = jest
            .fn()
            .mockResolvedValueOnce('token-1')
            .mockRejectedValueOnce({ body: { message: 'Apex: no Alcméon access' } });
        const { iframe, posted } = mountFrame(getToken);

        receive({ type: 'alcmeon:token-request', id: 7 }, { source: iframe.contentWindow });
        receive({ type: 'alcmeon:token-request', id: 8 }, { source: iframe.contentWindow });
        receive({ type: 'alcmeon:token-request', id: 'x' }, { source: iframe.contentWindow });
        await flushPromises();

        expect(getToken).toHaveBeenCalledTimes(2);
        expect(posted).toEqual([
            { message: { type: 'alcmeon:token', id: 7, token: 'token-1' }, targetOrigin: BACKEND },
            { message: { type: 'alcmeon:token', id: 8, error: 'Apex: no Alcméon access' }, targetOrigin: BACKEND }
        ]);
    });

    it('tells the host when the widget is up, or when the frame failed', () => {
        const { iframe, onMounted, onError } = mountFrame();
        receive({ type: 'alcmeon:mounted' }, { source: iframe.contentWindow });
        expect(onMounted).toHaveBeenCalledTimes(1);
        receive({ type: 'alcmeon:frame-error', message: 'could not load alcmeon_widget.js' }, { source: iframe.contentWindow });
        expect(onError).toHaveBeenCalledTimes(1);
        expect(onError.mock.calls[0][0]).toBeInstanceOf(WidgetLoadError);
        expect(onError.mock.calls[0][0].message).toMatch('could not load alcmeon_widget.js');
    });

    it('reports a frame that never says it is ready', () => {
        jest.useFakeTimers();
        const { onError } = mountFrame(undefined, { readyTimeoutMs: 5000 });
        jest.advanceTimersByTime(4999);
        expect(onError).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        expect(onError).toHaveBeenCalledTimes(1);
        expect(onError.mock.calls[0][0].message).toMatch('BACKEND_ALLOWED_ORIGINS');
    });

    it('unmount removes the iframe and stops listening, and may be called twice', async () => {
        jest.useFakeTimers();
        const getToken = jest.fn().mockResolvedValue('token-1');
        const { element, handle, iframe, posted, onError } = mountFrame(getToken, { readyTimeoutMs: 5000 });
        const frameWindow = iframe.contentWindow;
        const removeListener = jest.spyOn(window, 'removeEventListener');

        handle.unmount();
        handle.free();

        expect(element.querySelector('iframe')).toBeNull();
        expect(removeListener).toHaveBeenCalledTimes(1);
        expect(removeListener.mock.calls[0][0]).toBe('message');
        receive({ type: 'alcmeon:frame-ready' }, { source: frameWindow });
        receive({ type: 'alcmeon:token-request', id: 1 }, { source: frameWindow });
        jest.advanceTimersByTime(10000);
        jest.useRealTimers();
        await flushPromises();
        expect(getToken).not.toHaveBeenCalled();
        expect(posted).toEqual([]);
        expect(onError).not.toHaveBeenCalled();
    });

    it('refuses a context without getToken or a backend URL that is not one', () => {
        const element = document.createElement('div');
        expect(() => mountWidgetFrame(element, { backendUrl: BACKEND })).toThrow('getToken');
        expect(() => mountWidgetFrame(element, context(), { backendUrl: 'not a url' })).toThrow('is not a URL');
        expect(element.childNodes).toHaveLength(0);
    });
});

describe('mountWidgetFrame in engagement mode', () => {
    const ENGAGEMENT_ID = 'a025g00000En0AAAAA';

    function engagementFrame(callbacks = {}) {
        const element = document.createElement('div');
        document.body.appendChild(element);
        const engagementContext = createWidgetContext({
            backendUrl: BACKEND,
            engagementId: ENGAGEMENT_ID,
            lang: 'fr',
            recordId: '5005g00000QwErTAAZ',
            objectApiName: 'Case',
            getToken: jest.fn().mockResolvedValue('token-1'),
            ...callbacks
        });
        mountWidgetFrame(element, engagementContext, { title: 'Alcméon' });
        const iframe = element.querySelector('iframe');
        const posted = [];
        jest.spyOn(iframe.contentWindow, 'postMessage').mockImplementation((message) => posted.push(message));
        return { iframe, posted };
    }

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('sends the engagement id and no conversation to the frame', () => {
        const { iframe, posted } = engagementFrame();
        receive({ type: 'alcmeon:frame-ready' }, { source: iframe.contentWindow });
        expect(posted[0].context).toEqual({
            backendUrl: BACKEND,
            engagementId: ENGAGEMENT_ID,
            lang: 'fr',
            locale: 'fr',
            timeZone: 'UTC',
            userId: '',
            recordId: '5005g00000QwErTAAZ',
            objectApiName: 'Case'
        });
    });

    it('runs the host callbacks the frame asks for and answers with their result or error', async () => {
        const recordEngagementSend = jest.fn().mockResolvedValue(true);
        const recordEngagementConversation = jest.fn().mockRejectedValue({ body: { message: 'insufficient access' } });
        const { iframe, posted } = engagementFrame({ recordEngagementSend, recordEngagementConversation });
        const record = { content: 'Hello Camille', language: 'fr', sentAt: '2026-11-26T09:30:00Z', error: null };

        receive({ type: 'alcmeon:engagement-send', id: 1, record }, { source: iframe.contentWindow });
        receive({ type: 'alcmeon:engagement-conversation', id: 2, conversationId: 1010 }, { source: iframe.contentWindow });
        receive({ type: 'alcmeon:engagement-send', id: 3, record }, { origin: 'https://evil.example', source: iframe.contentWindow });
        await flushPromises();

        expect(recordEngagementSend.mock.calls).toEqual([[record]]);
        expect(recordEngagementConversation.mock.calls).toEqual([[1010]]);
        expect(posted).toEqual([
            { type: 'alcmeon:engagement-recorded', id: 1, result: true },
            { type: 'alcmeon:engagement-recorded', id: 2, error: 'insufficient access' }
        ]);
    });

    it('answers with an error when the page has no such callback', async () => {
        const { iframe, posted } = engagementFrame();
        receive({ type: 'alcmeon:engagement-conversation', id: 4, conversationId: 1010 }, { source: iframe.contentWindow });
        await flushPromises();
        expect(posted).toEqual([
            { type: 'alcmeon:engagement-recorded', id: 4, error: 'this page has no recordEngagementConversation' }
        ]);
    });
});

describe('needsFrame', () => {
    const realWebAssembly = global.WebAssembly;

    afterEach(() => {
        global.WebAssembly = realWebAssembly;
        delete window.alcmeonWidget;
        resetWidgetLoader();
    });

    function glueWhoseInitFailsWith(error) {
        const init = jest.fn().mockRejectedValue(error);
        init.mount = jest.fn();
        return jest.fn(() => {
            window.alcmeonWidget = init;
            return Promise.resolve();
        });
    }

    async function loadError(loadScript) {
        try {
            await loadWidget({ loadScript, resourceUrl: RESOURCE_URL });
        } catch (error) {
            return error;
        }
        throw new Error('the load did not fail');
    }

    it('is true on a page without WebAssembly, which does not even load the glue', async () => {
        delete global.WebAssembly;
        const loadScript = jest.fn().mockResolvedValue();
        const error = await loadError(loadScript);
        expect(needsFrame(error)).toBe(true);
        expect(error.code).toBe('wasm-unavailable');
        expect(loadScript).not.toHaveBeenCalled();
    });

    it.each([
        ['a CompileError', new WebAssembly.CompileError('WebAssembly.instantiate(): bad magic')],
        ['a LinkError', new WebAssembly.LinkError('import object field is not a Function')],
        ['an EvalError (Locker refusing eval)', new EvalError('Refused to evaluate a string as JavaScript')],
        [
            'a CSP refusal',
            new Error("Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script")
        ],
        ['an error named CompileError from another realm', Object.assign(new Error('compile failed'), { name: 'CompileError' })]
    ])('is true when the wasm init fails with %s', async (_, failure) => {
        const error = await loadError(glueWhoseInitFailsWith(failure));
        expect(needsFrame(error)).toBe(true);
        expect(error.cause).toBe(failure);
    });

    it('is false for other failures', async () => {
        expect(needsFrame(await loadError(jest.fn().mockRejectedValue(new Error('net::ERR_ABORTED 404'))))).toBe(false);
        expect(needsFrame(await loadError(jest.fn().mockResolvedValue()))).toBe(false);
        expect(needsFrame(await loadError(glueWhoseInitFailsWith(new TypeError('Failed to fetch'))))).toBe(false);
        expect(needsFrame(new Error('wasm-unavailable'))).toBe(false);
        expect(needsFrame(undefined)).toBe(false);
    });
});
