/**
* The one host page of the demo and of every browser test: a Lightning-like record page hosting the
* REAL `c-alcmeon-conversation` LWC (compiled at start by build.mjs). This server stands in for
* Salesforce and for nothing else: the org's records (records.mjs) and metadata (org.mjs) behind
* the LDS stubs, the Apex methods, the static resource. Node built-ins plus the build.
*
*   GET  /lightning/r/<Object>/<recordId>/view   the record page (recordPagePath); its query:
*          shadow=synthetic (default; what Lightning Experience runs) | native
*          lws=off (default) | on      components evaluated in Lightning Web Security's sandbox
*          csp=none (default) | self | self-wasm | self-eval   sent as a Content-Security-Policy;
*                                      `self` refuses WebAssembly: the widget runs in the backend's frame
*          wasm=on (default) | off     off: window.WebAssembly is deleted before any other script
*                                      runs, as Lightning Locker may: the backend's frame too
*          conversation=<Alcméon id> | none   which Case / conversation record the page shows (1001)
*          link=case (default) | engagement | engagement-<fixture>   how the page's Case reaches
*                                      its conversation: the conversation's Case lookup, or only an
*                                      engagement's (with conversation=none: engagements without a
*                                      conversation yet, no recipient); engagement-ready,
*                                      -contact-mobile, -opted-out, -ongoing, -no-recipient,
*                                      -bad-recipient (conversation=none only): a Case with a
*                                      Contact and one engagement to send (records.mjs
*                                      ENGAGEMENT_FIXTURES)
*          wireError=<adapter>[,…]     that LDS adapter answers with an error (getRecord, getRelatedListRecords)
*          lang, locale, tz            the agent's @salesforce/i18n values (en-US, = lang, Europe/Paris)
*          email, name                 the agent's (camille.martin@example.com, Camille Martin)
*          permissionSets=<set>[,…] | none   the agent's permission sets (Alcmeon_Widget_Agent);
*                                      their custom permissions become the token's perms, as in Apex
*          tokenLifetime=<seconds>     10 to 300 (300, the Apex class's): tokens due for renewal soon
*          contactAccess=all (default) | none   none: the agent's profile may not read or create
*                                      Contacts: AlcmeonContactController's queries fail as USER_MODE's do
*          recordAccess=all (default) | none   none: the agent may see none of the page's records:
*                                      LDS answers INSUFFICIENT_ACCESS and Apex mints no token
*          mount=auto (default) | manual   manual: the page waits for lightningHarness.mount()
*   GET  /                                       redirects to the default record page (the demo)
*   GET  /lightning/o/alcmeon__Conversation__c/list   the org's conversation records as the sync wrote
*          them into the Salesforce stand-in (`salesforceUrl`; org-list.mjs), reloading itself
*   GET  /lightning/js/<script>.js, /lightning/*.css   the page's scripts (build.mjs) and styles
*   GET  /resource/alcmeonWidget/*               the static resource folder, as built (never rebuilt here),
*                                                cacheable for a day as Salesforce serves it
*   POST /apex/<Class>.<method>                  the Apex stand-in: AlcmeonSessionController's
*          getSessionToken (minted with lwc-wrapper/host/session-token.mjs for the page's session:
*          its user, custom permissions and token lifetime; and for the record the component asks
*          about, read from the page's org as Apex reads it (apex.mjs): the record and its
*          conversations or its engagement, or Apex's refusal with its Custom Label),
*          findConversationRecord (the page's org and the conversations the connector synced)
*          and getBackendUrl; AlcmeonContactController's searchContacts and createContact
*          (contacts.mjs: the org's Contacts, refused to a user whose permission sets lack the class)
*   POST /__connector/conversations {conversationId}   plays Alcméon's connector: the org gains an
*          alcmeon__Conversation__c record (no Case) for that Alcméon conversation, as the package
*          creates one when a conversation starts; answers { recordId }. Kept for the server's life.
*
* `startLightningServer({ port, backend: { url, orgId, sessionSecret }, salesforceUrl })` (the backend
* must allow the page's origin; `salesforceUrl`, the Salesforce stand-in, is optional); tests/support/stack.mjs starts it with the rest of the product.
*/
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { MIN_TOKEN_LIFETIME_SECONDS, TOKEN_LIFETIME_SECONDS, mintSessionToken } from '../../lwc-wrapper/host/session-token.mjs';
import { COMPONENT, ROOT, buildLightningScripts, importOwnModule } from './build.mjs';
import { conversationRecordOf, recordLinks } from './apex.mjs';
import { CONVERSATION_LIST_PATH, conversationListPage } from './org-list.mjs';
import { readCacheableApex, readClassAccesses, readDesignDefaults, readEditGrants, readLabels, readPermissionSets, readSchema } from './org.mjs';
import { CONTACT_CLASS, contactController } from './contacts.mjs';
import { CASE, CONVERSATION, LINKS, orgRecords, recordIds, syncedConversationRecord } from './records.mjs';

