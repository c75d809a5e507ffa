/**
 * widgetLoader: loads the Alcméon widget (wasm-bindgen `no-modules` glue + .wasm) from its static
 * resource and mounts it into an element.
 *
 * No platform imports (only c/errorMessages): `c-alcmeon-conversation` hands it
 * `lightning/platformResourceLoader`'s loadScript, so it runs and is tested without Lightning.
 *
 * The static resource holds `alcmeon_widget.js`, `alcmeon_widget_bg.wasm` and `widget.css`
 * (see scripts/build-static-resource.mjs). Loaded as a classic script, the glue publishes its init
 * function as `window.alcmeonWidget`; after `await window.alcmeonWidget({ module_or_path })`,
 * `window.alcmeonWidget.mount(element, context)` returns a handle with `unmount()` and `free()`.
 *
 * When the page cannot run WebAssembly (a Content Security Policy without 'wasm-unsafe-eval', or
 * no `WebAssembly` at all under Lightning Locker), loadWidget rejects with an error for which
 * `needsFrame(error)` is true; the host then mounts the widget in an iframe served by the backend
 * with `mountWidgetFrame` (the frame's side: crates/backend/embed/frame.js).
 *
 * The widget context is in conversation mode (`conversationId`, `conversationIds`) or in
 * engagement mode (`engagementId`, the 18-character alcmeon__Engagement__c id, and no
 * conversation), never both; the host's optional callbacks `recordEngagementSend(record)` and
 * `recordEngagementConversation(conversationId)` write what the widget did to Salesforce, and
 * `searchContacts(term)` and `createContact({ name, phone })` find and create the customer's
 * Contact (not offered in the frame: the widget then only shows the customer's link).
 *
 * Conversation mode may also carry `firstThread`: the host's own request for the conversation's
 * newest page (`fetchFirstThread`), started as soon as it knows the backend, the conversation and
 * its first token, so it runs while the glue and the wasm load. The widget uses its answer once,
 * when it is a 200, and otherwise asks the backend as it would without it.
 */
import { errorText } from 'c/errorMessages';

export const GLUE_FILE = 'alcmeon_widget.js';
export const WASM_FILE = 'alcmeon_widget_bg.wasm';
export const STYLE_FILE = 'widget.css';
export const GLOBAL_NAME = 'alcmeonWidget';
export const FRAME_PATH = '/embed/frame.html';
/** The performance mark set when the widget's WebAssembly is instantiated (for measurements). */
export const STARTED_MARK = 'alcmeon-widget:started';
/** The performance mark set just before the widget is mounted (for measurements). */
export const MOUNTING_MARK = 'alcmeon-widget:mounting';

/** WidgetLoadError codes: this page cannot run WebAssembly (mount the frame), or anything else. */
export const WASM_UNAVAILABLE = 'wasm-unavailable';
export const LOAD_FAILED = 'load-failed';

const CONTEXT_DATA_KEYS = [
    'backendUrl',
    'conversationId',
    'conversationIds',
    'engagementId',
    'lang',
    'locale',
    'timeZone',
    'userId',
    'recordId',
    'objectApiName'
];
/** The host callbacks a context may carry, each optional; the frame reaches them by postMessage. */
export const ENGAGEMENT_CALLBACKS = ['recordEngagementSend', 'recordEngagementConversation'];
/** The host's Contact callbacks, each optional; mounted in place only (the frame has none). */
export const CONTACT_CALLBACKS = ['searchContacts', 'createContact'];
/** A Salesforce record id as the widget is given it: 18 characters. */
const RECORD_ID = /^[a-zA-Z0-9]{18}$/;
const FRAME_READY_TIMEOUT_MS = 30000;

const STYLE_MARKER = 'data-alcmeon-widget-style';

// One load per page (per LWS sandbox in Lightning): every component shares the same promise.
let pendingLoad;

