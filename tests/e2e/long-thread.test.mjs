// A 10,000-message conversation: the widget opens on the newest messages with only a window of
// rows in the DOM, loads older pages when scrolled to the top without moving what the agent was
// reading, and "Jump to latest" brings the newest message back.
//
// Needs the backend's paging (`GET /v1/conversations/{id}/thread?before=<item id>&limit=50`,
// `has_older`). Backfilling 10,000 actions at 10 per call needs more than the default 15 calls a
// minute on both sides: the emulator is told so through `emulatorEnv`, and the backend's own
// governor (`ALCMEON_RATE_LIMIT_PER_MINUTE`) inherits this process's environment.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser } from '../support/browser.mjs';
import { highestActionId, waitForReplica } from '../support/replica.mjs';
import { startStack } from '../support/stack.mjs';

const MESSAGES = 10_000;
const NEWEST = `Message ${MESSAGES} of ${MESSAGES}`;

// Tall enough for the host page's 600 px widget to be entirely on screen.
const VIEWPORT = { width: 900, height: 1000 };

let stack;
let browser;
let conversationId;

before(async () => {
  process.env.ALCMEON_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startStack({ emulatorEnv: { ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE: '100000' } });
  browser = await launchBrowser();
  const response = await fetch(`${stack.emulatorUrl}/_emulator/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'whatsapp', customer_name: 'Long Talker', messages: MESSAGES, notify: false }),
  });
  const body = await response.text();
  assert.equal(response.status, 200, body);
  conversationId = JSON.parse(body).conversation_id;
  const started = Date.now();
  await waitForReplica(stack.backendUrl, await highestActionId(stack.emulatorUrl), 'actions_read_through', 300_000);
  console.log(`# backend backfilled ${MESSAGES} messages in ${Date.now() - started} ms`);
});

after(async () => {
  await browser?.close();
  stack?.stop();
});

/** The scrolling log, evaluated inside the page (Playwright pierces the open shadow root). */
const log = (page) => page.locator('.acw-thread[role="log"]');

/** Whether `locator`'s element is inside the visible part of the log, and on screen. */
async function inView(page, locator) {
  const [box, frame] = await Promise.all([locator.boundingBox(), log(page).boundingBox()]);
  const bottom = Math.min(frame.y + frame.height, VIEWPORT.height);
  return box !== null && box.y >= frame.y - 1 && box.y + box.height <= bottom + 1;
}

/** Scrolls the log to its very top; returns the first visible message's id and its bubble's top. */
function scrollToTop(page) {
  return log(page).evaluate((el) => {
    el.scrollTop = 0;
    const top = el.getBoundingClientRect().top;
    const first = [...el.querySelectorAll('.acw-message')].find((m) => m.getBoundingClientRect().bottom > top);
    return { id: Number(first.dataset.itemId), top: first.querySelector('.acw-bubble').getBoundingClientRect().top };
  });
}

const oldestShown = (page) =>
  log(page).evaluate((el) => Math.min(...[...el.querySelectorAll('.acw-message')].map((m) => Number(m.dataset.itemId))));

const frames = (page, n = 3) =>
  page.evaluate((n) => new Promise((done) => {
    const step = (left) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), n);

test('a 10,000-message thread opens on its newest message with only a window of rows in the DOM', async () => {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const opened = Date.now();
  await page.goto(`${stack.hostUrl}?conversation=${conversationId}&lang=en-US&tz=UTC`);
  const newest = page.locator('.acw-bubble', { hasText: NEWEST });
  await newest.waitFor();
  await frames(page);
  console.log(`# opened on the newest message in ${Date.now() - opened} ms`);
  assert.ok(await inView(page, newest), 'the newest message is visible');

  const messages = await page.locator('.acw-message').count();
  const nodes = await log(page).evaluate((el) => el.querySelectorAll('*').length);
  console.log(`# ${messages} message rows, ${nodes} elements in the log`);
  assert.ok(messages > 0 && messages < 200, `${messages} message elements in the DOM`);
  assert.equal(await page.locator('.acw-jump').isVisible(), false, 'no "Jump to latest" at the bottom');
  await page.close();
});

test('scrolling to the top loads older pages while the first visible message stays in place', async () => {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${stack.hostUrl}?conversation=${conversationId}&lang=en-US&tz=UTC`);
  await page.locator('.acw-bubble', { hasText: NEWEST }).waitFor();
  await frames(page);

  for (let round = 0; round < 4; round += 1) {
    const oldestBefore = await oldestShown(page);
    const anchor = await scrollToTop(page);
    // An older page arrives (or the window slides over one already loaded).
    await page.waitForFunction(
      ([selector, oldest]) => {
        const el = document.querySelector('alcmeon-conversation, body');
        const root = [...document.querySelectorAll('*')].find((e) => e.shadowRoot)?.shadowRoot ?? el;
        const ids = [...root.querySelectorAll(selector)].map((m) => Number(m.dataset.itemId));
        return ids.length > 0 && Math.min(...ids) < oldest;
      },
      ['.acw-message', oldestBefore],
      { timeout: 15_000 },
    );
    await frames(page);
    const top = await page
      .locator(`.acw-message[data-item-id="${anchor.id}"] .acw-bubble`)
      .evaluate((bubble) => bubble.getBoundingClientRect().top);
    assert.ok(Math.abs(top - anchor.top) <= 3, `round ${round}: message ${anchor.id} moved from ${anchor.top} to ${top}`);
    const count = await page.locator('.acw-message').count();
    assert.ok(count < 200, `round ${round}: ${count} message elements in the DOM`);
  }
  assert.equal(await page.locator('.acw-bubble', { hasText: NEWEST }).count(), 0, 'the newest rows left the DOM');

  const jump = page.locator('.acw-jump');
  await jump.waitFor({ state: 'visible' });
  assert.ok((await jump.boundingBox()).height >= 24, 'the button is a 24 px target');
  await jump.click();
  const newest = page.locator('.acw-bubble', { hasText: NEWEST });
  await newest.waitFor();
  await frames(page);
  assert.ok(await inView(page, newest), 'the newest message is visible again');
  await jump.waitFor({ state: 'hidden' });
  await page.close();
});