const HERE = join(ROOT, 'tests', 'lightning');
const RESOURCE_DIR = join(ROOT, 'lwc-wrapper', 'force-app', 'main', 'default', 'staticresources', 'alcmeonWidget');
const RESOURCE_URL = '/resource/alcmeonWidget';
const STYLES = { '/lightning/slds.css': join(HERE, 'slds-lite.css'), '/lightning/page.css': join(HERE, 'page.css') };
const MAX_BODY_BYTES = 16 * 1024;
// As Salesforce serves a static resource: one day in the browser's cache (its documented max-age
// for static resources), private as the resource's cacheControl says. Lightning busts it with the
// timestamp in the resource's URL; this page's URL has none, so after `make widget` a browser
// that kept the page open (the demo's) needs a hard reload. Everything else here is no-store.
const STATIC_RESOURCE_CACHE = 'private, max-age=86400';

/** The running user by default; `email` and `name` override. */
export const AGENT = Object.freeze({ id: '0055g00000AbCdEAAV', email: 'camille.martin@example.com', name: 'Camille Martin' });
const DEFAULT_PERMISSION_SETS = ['Alcmeon_Widget_Agent'];
// AlcmeonSessionController's custom permissions → the token's perms.
const REPLY_PERMISSION = 'Alcmeon_Reply';
const MODERATE_PERMISSION = 'Alcmeon_Moderate';
/** The Apex methods that read the org as the running user. */
const APEX_READERS = ['AlcmeonSessionController.getSessionToken', 'AlcmeonSessionController.findConversationRecord'];

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ftl': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const SCRIPT_SOURCES = { self: "'self'", 'self-wasm': "'self' 'wasm-unsafe-eval'", 'self-eval': "'self' 'unsafe-eval'" };

// `wasm=off`: a file rather than an inline script, which the page's CSP would block.
const NO_WASM_SCRIPT = '// The page offers no WebAssembly, as under Lightning Locker.\ndelete window.WebAssembly;\n';

/**
* The page's Content-Security-Policy for `csp` (none → no header), letting the backend in for
* fetch, images and frames. script-src also allows blob: in every mode: LWS's own loadScript runs
* the script it fetched through a blob: script URL (@locker/internal-policy createScriptURL), so a
* Lightning page where LWS components can call loadScript must allow blob: scripts. blob: does not
* let WebAssembly compile; only 'wasm-unsafe-eval' or 'unsafe-eval' do.
*/
export function contentSecurityPolicy(csp, backendOrigin) {
  if (csp === 'none') {
    return undefined;
  }
  return [
    "default-src 'self'",
    `script-src ${SCRIPT_SOURCES[csp]} blob:`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${backendOrigin}`,
    `img-src 'self' data: blob: ${backendOrigin}`,
    `frame-src ${backendOrigin}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** The record page's path and query: `object` (Case) and the query options of the file comment. */
export function recordPagePath({ object = CASE, conversation = 1001, ...options } = {}) {
  const ids = recordIds(conversation);
  const recordId = object === CONVERSATION ? ids.conversationId : ids.caseId;
  const query = new URLSearchParams({ conversation: conversation ?? 'none' });
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) {
      query.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
  }
  return `/lightning/r/${object}/${recordId}/view?${query}`;
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function choice(query, name, allowed, fallback) {
  const value = query.get(name) ?? fallback;
  if (!allowed.includes(value)) {
    throw new HttpError(400, `${name} must be one of ${allowed.join(', ')}, not ${value}`);
  }
  return value;
}

const list = (query, name, fallback) => (query.get(name) ?? fallback.join(',')).split(',').filter((item) => item && item !== 'none');

function send(res, status, body, headers = {}) {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
  res.writeHead(status, { 'content-length': data.length, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : data);
}

const sendJson = (res, status, value) => send(res, status, JSON.stringify(value), { 'content-type': MIME_TYPES['.json'] });
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function serveFile(res, root, relativePath) {
  let decoded;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    throw new HttpError(400, 'bad path');
  }
  const file = resolve(root, `.${join('/', decoded)}`);
  if (decoded.includes('\0') || (file !== root && !file.startsWith(root + sep))) {
    throw new HttpError(400, 'bad path');
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    throw new HttpError(404, `not found: ${relativePath}${root === RESOURCE_DIR ? ' (the static resource is built by `make widget`)' : ''}`);
  }
  const cache = root === RESOURCE_DIR && { 'cache-control': STATIC_RESOURCE_CACHE };
  send(res, 200, await readFile(file), { 'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream', ...cache });
}

function readJsonBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new HttpError(413, 'request body too large'));
      try {
        resolveBody(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new HttpError(400, 'the body must be JSON'));
      }
    });
    req.on('error', reject);
  });
}

