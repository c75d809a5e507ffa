// In Arabic and Hebrew the widget's own sentences read right to left as a whole, whatever is
// inserted in them: Fluent isolates each inserted part (a failure reason, Alcméon's own word for
// it, an agent's name), and an inserted part that starts with a Latin word ("Alcméon …") or with
// another isolate is laid out left to right unless the translation says otherwise. These tests
// read where the browser draws the words, as the agent sees them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { openRecordPage, widgetReady } from '../support/record-page.mjs';

const product = useRunningProduct();

// Wide enough that a failure line with Alcméon's detail stays on one line.
const VIEWPORT = { width: 1800, height: 900 };

// Alcméon refuses to create an account for an email without a dotted domain, so a reply sent by
// this agent fails as "Alcméon refused the reply" with Alcméon's detail in parentheses.
const UNPROVISIONABLE_AGENT = { email: 'dana@intranet', name: 'Dana Levi' };
const DETAIL = "account provisioning: no account found for the agent's email";

/** Where each of `words` (its first occurrence) is drawn in `element`: its edges and line's top. */
function wordBoxes(element, words) {
  const nodes = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  const at = (offset) => {
    const { node, start } = nodes.findLast((entry) => entry.start <= offset);
    return [node, offset - start];
  };
  return words.map((word) => {
    const index = text.indexOf(word);
    if (index < 0) return { word, missing: true, text };
    const range = document.createRange();
    range.setStart(...at(index));
    range.setEnd(...at(index + word.length));
    const box = range.getBoundingClientRect();
    return { word, left: box.left, right: box.right, top: box.top, lines: range.getClientRects().length };
  });
}

/**
 * The line reads right to left: its direction resolves to rtl, its visible text starts with
 * `first`, and `wordsInReadingOrder` (in the order a reader of the language reads them) are drawn
 * on one line, each one to the left of the one before.
 */
async function readsRightToLeft(line, first, wordsInReadingOrder) {
  const direction = await line.evaluate((element) => getComputedStyle(element).direction);
  assert.equal(direction, 'rtl', 'the line’s direction');
  const text = (await line.textContent()).replace(/[\u2066-\u2069\u200e\u200f]/g, '');
  assert.ok(text.startsWith(first), `"${text}" starts with ${first}`);
  const boxes = await line.evaluate(wordBoxes, wordsInReadingOrder);
  for (const box of boxes) {
    assert.ok(!box.missing, `"${box.word}" is in the line "${box.text}"`);
    assert.equal(box.lines, 1, `"${box.word}" is drawn in one piece`);
  }
  assert.ok(
    boxes.every((box) => box.top === boxes[0].top),
    `the words are on one line: ${JSON.stringify(boxes)}`,
  );
  const order = boxes.map((box) => box.word);
  const drawn = [...boxes].sort((a, b) => b.right - a.right).map((box) => box.word);
  assert.deepEqual(drawn, order, 'from right to left, the words are drawn in their reading order');
}

/** Sends `text` from the composer and waits until the reply shows failed. */
async function sendFailingReply(page, text) {
  await page.locator('.acw-composer-text').fill(text);
  await page.locator('.acw-send').click();
  const item = page.locator('.acw-outbound', { hasText: text });
  await item.locator('.acw-delivery[data-state="failed"]').waitFor({ timeout: 30_000 });
  return item.locator('.acw-delivery-text');
}

async function openAs(lang, conversation, agent = {}) {
  const { page } = await openRecordPage(
    product,
    { conversation, lang, tz: 'UTC', ...agent },
    { viewport: VIEWPORT },
  );
  await widgetReady(page);
  return page;
}

test('in Arabic, a reply Alcméon refused reads right to left: the failure, its reason, then Alcméon’s detail', async () => {
  const page = await openAs('ar', 1001, UNPROVISIONABLE_AGENT);
  const line = await sendFailingReply(page, `شكرًا لتواصلك معنا ${Date.now()}`);
  // "فشل الإرسال: رفض Alcméon الرد (…)": Failed: Alcméon refused the reply (detail).
  await readsRightToLeft(line, 'فشل', ['فشل', 'الإرسال', 'رفض', 'Alcméon', 'الرد', DETAIL]);
  await page.close();
});

test('in Hebrew, a reply Alcméon refused reads right to left: the failure, its reason, then Alcméon’s detail', async () => {
  const page = await openAs('he', 1002, UNPROVISIONABLE_AGENT);
  const line = await sendFailingReply(page, `תודה על פנייתך ${Date.now()}`);
  // "נכשלה: התשובה נדחתה על ידי Alcméon (…)": Failed: the reply was refused by Alcméon (detail).
  await readsRightToLeft(line, 'נכשלה', ['נכשלה', 'התשובה', 'נדחתה', 'Alcméon', DETAIL]);
  await page.close();
});

test('in English, an event by an agent with an Arabic name reads left to right, the name first', async () => {
  const agent = { agent_email: 'layla.haddad@example.com', agent_name: 'ليلى حداد' };
  const response = await fetch(`${product.stack.emulatorUrl}/_emulator/conversations/1003/agent-actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'on-hold', ...agent }),
  });
  assert.equal(response.status, 200, await response.text());
  const page = await openAs('en-US', 1003);
  const line = page.locator('.acw-event-text', { hasText: 'ليلى حداد' }).last();
  await line.waitFor({ timeout: 20_000 });
  assert.equal(await line.evaluate((element) => getComputedStyle(element).direction), 'ltr');
  const [name, verb] = await line.evaluate(wordBoxes, ['ليلى حداد', 'put']);
  assert.ok(name.right <= verb.left, `the name is drawn before "put": ${JSON.stringify([name, verb])}`);
  await page.close();
});
