// The session token is bound to the record the component sits on: an agent who may not see the
// record gets Apex's clear refusal and no conversation at all, and the token of a record works for
// its own conversations only: a request crafted by hand for another conversation is refused 403,
// in engagement mode too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, LABELS, componentState, openRecordPage, threadsRequested, visible, widgetReady } from '../support/record-page.mjs';
import { engagementFixtureId, recordIds } from '../lightning/records.mjs';

const product = useRunningProduct();

const GET_SESSION_TOKEN = '/apex/AlcmeonSessionController.getSessionToken';
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

test('an agent who may not see the Case reads why, and the page asks the backend for nothing', async () => {
  const { page, context, requests } = await openRecordPage(product, { object: CASE, conversation: 1001, recordAccess: 'none' });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(visible((await alert.locator('h2').textContent()).trim()), LABELS.Alcmeon_Error_No_Access);
  assert.equal(await componentState(page), 'error');
  assert.equal(await page.locator('.acw').count(), 0, 'no widget is mounted');
  const apexCalls = requests.filter((request) => request.url().endsWith(GET_SESSION_TOKEN));
  assert.equal(apexCalls.length, 1, 'Apex was asked once');
  assert.equal((await apexCalls[0].response()).status(), 400, 'and minted no token');
  assert.deepEqual(
    requests.filter((request) => request.url().startsWith(product.stack.backendUrl)).map((request) => request.url()),
    [],
    'nothing reached the backend',
  );
  assert.deepEqual(threadsRequested(requests), []);
  assert.equal(await page.locator('.acw-message').count(), 0, 'no conversation data is shown');
  await context.close();
});

test('the page’s token opens its Case’s conversations and is refused 403 for any other, which the widget never shows', async () => {
  const context = await product.browser.newContext();
  const tokens = [];
  context.on('response', (response) => {
    if (response.url().endsWith(GET_SESSION_TOKEN)) tokens.push(response.json().then((body) => body.returnValue));
  });
  const { page, requests } = await openRecordPage(product, { object: CASE, conversation: 1001 }, { context });
  await widgetReady(page);
  const token = await tokens[0];
  assert.deepEqual(claimsOf(token).convs, [1001, 1005], 'the Case’s two conversations, newest first');

  const thread = (conversationId) =>
    fetch(`${product.stack.backendUrl}/v1/conversations/${conversationId}/thread`, { headers: { authorization: `Bearer ${token}` } });
  const own = await thread(1001);
  assert.equal(own.status, 200);
  const other = await thread(1002);
  assert.equal(other.status, 403);
  const refusal = await other.json();
  assert.equal(refusal.code, 'forbidden');
  assert.ok(!JSON.stringify(refusal).includes('Jonas'), 'nothing of conversation 1002 is returned');
  const reply = await fetch(`${product.stack.backendUrl}/v1/conversations/1002/replies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'crafted-1', text: 'Not my conversation' }),
  });
  assert.equal(reply.status, 403);

  assert.deepEqual([...new Set(threadsRequested(requests))], [1001], 'the widget asked for its own conversation only');
  const shown = await page.locator('.acw').textContent();
  assert.ok(shown.includes('Amélie Dubois'), 'the widget shows conversation 1001');
  assert.ok(!shown.includes('Jonas Weber'), 'conversation 1002 is never shown');
  await context.close();
});

test('an engagement-mode token is bound to its Case and engagement: it opens no other conversation, and an agent who may not see the Case gets none', async () => {
  const context = await product.browser.newContext();
  const tokens = [];
  context.on('response', (response) => {
    if (response.url().endsWith(GET_SESSION_TOKEN) && response.ok()) tokens.push(response.json().then((body) => body.returnValue));
  });
  const { page, requests } = await openRecordPage(product, { object: CASE, conversation: null, link: 'engagement-ready' }, { context });
  await page.waitForFunction(() => document.querySelector('c-alcmeon-conversation')?.shadowRoot.querySelector('.body')?.dataset.state !== 'loading');
  assert.ok(tokens.length > 0, 'Apex minted a token for the Case');
  const claims = claimsOf(await tokens[0]);
  assert.deepEqual([claims.convs, claims.eng.id], [[], engagementFixtureId('engagement-ready')]);
  // Conversation 1001 is Amélie's, on the same WhatsApp account: not the engagement's recipient.
  const thread = await fetch(`${product.stack.backendUrl}/v1/conversations/1001/thread`, { headers: { authorization: `Bearer ${await tokens[0]}` } });
  assert.equal(thread.status, 403);
  assert.ok(!JSON.stringify(await thread.json()).includes('Amélie'), 'nothing of conversation 1001 is returned');
  assert.deepEqual(threadsRequested(requests), []);
  await context.close();

  const hidden = await openRecordPage(product, { object: CASE, conversation: null, link: 'engagement-ready', recordAccess: 'none' });
  const alert = hidden.page.getByRole('alert');
  await alert.waitFor();
  assert.equal(visible((await alert.locator('h2').textContent()).trim()), LABELS.Alcmeon_Error_No_Access);
  assert.deepEqual(
    hidden.requests.filter((request) => request.url().startsWith(product.stack.backendUrl)).map((request) => request.url()),
    [],
    'nothing reached the backend',
  );
  await hidden.context.close();
});
