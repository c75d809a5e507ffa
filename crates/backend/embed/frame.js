/*
 * The widget frame's script (served as /embed/frame.js by src/http/embed.rs). The parent page is
 * the Salesforce page whose own JavaScript could not run WebAssembly; widgetLoader.js's
 * mountWidgetFrame() is its side of this protocol:
 *
 *   frame  -> parent  {type: 'alcmeon:frame-ready'}          to '*': it carries nothing
 *   parent -> frame   {type: 'alcmeon:mount', context}       the widget context (conversationIds
 *                                                          included), without getToken
 *   frame  -> parent  {type: 'alcmeon:mounted'} | {type: 'alcmeon:frame-error', message}
 *   frame  -> parent  {type: 'alcmeon:token-request', id}    each time the widget needs a token
 *   parent -> frame   {type: 'alcmeon:token', id, token} | {type: 'alcmeon:token', id, error}
 *   frame  -> parent  {type: 'alcmeon:engagement-send', id, record}
 *                   | {type: 'alcmeon:engagement-conversation', id, conversationId}
 *                                                          the engagement callbacks of the context
 *   parent -> frame   {type: 'alcmeon:engagement-recorded', id, result} | {…, id, error}
 *
 * The context names a conversation (conversationId, conversationIds) or, in engagement mode, an
 * engagement record (engagementId, 18 characters) and no conversation.
 *
 * A mount is accepted only from window.parent and from an origin of /embed/config.json; that
 * origin becomes the only one listened to and written to. Everything else is ignored.
 */
