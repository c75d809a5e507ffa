#!/usr/bin/env node
/**
 * The local host page: a page that looks like a Lightning record page and mounts the widget the way
 * the LWC does (through force-app/main/default/lwc/widgetLoader), for end-to-end tests and demos.
 * Node built-ins only.
 *
 *   GET  /                          the record page (host/index.html with its configuration);
 *                                   ?csp=strict sends a Lightning-like Content-Security-Policy that
 *                                   refuses WebAssembly (script-src 'self', frames from the backend only),
 *                                   ?wasm=off removes window.WebAssembly before any script runs
 *                                   (as Lightning Locker may): both make the widget fall back to its frame
 *   GET  /host/*                    files of this folder (host.js, host.css, ...)
 *   GET  /lwc/*                     force-app/main/default/lwc (widgetLoader.js, component CSS)
 *   GET  /resource/alcmeonWidget/*  the static resource directory (built by scripts/build-static-resource.mjs)
 *   POST /apex/session-token        the Apex stand-in: {userId, email, name, perms?, lifetimeSeconds?} -> {token}
 *                                   (lifetimeSeconds, 10 to 300, lets tests make tokens expire soon)
 *
 * Environment: HOST_ADDR (127.0.0.1:8090; port 0 picks a free one), BACKEND_URL
 * (http://127.0.0.1:8080), SESSION_SECRET (demo-session-secret), ORG_ID (00D000000000DEMOAAA),
 * STATIC_RESOURCE_DIR (force-app/main/default/staticresources/alcmeonWidget).
 * Prints one line when listening: `host page on http://<addr>/`.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mintSessionToken } from './session-token.mjs';

const HOST_DIR = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = path.resolve(HOST_DIR, '..');
const LWC_DIR = path.join(PROJECT_DIR, 'force-app/main/default/lwc');
const DEFAULT_RESOURCE_DIR = path.join(PROJECT_DIR, 'force-app/main/default/staticresources/alcmeonWidget');
const LABELS_FILE = path.join(PROJECT_DIR, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
const RESOURCE_URL = '/resource/alcmeonWidget';
const MAX_BODY_BYTES = 16 * 1024;

/** Content types of the files the local pages serve. */
export const MIME_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.wasm': 'application/wasm',
    '.ftl': 'text/plain; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.txt': 'text/plain; charset=utf-8',
    '.map': 'application/json; charset=utf-8'
};

/** Parses "host:port" or "[v6]:port" (port 0 allowed). */
export function parseAddr(addr) {
    const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(addr || '');
    if (!match || Number(match[3]) > 65535) {
        throw new Error(`HOST_ADDR must look like 127.0.0.1:8090 or [::1]:8090, not "${addr}"`);
    }
    return { host: match[1] || match[2], port: Number(match[3]) };
}

/** Reads the configuration from the environment, with the documented defaults. */
export function loadConfig(env = process.env) {
    return {
        ...parseAddr(env.HOST_ADDR || '127.0.0.1:8090'),
        backendUrl: (env.BACKEND_URL || 'http://127.0.0.1:8080').replace(/\/+$/, ''),
        sessionSecret: env.SESSION_SECRET || 'demo-session-secret',
        orgId: env.ORG_ID || '00D000000000DEMOAAA',
        staticResourceDir: path.resolve(env.STATIC_RESOURCE_DIR || DEFAULT_RESOURCE_DIR)
    };
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The Custom Labels (fullName -> value) from CustomLabels.labels-meta.xml, as the LWC sees them. */
export function parseLabels(xml) {
    const labels = {};
    for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const name = /<fullName>([^<]+)<\/fullName>/.exec(block);
        const value = /<value>([\s\S]*?)<\/value>/.exec(block);
        if (name && value) {
            labels[name[1].trim()] = value[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, entity) => XML_ENTITIES[entity]);
        }
    }
    return labels;
}

function send(res, status, body, headers = {}) {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
    res.writeHead(status, {
        'content-length': data.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers
    });
    res.end(res.req.method === 'HEAD' ? undefined : data);
}

function sendJson(res, status, value) {
    send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' });
}