/**
 * An error while loading or mounting the widget; `cause` keeps the original error and `code` says
 * what kind it is (WASM_UNAVAILABLE or LOAD_FAILED).
 */
export class WidgetLoadError extends Error {
    constructor(message, cause, code = LOAD_FAILED) {
        super(message);
        this.name = 'WidgetLoadError';
        this.code = code;
        if (cause !== undefined) {
            this.cause = cause;
        }
    }
}

/** True when `error` means this page cannot run WebAssembly, so the widget must run in a frame. */
export function needsFrame(error) {
    return Boolean(error) && error.code === WASM_UNAVAILABLE;
}

const WASM_REFUSED_ERRORS = ['CompileError', 'LinkError', 'EvalError'];

function isWasmRefusal(error) {
    return (
        Boolean(error) &&
        (WASM_REFUSED_ERRORS.includes(error.name) ||
            /unsafe-eval|wasm-eval|Content Security Policy/i.test(describe(error)))
    );
}

function describe(error) {
    return errorText(error, 'unknown error');
}

function baseUrl(resourceUrl) {
    if (typeof resourceUrl !== 'string' || resourceUrl.length === 0) {
        throw new WidgetLoadError('widgetLoader: resourceUrl must be the static resource URL');
    }
    return resourceUrl.replace(/\/+$/, '');
}

function readGlobal() {
    return typeof window === 'undefined' ? undefined : window[GLOBAL_NAME];
}

async function load(loadScript, base) {
    if (typeof WebAssembly !== 'object' || WebAssembly === null) {
        throw new WidgetLoadError('This page offers no WebAssembly', undefined, WASM_UNAVAILABLE);
    }
    const glueUrl = `${base}/${GLUE_FILE}`;
    const wasmUrl = `${base}/${WASM_FILE}`;
    const wasm = startDownload(wasmUrl);
    try {
        await loadScript(glueUrl);
    } catch (error) {
        throw new WidgetLoadError(
            `Could not load the widget script ${glueUrl}: ${describe(error)}`,
            error
        );
    }

    const init = readGlobal();
    if (typeof init !== 'function') {
        throw new WidgetLoadError(
            `The widget script ${glueUrl} loaded but did not define window.${GLOBAL_NAME}; ` +
                'was the static resource built with scripts/build-static-resource.mjs?'
        );
    }

    try {
        await init({ module_or_path: wasm });
    } catch (error) {
        const refused = isWasmRefusal(error);
        const hint = refused ? " (the page's Content Security Policy forbids WebAssembly)" : '';
        throw new WidgetLoadError(
            `Could not start the widget's WebAssembly module ${wasmUrl}${hint}: ${describe(error)}`,
            error,
            refused ? WASM_UNAVAILABLE : LOAD_FAILED
        );
    }

    mark(STARTED_MARK);
    if (typeof init.mount !== 'function') {
        throw new WidgetLoadError(
            `window.${GLOBAL_NAME} has no mount() function: the widget build does not match this loader`
        );
    }
    return init;
}

/**
 * The wasm's response, asked at once so that it downloads while the glue loads (the glue accepts a
 * promise of it and compiles it as it streams in); where there is no fetch, its URL.
 */
function startDownload(wasmUrl) {
    if (typeof fetch !== 'function') {
        return wasmUrl;
    }
    const response = fetch(wasmUrl);
    // If the glue fails first, nobody awaits the download: that is not an unhandled rejection.
    response.catch(() => {});
    return response;
}

/**
 * Adds the widget's stylesheet to `element` (a <link> inside it, so it applies inside a shadow
 * root too) before the widget loads, so it downloads meanwhile and the widget's first frame is
 * styled; mountWidget adds it only where it is missing.
 */
export function prepareMount(element, resourceUrl) {
    ensureStylesheet(element, `${baseUrl(resourceUrl)}/${STYLE_FILE}`);
}

