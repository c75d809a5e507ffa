/**
 * The local host page's script: plays Lightning's part. It defines <c-alcmeon-conversation>, an
 * element with an open shadow root that mirrors the LWC (same markup and CSS, a `.mount` element,
 * spinner and error states, mount on connect, unmount then free on disconnect) and mounts the
 * widget through the LWC's own loader, /lwc/widgetLoader/widgetLoader.js.
 *
 * The context comes from the page URL: conversation (1001), lang (en-US), locale (= lang),
 * tz (Europe/Paris), user, email, name, perms ("reply,moderate" style; server default when absent),
 * token_ttl (session-token lifetime in seconds, 10 to 300; 300 when absent),
 * object (Case | alcmeon__Conversation__c), height (600).
 * getToken() POSTs to /apex/session-token, the Apex stand-in.
 * When the page cannot run WebAssembly (server.mjs's ?csp=strict or ?wasm=off), the widget runs in
 * the backend's frame instead; as in the LWC, the `.body` element's data-mode says which:
 * "inline" or "frame".
 */
import {
    createWidgetContext,
    loadWidget,
    mountWidget,
    mountWidgetFrame,
    needsFrame,
    parseConversationId,
    unmountWidget
} from '/lwc/widgetLoader/widgetLoader.js';

const config = JSON.parse(document.getElementById('host-config').textContent);
const query = new URLSearchParams(window.location.search);

const labels = {
    Alcmeon_Widget_Title: 'Alcméon conversation',
    Alcmeon_Loading: 'Loading the conversation…',
    Alcmeon_Error_Load: 'The conversation could not be loaded.',
    Alcmeon_Error_No_Conversation: 'No Alcméon conversation is linked to this record.',
    ...config.labels
};

const OBJECTS = {
    Case: {
        label: 'Case',
        recordId: '5005g00000QwErTAAZ',
        name: '00001026',
        highlights: [
            ['Subject', 'My order never arrived'],
            ['Status', 'New'],
            ['Priority', 'High'],
            ['Origin', 'WhatsApp']
        ]
    },
    alcmeon__Conversation__c: {
        label: 'Alcméon Conversation',
        recordId: 'a015g00000Xy1AbAAJ',
        name: 'CONV-0042',
        highlights: [
            ['Channel', 'WhatsApp'],
            ['Status', 'OPEN'],
            ['Case', '00001026']
        ]
    }
};

function readPerms(value) {
    if (value === null) {
        return undefined;
    }
    const granted = new Set(value.split(',').map((perm) => perm.trim()));
    return { reply: granted.has('reply'), moderate: granted.has('moderate') };
}

export const agent = {
    userId: query.get('user') || '005000000000001AAA',
    email: query.get('email') || 'agent@example.com',
    name: query.get('name') || 'Camille Martin',
    perms: readPerms(query.get('perms'))
};

/** `token_ttl` (seconds) makes the minted tokens expire soon, to test their renewal. */
const tokenLifetime = query.has('token_ttl') ? Number(query.get('token_ttl')) : undefined;

const lang = query.get('lang') || 'en-US';
const objectApiName = OBJECTS[query.get('object')] ? query.get('object') : 'Case';
const record = OBJECTS[objectApiName];

/** The page's loadScript: what lightning/platformResourceLoader does, with a <script> tag. */
function loadScript(url) {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error("the script element failed (HTTP error or blocked)"));
        document.head.appendChild(script);
    });
}

/** The Apex stand-in: a fresh session token for the agent. */
async function getToken() {
    const response = await fetch('/apex/session-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...agent, lifetimeSeconds: tokenLifetime })
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || typeof body.token !== 'string') {
        throw new Error(body.error || `session token request failed (HTTP ${response.status})`);
    }
    return body.token;
}