/** Resolves a URL path below root, or null if it would leave root. */
function resolveBelow(root, urlPath) {
    let decoded;
    try {
        decoded = decodeURIComponent(urlPath);
    } catch {
        return null;
    }
    if (decoded.includes('\0')) {
        return null;
    }
    const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
    return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

function serveFile(res, root, urlPath, missingHint) {
    const file = resolveBelow(root, urlPath);
    if (!file) {
        send(res, 400, 'bad path\n', { 'content-type': 'text/plain; charset=utf-8' });
        return;
    }
    fs.stat(file, (error, stat) => {
        if (error || !stat.isFile()) {
            send(res, 404, `not found: ${urlPath}\n${missingHint || ''}`, {
                'content-type': 'text/plain; charset=utf-8'
            });
            return;
        }
        fs.readFile(file, (readError, data) => {
            if (readError) {
                send(res, 500, 'read error\n', { 'content-type': 'text/plain; charset=utf-8' });
                return;
            }
            const type = MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
            send(res, 200, data, { 'content-type': type });
        });
    });
}

const HOST_SCRIPT_TAG = '<script type="module" src="/host/host.js"></script>';
const NO_WASM_SCRIPT_TAG = '<script src="/host/no-wasm.js"></script>';

/** The record page's extra headers for `?csp=strict`: no WebAssembly, frames only from the backend. */
export function pagePolicy(query, backendUrl) {
    if (query.get('csp') !== 'strict') {
        return {};
    }
    return { 'content-security-policy': `script-src 'self'; frame-src ${new URL(backendUrl).origin}` };
}

function renderPage(res, config, query) {
    fs.readFile(path.join(HOST_DIR, 'index.html'), 'utf8', (error, template) => {
        if (error) {
            send(res, 500, 'host/index.html is missing\n');
            return;
        }
        let labels = {};
        try {
            labels = parseLabels(fs.readFileSync(LABELS_FILE, 'utf8'));
        } catch {
            // The page falls back to its own English texts.
        }
        const pageConfig = JSON.stringify({
            backendUrl: config.backendUrl,
            resourceUrl: RESOURCE_URL,
            orgId: config.orgId,
            labels
        }).replace(/</g, '\\u003c');
        let page = template.replace('__HOST_CONFIG__', () => pageConfig);
        if (query.get('wasm') === 'off') {
            page = page.replace(HOST_SCRIPT_TAG, `${NO_WASM_SCRIPT_TAG}\n        ${HOST_SCRIPT_TAG}`);
        }
        send(res, 200, page, {
            'content-type': 'text/html; charset=utf-8',
            ...pagePolicy(query, config.backendUrl)
        });
    });
}

function readJsonBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size <= MAX_BODY_BYTES) {
                chunks.push(chunk);
            }
        });
        req.on('end', () => {
            if (size > MAX_BODY_BYTES) {
                reject(Object.assign(new Error('request body too large'), { status: 413 }));
                return;
            }
            try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
            } catch {
                reject(Object.assign(new Error('the body must be JSON'), { status: 400 }));
            }
        });
        req.on('error', reject);
    });
}

async function sessionToken(req, res, config) {
    let body;
    try {
        body = await readJsonBody(req);
    } catch (error) {
        sendJson(res, error.status || 400, { error: error.message });
        return;
    }
    const { userId, email = '', name = '', perms, lifetimeSeconds } = body || {};
    if (typeof userId !== 'string' || userId.length === 0) {
        sendJson(res, 400, { error: 'userId is required' });
        return;
    }
    if (typeof email !== 'string' || typeof name !== 'string') {
        sendJson(res, 400, { error: 'email and name must be strings' });
        return;
    }
    if (perms !== undefined && (perms === null || typeof perms !== 'object' || Array.isArray(perms))) {
        sendJson(res, 400, { error: 'perms must be an object like {"reply": true, "moderate": false}' });
        return;
    }
    let token;
    try {
        token = mintSessionToken(
            { orgId: config.orgId, userId, email, name, perms, audience: config.backendUrl, lifetimeSeconds },
            config.sessionSecret
        );
    } catch (error) {
        sendJson(res, 400, { error: error.message });
        return;
    }
    sendJson(res, 200, { token });
}

/** Creates the host page's HTTP server (not yet listening). */
export function createHostServer(config = loadConfig()) {
    return http.createServer((req, res) => {
        const { pathname, searchParams } = new URL(req.url, 'http://host.invalid');
        const isRead = req.method === 'GET' || req.method === 'HEAD';

        if (pathname === '/apex/session-token') {
            if (req.method !== 'POST') {
                send(res, 405, 'use POST\n', { allow: 'POST' });
                return;
            }
            sessionToken(req, res, config).catch(() => sendJson(res, 500, { error: 'internal error' }));
            return;
        }
        if (!isRead) {
            send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
            return;
        }
        if (pathname === '/' || pathname === '/index.html') {
            renderPage(res, config, searchParams);
        } else if (pathname.startsWith('/host/')) {
            serveFile(res, HOST_DIR, pathname.slice('/host/'.length));
        } else if (pathname.startsWith('/lwc/')) {
            serveFile(res, LWC_DIR, pathname.slice('/lwc/'.length));
        } else if (pathname.startsWith(`${RESOURCE_URL}/`)) {
            serveFile(
                res,
                config.staticResourceDir,
                pathname.slice(RESOURCE_URL.length + 1),
                'The static resource is built by: node scripts/build-static-resource.mjs <trunk-dist-dir>\n'
            );
        } else if (pathname === '/favicon.ico') {
            send(res, 204, '');
        } else {
            send(res, 404, `not found: ${pathname}\n`, { 'content-type': 'text/plain; charset=utf-8' });
        }
    });
}

/** Starts listening; resolves to { server, url }. */
export function startHostServer(config = loadConfig()) {
    const server = createHostServer(config);
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
            const { address, port } = server.address();
            const host = address.includes(':') ? `[${address}]` : address;
            resolve({ server, url: `http://${host}:${port}/` });
        });
    });
}

async function main() {
    let started;
    try {
        started = await startHostServer(loadConfig());
    } catch (error) {
        console.error(`host page: ${error.message}`);
        process.exitCode = 1;
        return;
    }
    console.log(`host page on ${started.url}`);
    const stop = () => {
        started.server.close(() => process.exit(0));
        started.server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    main();
}