/** The smallest WebAssembly module: its magic number and version. */
const EMPTY_MODULE = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/**
 * True when this page may compile WebAssembly: it has `WebAssembly` and its Content Security
 * Policy lets it compile (an 8-byte module, compiled synchronously). Where it is false, the widget
 * will run in the backend's frame.
 */
export function canRunWebAssembly() {
    if (typeof WebAssembly !== 'object' || WebAssembly === null) {
        return false;
    }
    try {
        return Boolean(new WebAssembly.Module(new Uint8Array(EMPTY_MODULE)));
    } catch {
        return false;
    }
}

function mark(name) {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
        performance.mark(name);
    }
}

/**
 * Loads the widget once per page and resolves to its API (`window.alcmeonWidget`, initialised).
 *
 * @param {object} options
 * @param {(url: string) => Promise<unknown>} options.loadScript loads a classic script; in an LWC
 *     `(url) => loadScript(this, url)` from lightning/platformResourceLoader
 * @param {string} options.resourceUrl the static resource's URL (no trailing file name)
 * @returns {Promise<object>} the widget API, with `mount(element, context)`
 */
export function loadWidget({ loadScript, resourceUrl } = {}) {
    if (typeof loadScript !== 'function') {
        return Promise.reject(new WidgetLoadError('widgetLoader: loadScript must be a function'));
    }
    let base;
    try {
        base = baseUrl(resourceUrl);
    } catch (error) {
        return Promise.reject(error);
    }
    if (!pendingLoad) {
        const attempt = load(loadScript, base);
        pendingLoad = attempt;
        // A failed load may be retried (by the next component, or after a reload of the view).
        attempt.catch(() => {
            if (pendingLoad === attempt) {
                pendingLoad = undefined;
            }
        });
    }
    return pendingLoad;
}

/**
 * Starts the request for conversation `conversationId`'s newest page that the widget's first
 * open would make (`GET {backendUrl}/v1/conversations/{id}/thread?zone={timeZone}` with `token`:
 * the page carries the rules of the agent's time zone), for the context's `firstThread`. Resolves
 * to `{ status, body }` (the body as text) whatever the status; rejects when the backend cannot
 * be reached.
 *
 * @param {object} options
 * @param {string} options.backendUrl the backend's URL
 * @param {number} options.conversationId Alcméon's conversation id
 * @param {string} options.token the session token, sent as a Bearer token
 * @param {string} [options.timeZone] the agent's IANA time zone, e.g. `Europe/Paris`
 * @returns {Promise<{status: number, body: string}>}
 */
export function fetchFirstThread({ backendUrl, conversationId, token, timeZone } = {}) {
    if (typeof backendUrl !== 'string' || backendUrl.length === 0) {
        return Promise.reject(new WidgetLoadError('fetchFirstThread: backendUrl is missing'));
    }
    if (!isConversationId(conversationId)) {
        return Promise.reject(new WidgetLoadError(`fetchFirstThread: conversationId ${conversationId} is not a number`));
    }
    const zone = timeZone ? `?zone=${encodeURIComponent(timeZone)}` : '';
    const url = `${backendUrl.replace(/\/+$/, '')}/v1/conversations/${conversationId}/thread${zone}`;
    // Sent now, not in a later task: the widget may be mounted right after this returns.
    try {
        return fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then((response) =>
            response.text().then((body) => ({ status: response.status, body }))
        );
    } catch (error) {
        return Promise.reject(error);
    }
}

/**
 * Turns a record field value into Alcméon's numeric conversation id, or null when it holds none.
 * Accepts a non-negative integer, a string of digits (surrounding blanks ignored), or a link to
 * the conversation whose last path segment (of the path or of the #fragment) is the id, such as
 * `https://app.alcmeon.com/#/conversations/1001`.
 */
