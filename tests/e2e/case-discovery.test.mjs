// Which conversation a Case page opens, decided on the record page by the real LWC and the Apex
// stand-in: the Case's own conversation (lightning.test.mjs), else the conversation of its newest
// engagement that has one (opened in conversation mode, named in the widget's header, its token
// naming that conversation only), else a Custom Label that says why nothing is shown: an engagement
// waiting for its conversation, or what an admin must create. Those two pages ask the backend for
// nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, LABELS, componentState, openRecordPage, sendReply, threadsRequested, visible, widgetReady } from '../support/record-page.mjs';
import { recordIds } from '../lightning/records.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const GET_SESSION_TOKEN = '/apex/AlcmeonSessionController.getSessionToken';
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/** Opens `pageOptions` in a context of its own, keeping each token Apex minted for the page. */
async function openKeepingTokens(pageOptions) {
  const context = await product.browser.newContext();
  const tokens = [];
  context.on('response', (response) => {
    if (response.url().endsWith(GET_SESSION_TOKEN) && response.ok()) tokens.push(response.json().then((body) => body.returnValue));
  });
  const opened = await openRecordPage(product, pageOptions, { context });
  return { ...opened, tokens };
}

test('a Case linked only through an engagement opens that engagement’s conversation in conversation mode, and a reply reaches it', async () => {
  const { page, context, tokens, requests, errors } = await openKeepingTokens({ object: CASE, conversation: 1003, link: 'engagement' });
  await widgetReady(page);
  assert.equal(await componentState(page), 'mounted');
  assert.deepEqual([...new Set(threadsRequested(requests))], [1003], 'the widget shows the engagement’s conversation');

  const header = page.locator('.acw-header');
  assert.equal(visible((await header.locator('.acw-mode').textContent()).trim()), 'Conversation', 'the header names the mode');
  assert.ok(visible(await header.textContent()).includes('ليلى حداد'), 'with conversation 1003’s customer');

  const claims = claimsOf(await tokens[0]);
  assert.equal(claims.rec, recordIds(1003).caseId, 'the token is the Case’s');
  assert.deepEqual(claims.convs, [1003], 'and names the engagement’s conversation only');

  await sendReply(product, page, 1003, `Thanks for answering our message (${Date.now()})`, { via: 'button' });
  assert.deepEqual(errors, [], 'no error on the page');
  await context.close();
});

test('the header names the mode in the agent’s language', async () => {
  const { page, context } = await openRecordPage(product, { object: CASE, conversation: 1002, lang: 'de' });
  await widgetReady(page);
  assert.equal(visible((await page.locator('.acw-header .acw-mode').textContent()).trim()), 'Konversation');
  await context.close();
});

for (const { name, link, label } of [
  { name: 'a Case whose engagements have no conversation yet says one is waiting', link: 'engagement', label: 'Alcmeon_Error_Engagement_Waiting' },
  { name: 'a Case with neither conversation nor engagement says what an admin must create', link: 'case', label: 'Alcmeon_Error_No_Conversation' },
]) {
  test(`${name}, and asks the backend for nothing`, async () => {
    const { page, context, requests } = await openRecordPage(product, { object: CASE, conversation: null, link });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(visible((await alert.locator('h2').textContent()).trim()), LABELS[label]);
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
    await context.close();
  });
}
