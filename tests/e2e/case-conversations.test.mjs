// A Case gathering several Alcméon conversations, on the Lightning-like page with the real LWC: the
// widget lists them (newest first and open), switching is one click or one key, each keeps its own
// draft, a reply goes to the conversation on screen only, and news off screen marks its row.
// Every Case of tests/lightning/records.mjs has an older second conversation: Case 1001's is 1005.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODES } from '../support/modes.mjs';
import { customerWrites, useRunningProduct } from '../support/product.mjs';
import { CONVERSATION, openRecordPage, sendReply, visible, widgetReady } from '../support/record-page.mjs';
import { answersWithText } from '../support/replies.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const NEWEST = { id: 1001, channel: 'WhatsApp', customer: 'Amélie Dubois' };
const OLDER = { id: 1005, channel: 'Google review', customer: 'Marco Rossi' };
const ZONE = 'Pacific/Kiritimati'; // UTC+14: a time written in any other zone would differ

const tab = (page, conversation) => page.locator(`[role="tab"][data-conversation-id="${conversation.id}"]`);

/** The Case page of conversation 1001 (and 1005), once the thread and both rows show. */
async function openCase(options = {}) {
  const opened = await openRecordPage(product, { conversation: NEWEST.id, lang: 'en-US', tz: ZONE, ...options });
  await widgetReady(opened.page);
  for (const conversation of [NEWEST, OLDER]) await tab(opened.page, conversation).locator('.acw-tab-customer').waitFor();
  return opened;
}

/** Waits until the conversation on screen is `conversation`'s: its header and its reply box. */
async function showing(page, conversation) {
  await page.locator('.acw-header .acw-customer', { hasText: conversation.customer }).waitFor();
  const label = visible(await page.locator('.acw-composer-text').getAttribute('aria-label'));
  assert.match(label, new RegExp(conversation.customer), 'the reply box is the shown conversation’s');
  assert.equal(await tab(page, conversation).getAttribute('aria-selected'), 'true');
}

test('a Case lists its conversations newest first, each with channel, customer, last message time in the agent’s zone and status; the newest is open', async () => {
  const { page } = await openCase();
  const tablist = page.getByRole('tablist', { name: 'Conversations of this case' });
  assert.deepEqual(
    await tablist.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Number(t.dataset.conversationId))),
    [NEWEST.id, OLDER.id],
    'newest first',
  );
  await showing(page, NEWEST);
  assert.equal(await tab(page, OLDER).getAttribute('aria-selected'), 'false');
  assert.equal(await tab(page, NEWEST).getAttribute('tabindex'), '0', 'only the selected tab is in the Tab order');
  assert.equal(await tab(page, OLDER).getAttribute('tabindex'), '-1');
  assert.equal(
    await page.getByRole('tabpanel').getAttribute('aria-labelledby'),
    await tab(page, NEWEST).getAttribute('id'),
    'the panel is named by the selected tab',
  );

  for (const conversation of [NEWEST, OLDER]) {
    const row = tab(page, conversation);
    assert.equal(await row.locator('.acw-tab-channel').textContent(), conversation.channel);
    assert.equal(await row.locator('.acw-tab-customer').textContent(), conversation.customer);
    assert.equal(await row.locator('.acw-tab-status').textContent(), 'Open');
    const time = row.locator('time.acw-tab-time');
    const at = new Date(await time.getAttribute('datetime'));
    assert.ok(at.getTime() <= Date.now(), `${conversation.customer}: the newest item happened already`);
    const inZone = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(at);
    assert.equal((await time.getAttribute('title')).replace(/\s/g, ' '), inZone.replace(/\s/g, ' '), 'written in the agent’s zone');
  }
  // The newest row's time is the newest of the thread on screen (day labels carry a local date,
  // not an instant: in UTC+14 today's is already tomorrow's in UTC from 10:00 UTC).
  const shown = await page.locator('.acw-rows time:not(.acw-day-label)').evaluateAll((times) => times.map((t) => Date.parse(t.dateTime)));
  const newestRow = Date.parse(await tab(page, NEWEST).locator('time').getAttribute('datetime'));
  assert.ok(shown.length > 0 && shown.every((at) => at <= newestRow), 'no item on screen is newer than the row says');
  await page.close();
});