export function parseConversationId(value) {
    if (typeof value === 'number') {
        return Number.isSafeInteger(value) && value >= 0 ? value : null;
    }
    if (typeof value !== 'string') {
        return null;
    }
    const text = value.trim();
    const digits = /^\d+$/.test(text) ? text : lastPathSegmentOfLink(text);
    if (digits === null) {
        return null;
    }
    const id = Number(digits);
    return Number.isSafeInteger(id) ? id : null;
}

function lastPathSegmentOfLink(text) {
    let url;
    try {
        url = new URL(text);
    } catch {
        return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return null;
    }
    const path = url.hash.startsWith('#/') ? url.hash.slice(1).split('?')[0] : url.pathname;
    const match = /\/(\d+)\/?$/.exec(path);
    return match ? match[1] : null;
}

function isConversationId(value) {
    return Number.isSafeInteger(value) && value >= 0;
}

/** True when `value` is an 18-character Salesforce record id. */
export function isRecordId(value) {
    return typeof value === 'string' && RECORD_ID.test(value);
}

/**
 * Builds the context object the widget's `mount` expects, with exactly the contract's keys.
 * Conversation mode: `conversationIds` are the Case's conversations, newest first (by default just
 * `conversationId`); repeats are dropped and `conversationId` (the newest) always comes first, so
 * the list holds the opened one. Engagement mode: `engagementId` and no conversation id. The
 * engagement callbacks are kept when given (functions). Throws a WidgetLoadError naming the first
 * missing or wrong piece.
 */
export function createWidgetContext({
    backendUrl,
    conversationId,
    conversationIds,
    engagementId,
    lang,
    locale,
    timeZone,
    userId,
    recordId,
    objectApiName,
    getToken,
    firstThread,
    ...callbacks
} = {}) {
    if (typeof backendUrl !== 'string' || backendUrl.length === 0) {
        throw new WidgetLoadError('widget context: backendUrl is missing');
    }
    const mode =
        engagementId === undefined
            ? conversationMode(conversationId, conversationIds)
            : engagementMode(engagementId, conversationId, conversationIds);
    if (typeof getToken !== 'function') {
        throw new WidgetLoadError('widget context: getToken must be a function');
    }
    if (firstThread !== undefined && (mode.engagementId || typeof firstThread.then !== 'function')) {
        throw new WidgetLoadError('widget context: firstThread must be a promise, in conversation mode');
    }
    const hostCallbacks = {};
    for (const name of [...ENGAGEMENT_CALLBACKS, ...CONTACT_CALLBACKS]) {
        if (callbacks[name] !== undefined) {
            if (typeof callbacks[name] !== 'function') {
                throw new WidgetLoadError(`widget context: ${name} must be a function`);
            }
            hostCallbacks[name] = callbacks[name];
        }
    }
    return Object.freeze({
        backendUrl: backendUrl.replace(/\/+$/, ''),
        ...mode,
        lang: lang || 'en-US',
        locale: locale || lang || 'en-US',
        timeZone: timeZone || 'UTC',
        userId: userId || '',
        recordId: recordId || '',
        objectApiName: objectApiName || '',
        getToken,
        ...(firstThread ? { firstThread } : {}),
        ...hostCallbacks
    });
}

function conversationMode(conversationId, conversationIds = [conversationId]) {
    if (!isConversationId(conversationId)) {
        throw new WidgetLoadError(`widget context: conversationId ${conversationId} is not a number`);
    }
    if (!Array.isArray(conversationIds) || !conversationIds.every(isConversationId)) {
        throw new WidgetLoadError(`widget context: conversationIds ${conversationIds} are not all numbers`);
    }
    return { conversationId, conversationIds: Object.freeze([...new Set([conversationId, ...conversationIds])]) };
}

function engagementMode(engagementId, conversationId, conversationIds) {
    if (!isRecordId(engagementId)) {
        throw new WidgetLoadError(`widget context: engagementId ${engagementId} is not an 18-character record id`);
    }
    if (conversationId !== undefined || conversationIds !== undefined) {
        throw new WidgetLoadError('widget context: an engagement context has no conversationId or conversationIds');
    }
    return { engagementId };
}