function element(tag, attributes = {}, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        node.setAttribute(name, value);
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

/** <c-alcmeon-conversation>: the LWC's template, lifecycle and states, in an open shadow root. */
class HostedAlcmeonConversation extends HTMLElement {
    constructor() {
        super();
        this.generation = 0;
        this.handle = undefined;
        const root = this.attachShadow({ mode: 'open' });
        root.append(
            element('link', { rel: 'stylesheet', href: '/host/slds-lite.css' }),
            element('link', { rel: 'stylesheet', href: '/lwc/alcmeonConversation/alcmeonConversation.css' })
        );
        const section = element('section', { class: 'slds-card container', 'aria-label': labels.Alcmeon_Widget_Title });
        this.body = element('div', { class: 'body' });
        this.loading = element('div', { class: 'state state_loading' });
        const spinner = element('div', { class: 'spinner' });
        spinner.append(element('div', { class: 'host-spinner', role: 'status', 'aria-label': labels.Alcmeon_Loading }));
        this.loading.append(spinner, element('p', { class: 'slds-text-color_weak', 'aria-hidden': 'true' }, labels.Alcmeon_Loading));
        this.error = element('div', { class: 'state state_error', role: 'alert' });
        this.mountElement = element('div', { class: 'mount' });
        this.body.append(this.loading, this.error, this.mountElement);
        section.append(this.body);
        root.append(section);
    }

    connectedCallback() {
        const height = Number.parseInt(this.getAttribute('height') || '600', 10);
        this.body.style.height = `${height > 0 ? height : 600}px`;
        this.generation += 1;
        this.start(this.generation);
    }

    disconnectedCallback() {
        this.generation += 1;
        const handle = this.handle;
        this.handle = undefined;
        this.setState('loading');
        delete this.body.dataset.mode;
        unmountWidget(handle);
    }

    setState(state, message, detail) {
        this.body.dataset.state = state;
        this.body.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
        this.loading.hidden = state !== 'loading';
        this.error.hidden = state !== 'error';
        this.error.replaceChildren();
        if (state === 'error') {
            const alert = element('div', { class: 'slds-notify slds-notify_alert slds-alert_error' });
            alert.append(element('h2', { class: 'slds-text-heading_small' }, message));
            this.error.append(alert);
            if (detail) {
                this.error.append(element('p', { class: 'detail slds-text-body_small slds-text-color_weak' }, detail));
            }
        }
    }

    async start(generation) {
        this.setState('loading');
        const conversationId = parseConversationId(this.getAttribute('conversation-id'));
        if (conversationId === null) {
            this.setState('error', labels.Alcmeon_Error_No_Conversation);
            return;
        }
        let context;
        try {
            context = createWidgetContext({
                backendUrl: config.backendUrl,
                conversationId,
                lang,
                locale: query.get('locale') || lang,
                timeZone: query.get('tz') || 'Europe/Paris',
                userId: agent.userId,
                recordId: record.recordId,
                objectApiName,
                getToken
            });
            const api = await loadWidget({ loadScript, resourceUrl: config.resourceUrl });
            if (generation !== this.generation) {
                return;
            }
            this.handle = mountWidget(api, this.mountElement, context, { resourceUrl: config.resourceUrl });
            this.body.dataset.mode = 'inline';
            this.setState('mounted');
        } catch (error) {
            if (generation !== this.generation) {
                return;
            }
            if (needsFrame(error)) {
                this.startFrame(generation, context, error);
            } else {
                this.fail(error);
            }
        }
    }

    startFrame(generation, context, reason) {
        console.info(`${reason.message}: the widget runs in a frame from ${config.backendUrl}`);
        const current = () => generation === this.generation;
        try {
            this.handle = mountWidgetFrame(this.mountElement, context, {
                title: labels.Alcmeon_Widget_Title,
                onMounted: () => current() && this.setState('mounted'),
                onError: (error) => {
                    if (current()) {
                        unmountWidget(this.handle);
                        this.handle = undefined;
                        this.fail(error);
                    }
                }
            });
            this.body.dataset.mode = 'frame';
        } catch (error) {
            this.fail(error);
        }
    }

    fail(error) {
        console.error(error);
        this.setState('error', labels.Alcmeon_Error_Load, error.message);
    }
}

customElements.define('c-alcmeon-conversation', HostedAlcmeonConversation);

// --- The record page around it ----------------------------------------------------------------

function fillRecordPage() {
    document.documentElement.lang = lang;
    document.title = `${record.name} | ${record.label} | Salesforce (local host page)`;
    document.getElementById('record-type').textContent = record.label;
    document.getElementById('record-name').textContent = record.name;
    document.getElementById('record-icon').dataset.object = objectApiName;
    document.getElementById('nav-tab').textContent = objectApiName === 'Case' ? 'Cases' : 'Conversations';
    document.getElementById('agent').textContent = `${agent.name} · ${agent.email}`;

    const pairs = (list, target) =>
        target.replaceChildren(
            ...list.map(([term, value]) => {
                const row = element('div');
                row.append(element('dt', {}, term), element('dd', {}, value));
                return row;
            })
        );
    pairs(record.highlights, document.getElementById('highlights'));
    pairs(
        [
            ['Record Id', record.recordId],
            ['Alcméon conversation id', query.get('conversation') || '1001'],
            ['Language', lang],
            ['Time zone', query.get('tz') || 'Europe/Paris'],
            ['Backend', config.backendUrl]
        ],
        document.getElementById('details')
    );
}

function createComponent() {
    const component = document.createElement('c-alcmeon-conversation');
    component.setAttribute('conversation-id', query.get('conversation') || '1001');
    component.setAttribute('height', query.get('height') || '600');
    return component;
}

fillRecordPage();
const region = document.getElementById('region-main');
let component = createComponent();
region.append(component);

// Removing and re-adding the component exercises unmount/free and a second mount (as Lightning
// does when an agent switches console tabs).
const toggle = document.getElementById('toggle-component');
toggle.addEventListener('click', () => {
    if (component.isConnected) {
        component.remove();
        toggle.textContent = 'Add component';
    } else {
        component = createComponent();
        region.append(component);
        toggle.textContent = 'Remove component';
    }
});
