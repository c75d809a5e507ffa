#!/usr/bin/env node
/**
* The Lightning-like test page's server: a record page hosting the REAL `c-alcmeon-conversation`
* LWC (compiled at start by build.mjs), the static resource, and the Apex stand-in. Node built-ins
* plus the build.
*
*   GET  /lightning/r/<Object>/<recordId>/view   the record page; its query chooses the mode:
*          shadow=synthetic (default; what Lightning Experience runs) | native
*          lws=on | off (default)     components evaluated in Lightning Web Security's sandbox
*          csp=none (default) | self | self-wasm | self-eval   sent as a Content-Security-Policy
*          conversation=<Alcméon id> | none   the records the org holds (records.mjs; 1001)
*          wireError=<adapter>[,…]   that LDS adapter answers with an error (getRecord, getRelatedListRecords)
*          lang, locale, tz          the agent's @salesforce/i18n values (en-US, en-US, Europe/Paris)
*          mount=manual              the page does not create the component by itself
*   GET  /lightning/js/<script>.js               the page's scripts (build.mjs)
*   GET  /resource/alcmeonWidget/*               the static resource folder, as built (never rebuilt here)
*   POST /apex/<Class>.<method>                  the Apex stand-in: AlcmeonSessionController's
*                                                getSessionToken (minted with lwc-wrapper/host/session-token.mjs,
*                                                as host/server.mjs does) and getBackendUrl
*
* In-process: `startLightningServer()` then `useBackend({ url, orgId, sessionSecret })` (the backend
* must allow the page's origin: startStack's `allowedOrigins`). Standalone: `node tests/lightning/demo.mjs`.
*/
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { MIME_TYPES } from '../../lwc-wrapper/host/server.mjs';
import { mintSessionToken } from '../../lwc-wrapper/host/session-token.mjs';
import { COMPONENT, ROOT, buildLightningScripts } from './build.mjs';
import { readCacheableApex, readDesignDefaults, readLabels, readSchema } from './org.mjs';
import { CASE, CONVERSATION, fixtureRecords, recordIds } from './records.mjs';

const RESOURCE_DIR = join(ROOT, 'lwc-wrapper', 'force-app', 'main', 'default', 'staticresources', 'alcmeonWidget');
const SLDS_CSS = join(ROOT, 'lwc-wrapper', 'host', 'slds-lite.css');
const PAGE_CSS = join(ROOT, 'tests', 'lightning', 'page.css');
const RESOURCE_URL = '/resource/alcmeonWidget';
const MAX_BODY_BYTES = 16 * 1024;

export const AGENT = Object.freeze({ id: '0055g00000AbCdEAAV', email: 'camille.martin@example.com', name: 'Camille Martin' });

const SCRIPT_SOURCES = { self: "'self'", 'self-wasm': "'self' 'wasm-unsafe-eval'", 'self-eval': "'self' 'unsafe-eval'" };

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

