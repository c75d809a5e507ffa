// The frame fallback end to end: on a page that cannot run WebAssembly the host mounts the widget
// in an iframe served by the backend, which gets its context and session tokens by postMessage,
// and only from the allowed origins and from its parent.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { replyIsDeliveredOnce as replyIsDeliveredFromWidget } from '../support/replies.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const frameUrl = () => `${product.stack.backendUrl}/embed/frame.html`;
const hostOrigin = () => new URL(product.stack.hostUrl).origin;

/** Opens the record page with `query`; resolves once the widget shows messages inside its frame. */
async function openInFrame(query) {
  const page = await product.browser.newPage();
  const logs = [];
  page.on('console', (message) => logs.push(message.text()));
  await page.goto(`${product.stack.hostUrl}?${query}`);
  const mount = page.locator('c-alcmeon-conversation .body[data-mode="frame"] .mount');
  await mount.waitFor();
  const widget = mount.locator('iframe').contentFrame();
  await widget.locator('.acw-message').first().waitFor({ timeout: 20_000 });
  return { page, logs, mount, widget };
}

/** The agent replies from inside the frame and sees it delivered, once. */
function replyIsDeliveredOnce({ page, widget }, conversationId, text, send) {
  return replyIsDeliveredFromWidget({ page, widget, emulatorUrl: product.stack.emulatorUrl, conversationId, text, send });
}

async function widgetFromTheBackend({ page, mount }) {
  assert.equal(await mount.locator('iframe').getAttribute('src'), frameUrl());
  assert.equal(await mount.locator('.acw').count(), 0, 'nothing of the widget in the page itself');
  const frame = page.frames().find((f) => f.url() === frameUrl());
  assert.ok(frame, 'the frame document is the backend one');
  assert.equal(await frame.evaluate(() => window.location.origin), product.stack.backendUrl);
  assert.equal(await page.locator('c-alcmeon-conversation .body').getAttribute('data-state'), 'mounted');
  // The frame keeps the widget's handle: a collected one would unmount the widget.
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(500);
  assert.equal(await frame.locator('.acw').count(), 1, 'still mounted after a garbage collection');
}

test('the page inlines the widget when it can run WebAssembly', async () => {
  const page = await product.browser.newPage();
  await page.goto(`${product.stack.hostUrl}?conversation=1001`);
  await page.locator('c-alcmeon-conversation .body[data-mode="inline"] .mount .acw-message').first().waitFor();
  assert.equal(await page.locator('c-alcmeon-conversation iframe').count(), 0);
  await page.close();
});

test('under a CSP that refuses WebAssembly the widget runs in the backend frame and replies go out once', async () => {
  const opened = await openInFrame('conversation=1001&csp=strict');
  await widgetFromTheBackend(opened);
  assert.ok(
    opened.logs.some((line) => line.includes("Content Security Policy forbids WebAssembly") && line.includes('runs in a frame')),
    `the page fell back because of its CSP:\n${opened.logs.join('\n')}`,
  );
  const { widget } = opened;
  await replyIsDeliveredOnce(opened, 1001, `Clicked from the frame ${Date.now()}`, () => widget.locator('.acw-send').click());
  await replyIsDeliveredOnce(opened, 1001, `Entered from the frame ${Date.now()}`, () => opened.page.keyboard.press('Enter'));
  await opened.page.close();
});

test('without WebAssembly at all (Lightning Locker) the widget runs in the backend frame too', async () => {
  const opened = await openInFrame('conversation=1003&wasm=off');
  await widgetFromTheBackend(opened);
  assert.ok(
    opened.logs.some((line) => line.includes('no WebAssembly') && line.includes('runs in a frame')),
    opened.logs.join('\n'),
  );
  await replyIsDeliveredOnce(opened, 1003, `Sent without WebAssembly ${Date.now()}`, () => opened.page.keyboard.press('Enter'));
  await opened.page.close();
});

