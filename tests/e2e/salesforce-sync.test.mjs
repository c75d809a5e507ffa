// The connector's sync as a newcomer sees it in `make demo`: the backend writes each conversation
// of the mapped WhatsApp account (201) into the org (the Salesforce stand-in) as an
// alcmeon__Conversation__c record, and the org's list of those records (the Lightning-like page)
// shows it, its status and its link, which changes as the customer writes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONVERSATION_LIST_PATH } from '../lightning/org-list.mjs';
import { customerWrites, useRunningProduct } from '../support/product.mjs';

const product = useRunningProduct({ salesforce: true });

/** The org's records whose scoped id names the conversation (its last part). */
async function recordsOf(conversationId) {
  const response = await fetch(`${product.stack.salesforceUrl}/_emulator/records/alcmeon__Conversation__c`);
  assert.equal(response.status, 200);
  const records = await response.json();
  return records.filter((record) => record.alcmeon__scoped_id__c.endsWith(`:${conversationId}`));
}

/** Waits until `read()` answers something `done` accepts; fails after `timeoutMs`. */
async function eventually(read, done, what, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) assert.fail(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The sync's state of the org, from the backend's /health. */
async function orgSync() {
  const health = await (await fetch(`${product.stack.backendUrl}/health`)).json();
  return Object.values(health.salesforce)[0];
}

/** Waits until the sync has written everything queued. */
const syncIdle = () => eventually(orgSync, (org) => org.status === 'ok' && org.queued === 0, 'the sync has nothing left to write');

test('a conversation on the mapped account becomes a record in the org, listed with its customer, channel and status, whose link follows the customer’s messages', async () => {
  await syncIdle();
  const [record] = await eventually(() => recordsOf(1001), (found) => found.length === 1, 'the record of 1001');
  assert.equal(record.alcmeon__User_name__c, 'Amélie Dubois');
  assert.equal(record.alcmeon__Social_media_account__c, 'Lumio WhatsApp');
  assert.equal(record.alcmeon__Status__c, 'OPENED');
  assert.match(record.alcmeon__scoped_id__c, /^1:201:\d+:1001$/);

  const page = await product.browser.newPage();
  await page.goto(`${product.stack.host.origin}${CONVERSATION_LIST_PATH}`);
  const row = page.locator(`tr[data-scoped-id="${record.alcmeon__scoped_id__c}"]`);
  await row.waitFor();
  assert.equal(await row.locator('[data-field="alcmeon__User_name__c"]').textContent(), 'Amélie Dubois');
  assert.equal(await row.locator('[data-field="alcmeon__Status__c"]').textContent(), 'OPENED');
  assert.equal(await row.locator('[data-field="alcmeon__url__c"]').textContent(), record.alcmeon__url__c);

  await customerWrites(product.stack.emulatorUrl, 1001, 'Is my parcel on its way?');
  const [updated] = await eventually(
    () => recordsOf(1001),
    (found) => found.length === 1 && found[0].alcmeon__url__c !== record.alcmeon__url__c,
    'the record names the new message',
  );
  assert.equal(updated.Id, record.Id, 'the same record, updated');
  await page.locator(`[data-field="alcmeon__url__c"]`, { hasText: updated.alcmeon__url__c }).waitFor({ timeout: 15_000 });
  await page.close();
});

test('a conversation on an account the org does not map stays out of the org', async () => {
  await syncIdle();
  await customerWrites(product.stack.emulatorUrl, 1002, 'Hello from Messenger');
  // Written after it, a message on the mapped account: once its record names it, the sync has
  // passed the Messenger message too.
  const mapped = await customerWrites(product.stack.emulatorUrl, 1006, 'Hello from WhatsApp');
  await eventually(
    () => recordsOf(1006),
    (found) => found.length === 1 && found[0].alcmeon__url__c.endsWith(`message=${mapped}`),
    'the record of 1006 names the later message',
  );
  assert.deepEqual(await recordsOf(1002), []);
});