(function () {
    'use strict';

    const EMBED_URL = new URL('.', document.baseURI);
    const WIDGET_URL = new URL('widget/', EMBED_URL);
    const BACKEND_URL = new URL('..', EMBED_URL).href.replace(/\/+$/, '');
    const ANSWER_TIMEOUT_MS = 20000;
    const RECORD_ID = /^[a-zA-Z0-9]{18}$/;
    const CONTEXT_TEXT_KEYS = ['lang', 'locale', 'timeZone', 'userId', 'recordId', 'objectApiName'];

    let allowedOrigins = [];
    let parentOrigin = null;
    let warned = false;
    let nextRequestId = 1;
    /** Requests to the parent awaiting its answer, by id: {answerType, read, resolve, reject, timer}. */
    const pendingAnswers = new Map();
    // Held for the frame's lifetime: a collected handle would unmount the widget.
    let widgetHandle = null;

    function warnOnce(event, reason) {
        if (!warned) {
            warned = true;
            console.warn(`Alcméon frame: ignored a message from ${event.origin} (${reason}); further ones are ignored silently`);
        }
    }

    function tell(message) {
        window.parent.postMessage(message, parentOrigin);
    }

    /**
     * Posts `request` to the parent with a fresh id; resolves with `read(answer)` when the parent
     * answers it with `answerType`, rejects with the parent's error or after ANSWER_TIMEOUT_MS.
     */
    function ask(request, answerType, read) {
        const id = nextRequestId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                pendingAnswers.delete(id);
                reject(new Error(`the page did not answer ${request.type} in time`));
            }, ANSWER_TIMEOUT_MS);
            pendingAnswers.set(id, { answerType, read, resolve, reject, timer });
            tell({ ...request, id });
        });
    }

    function settleAnswer(data) {
        const pending = pendingAnswers.get(data.id);
        if (!pending || pending.answerType !== data.type) {
            return false;
        }
        pendingAnswers.delete(data.id);
        clearTimeout(pending.timer);
        if (typeof data.error === 'string') {
            pending.reject(new Error(data.error));
        } else {
            try {
                pending.resolve(pending.read(data));
            } catch (error) {
                pending.reject(error);
            }
        }
        return true;
    }

    function getToken() {
        return ask({ type: 'alcmeon:token-request' }, 'alcmeon:token', (data) => {
            if (typeof data.token !== 'string' || data.token.length === 0) {
                throw new Error('the page sent no session token');
            }
            return data.token;
        });
    }

    const recorded = (data) => (data.result === undefined ? null : data.result);

    function recordEngagementSend(record) {
        return ask({ type: 'alcmeon:engagement-send', record }, 'alcmeon:engagement-recorded', recorded);
    }

    function recordEngagementConversation(conversationId) {
        return ask({ type: 'alcmeon:engagement-conversation', conversationId }, 'alcmeon:engagement-recorded', recorded);
    }

    /** The widget context from the parent's plain data; the backend is the one serving this frame. */
    function readContext(context) {
        if (!context || typeof context !== 'object') {
            throw new Error('the mount message carries no valid context');
        }
        const read = { backendUrl: BACKEND_URL };
        if (Number.isSafeInteger(context.conversationId)) {
            read.conversationId = context.conversationId;
            // The Case's conversations, newest first; the widget lists them when there are several.
            if (Array.isArray(context.conversationIds) && context.conversationIds.every(Number.isSafeInteger)) {
                read.conversationIds = context.conversationIds.slice();
            }
        } else if (typeof context.engagementId === 'string' && RECORD_ID.test(context.engagementId)) {
            read.engagementId = context.engagementId;
        } else {
            throw new Error('the mount message names neither a conversation nor an engagement');
        }
        for (const key of CONTEXT_TEXT_KEYS) {
            if (typeof context[key] === 'string') {
                read[key] = context[key];
            }
        }
        return read;
    }

    function loadScript(url) {
        return new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = url;
            script.onload = () => resolve();
            script.onerror = () => reject(new Error(`could not load ${url}`));
            document.head.appendChild(script);
        });
    }

    async function mount(rawContext) {
        try {
            const context = readContext(rawContext);
            await loadScript(new URL('alcmeon_widget.js', WIDGET_URL).href);
            const widget = window.alcmeonWidget;
            await widget({ module_or_path: new URL('alcmeon_widget_bg.wasm', WIDGET_URL).href });
            if (context.lang) {
                document.documentElement.lang = context.lang;
            }
            const assetsUrl = WIDGET_URL.href.replace(/\/+$/, '');
            widgetHandle = widget.mount(document.getElementById('widget'), {
                ...context,
                assetsUrl,
                getToken,
                recordEngagementSend,
                recordEngagementConversation
            });
            tell({ type: 'alcmeon:mounted' });
        } catch (error) {
            console.error('Alcméon frame: the widget could not start', error);
            tell({ type: 'alcmeon:frame-error', message: String((error && error.message) || error) });
        }
    }

    function onMessage(event) {
        const data = event.data;
        if (event.source !== window.parent) {
            warnOnce(event, 'not the parent window');
        } else if (parentOrigin === null ? !allowedOrigins.includes(event.origin) : event.origin !== parentOrigin) {
            warnOnce(event, 'origin not allowed');
        } else if (!data || typeof data !== 'object') {
            warnOnce(event, 'not a message of this protocol');
        } else if (data.type === 'alcmeon:mount' && parentOrigin === null) {
            parentOrigin = event.origin;
            mount(data.context);
        } else if (!settleAnswer(data)) {
            warnOnce(event, `unexpected ${String(data.type)}`);
        }
    }

    async function start() {
        if (window.parent === window) {
            console.warn('Alcméon frame: this page only works inside the Salesforce component');
            return;
        }
        const response = await fetch(new URL('config.json', EMBED_URL), { credentials: 'omit' });
        if (!response.ok) {
            throw new Error(`config.json: HTTP ${response.status}`);
        }
        const config = await response.json();
        allowedOrigins = Array.isArray(config.allowedOrigins) ? config.allowedOrigins : [];
        window.addEventListener('message', onMessage);
        window.parent.postMessage({ type: 'alcmeon:frame-ready' }, '*');
    }

    start().catch((error) => console.error('Alcméon frame: could not start', error));
})();
