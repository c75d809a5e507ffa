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
import { openRecordPage } from '../support/record-page.mjs';
import { highestActionId, waitForReplica } from '../support/replica.mjs';
import { startStack } from '../support/stack.mjs';

const MESSAGES = 10_000;
const NEWEST = `Message ${MESSAGES} of ${MESSAGES}`;

// Tall enough for the record page's header and the component's 600 px widget to be entirely on screen.
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
  await stack?.stop();
});

/** The Case page of the long conversation, once its newest message shows. */
async function openLongThread() {
  const { page } = await openRecordPage({ stack, browser }, { conversation: conversationId, lang: 'en-US', tz: 'UTC' }, { viewport: VIEWPORT });
  await page.locator('.acw-bubble', { hasText: NEWEST }).waitFor();
  return page;
}

/** The scrolling log, evaluated inside the page (Playwright pierces the shadow root). */
const log = (page) => page.locator('.acw-thread[role="log"]');

/**
* The box of `locator`'s element and of the log once the layout is settled: for 10
* consecutive animation frames the log is not busy (no page loading, no reading position to
* restore: aria-busy="false") and both boxes stay the same (under a loaded machine, two equal
* frames could still come before the last layout change). Rejects if that has not happened in
* 600 frames.
*/
function settledBoxes(locator) {
  return locator.evaluate(
    (element) =>
      new Promise((resolve, reject) => {
        const log = element.closest('[role="log"]');
        const measure = () => {
          const [a, b] = [element.getBoundingClientRect(), log.getBoundingClientRect()];
          const scroll = { top: log.scrollTop, height: log.scrollHeight, visible: log.clientHeight };
          return { busy: log.getAttribute('aria-busy'), element: { top: a.top, bottom: a.bottom }, log: { top: b.top, bottom: b.bottom }, scroll };
        };
        let previous;
        let frames = 0;
        let stable = 0;
        const step = () => {
          const boxes = measure();
          stable = boxes.busy === 'false' && JSON.stringify(boxes) === JSON.stringify(previous) ? stable + 1 : 0;
          if (stable >= 10) return resolve(boxes);
          if ((frames += 1) > 600) return reject(new Error(`the log never settled: ${JSON.stringify(boxes)}`));
          previous = boxes;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

/**
 * Whether `locator`'s element is inside the visible part of the log, and on screen, once settled;
 * `where` says where the element, the log and the log's scroll position were (for a failure).
 */
async function inView(locator) {
  const { element, log: frame, scroll } = await settledBoxes(locator);
  const bottom = Math.min(frame.bottom, VIEWPORT.height);
  const shown = element.top >= frame.top - 1 && element.bottom <= bottom + 1;
  return { shown, where: JSON.stringify({ element, log: frame, scroll }) };
}

async function assertInView(locator, message) {
  const { shown, where } = await inView(locator);
  assert.ok(shown, `${message}: ${where}`);
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

test('a 10,000-message thread opens on its newest message with only a window of rows in the DOM', async () => {
  const opened = Date.now();
  const page = await openLongThread();
  const newest = page.locator('.acw-bubble', { hasText: NEWEST });
  await assertInView(newest, 'the newest message is visible');
  console.log(`# opened on the newest message in ${Date.now() - opened} ms`);

  const messages = await page.locator('.acw-message').count();
  const nodes = await log(page).evaluate((el) => el.querySelectorAll('*').length);
  console.log(`# ${messages} message rows, ${nodes} elements in the log`);
  assert.ok(messages > 0 && messages < 200, `${messages} message elements in the DOM`);
  assert.equal(await page.locator('.acw-jump').isVisible(), false, 'no "Jump to latest" at the bottom');
  await page.close();
});

test('an agent at the newest message stays there when the log shrinks under it (as when the composer grows)', async () => {
  const page = await openLongThread();
  const newest = page.locator('.acw-bubble', { hasText: NEWEST });
  await assertInView(newest, 'the newest message is visible');
  // The log loses 250 px of height without any scrolling: a scroll listener sees nothing.
  await log(page).evaluate((el) => {
    el.style.maxHeight = `${el.clientHeight - 250}px`;
  });
  await assertInView(newest, 'the newest message is still visible');
  assert.equal(await page.locator('.acw-jump').isVisible(), false, 'no "Jump to latest"');
  await page.close();
});

test('scrolling to the top loads older pages while the first visible message stays in place', async () => {
  const page = await openLongThread();
  await assertInView(page.locator('.acw-bubble', { hasText: NEWEST }), 'the newest message is visible');

  for (let round = 0; round < 4; round += 1) {
    const oldestBefore = await oldestShown(page);
    const anchor = await scrollToTop(page);
    // An older page arrives (or the window slides over one already loaded).
    await page.waitForFunction(
      ([element, oldest]) => {
        const ids = [...element.querySelectorAll('.acw-message')].map((m) => Number(m.dataset.itemId));
        return ids.length > 0 && Math.min(...ids) < oldest;
      },
      [await log(page).elementHandle(), oldestBefore],
      { timeout: 15_000 },
    );
    const { element: { top } } = await settledBoxes(page.locator(`.acw-message[data-item-id="${anchor.id}"] .acw-bubble`));
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
  await assertInView(newest, 'the newest message is visible again');
  await jump.waitFor({ state: 'hidden' });
  await page.close();
});
