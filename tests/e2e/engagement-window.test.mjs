// WhatsApp's 24-hour reply window in conversation mode: in its last hour a live countdown says how
// long it stays open; when it closes, the reply box turns into the template picker, and a template
// sent from there reaches the customer once and shows in the same thread, without leaving the page.
// Conversation 1008 (Léa, opted in) is seeded with a window that closes CLOSING_SECS after start;
// 1006's window is closed and its customer (Thomas) never opted in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, openRecordPage, visible } from '../support/record-page.mjs';
import { fillTemplate, sentTo } from '../support/engagement.mjs';

const CLOSING_SECS = 75;
const LEA = '33623456789';
const product = useRunningProduct({
  verbose: !!process.env.VERBOSE,
  emulatorEnv: { ALCMEON_EMULATOR_CLOSING_WINDOW_SECS: String(CLOSING_SECS) },
});

test('window closed for a customer who never opted in: the template composer says so, and offers no send', async () => {
  const { page, context, errors } = await openRecordPage(product, { object: CASE, conversation: 1006 });
  const block = page.locator('[data-part="reengagement"] [data-part="block"]');
  await block.waitFor({ timeout: 30_000 });
  assert.equal(await block.getAttribute('data-block'), 'no-opt-in');
  assert.match(visible(await block.textContent()), /has not agreed to receive messages/);
  assert.equal(await page.locator('[data-part="template-send"]').count(), 0, 'no Send');
  assert.equal(await page.locator('.acw-composer-text').count(), 0, 'and no free-text reply box');
  assert.deepEqual(await sentTo(product, '33687654321'), [], 'nothing reached Alcméon');
  assert.deepEqual(errors, [], 'no error on the page');
  await context.close();
});

test('window closing: countdown, then a template-only composer, and the re-engagement is sent once into the conversation', async () => {
  const { page, context, errors } = await openRecordPage(product, { object: CASE, conversation: 1008 });
  const countdown = page.locator('[data-part="window-countdown"]');
  await countdown.waitFor({ timeout: 30_000 });
  assert.match(visible(await countdown.textContent()), /The reply window closes in \d+ (minute|second)s?$/, `the countdown reads as time left: ${await countdown.textContent()}`);
  await page.locator('.acw-composer-text').waitFor();

  const picker = page.locator('[data-part="reengagement"]');
  await picker.waitFor({ timeout: (CLOSING_SECS + 30) * 1000 });
  assert.equal(await page.locator('.acw-composer-text').count(), 0, 'no free-text reply box once the window closed');
  assert.equal(await countdown.isVisible(), false, 'the countdown is gone');

  const order = `L-${Date.now() % 100000}`;
  const preview = await fillTemplate(page, { template: 'order_update', values: { order_number: order } });
  assert.match(preview, new RegExp(`Hello Léa Fontaine, .*order ${order}\\.`));
  await page.locator('[data-part="template-send"]').click();
  await page.locator('[data-part="send-status"][data-state="sent"]').waitFor({ timeout: 30_000 });

  const sent = await sentTo(product, LEA);
  assert.equal(sent.length, 1, 'Alcméon received the re-engagement once');
  assert.equal(sent[0].conversation_id, 1008, 'into Léa’s conversation');
  assert.equal(sent[0].content, preview, 'exactly the previewed text');
  await page.locator('.acw-outbound', { hasText: order }).waitFor({ timeout: 30_000 });
  assert.deepEqual(errors, [], 'no error on the page');
  await context.close();
});