function ensureStylesheet(element, href) {
    const present = Array.prototype.some.call(
        element.querySelectorAll(`link[${STYLE_MARKER}]`),
        (link) => link.getAttribute('href') === href
    );
    if (present) {
        return;
    }
    const link = element.ownerDocument.createElement('link');
    link.setAttribute('rel', 'stylesheet');
    link.setAttribute('href', href);
    link.setAttribute(STYLE_MARKER, '');
    element.appendChild(link);
}

/**
 * Mounts the widget into `element` (the LWC's `lwc:dom="manual"` node). When `resourceUrl` is
 * given, first adds a <link> to the widget's stylesheet inside the element, so the styles apply
 * inside a shadow root too, and tells the widget (`assetsUrl`) where to fetch its locale files.
 * Returns the widget's handle (`unmount()`, `free()`).
 */
export function mountWidget(api, element, context, { resourceUrl } = {}) {
    if (!api || typeof api.mount !== 'function') {
        throw new WidgetLoadError('mountWidget: the widget API is not loaded');
    }
    if (!element || typeof element.appendChild !== 'function') {
        throw new WidgetLoadError('mountWidget: no element to mount into');
    }
    let mountContext = context;
    if (resourceUrl) {
        ensureStylesheet(element, `${baseUrl(resourceUrl)}/${STYLE_FILE}`);
        mountContext = Object.freeze({ ...context, assetsUrl: baseUrl(resourceUrl) });
    }
    let handle;
    mark(MOUNTING_MARK);
    try {
        handle = api.mount(element, mountContext);
    } catch (error) {
        throw new WidgetLoadError(`The widget failed to mount: ${describe(error)}`, error);
    }
    if (!handle || typeof handle.unmount !== 'function') {
        throw new WidgetLoadError('The widget mount() returned no handle with unmount()');
    }
    return handle;
}

/** Unmounts a handle returned by mountWidget, then frees its wasm memory (even if unmount throws). */
export function unmountWidget(handle) {
    if (!handle) {
        return;
    }
    try {
        handle.unmount();
    } finally {
        if (typeof handle.free === 'function') {
            handle.free();
        }
    }
}

/**
 * Mounts the widget in an iframe served by the backend (`<backendUrl>/embed/frame.html`), for pages
 * that cannot run WebAssembly. The frame gets the context's plain data by postMessage once it says
 * it is ready, and asks for each session token, answered with `context.getToken()`. Only messages
 * from that iframe's window and the backend's origin are heard.
 *
 * The engagement callbacks are reached the same way: the frame posts
 * `{type: 'alcmeon:engagement-send', id, record}` or
 * `{type: 'alcmeon:engagement-conversation', id, conversationId}` and is answered
 * `{type: 'alcmeon:engagement-recorded', id, result}` (the callback's resolved value) or
 * `{type: 'alcmeon:engagement-recorded', id, error}` (a message; also when the context has no such
 * callback).
 *
 * @param {Element} element where the iframe goes
 * @param {object} context from createWidgetContext
 * @param {object} options
 * @param {string} options.backendUrl the backend serving the frame (default: context.backendUrl)
 * @param {string} options.title the iframe's accessible name (a Custom Label in the LWC)
 * @param {() => void} options.onMounted called when the widget is up in the frame
 * @param {(error: WidgetLoadError) => void} options.onError called when the frame fails or stays silent
 * @param {number} options.readyTimeoutMs how long the frame may take to answer (30 s)
 * @returns {{unmount: () => void, free: () => void}} a handle like mountWidget's
 */
