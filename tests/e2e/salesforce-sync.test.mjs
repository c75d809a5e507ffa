// The connector's sync as a newcomer sees it in `make demo`: the backend writes each conversation
// of the mapped WhatsApp account (201, with its Salesforce Queue) into the org (the Salesforce stand-in) as an
// alcmeon__Conversation__c record, and the org's list of those records (the Lightning-like page)
// shows it, its status and its link, which changes as the customer writes. An agent who links a
// customer to a Contact in the widget makes every conversation of theirs a record naming it, and
// Alcméon's profile of the customer holds it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONVERSATION_LIST_PATH } from '../lightning/org-list.mjs';
import { customerWrites, useRunningProduct } from '../support/product.mjs';
import { openRecordPage } from '../support/record-page.mjs';
import { highestActionId, waitForReplica } from '../support/replica.mjs';
import { alcmeon } from '../support/stack.mjs';

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
  assert.equal(record.alcmeon__To_SF_Queue_Id__c, '00G000000000001AAA', 'the Queue mapped with the account, while open');
  assert.match(record.alcmeon__scoped_id__c, /^1:201:\d+:1001$/);

  const page = await product.browser.newPage();
  await page.goto(`${product.stack.host.origin}${CONVERSATION_LIST_PATH}`);
  const row = page.locator(`tr[data-scoped-id="${record.alcmeon__scoped_id__c}"]`);
  await row.waitFor();
  assert.equal(await row.locator('[data-field="alcmeon__User_name__c"]').textContent(), 'Amélie Dubois');
  assert.equal(await row.locator('[data-field="alcmeon__Status__c"]').textContent(), 'OPENED');
  assert.equal(await row.locator('[data-field="alcmeon__To_SF_Queue_Id__c"]').textContent(), '00G000000000001AAA');
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

test('the agent links the customer to a Contact in the widget: each of their conversations becomes a record naming it, the newest OPENED and the older CLOSED, and Alcméon’s profile holds the Contact', async () => {
  // Jonas writes on Messenger (account 202, not mapped): a second conversation of his, newer.
  const response = await fetch(`${product.stack.emulatorUrl}/_emulator/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'facebook', account_name: 'Lumio Messenger', customer_name: 'Jonas Weber', messages: 1, customer_of: 1002 }),
  });
  assert.equal(response.status, 200);
  const { conversation_id: newer } = await response.json();
  await waitForReplica(product.stack.backendUrl, await highestActionId(product.stack.emulatorUrl), 'latest_action_id');
  await syncIdle();
  assert.deepEqual(await recordsOf(1002), [], 'not eligible before the link');

  const contacts = await (await fetch(`${product.stack.salesforceUrl}/_emulator/records/Contact`)).json();
  const jonas = contacts.find((contact) => contact.LastName === 'Weber');
  const { page } = await openRecordPage(product, { conversation: 1002, lang: 'en-US' });
  const panel = page.locator('.acw-contact-panel');
  await panel.getByRole('button', { name: 'Find a Contact' }).click();
  const box = panel.getByRole('searchbox');
  await box.fill('weber');
  await box.press('Enter');
  await panel.locator('.acw-contact-matches li', { hasText: 'Jonas Weber' }).getByRole('button', { name: 'Link' }).click();
  await panel.locator('a.acw-contact-name', { hasText: 'Jonas Weber' }).waitFor();
  await page.close();

  const written = async () => [...(await recordsOf(1002)), ...(await recordsOf(newer))];
  const records = await eventually(written, (found) => found.length === 2 && found.every((r) => r.alcmeon__Contact__c === jonas.Id), 'both records name the Contact');
  const status = Object.fromEntries(records.map((r) => [r.alcmeon__scoped_id__c.split(':')[3], r.alcmeon__Status__c]));
  assert.deepEqual(status, { 1002: 'CLOSED', [newer]: 'OPENED' });

  const customerId = records[0].alcmeon__scoped_id__c.split(':')[2];
  const fieldId = (await alcmeon(product.stack.emulatorUrl, '/custom-field/users/fields')).find((field) => field.label === 'Salesforce Contact Id').id;
  const profile = await eventually(
    () => alcmeon(product.stack.emulatorUrl, `/custom-field/users/${customerId}`),
    (fields) => fields.some((field) => field.field_id === fieldId && field.field_value === jonas.Id),
    'Alcméon’s profile holds the Contact id',
  );
  assert.ok(profile.length >= 1);
});
