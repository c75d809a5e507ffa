// How the thread presents messages: links only for http(s) URLs, consecutive messages grouped
// under one author line, day separators in the agent's language, and one accessible log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerWrites as write, useRunningProduct } from '../support/product.mjs';
import { waitForReplica } from '../support/replica.mjs';

const product = useRunningProduct();

// The customer writes, and the backend has stored the message.
async function customerWrites(conversationId, text) {
  const actionId = await write(product.stack.emulatorUrl, conversationId, text);
  await waitForReplica(product.stack.backendUrl, actionId, 'latest_action_id');
}

test('only http(s) URLs in customer text become links, opening safely in a new tab', async () => {
  const text = 'Track it at https://lumio.example/track?id=7. Not javascript:alert(1) nor data:text/html,<b>x</b>';
  await customerWrites(1003, text);
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1003 }));
  const bubble = page.locator('.acw-bubble', { hasText: 'Track it at' });
  await bubble.waitFor();
  assert.equal(await bubble.textContent(), text, 'every character is still there, as text');
  assert.equal(await bubble.getAttribute('dir'), 'auto');
  const links = bubble.locator('a');
  assert.equal(await links.count(), 1);
  assert.equal(await links.getAttribute('href'), 'https://lumio.example/track?id=7');
  assert.equal(await links.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await links.getAttribute('target'), '_blank');
  assert.equal(await bubble.locator('b').count(), 0);
  await page.close();
});

test('messages the customer sends in a row share one author line under today’s separator', async () => {
  await customerWrites(1004, 'First of two quick messages');
  await customerWrites(1004, 'Second of two quick messages');
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1004, lang: 'fr', tz: 'UTC' }));
  const second = page.locator('.acw-message', { hasText: 'Second of two quick messages' });
  await second.waitFor();
  const first = page.locator('.acw-message', { hasText: 'First of two quick messages' });
  assert.equal(await second.locator('.acw-author').count(), 0, 'the second continues the group');
  const startsGroup = await first.evaluate((li) => li.classList.contains('acw-group-start'));
  assert.equal(await first.locator('.acw-author').count(), startsGroup ? 1 : 0, 'a group shows its author once');
  const days = page.locator('.acw-day');
  const lastDay = (await days.last().textContent()).replace(/[\u2068\u2069]/g, '');
  assert.equal(lastDay, 'Aujourd’hui');
  await page.close();
});

test('the thread is one keyboard-focusable log and "Jump to latest" hides at the bottom', async () => {
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1001 }));
  await page.locator('.acw-message').first().waitFor();
  const log = page.locator('[role="log"]');
  assert.equal(await log.count(), 1);
  assert.equal(await page.locator('[aria-live]').count(), 1, 'one announcement path');
  assert.equal(await log.getAttribute('tabindex'), '0');
  await log.focus();
  assert.equal(await log.evaluate((el) => el.matches(':focus-visible') || el === el.getRootNode().activeElement), true);
  assert.equal(await page.locator('.acw-jump').isVisible(), false);
  await page.close();
});
