// Which mode a Case page opens, decided on the record page by the real LWC and the Apex stand-in:
// the Case's own conversation (lightning.test.mjs), else the conversation of its newest engagement
// that has one (opened in conversation mode, named in the widget's header, its token naming that
// conversation only), else engagement mode on its newest engagement (the widget is handed the
// engagement, no conversation; the token names no conversation and carries the engagement's
// recipient, sender, customer and Case number), else a Custom Label that says what an admin must
// create, and the page asks the backend for nothing. In engagement mode the LWC records what the
// widget sent, and the conversation it grew into, on the Engagement through LDS: checked here by
// calling the context's callbacks as the widget does (its engagement page is tested elsewhere).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, LABELS, componentState, openRecordPage, sendReply, threadsRequested, visible, widgetReady } from '../support/record-page.mjs';
import { ENGAGEMENT, engagementFixtureId, recordIds } from '../lightning/records.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const GET_SESSION_TOKEN = '/apex/AlcmeonSessionController.getSessionToken';
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

// Installed before any page script: keeps every context the LWC hands the widget's mount(), as
// `window.widgetContexts` (the glue publishes the widget as window.alcmeonWidget).
function widgetContextProbe() {
  let widget;
  const contexts = [];
  Object.defineProperty(window, 'widgetContexts', { value: contexts });
  Object.defineProperty(window, 'alcmeonWidget', {
    configurable: true,
    get: () => widget,
    set(value) {
      if (value && typeof value.mount === 'function') {
        const mount = value.mount;
        value.mount = function (element, context) {
          contexts.push(context);
          return mount.call(this, element, context);
        };
      }
      widget = value;
    },
  });
}

/** The contexts the LWC mounted the widget with, functions named by their type. */
function mountedContexts(page) {
  return page.evaluate(() =>
    window.widgetContexts.map((context) =>
      Object.fromEntries(Object.entries(context).map(([key, value]) => [key, typeof value === 'function' ? 'function' : value])),
    ),
  );
}

/** Opens `pageOptions` in a context of its own, keeping each token Apex minted for the page and each widget context. */
async function openKeepingTokens(pageOptions) {
  const context = await product.browser.newContext();
  await context.addInitScript(widgetContextProbe);
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

test('a Case whose only engagement has no conversation mounts the widget in engagement mode, its token bound to the engagement', async () => {
  const { page, context, tokens, requests } = await openKeepingTokens({ object: CASE, conversation: null, link: 'engagement-ready' });
  await page.waitForFunction(() => window.widgetContexts.length > 0);
  const { caseId } = recordIds(null);
  const waitingEngagementId = engagementFixtureId('engagement-ready');
  const [mounted, ...again] = await mountedContexts(page);
  assert.deepEqual(again, [], 'mounted once');
  const { backendUrl, assetsUrl, ...handed } = mounted;
  assert.equal(backendUrl, product.stack.backendUrl.replace(/\/+$/, ''));
  assert.ok(assetsUrl.endsWith('/resource/alcmeonWidget'));
  assert.deepEqual(handed, {
    engagementId: waitingEngagementId,
    lang: 'en-US',
    locale: 'en-US',
    timeZone: 'Europe/Paris',
    userId: '0055g00000AbCdEAAV',
    recordId: caseId,
    objectApiName: 'Case',
    getToken: 'function',
    recordEngagementSend: 'function',
    recordEngagementConversation: 'function',
    searchContacts: 'function',
    createContact: 'function',
  }, 'the engagement and no conversation');

  const claims = claimsOf(await tokens[0]);
  assert.equal(claims.rec, caseId, 'the token is the Case’s');
  assert.deepEqual(claims.convs, [], 'it opens no conversation of its own');
  assert.deepEqual(claims.eng, { id: waitingEngagementId, to: '+33 6 12 34 56 78', from: '201', name: 'Camille Martin', case: '00001000' });
  assert.deepEqual(threadsRequested(requests), [], 'no conversation thread is read');
  await context.close();
});

test('in engagement mode the LWC writes the send and the conversation it grew into on the Engagement, through LDS', async () => {
  const { page, context } = await openKeepingTokens({ object: CASE, conversation: null, link: 'engagement-ready' });
  await page.waitForFunction(() => window.widgetContexts.length > 0);
  const waitingEngagementId = engagementFixtureId('engagement-ready');
  const writes = () => page.evaluate(() => window.lightningRecordWrites ?? []);
  const callback = (name, argument) => page.evaluate(([method, value]) => window.widgetContexts[0][method](value), [name, argument]);

  const sent = { content: 'Bonjour Camille,\nvotre commande <#1042> est partie.', language: 'fr', sentAt: '2026-11-26T09:30:00.000Z', error: null };
  assert.equal(await callback('recordEngagementSend', sent), true);
  assert.deepEqual(await writes(), [
    {
      recordId: waitingEngagementId,
      apiName: ENGAGEMENT,
      fields: {
        alcmeon__Message_Content__c: 'Bonjour Camille,<br>votre commande &lt;#1042&gt; est partie.',
        alcmeon__Language_locale__c: 'fr',
        alcmeon__Message_Send_Error__c: '',
        alcmeon__Sent_Date__c: '2026-11-26T09:30:00.000Z',
      },
    },
  ], 'what was sent, as a report in Salesforce shows it');

  const answered = 880000 + Math.floor(Math.random() * 10000);
  assert.equal(await callback('recordEngagementConversation', answered), false, 'Salesforce holds no record of that conversation yet');
  assert.equal((await writes()).length, 1, 'so nothing is written');
  const synced = await fetch(new URL('/__connector/conversations', product.stack.host.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId: answered }),
  });
  const { recordId } = await synced.json();
  assert.equal(await callback('recordEngagementConversation', answered), true);
  assert.deepEqual((await writes())[1], { recordId: waitingEngagementId, apiName: ENGAGEMENT, fields: { alcmeon__Conversation__c: recordId } });
  await context.close();
});

test('a read-only agent’s engagement writes are refused by LDS, and the refusal reaches the widget', async () => {
  const { page, context } = await openKeepingTokens({ object: CASE, conversation: null, link: 'engagement-ready', permissionSets: 'Alcmeon_Widget_Reader' });
  await page.waitForFunction(() => window.widgetContexts.length > 0);
  const refusal = await page.evaluate(() =>
    window.widgetContexts[0]
      .recordEngagementSend({ content: 'Hello', language: 'en', sentAt: null, error: 'blocked' })
      .then(() => 'written', (error) => error.body.errorCode),
  );
  assert.equal(refusal, 'INSUFFICIENT_ACCESS');
  assert.deepEqual(await page.evaluate(() => window.lightningRecordWrites ?? []), []);
  await context.close();
});

test('a Case with neither conversation nor engagement says what an admin must create, and asks the backend for nothing', async () => {
  const { page, context, requests } = await openRecordPage(product, { object: CASE, conversation: null, link: 'case' });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(visible((await alert.locator('h2').textContent()).trim()), LABELS.Alcmeon_Error_No_Conversation);
  assert.match(LABELS.Alcmeon_Error_No_Conversation, /alcmeon__Engagement__c/, 'the label names the engagement to create');
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