export function mountWidgetFrame(element, context, options = {}) {
    if (!element || typeof element.appendChild !== 'function') {
        throw new WidgetLoadError('mountWidgetFrame: no element to mount into');
    }
    if (!context || typeof context.getToken !== 'function') {
        throw new WidgetLoadError('mountWidgetFrame: the context has no getToken function');
    }
    const { onMounted, onError, title } = options;
    const base = baseUrl(options.backendUrl || context.backendUrl);
    let origin;
    try {
        origin = new URL(base).origin;
    } catch (error) {
        throw new WidgetLoadError(`mountWidgetFrame: ${base} is not a URL`, error);
    }
    const data = {};
    for (const key of CONTEXT_DATA_KEYS) {
        if (context[key] !== undefined) {
            data[key] = context[key];
        }
    }

    const view = element.ownerDocument.defaultView;
    const iframe = element.ownerDocument.createElement('iframe');
    iframe.setAttribute('title', title || 'Alcméon');
    iframe.setAttribute(
        'sandbox',
        'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads'
    );
    iframe.style.width = '100%';
    iframe.style.height = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';

    let closed = false;
    let readyTimer;
    const fail = (error) => {
        if (!closed && typeof onError === 'function') {
            onError(error);
        }
    };
    const post = (message) => {
        if (!closed && iframe.contentWindow) {
            iframe.contentWindow.postMessage(message, origin);
        }
    };
    const answerToken = (id) => {
        Promise.resolve()
            .then(() => context.getToken())
            .then(
                (token) => post({ type: 'alcmeon:token', id, token }),
                (error) => post({ type: 'alcmeon:token', id, error: describe(error) })
            );
    };
    const answerRecording = (id, name, argument) => {
        Promise.resolve()
            .then(() => {
                if (typeof context[name] !== 'function') {
                    throw new Error(`this page has no ${name}`);
                }
                return context[name](argument);
            })
            .then(
                (result) =>
                    post({ type: 'alcmeon:engagement-recorded', id, result: result === undefined ? null : result }),
                (error) => post({ type: 'alcmeon:engagement-recorded', id, error: describe(error) })
            );
    };
    const onMessage = (event) => {
        const message = event.data;
        if (event.source !== iframe.contentWindow || event.origin !== origin || !message) {
            return;
        }
        if (message.type === 'alcmeon:frame-ready') {
            clearTimeout(readyTimer);
            post({ type: 'alcmeon:mount', context: data });
        } else if (message.type === 'alcmeon:token-request' && Number.isSafeInteger(message.id)) {
            answerToken(message.id);
        } else if (message.type === 'alcmeon:engagement-send' && Number.isSafeInteger(message.id)) {
            answerRecording(message.id, 'recordEngagementSend', message.record);
        } else if (message.type === 'alcmeon:engagement-conversation' && Number.isSafeInteger(message.id)) {
            answerRecording(message.id, 'recordEngagementConversation', message.conversationId);
        } else if (message.type === 'alcmeon:mounted' && typeof onMounted === 'function') {
            onMounted();
        } else if (message.type === 'alcmeon:frame-error') {
            fail(new WidgetLoadError(`The widget frame could not start the widget: ${describe(message.message)}`));
        }
    };

    view.addEventListener('message', onMessage);
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    readyTimer = setTimeout(
        () =>
            fail(
                new WidgetLoadError(
                    `The widget frame ${base}${FRAME_PATH} did not answer: is the backend reachable, ` +
                        'and this page among its BACKEND_ALLOWED_ORIGINS?'
                )
            ),
        options.readyTimeoutMs || FRAME_READY_TIMEOUT_MS
    );
    iframe.setAttribute('src', `${base}${FRAME_PATH}`);
    element.appendChild(iframe);

    const unmount = () => {
        if (closed) {
            return;
        }
        closed = true;
        clearTimeout(readyTimer);
        view.removeEventListener('message', onMessage);
        iframe.remove();
    };
    return { unmount, free: unmount };
}

/** Test helper: forgets the memoised load so the next loadWidget() loads again. */
export function resetWidgetLoader() {
    pendingLoad = undefined;
}
