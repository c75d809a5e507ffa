// Tests for the host page server (run with `node --test scripts/ host/`): routes, MIME types,
// the session-token endpoint and path safety, against a real server on a free port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { loadConfig, parseAddr, parseLabels, startHostServer } from './server.mjs';

const resourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alcmeon-host-resource-'));
fs.writeFileSync(path.join(resourceDir, 'alcmeon_widget.js'), 'window.alcmeonWidget = function () {};\n');
fs.writeFileSync(path.join(resourceDir, 'alcmeon_widget_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
fs.writeFileSync(path.join(resourceDir, 'widget.css'), '.x { color: red; }\n');

const SECRET = 'test-secret';
let server;
let base;

before(async () => {
    const config = loadConfig({
        HOST_ADDR: '127.0.0.1:0',
        BACKEND_URL: 'http://127.0.0.1:9999/',
        SESSION_SECRET: SECRET,
        ORG_ID: '00DTESTORG',
        STATIC_RESOURCE_DIR: resourceDir
    });
    ({ server, url: base } = await startHostServer(config));
});

after(() => {
    server.close();
    server.closeAllConnections();
    fs.rmSync(resourceDir, { recursive: true, force: true });
});

function decode(part) {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

test('parses HOST_ADDR, including IPv6 and port 0', () => {
    assert.deepEqual(parseAddr('127.0.0.1:8090'), { host: '127.0.0.1', port: 8090 });
    assert.deepEqual(parseAddr('[::1]:0'), { host: '::1', port: 0 });
    assert.deepEqual(parseAddr('localhost:3000'), { host: 'localhost', port: 3000 });
    assert.throws(() => parseAddr('8090'), /HOST_ADDR/);
    assert.throws(() => parseAddr('127.0.0.1:70000'), /HOST_ADDR/);
});

test('defaults match the documented configuration', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8090);
    assert.equal(config.backendUrl, 'http://127.0.0.1:8080');
    assert.equal(config.sessionSecret, 'demo-session-secret');
    assert.equal(config.orgId, '00D000000000DEMOAAA');
    assert.match(config.staticResourceDir, /force-app\/main\/default\/staticresources\/alcmeonWidget$/);
});

test('serves the record page with its configuration and the labels', async () => {
    const response = await fetch(base);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/html/);
    const html = await response.text();
    const json = /<script type="application\/json" id="host-config">([^<]*)<\/script>/.exec(html)[1];
    const config = JSON.parse(json);
    assert.equal(config.backendUrl, 'http://127.0.0.1:9999');
    assert.equal(config.resourceUrl, '/resource/alcmeonWidget');
    assert.equal(config.labels.Alcmeon_Error_No_Conversation, 'No Alcméon conversation is linked to this record.');
    assert.match(html, /<script type="module" src="\/host\/host.js"><\/script>/);
});

test('?csp=strict sends a policy refusing WebAssembly and allowing frames from the backend only', async () => {
    const strict = await fetch(new URL('?csp=strict&conversation=1001', base));
    assert.equal(strict.status, 200);
    assert.equal(strict.headers.get('content-security-policy'), "script-src 'self'; frame-src http://127.0.0.1:9999");
    assert.equal((await fetch(base)).headers.get('content-security-policy'), null);
});

test('?wasm=off loads a script removing WebAssembly before the host script', async () => {
    const html = await (await fetch(new URL('?wasm=off', base))).text();
    const noWasm = html.indexOf('<script src="/host/no-wasm.js"></script>');
    assert.ok(noWasm > 0, 'the no-wasm script is on the page');
    assert.ok(noWasm < html.indexOf('<script type="module" src="/host/host.js">'), 'and runs first');
    assert.ok(!(await (await fetch(base)).text()).includes('no-wasm.js'), 'only when asked');
    const script = await fetch(new URL('host/no-wasm.js', base));
    assert.match(script.headers.get('content-type'), /^text\/javascript/);
    assert.match(await script.text(), /delete window\.WebAssembly/);
});