test('each conversation keeps its own draft while the agent switches by click and by keyboard, and a reply goes to the one on screen only', async () => {
  const { page } = await openCase();
  const box = page.locator('.acw-composer-text');
  const draftA = `Bonjour Amélie, votre abat-jour ${Date.now()}`;
  const draftB = `Thank you for your review, Marco ${Date.now()}`;

  await box.fill(draftA);
  await tab(page, OLDER).click();
  await showing(page, OLDER);
  assert.equal(await box.inputValue(), '', 'nothing of A’s draft in B');
  await box.fill(draftB);

  // One keystroke on the selected tab switches: ← (previous), → (next), Home, End.
  await tab(page, OLDER).focus();
  await page.keyboard.press('ArrowLeft');
  await showing(page, NEWEST);
  assert.equal(await box.inputValue(), draftA, 'A’s draft is intact');
  assert.ok(await tab(page, NEWEST).evaluate((t) => t.getRootNode().activeElement === t), 'focus follows the selection');
  await page.keyboard.press('ArrowRight');
  await showing(page, OLDER);
  assert.equal(await box.inputValue(), draftB, 'B’s draft is kept too');
  await page.keyboard.press('Home');
  await showing(page, NEWEST);
  await page.keyboard.press('End');
  await showing(page, OLDER);
  assert.equal(await box.inputValue(), draftB);

  const reply = `Sent from the Case, to Marco only ${Date.now()}`;
  await box.fill('');
  await sendReply(product, page, OLDER.id, reply, { via: 'enter' });
  assert.equal((await answersWithText(product.stack.emulatorUrl, NEWEST.id, reply)).answers.length, 0, 'nothing reached the other conversation');

  await tab(page, NEWEST).click();
  await showing(page, NEWEST);
  assert.equal(await box.inputValue(), draftA, 'A’s draft survived B’s send');
  assert.equal(await page.locator('.acw-outbound', { hasText: reply }).count(), 0, 'B’s reply is not in A’s thread');
  await tab(page, OLDER).click();
  await showing(page, OLDER);
  assert.equal(await box.inputValue(), '', 'B’s sent draft is gone');
  await page.locator('.acw-outbound', { hasText: reply }).waitFor();
  await page.close();
});

for (const mode of MODES.slice(1)) {
  test(`${mode.name}: one arrow key switches, focus follows the selection and each draft stays with its conversation`, async () => {
    const { page, context } = await openCase(mode.page);
    const box = page.locator('.acw-composer-text');
    await box.fill('Draft for Amélie');
    await tab(page, NEWEST).focus();
    await page.keyboard.press('ArrowRight');
    await showing(page, OLDER);
    assert.ok(await tab(page, OLDER).evaluate((t) => t.getRootNode().activeElement === t), 'focus follows the selection');
    assert.equal(await box.inputValue(), '');
    await box.fill('Draft for Marco');
    await tab(page, OLDER).focus();
    await page.keyboard.press('ArrowRight');
    await showing(page, NEWEST);
    assert.equal(await box.inputValue(), 'Draft for Amélie', 'after the last comes the first, with its draft');
    await page.keyboard.press('End');
    await showing(page, OLDER);
    assert.equal(await box.inputValue(), 'Draft for Marco');
    await context.close();
  });
}

test('news in a conversation off screen updates its row and marks it until the agent opens it', async () => {
  const { page } = await openCase();
  await tab(page, OLDER).click();
  await showing(page, OLDER);
  const row = tab(page, NEWEST);
  const before = Date.parse(await row.locator('time').getAttribute('datetime'));
  assert.equal(await row.locator('.acw-tab-unread').count(), 0);

  const text = `Any news about my lampshade? ${Date.now()}`;
  await customerWrites(product.stack.emulatorUrl, NEWEST.id, text);
  // The rows off screen are read again every 30 s.
  await row.locator('.acw-tab-unread').waitFor({ timeout: 45_000 });
  assert.match(await row.textContent(), /New activity/, 'the mark is said, not only drawn');
  assert.ok(Date.parse(await row.locator('time').getAttribute('datetime')) > before, 'the row’s time moved on');

  await row.click();
  await showing(page, NEWEST);
  await page.locator('.acw-inbound', { hasText: text }).waitFor();
  assert.equal(await row.locator('.acw-tab-unread').count(), 0, 'opened, it is read');
  await page.close();
});

test('a conversation’s own record page shows no list, as before', async () => {
  const { page } = await openRecordPage(product, { object: CONVERSATION, conversation: 1003 });
  await widgetReady(page);
  await page.locator('.acw-header').waitFor();
  assert.equal(await page.getByRole('tablist').count(), 0);
  assert.equal(await page.getByRole('tab').count(), 0);
  await page.close();
});

test('where WebAssembly cannot run, the backend’s frame lists the Case’s conversations too', async () => {
  const { page } = await openRecordPage(product, { conversation: NEWEST.id, csp: 'self' });
  const widget = page.locator('c-alcmeon-conversation .body[data-mode="frame"] .mount iframe').contentFrame();
  await widget.locator('.acw-composer-text').waitFor({ timeout: 30_000 });
  const tabs = widget.getByRole('tab');
  await tabs.nth(1).locator('.acw-tab-customer').waitFor();
  assert.deepEqual(await tabs.evaluateAll((all) => all.map((t) => Number(t.dataset.conversationId))), [NEWEST.id, OLDER.id]);
  await page.close();
});
