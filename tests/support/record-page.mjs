// A record page of the one host (tests/lightning) in the browser, for tests: open it with probes
// installed, and look into the component (its state, the threads it asked for, CSP violations,
// its shadow root), then reply as an agent would.
import assert from 'node:assert/strict';
import { readLabels } from '../lightning/org.mjs';
import { replyIsDeliveredOnce } from './replies.mjs';

export { CASE, CONVERSATION } from '../lightning/records.mjs';
export const LABELS = readLabels();
export const COMPONENT_TAG = 'c-alcmeon-conversation';

// Installed before any page script: counts the page's pending timers (a setTimeout until it runs
// or is cleared, a setInterval until it is cleared), keeps the abort signal of every event-stream
// fetch (open until aborted), and records CSP violations.
function pageProbes() {
  const pending = new Map();
  const native = { setTimeout, clearTimeout, setInterval, clearInterval };
  const track = (kind, schedule) =>
    function (callback, delay, ...args) {
      let id;
      const run =
        typeof callback === 'function'
          ? function (...callArgs) {
             if (kind === 'timeout') pending.delete(id);
             return callback.apply(this, callArgs);
           }
          : callback;
      id = schedule.call(window, run, delay, ...args);
      pending.set(id, { kind, delay, stack: new Error().stack.split('\n').slice(2, 7).join('\n') });
      return id;
    };
  const clear = (cancel) =>
    function (id) {
      pending.delete(id);
      return cancel.call(window, id);
    };
  window.setTimeout = track('timeout', native.setTimeout);
  window.setInterval = track('interval', native.setInterval);
  window.clearTimeout = clear(native.clearTimeout);
  window.clearInterval = clear(native.clearInterval);
  const streams = [];
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : String((input && input.url) || input);
    if (/\/events(\?|$)/.test(url)) {
      streams.push((init && init.signal) || (input && input.signal) || null);
    }
    return nativeFetch.apply(this, arguments);
  };
  const violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  });
  Object.defineProperty(window, 'lightningProbes', {
    value: Object.freeze({
      pendingTimers: () => [...pending.values()],
      openStreams: () => streams.filter((signal) => !signal || !signal.aborted).length,
      streamsOpened: () => streams.length,
      violations: () => violations.slice(),
    }),
  });
}

/**
* Opens a record page (see recordPagePath in tests/lightning/server.mjs for `pageOptions`) of the
* running `product` (support/product.mjs) in a new page of `context` (by default a context of its
* own, closed with the page). Returns { page, context, response, errors, requests }: page errors
* and console errors as they happen, every request the page made.
*/
export async function openRecordPage(product, pageOptions, { context, viewport } = {}) {
  const page = context ? await context.newPage() : await product.browser.newPage({ viewport });
  await page.addInitScript(pageProbes);
  const errors = [];
  const requests = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => requests.push(request));
  const response = await page.goto(product.stack.pageUrl(pageOptions));
  return { page, context: page.context(), response, errors, requests };
}

/** The component's data-state: loading, ready, mounted or error. */
export function componentState(page) {
  return page.locator(`${COMPONENT_TAG} .body`).getAttribute('data-state');
}

/** Waits until the widget shows its composer (mounted, thread loaded). */
export async function widgetReady(page) {
  await page.locator('.acw-composer-text').waitFor({ timeout: 30_000 });
}

/**
* The Alcméon conversation ids whose thread the page asked the backend for, to show it; the
* one-item pages a Case's list of conversations reads for its rows (`limit=1`) are left out.
*/
export function threadsRequested(requests) {
  return requests
    .map((request) => new URL(request.url()))
    .filter((url) => url.searchParams.get('limit') !== '1')
    .map((url) => /\/v1\/conversations\/(\d+)\/thread$/.exec(url.pathname))
    .filter(Boolean)
    .map((match) => Number(match[1]));
}

/** CSP violations the page reported (securitypolicyviolation events). */
export function cspViolations(page) {
  return page.evaluate(() => window.lightningProbes.violations());
}

/** Native shadow roots on the component's host, as the browser itself sees the DOM (CDP, piercing). */
export async function nativeShadowRoots(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (node) => {
      if (node.nodeName === COMPONENT_TAG.toUpperCase()) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const host = find(root);
    assert.ok(host, 'the component is in the DOM');
    return (host.shadowRoots ?? []).length;
  } finally {
    await cdp.detach();
  }
}

/** Fluent isolates placeables with U+2068…U+2069; compare what the agent sees. */
export const visible = (text) => text.replace(/[\u2068\u2069]/g, '');

/**
* Types `text` with the real keyboard into the composer and sends it with the Send button
* (`via: 'button'`) or Enter; waits until the reply shows "sent" and checks Alcméon received it once.
*/
export function sendReply(product, page, conversationId, text, { via }) {
  const send = via === 'enter' ? () => page.keyboard.press('Enter') : () => page.locator('.acw-send').click();
  return replyIsDeliveredOnce({ page, emulatorUrl: product.stack.emulatorUrl, conversationId, text, send });
}