/** The record page's path and query for a test: see the file comment for the options. */
export function recordPagePath({ object = CASE, conversation = 1001, shadow, lws, csp, wireError, lang, locale, tz, mount } = {}) {
  const ids = recordIds(conversation);
  const recordId = object === CONVERSATION ? ids.conversationId : ids.caseId;
  const query = new URLSearchParams();
  const options = { conversation: conversation ?? 'none', shadow, lws, csp, wireError, lang, locale, tz, mount };
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

function send(res, status, body, headers = {}) {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
  res.writeHead(status, { 'content-length': data.length, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : data);
}

const sendJson = (res, status, value) => send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' });
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function serveFile(res, root, relativePath) {
  const file = resolve(root, `.${join('/', decodeURIComponent(relativePath))}`);
  if (file !== root && !file.startsWith(root + sep)) {
    throw new HttpError(400, 'bad path');
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    throw new HttpError(404, `not found: ${relativePath}`);
  }
  send(res, 200, await readFile(file), { 'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream' });
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
* Starts the page's server on `host:port` (a free port by default) after compiling the page's
* scripts. Resolves to { url, origin, useBackend(backend), close() }.
*/
export async function startLightningServer({ host = '127.0.0.1', port = 0 } = {}) {
  const scripts = await buildLightningScripts();
  const org = {
    labels: readLabels(),
    schema: readSchema(),
    properties: readDesignDefaults(COMPONENT.split('/')[1]),
    cacheableApex: readCacheableApex(),
  };
  let backend;

  function pageConfig(object, recordId, query) {
    const conversationParam = query.get('conversation') ?? '1001';
    const conversation = conversationParam === 'none' ? null : Number(conversationParam);
    if (conversation !== null && !Number.isSafeInteger(conversation)) {
      throw new HttpError(400, 'conversation must be an Alcméon conversation id or none');
    }
    const records = fixtureRecords(conversation);
    const lang = query.get('lang') ?? 'en-US';
    return {
      lws: choice(query, 'lws', ['on', 'off'], 'off') === 'on',
      shadow: choice(query, 'shadow', ['synthetic', 'native'], 'synthetic'),
      autoMount: choice(query, 'mount', ['auto', 'manual'], 'auto') === 'auto',
      component: { module: COMPONENT, tag: 'c-alcmeon-conversation', properties: org.properties },
      record: { id: recordId, apiName: object },
      records,
      schema: org.schema,
      wireErrors: (query.get('wireError') ?? '').split(',').filter(Boolean),
      labels: org.labels,
      i18n: { lang, locale: query.get('locale') ?? lang, timeZone: query.get('tz') ?? 'Europe/Paris' },
      user: AGENT,
      resources: { alcmeonWidget: RESOURCE_URL },
      cacheableApex: org.cacheableApex,
      permissions: [],
    };
  }

  function renderPage(res, object, recordId, query) {
    const config = pageConfig(object, recordId, query);
    const csp = choice(query, 'csp', ['none', ...Object.keys(SCRIPT_SOURCES)], 'none');
    const record = config.records.find((r) => r.id === recordId);
    const title = record?.fields.CaseNumber ?? record?.fields.Name ?? recordId;
    const scripts = [
      config.shadow === 'synthetic' && 'synthetic-shadow.js',
      config.lws && 'lws.js',
      'platform.js',
      config.lws ? 'component-lws.js' : 'component.js',
    ].filter(Boolean);
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
<header class="record-header"><p class="record-type">${escapeHtml(object)}</p><h1>${escapeHtml(title)}</h1></header>
<main id="region-main" class="region"></main>
</body>
</html>
`;
    const policy = contentSecurityPolicy(csp, backend ? new URL(backend.url).origin : "'none'");
    send(res, 200, html, { 'content-type': 'text/html; charset=utf-8', ...(policy && { 'content-security-policy': policy }) });
  }

  async function apex(req, res, qualifiedName) {
    const { user } = await readJsonBody(req);
    if (!backend) {
      throw new HttpError(503, 'no backend configured: call useBackend() first');
    }
    if (qualifiedName === 'AlcmeonSessionController.getBackendUrl') {
      return sendJson(res, 200, { returnValue: backend.url });
    }
    if (qualifiedName === 'AlcmeonSessionController.getSessionToken') {
      if (typeof user?.id !== 'string') {
        return sendJson(res, 400, { message: 'no running user', exceptionType: 'System.NoAccessException' });
      }
      const token = mintSessionToken(
        { orgId: backend.orgId, userId: user.id, email: user.email ?? '', name: user.name ?? '', perms: user.perms, audience: backend.url },
        backend.sessionSecret,
      );
      return sendJson(res, 200, { returnValue: token });
    }
    return sendJson(res, 404, { message: `No such Apex method: ${qualifiedName}`, exceptionType: 'System.TypeException' });
  }

  async function handle(req, res) {
    const { pathname, searchParams } = new URL(req.url, 'http://page.invalid');
    const apexCall = /^\/apex\/([\w.]+)$/.exec(pathname);
    if (apexCall) {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      return apex(req, res, apexCall[1]);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    const page = /^\/lightning\/r\/(\w+)\/(\w{15,18})\/view$/.exec(pathname);
    if (page) return renderPage(res, page[1], page[2], searchParams);
    const script = /^\/lightning\/js\/([\w-]+\.js)$/.exec(pathname);
    if (script && scripts[script[1]]) return send(res, 200, scripts[script[1]], { 'content-type': MIME_TYPES['.js'] });
    if (pathname === '/lightning/slds.css') return send(res, 200, await readFile(SLDS_CSS), { 'content-type': MIME_TYPES['.css'] });
    if (pathname === '/lightning/page.css') return send(res, 200, await readFile(PAGE_CSS), { 'content-type': MIME_TYPES['.css'] });
    if (pathname.startsWith(`${RESOURCE_URL}/`)) return serveFile(res, RESOURCE_DIR, pathname.slice(RESOURCE_URL.length + 1));
    if (pathname === '/favicon.ico') return send(res, 204, '');
    throw new HttpError(404, `not found: ${pathname}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) send(res, status, `${error.message}\n`, { 'content-type': 'text/plain; charset=utf-8' });
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
    /** The backend the Apex stand-in mints tokens for and getBackendUrl returns. */
    useBackend(value) {
      backend = value;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolveClose) => server.close(resolveClose));
    },
  };
}