test('in the frame an image is previewed and a PDF is downloaded intact', async () => {
  const opened = await openInFrame('conversation=1002&csp=strict');
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const pdf = Buffer.from('%PDF-1.4\n% Lumio invoice 2026-119\n%%EOF\n');
  const text = `The box, and the invoice ${Date.now()}`;
  const response = await fetch(`${product.stack.emulatorUrl}/_emulator/conversations/1002/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      text,
      attachments: [
        { mime_type: 'image/png', data: png },
        { mime_type: 'application/pdf', data: pdf.toString('base64') },
      ],
    }),
  });
  assert.equal(response.status, 200);
  const message = opened.widget.locator('.acw-inbound', { hasText: text });
  await message.waitFor({ timeout: 20_000 });
  const image = message.locator('img.acw-attachment-image');
  await image.waitFor({ timeout: 10_000 });
  assert.equal(await image.evaluate((img) => img.decode().then(() => img.naturalWidth)), 1, 'the preview loaded');
  const [download] = await Promise.all([
    opened.page.waitForEvent('download'),
    message.locator('button.acw-attachment-download').click(),
  ]);
  assert.deepEqual(await readFile(await download.path()), pdf);
  await opened.page.close();
});

/** Serves `html` on a free port of 127.0.0.1: an origin the backend does not know. */
async function serveForeignPage(html) {
  const server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** A parent page that records the type of every message its first iframe sends it. */
function recordingParent(extraBody = '') {
  return `<!doctype html><body><iframe name="widget" src="${frameUrl()}"></iframe>${extraBody}
<script>
  window.received = [];
  const frame = document.querySelector('iframe');
  addEventListener('message', (e) => { if (e.source === frame.contentWindow) received.push(e.data.type); });
</script></body>`;
}

const SECOND = 1000;
const received = (page) => page.evaluate(() => window.received);

test('a page from an origin outside BACKEND_ALLOWED_ORIGINS cannot frame the widget', async () => {
  const foreign = await serveForeignPage(recordingParent());
  const page = await product.browser.newPage();
  const refused = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
  await page.goto(foreign.url);
  assert.match((await refused).text(), new RegExp(`frame-ancestors ${hostOrigin()}`));
  await page.waitForTimeout(2 * SECOND);
  assert.deepEqual(await received(page), [], 'the frame never ran');
  assert.equal(page.frames().some((f) => f.url() === frameUrl()), false);
  await page.close();
  foreign.close();
});

test('the frame ignores a mount from an origin outside its allowed list', async () => {
  const page = await product.browser.newPage();
  // The backend allows the host page to frame the widget, but the frame's list excludes it.
  await page.route(`${product.stack.backendUrl}/embed/config.json`, (route) =>
    route.fulfill({ json: { allowedOrigins: ['https://acme.lightning.force.com'] } }),
  );
  const calls = [];
  page.on('request', (r) => /\/apex\/session-token|\/v1\//.test(r.url()) && calls.push(r.url()));
  const ignored = page.waitForEvent('console', (m) => m.text().includes('Alcméon frame: ignored a message'));
  await page.goto(`${product.stack.hostUrl}?conversation=1001&csp=strict`);
  assert.match((await ignored).text(), new RegExp(`from ${hostOrigin()} \\(origin not allowed\\)`));
  await page.waitForTimeout(2 * SECOND);
  const frame = page.frames().find((f) => f.url() === frameUrl());
  assert.equal(await frame.evaluate(() => document.getElementById('widget').childElementCount), 0, 'nothing mounted');
  assert.deepEqual(calls, [], 'no token asked for, no API called');
  await page.close();
});

test('the frame ignores a mount from a window other than its parent, even of an allowed origin', async () => {
  const page = await product.browser.newPage();
  // The record page of the allowed origin, its script replaced: it frames the widget without
  // mounting it, next to a sibling iframe (srcdoc: the page's own origin), the other window.
  await page.route(`${product.stack.hostUrl}host/host.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: bareParentScript(frameUrl()) }),
  );
  const ignored = page.waitForEvent('console', (m) => m.text().includes('(not the parent window)'));
  await page.goto(product.stack.hostUrl);
  await page.waitForFunction(() => window.received.includes('alcmeon:frame-ready'));
  const mount = { type: 'alcmeon:mount', context: { conversationId: 1001, lang: 'en-US' } };
  await page.frame({ name: 'sibling' }).evaluate(
    ([message, target]) => window.parent.frames[0].postMessage(message, target),
    [mount, product.stack.backendUrl],
  );
  await ignored;
  await page.waitForTimeout(2 * SECOND);
  assert.deepEqual(await received(page), ['alcmeon:frame-ready'], 'no token request, nothing mounted');

  // The same message from the parent is heard: the widget starts and asks for a session token.
  await page.evaluate(
    ([message, target]) => document.querySelector('iframe').contentWindow.postMessage(message, target),
    [mount, product.stack.backendUrl],
  );
  await page.waitForFunction(() => window.received.includes('alcmeon:token-request'), null, { timeout: 20_000 });
  await page.close();
});

function bareParentScript(src) {
  return `
    window.received = [];
    const frame = Object.assign(document.createElement('iframe'), { src: ${JSON.stringify(src)} });
    const sibling = Object.assign(document.createElement('iframe'), { name: 'sibling', srcdoc: '<p>sibling</p>' });
    document.body.append(frame, sibling);
    addEventListener('message', (e) => { if (e.source === frame.contentWindow) received.push(e.data.type); });`;
}
