// The customer above a conversation, on the Lightning-like page with the real LWC and its Apex
// stand-in (tests/lightning/contacts.mjs): the agent finds the customer's Contact and links it in
// one click, or creates it pre-filled from the conversation; the header then names the Contact as
// a link to its record, for every conversation of that customer. A Salesforce refusal is said in
// the agent's language and loses nothing. The customer's other conversations are listed and one
// click opens one in place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { openRecordPage, visible } from '../support/record-page.mjs';
import { highestActionId, waitForReplica } from '../support/replica.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

/** The page of `conversation`, once the customer's panel has its first answer. */
async function customerPanel(options) {
  const opened = await openRecordPage(product, { lang: 'en-US', ...options });
  const panel = opened.page.locator('.acw-contact-panel');
  await panel.waitFor({ timeout: 30_000 });
  return { ...opened, panel };
}

async function search(panel, term) {
  await panel.getByRole('button', { name: /Find a Contact|Trouver un contact|Change/ }).click();
  const box = panel.getByRole('searchbox');
  await box.fill(term);
  await box.press('Enter');
  return box;
}

test('the agent finds the customer’s Contact and links it in one click: the header names it, linking to its record, and keeps it', async () => {
  const { page, panel, errors } = await customerPanel({ conversation: 1001 });
  await panel.getByText('Not linked to a Salesforce Contact.').waitFor();
  await search(panel, 'amélie');
  const matches = panel.locator('.acw-contact-matches li');
  await matches.nth(1).waitFor();
  assert.deepEqual(await panel.locator('.acw-contact-match').allTextContents(), ['Amélie Dubois', 'Amélie Durand']);
  const dubois = matches.filter({ hasText: 'Amélie Dubois' });
  assert.match(await dubois.locator('.acw-contact-detail').textContent(), /amelie\.dubois@example\.com/);

  await dubois.getByRole('button', { name: 'Link' }).click();
  const contact = panel.locator('a.acw-contact-name');
  await contact.waitFor();
  assert.equal(await contact.textContent(), 'Amélie Dubois');
  assert.equal(await contact.getAttribute('href'), '/lightning/r/Contact/003QQ0000001001AAA/view');
  assert.equal(await contact.getAttribute('target'), '_top', 'the record opens in Salesforce’s window, not in the widget');
  assert.equal(await panel.getByRole('searchbox').count(), 0, 'the search closes once linked');
  assert.deepEqual(errors, []);
  await page.close();

  const again = await customerPanel({ conversation: 1001 });
  await again.panel.locator('a.acw-contact-name', { hasText: 'Amélie Dubois' }).waitFor();
  await again.page.close();
});

test('a Salesforce refusal is said in the agent’s language and keeps the term; a reader is offered no search', async () => {
  const { page, panel } = await customerPanel({ conversation: 1002, lang: 'fr', contactAccess: 'none' });
  const box = await search(panel, 'weber');
  const alert = panel.getByRole('alert');
  await alert.waitFor();
  assert.equal(visible(await alert.textContent()), 'Salesforce n’a pas pu rechercher les contacts\u202f: sObject type \'Contact\' is not supported.');
  assert.equal(await box.inputValue(), 'weber', 'the term is still there to try again');
  await page.close();

  const reader = await customerPanel({ conversation: 1002, permissionSets: 'Alcmeon_Widget_Reader' });
  await reader.panel.getByText('Not linked to a Salesforce Contact.').waitFor();
  assert.equal(await reader.panel.getByRole('button').count(), 0, 'linking needs the reply permission');
  await reader.page.close();
});

test('a new Contact is pre-filled with the customer’s name and WhatsApp number, created as the agent and linked', async () => {
  const { page, panel } = await customerPanel({ conversation: 1006 });
  await panel.getByRole('button', { name: 'Find a Contact' }).click();
  const name = panel.getByLabel('Name');
  const phone = panel.getByLabel('Phone');
  assert.equal(await name.inputValue(), 'Thomas Moreau');
  assert.equal(await phone.inputValue(), '33687654321');
  await panel.getByRole('button', { name: 'Create and link' }).click();
  const contact = panel.locator('a.acw-contact-name');
  await contact.waitFor();
  assert.equal(await contact.textContent(), 'Thomas Moreau');
  assert.match(await contact.getAttribute('href'), /^\/lightning\/r\/Contact\/003QQ\d{10}AAA\/view$/);
  await page.close();
});

test('the customer’s other conversations are listed with channel, date and status, and one click opens one in place', async () => {
  const { emulatorUrl, backendUrl } = product.stack;
  const response = await fetch(`${emulatorUrl}/_emulator/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'facebook', account_name: 'Lumio Messenger', customer_name: 'Leila on Messenger', messages: 2, customer_of: 1003 }),
  });
  assert.equal(response.status, 200);
  const { conversation_id: other } = await response.json();
  await waitForReplica(backendUrl, await highestActionId(emulatorUrl), 'latest_action_id');

  const { page, panel, errors } = await customerPanel({ conversation: 1003, tz: 'Pacific/Kiritimati' });
  await panel.locator('summary', { hasText: 'Other conversations of this customer' }).click();
  const row = panel.locator(`.acw-contact-other[data-conversation-id="${other}"]`);
  const text = visible(await row.textContent());
  assert.match(text, /^Messenger · Lumio Messenger · .+ · Open$/);
  const today = new Intl.DateTimeFormat('en-US', { timeZone: 'Pacific/Kiritimati', day: 'numeric' }).format(new Date());
  assert.match(text, new RegExp(`\\b${today}\\b`), 'the date is the agent’s zone’s');

  await row.click();
  const tab = page.locator(`[role="tab"][data-conversation-id="${other}"]`);
  await tab.waitFor();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  await page.locator('.acw-header .acw-customer', { hasText: 'Leila on Messenger' }).waitFor();
  await page.locator('.acw-thread', { hasText: 'Message 2 of 2' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