test('serves the host script, the shared loader and the static resource with the right MIME types', async () => {
    const cases = [
        ['host/host.js', /^text\/javascript/, 'widgetLoader.js'],
        ['lwc/widgetLoader/widgetLoader.js', /^text\/javascript/, 'export function loadWidget'],
        ['lwc/alcmeonConversation/alcmeonConversation.css', /^text\/css/, '.mount'],
        ['resource/alcmeonWidget/alcmeon_widget.js', /^text\/javascript/, 'alcmeonWidget'],
        ['resource/alcmeonWidget/widget.css', /^text\/css/, 'color'],
        ['resource/alcmeonWidget/alcmeon_widget_bg.wasm', /^application\/wasm$/, 'asm']
    ];
    for (const [file, type, content] of cases) {
        const response = await fetch(new URL(file, base));
        assert.equal(response.status, 200, file);
        assert.match(response.headers.get('content-type'), type, file);
        assert.ok((await response.text()).includes(content), file);
    }
});

test('answers 404 for missing files and refuses paths leaving their folder', async () => {
    assert.equal((await fetch(new URL('resource/alcmeonWidget/nope.js', base))).status, 404);
    assert.equal((await fetch(new URL('elsewhere', base))).status, 404);
    for (const sneaky of ['/lwc/..%2f..%2fpackage.json', '/resource/alcmeonWidget/%2e%2e/%2e%2e/etc/passwd', '/host/%00']) {
        const response = await fetch(base.replace(/\/$/, '') + sneaky);
        assert.ok([400, 404].includes(response.status), `${sneaky} -> ${response.status}`);
        assert.doesNotMatch(await response.text(), /devDependencies|root:/);
    }
});

test('mints a session token for the agent, signed with SESSION_SECRET for BACKEND_URL', async () => {
    const response = await fetch(new URL('apex/session-token', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: '005AGENT', email: 'a@example.com', name: 'Ana', perms: { moderate: true } })
    });
    assert.equal(response.status, 200);
    const { token } = await response.json();
    const [header, payload, signature] = token.split('.');
    const claims = decode(payload);
    assert.deepEqual(Object.keys(claims), ['iss', 'sub', 'org', 'email', 'name', 'perms', 'aud', 'iat', 'exp', 'jti']);
    assert.equal(claims.iss, '00DTESTORG');
    assert.equal(claims.org, '00DTESTORG');
    assert.equal(claims.sub, '005AGENT');
    assert.equal(claims.email, 'a@example.com');
    assert.equal(claims.name, 'Ana');
    assert.deepEqual(claims.perms, { reply: true, moderate: true });
    assert.equal(claims.aud, 'http://127.0.0.1:9999');
    assert.equal(claims.exp - claims.iat, 300);
    const expected = crypto.createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    assert.equal(signature, expected);
});

test('refuses bad session-token requests', async () => {
    const post = (body) =>
        fetch(new URL('apex/session-token', base), { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal((await post('{')).status, 400);
    assert.equal((await post(JSON.stringify({ email: 'x' }))).status, 400);
    assert.equal((await post(JSON.stringify({ userId: 'u', perms: [true] }))).status, 400);
    assert.equal((await post('x'.repeat(20000))).status, 413);
    assert.equal((await fetch(new URL('apex/session-token', base))).status, 405);
    assert.equal((await fetch(base, { method: 'DELETE' })).status, 405);
});

test('parses Custom Labels XML', () => {
    const labels = parseLabels(
        '<CustomLabels><labels><fullName>A</fullName><value>x &amp; &lt;y&gt;</value></labels>' +
            '<labels><fullName>B</fullName><value>b</value></labels></CustomLabels>'
    );
    assert.deepEqual(labels, { A: 'x & <y>', B: 'b' });
});

test('prints exactly one line when listening', async () => {
    const child = spawn(process.execPath, [new URL('./server.mjs', import.meta.url).pathname], {
        env: { ...process.env, HOST_ADDR: '127.0.0.1:0' },
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    const line = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
            output += chunk;
            if (output.includes('\n')) {
                resolve(output);
            }
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    assert.match(line, /^host page on http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const url = line.trim().replace('host page on ', '');
    assert.equal((await fetch(url)).status, 200);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(output, line, 'nothing else was printed');
});
