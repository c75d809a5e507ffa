// The frame fallback end to end: on a record page that cannot run WebAssembly the real LWC mounts
// the widget in an iframe served by the backend, which gets its context and session tokens by
// postMessage, and only from the allowed origins and from its parent.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { test } from 'node:test';
import { openDevtools } from '../support/devtools.mjs';
import { useRunningProduct } from '../support/product.mjs';
import { COMPONENT_TAG, cspViolations, openRecordPage } from '../support/record-page.mjs';
import { replyIsDeliveredOnce as replyIsDeliveredFromWidget } from '../support/replies.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const frameUrl = () => `${product.stack.backendUrl}/embed/frame.html`;
const hostOrigin = () => product.stack.host.origin;
const GLUE = '/resource/alcmeonWidget/alcmeon_widget.js';

/** Opens the Case page with `pageOptions`; resolves once the widget shows messages inside its frame. */
async function openInFrame(pageOptions) {
  const opened = await openRecordPage(product, pageOptions);
  const mount = opened.page.locator(`${COMPONENT_TAG} .body[data-mode="frame"] .mount`);
  await mount.waitFor();
  const widget = mount.locator('iframe').contentFrame();
  await widget.locator('.acw-message').first().waitFor({ timeout: 20_000 });
  return { ...opened, mount, widget };
}

/** The agent replies from inside the frame and sees it delivered, once. */
function replyIsDeliveredOnce({ page, widget }, conversationId, text, send) {
  return replyIsDeliveredFromWidget({ page, widget, emulatorUrl: product.stack.emulatorUrl, conversationId, text, send });
}

/** The backend's frame document inside `page`. */
async function frameDocument(page) {
  const frame = page.frames().find((f) => f.url() === frameUrl());
  assert.ok(frame, 'the frame document is the backend one');
  return frame;
}

async function widgetFromTheBackend({ page, mount }) {
  assert.equal(await mount.locator('iframe').getAttribute('src'), frameUrl());
  assert.equal(await mount.locator('.acw').count(), 0, 'nothing of the widget in the page itself');
  const frame = await frameDocument(page);
  assert.equal(await frame.evaluate(() => window.location.origin), product.stack.backendUrl);
  assert.equal(await page.locator(`${COMPONENT_TAG} .body`).getAttribute('data-state'), 'mounted');
  // The frame keeps the widget's handle: a collected one would unmount the widget.
  const devtools = await openDevtools(page);
  await devtools.collectGarbage(frame);
  await devtools.detach();
  assert.equal(await frame.locator('.acw').count(), 1, 'still mounted after a garbage collection');
}

test('the page inlines the widget when it can run WebAssembly', async () => {
  const { page } = await openRecordPage(product, { conversation: 1001 });
  await page.locator(`${COMPONENT_TAG} .body[data-mode="inline"] .mount .acw-message`).first().waitFor();
  assert.equal(await page.locator(`${COMPONENT_TAG} iframe`).count(), 0);
  await page.close();
});

test('under a CSP that refuses WebAssembly the widget runs in the backend frame and replies go out once', async () => {
  const opened = await openInFrame({ conversation: 1001, csp: 'self' });
  await widgetFromTheBackend(opened);
  assert.ok(
    (await cspViolations(opened.page)).some((violation) => violation.blocked === 'wasm-eval'),
    'the page fell back because its CSP refused WebAssembly',
  );
  const { widget } = opened;
  await replyIsDeliveredOnce(opened, 1001, `Clicked from the frame ${Date.now()}`, () => widget.locator('.acw-send').click());
  await replyIsDeliveredOnce(opened, 1001, `Entered from the frame ${Date.now()}`, () => opened.page.keyboard.press('Enter'));
  await opened.page.close();
});

test('without WebAssembly at all (Lightning Locker) the widget runs in the backend frame too', async () => {
  const opened = await openInFrame({ conversation: 1003, wasm: 'off' });
  await widgetFromTheBackend(opened);
  assert.equal(await opened.page.evaluate(() => typeof WebAssembly), 'undefined', 'the page has no WebAssembly');
  assert.deepEqual(
    opened.requests.filter((request) => request.url().endsWith(GLUE)).map((request) => request.url()),
    [],
    'the page fell back before loading the widget script: it saw there was no WebAssembly',
  );
  await replyIsDeliveredOnce(opened, 1003, `Sent without WebAssembly ${Date.now()}`, () => opened.page.keyboard.press('Enter'));
  await opened.page.close();
});