/**
* Compiles the page's scripts, then serves on `host:port` (a free port by default) for `backend`
* ({ url, orgId, sessionSecret }). Resolves to { url, origin, close() }.
*/
export async function startLightningServer({ host = '127.0.0.1', port = 0, backend, salesforceUrl = null }) {
  const scripts = { ...(await buildLightningScripts()), 'no-wasm.js': NO_WASM_SCRIPT };
  const { parseConversationId } = await importOwnModule('c/widgetLoader');
  /** Conversation records Alcméon's connector created since the server started, by Alcméon id. */
  const synced = new Map();
  const contacts = contactController({ salesforceUrl });
  const pageRecords = (conversation, link) => {
    try {
      return orgRecords(conversation, link);
    } catch (error) {
      throw new HttpError(400, error.message);
    }
  };
  const org = {
    labels: readLabels(),
    schema: readSchema(),
    permissionSets: readPermissionSets(),
    classAccesses: readClassAccesses(),
    editGrants: readEditGrants(),
    properties: readDesignDefaults(COMPONENT.split('/')[1]),
    cacheableApex: readCacheableApex(),
  };

  // The running user as Salesforce knows it from the session: who, with which custom permissions.
  function session(query) {
    const permissionSets = list(query, 'permissionSets', DEFAULT_PERMISSION_SETS);
    const unknown = permissionSets.filter((name) => !org.permissionSets[name]);
    if (unknown.length > 0) {
      throw new HttpError(400, `no permission set ${unknown.join(', ')} in force-app (${Object.keys(org.permissionSets).join(', ')})`);
    }
    const tokenLifetime = Number(query.get('tokenLifetime') ?? TOKEN_LIFETIME_SECONDS);
    if (!Number.isSafeInteger(tokenLifetime) || tokenLifetime < MIN_TOKEN_LIFETIME_SECONDS || tokenLifetime > TOKEN_LIFETIME_SECONDS) {
      throw new HttpError(400, `tokenLifetime must be ${MIN_TOKEN_LIFETIME_SECONDS} to ${TOKEN_LIFETIME_SECONDS} seconds`);
    }
    const grants = permissionSets.map((name) => org.editGrants[name]);
    return {
      user: { id: AGENT.id, email: query.get('email') ?? AGENT.email, name: query.get('name') ?? AGENT.name },
      permissionSets,
      permissions: [...new Set(permissionSets.flatMap((name) => org.permissionSets[name]))],
      // What LDS lets the user write (updateRecord, getObjectInfo's updateable).
      editable: { objects: [...new Set(grants.flatMap((grant) => grant.objects))], fields: [...new Set(grants.flatMap((grant) => grant.fields))] },
      tokenLifetime,
      // Whether the user's profile may read and create Contacts (AlcmeonContactController's USER_MODE).
      contactAccess: choice(query, 'contactAccess', ['all', 'none'], 'all'),
      recordAccess: choice(query, 'recordAccess', ['all', 'none'], 'all'),
    };
  }

  function pageConfig(object, recordId, query) {
    const conversationParam = query.get('conversation') ?? '1001';
    const conversation = conversationParam === 'none' ? null : Number(conversationParam);
    if (conversation !== null && !Number.isSafeInteger(conversation)) {
      throw new HttpError(400, 'conversation must be an Alcméon conversation id or none');
    }
    const link = choice(query, 'link', LINKS, 'case');
    const lang = query.get('lang') ?? 'en-US';
    return {
      lws: choice(query, 'lws', ['on', 'off'], 'off') === 'on',
      shadow: choice(query, 'shadow', ['synthetic', 'native'], 'synthetic'),
      wasm: choice(query, 'wasm', ['on', 'off'], 'on') === 'on',
      autoMount: choice(query, 'mount', ['auto', 'manual'], 'auto') === 'auto',
      component: { module: COMPONENT, tag: 'c-alcmeon-conversation', properties: org.properties },
      record: { id: recordId, apiName: object },
      records: pageRecords(conversation, link),
      org: { conversation, link },
      schema: org.schema,
      wireErrors: list(query, 'wireError', []),
      labels: org.labels,
      i18n: { lang, locale: query.get('locale') ?? lang, timeZone: query.get('tz') ?? 'Europe/Paris' },
      session: session(query),
      resources: { alcmeonWidget: RESOURCE_URL },
      cacheableApex: org.cacheableApex,
    };
  }

  function renderPage(res, object, recordId, query) {
    const config = pageConfig(object, recordId, query);
    const csp = choice(query, 'csp', ['none', ...Object.keys(SCRIPT_SOURCES)], 'none');
    const record = config.records.find((r) => r.id === recordId);
    const title = record?.fields.CaseNumber ?? record?.fields.Name ?? recordId;
    const scripts = [
      !config.wasm && 'no-wasm.js',
      config.shadow === 'synthetic' && 'synthetic-shadow.js',
      config.lws && 'lws.js',
      'platform.js',
      config.lws ? 'component-lws.js' : 'component.js',
    ].filter(Boolean);
    const { user } = config.session;
    const html = `<!doctype html>
<html lang="${escapeHtml(config.i18n.lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | ${escapeHtml(object)} | Salesforce (test page)</title>
<link rel="stylesheet" href="/lightning/slds.css">
<link rel="stylesheet" href="/lightning/page.css">
<script type="application/json" id="lightning-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
${scripts.map((name) => `<script src="/lightning/js/${name}"></script>`).join('\n')}
</head>
<body>
<header class="record-header">
<p class="record-type">${escapeHtml(object)}</p>
<h1>${escapeHtml(title)}</h1>
<p class="record-subject">${escapeHtml(record?.fields.Subject ?? record?.fields.alcmeon__User_name__c ?? '')}</p>
<p class="record-user">${escapeHtml(user.name)} · ${escapeHtml(user.email)} · ${escapeHtml(config.session.permissionSets.join(', ') || 'no permission set')}</p>
</header>
<main id="region-main" class="region"></main>
</body>
</html>
`;
    const policy = contentSecurityPolicy(csp, new URL(backend.url).origin);
    send(res, 200, html, { 'content-type': MIME_TYPES['.html'], ...(policy && { 'content-security-policy': policy }) });
  }

  async function apex(req, res, qualifiedName) {
    const { params, session: caller, org: orgState } = await readJsonBody(req);
    if (qualifiedName === 'AlcmeonSessionController.getBackendUrl') {
      return sendJson(res, 200, { returnValue: backend.url });
    }
    if (qualifiedName.startsWith(`${CONTACT_CLASS}.`)) {
      const granted = (caller?.permissionSets ?? []).some((set) => (org.classAccesses[set] ?? []).includes(CONTACT_CLASS));
      if (!granted) {
        return sendJson(res, 403, { message: `You do not have access to the Apex class named '${CONTACT_CLASS}'.`, exceptionType: 'System.NoAccessException' });
      }
      if (caller.contactAccess === 'none') {
        return sendJson(res, 400, { message: "sObject type 'Contact' is not supported.", exceptionType: 'System.AuraHandledException' });
      }
      const answer = await contacts.call(qualifiedName.slice(CONTACT_CLASS.length + 1), params);
      if (!answer) {
        return sendJson(res, 404, { message: `No such Apex method: ${qualifiedName}`, exceptionType: 'System.TypeException' });
      }
      return answer.refusal
        ? sendJson(res, 400, { message: answer.refusal, exceptionType: 'System.AuraHandledException' })
        : sendJson(res, 200, { returnValue: answer.returnValue });
    }
    if (!APEX_READERS.includes(qualifiedName)) {
      return sendJson(res, 404, { message: `No such Apex method: ${qualifiedName}`, exceptionType: 'System.TypeException' });
    }
    if (typeof caller?.user?.id !== 'string' || !Array.isArray(caller.permissions)) {
      return sendJson(res, 400, { message: 'no running user', exceptionType: 'System.NoAccessException' });
    }
    const conversation = orgState?.conversation ?? null;
    const link = orgState?.link ?? 'case';
    let records;
    try {
      if (conversation !== null && !Number.isSafeInteger(conversation)) throw new Error('conversation');
      records = [...orgRecords(conversation, link), ...synced.values()];
    } catch {
      return sendJson(res, 400, { message: 'no org records', exceptionType: 'System.QueryException' });
    }
    const reading = { records, schema: org.schema, params: params ?? {}, canSeeRecords: caller.recordAccess !== 'none', parseConversationId };
    const refused = (read) => sendJson(res, 400, { message: org.labels[read.refusal], exceptionType: 'System.AuraHandledException' });
    if (qualifiedName === 'AlcmeonSessionController.findConversationRecord') {
      const read = conversationRecordOf(reading);
      return read.refusal ? refused(read) : sendJson(res, 200, { returnValue: read.recordId });
    }
    if (qualifiedName === 'AlcmeonSessionController.getSessionToken') {
      const read = recordLinks(reading);
      if (read.refusal) {
        return refused(read);
      }
      const { user, permissions, tokenLifetime } = caller;
      const perms = { reply: permissions.includes(REPLY_PERMISSION), moderate: permissions.includes(MODERATE_PERMISSION) };
      try {
        const token = mintSessionToken(
          {
            orgId: backend.orgId,
            userId: user.id,
            email: user.email ?? '',
            name: user.name ?? '',
            perms,
            audience: backend.url,
            lifetimeSeconds: tokenLifetime,
            recordId: params.recordId,
            conversationIds: read.conversationIds,
            engagement: read.engagement,
          },
          backend.sessionSecret,
        );
        return sendJson(res, 200, { returnValue: token });
      } catch (error) {
        return sendJson(res, 400, { message: error.message, exceptionType: 'System.IllegalArgumentException' });
      }
    }
  }

  async function syncConversation(req, res) {
    const { conversationId } = await readJsonBody(req);
    if (!Number.isSafeInteger(conversationId) || conversationId <= 0) {
      throw new HttpError(400, 'conversationId must be an Alcméon conversation id');
    }
    if (!synced.has(conversationId)) {
      synced.set(conversationId, syncedConversationRecord(conversationId, new Date().toISOString()));
    }
    return sendJson(res, 200, { recordId: synced.get(conversationId).id });
  }

  async function handle(req, res) {
    const { pathname, searchParams } = new URL(req.url, 'http://page.invalid');
    if (pathname === '/__connector/conversations') {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      return syncConversation(req, res);
    }
    const apexCall = /^\/apex\/([\w.]+)$/.exec(pathname);
    if (apexCall) {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      return apex(req, res, apexCall[1]);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    if (pathname === '/') return send(res, 302, '', { location: recordPagePath() });
    if (pathname === CONVERSATION_LIST_PATH) return send(res, 200, await conversationListPage(salesforceUrl), { 'content-type': MIME_TYPES['.html'] });
    const page = /^\/lightning\/r\/(\w+)\/(\w{15,18})\/view$/.exec(pathname);
    if (page) return renderPage(res, page[1], page[2], searchParams);
    const script = /^\/lightning\/js\/([\w-]+\.js)$/.exec(pathname);
    if (script && scripts[script[1]]) return send(res, 200, scripts[script[1]], { 'content-type': MIME_TYPES['.js'] });
    if (STYLES[pathname]) return send(res, 200, await readFile(STYLES[pathname]), { 'content-type': MIME_TYPES['.css'] });
    if (pathname.startsWith(`${RESOURCE_URL}/`)) return serveFile(res, RESOURCE_DIR, pathname.slice(RESOURCE_URL.length + 1));
    if (pathname === '/favicon.ico') return send(res, 204, '');
    throw new HttpError(404, `not found: ${pathname}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) send(res, status, `${error.message}\n`, { 'content-type': MIME_TYPES['.txt'] });
      if (status === 500) console.error(error);
    });
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  const origin = `http://${host}:${server.address().port}`;
  return {
    url: `${origin}/`,
    origin,
    close() {
      server.closeAllConnections();
      return new Promise((resolveClose) => server.close(resolveClose));
    },
  };
}