test('in the frame an image is previewed and a PDF is downloaded intact', async () => {
  const opened = await openInFrame({ conversation: 1002, csp: 'self' });
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

/**
* A parent page that records the type of every message its first iframe sends it, and whether
* that iframe has finished loading (`frameLoaded`).
*/
function recordingParent() {
  return `<!doctype html><body><iframe name="widget" src="${frameUrl()}"></iframe>
<script>
  window.received = [];
  const frame = document.querySelector('iframe');
  frame.addEventListener('load', () => { window.frameLoaded = true; });
  addEventListener('message', (e) => { if (e.source === frame.contentWindow) received.push(e.data.type); });
</script></body>`;
}

const received = (page) => page.evaluate(() => window.received);

/** What the frame started after a message it ignored: the widget script it loads, what it mounted. */
function frameStarted(frame) {
  return frame.evaluate(() => ({
    widgetScripts: document.querySelectorAll('script[src*="alcmeon_widget"]').length,
    mounted: document.getElementById('widget').childElementCount,
  }));
}

test('a page from an origin outside BACKEND_ALLOWED_ORIGINS cannot frame the widget', async () => {
  const foreign = await serveForeignPage(recordingParent());
  const page = await product.browser.newPage();
  const refused = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
  await page.goto(foreign.url);
  assert.match((await refused).text(), new RegExp(`frame-ancestors ${hostOrigin()}`));
  // The refused frame's load event ends its navigation: from then on it can never run.
  await page.waitForFunction(() => window.frameLoaded === true);
  assert.deepEqual(await received(page), [], 'the frame never ran');
  assert.equal(page.frames().some((f) => f.url() === frameUrl()), false);
  await page.close();
  foreign.close();
});

test('the frame ignores a mount from an origin outside its allowed list', async () => {
  const context = await product.browser.newContext();
  // The backend allows the record page to frame the widget, but the frame's list excludes it.
  await context.route(`${product.stack.backendUrl}/embed/config.json`, (route) =>
    route.fulfill({ json: { allowedOrigins: ['https://acme.lightning.force.com'] } }),
  );
  const calls = [];
  context.on('request', (r) => /getSessionToken|\/v1\//.test(r.url()) && calls.push(r.url()));
  const ignored = new Promise((resolve) => context.on('console', (m) => m.text().includes('Alcméon frame: ignored a message') && resolve(m)));
  const { page } = await openRecordPage(product, { conversation: 1001, csp: 'self' }, { context });
  assert.match((await ignored).text(), new RegExp(`from ${hostOrigin()} \\(origin not allowed\\)`));
  // The frame handles a message in one task: by the time it logged, it had started whatever it would.
  assert.deepEqual(await frameStarted(await frameDocument(page)), { widgetScripts: 0, mounted: 0 }, 'nothing started, nothing mounted');
  // The component asks Apex once for its record before it mounts anything; the frame asks nothing.
  assert.deepEqual(
    calls.map((url) => new URL(url).pathname),
    ['/apex/AlcmeonSessionController.getSessionToken'],
    'no token asked for by the frame, no API called',
  );
  await context.close();
});

test('the frame ignores a mount from a window other than its parent, even of an allowed origin', async () => {
  // The record page of the allowed origin without its component: the test frames the widget
  // without mounting it, next to a sibling iframe (srcdoc: the page's own origin), the other window.
  const { page } = await openRecordPage(product, { conversation: 1001, mount: 'manual' });
  const ignored = page.waitForEvent('console', (m) => m.text().includes('(not the parent window)'));
  await page.evaluate(bareParent, frameUrl());
  await page.waitForFunction(() => window.received.includes('alcmeon:frame-ready'));
  const mount = { type: 'alcmeon:mount', context: { conversationId: 1001, lang: 'en-US' } };
  await page.frame({ name: 'sibling' }).evaluate(
    ([message, target]) => window.parent.frames[0].postMessage(message, target),
    [mount, product.stack.backendUrl],
  );
  await ignored;
  const frame = await frameDocument(page);
  assert.deepEqual(await frameStarted(frame), { widgetScripts: 0, mounted: 0 }, 'nothing started, nothing mounted');
  assert.deepEqual(await received(page), ['alcmeon:frame-ready'], 'no token request');

  // The same message from the parent is heard: the widget starts and asks for a session token.
  await page.evaluate(
    ([message, target]) => document.querySelector('iframe[name="widget"]').contentWindow.postMessage(message, target),
    [mount, product.stack.backendUrl],
  );
  await page.waitForFunction(() => window.received.includes('alcmeon:token-request'), null, { timeout: 20_000 });
  assert.equal((await frameStarted(frame)).widgetScripts, 1, 'the widget script was loaded for the parent’s mount');
  await page.close();
});

/** Run in the record page: frames the widget (not mounted) next to a sibling iframe. */
function bareParent(src) {
  window.received = [];
  const frame = Object.assign(document.createElement('iframe'), { name: 'widget', src });
  const sibling = Object.assign(document.createElement('iframe'), { name: 'sibling', srcdoc: '<p>sibling</p>' });
  document.body.append(frame, sibling);
  addEventListener('message', (e) => {
    if (e.source === frame.contentWindow) window.received.push(e.data.type);
  });
}
