// Engagement mode end to end, on the Lightning-like Case page with the real LWC, the real widget,
// backend and the Alcméon emulator: a consented customer is sent one template message, answers,
// and the same widget becomes the conversation, without a reload; a customer without consent, or
// with a conversation already going on, or without a usable number, is never sent anything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, openRecordPage, visible } from '../support/record-page.mjs';
import { answerEngagement, connectorSyncs, fillTemplate, sentEngagements, sentTo } from '../support/engagement.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const CAMILLE = '33612345678';
const HUGO = '33698765432';
const AMELIE = '33611223344';

/** The engagement page of the Case fixture `link=engagement-<fixture>`, once the widget shows it. */
async function openEngagement(fixture, pageOptions = {}) {
  const opened = await openRecordPage(product, { object: CASE, conversation: null, link: `engagement-${fixture}`, ...pageOptions });
  await opened.page.locator('[data-part="recipient"]').waitFor({ timeout: 30_000 });
  return opened;
}

test('consented customer: template chosen, variables filled, the preview is exactly what is sent, once; the answer turns the widget into the conversation in place', async () => {
  const { page, context, errors, requests } = await openEngagement('ready');
  const header = page.locator('.acw-header');
  assert.equal(visible((await header.locator('.acw-mode').textContent()).trim()), 'Engagement');
  assert.match(visible(await page.locator('[data-part="recipient-phone"]').textContent()), /\+33612345678/);
  assert.equal(await page.locator('[data-part="consent"]').getAttribute('data-consent'), 'opted-in');

  const preview = await fillTemplate(page, { template: 'order_update', values: { order_number: 'A-1042' } });
  assert.equal(
    preview,
    'Hello Camille Martin, this is Lumio. We have news about your order A-1042. Reply to this message to talk with our team.',
    'the customer name is prefilled from the record and the preview is the filled text',
  );
  await page.locator('[data-part="template-send"]').click();
  await page.locator('[data-part="send-status"][data-state="sent"]').waitFor({ timeout: 30_000 });

  const sent = await sentTo(product, CAMILLE);
  assert.equal(sent.length, 1, 'Alcméon received one message');
  assert.equal(sent[0].content, preview, 'exactly the previewed text');

  const sendWrite = await recordWrite(page, 'alcmeon__Message_Content__c');
  assert.equal(sendWrite.fields.alcmeon__Language_locale__c, 'en');
  assert.ok(sendWrite.fields.alcmeon__Sent_Date__c, 'with the sent date');

  const draft = page.locator('[data-part="engagement-draft"]');
  const prepared = 'Thanks Camille, your parcel is on its way';
  await draft.fill(prepared);
  await draft.focus();

  const answer = `Oui, merci ! ${Date.now()}`;
  const navigations = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  const { conversation_id: conversationId } = await answerEngagement(product, sent[0].message_id, answer);
  // Alcméon's connector creates the conversation's record in Salesforce when it starts.
  const { recordId: conversationRecordId } = await connectorSyncs(product, conversationId);

  await page.locator('.acw-inbound', { hasText: answer }).waitFor({ timeout: 40_000 });
  assert.equal(visible((await header.locator('.acw-mode').textContent()).trim()), 'Conversation', 'the header now says conversation mode');
  const messages = page.locator('.acw-message');
  assert.match(visible(await messages.first().textContent()), /We have news about your order A-1042/, 'the engagement message is at the top of the thread');
  assert.deepEqual(navigations, [], 'no reload, no other page');
  const composer = page.locator('.acw-composer-text');
  assert.equal(await composer.inputValue(), prepared, 'the prepared reply is kept as the conversation’s draft');
  assert.equal(await composer.evaluate((box) => box.getRootNode().activeElement === box), true, 'and the focus is in it');
  assert.match(visible(await page.locator('.acw-announcer').textContent()), /Camille Martin answered: the conversation is open/, 'screen readers hear the switch');

  const link = await recordWrite(page, 'alcmeon__Conversation__c');
  assert.equal(link.fields.alcmeon__Conversation__c, conversationRecordId, 'the Engagement record carries the conversation');
  assert.deepEqual(errors, [], 'no error on the page');
  assert.equal(requests.filter((r) => r.isNavigationRequest()).length, 1, 'the page was loaded once');
  await context.close();
});

test('an opted-out customer is blocked with the reason, and nothing is sent', async () => {
  const { page, context } = await openEngagement('opted-out');
  const block = page.locator('[data-part="block"]');
  await block.waitFor();
  assert.equal(await block.getAttribute('data-block'), 'opted-out');
  assert.match(visible(await block.textContent()), /opted out/i);
  assert.equal(await page.locator('[data-part="template-send"]').count(), 0, 'no send button');
  assert.deepEqual(await sentTo(product, HUGO), []);
  await context.close();
});

for (const { fixture, block } of [
  { fixture: 'no-recipient', block: 'recipient-missing' },
  { fixture: 'bad-recipient', block: 'recipient-malformed' },
]) {
  test(`a ${block.replace('-', ' ')} is shown as such, never sent`, async () => {
    const { page, context } = await openEngagement(fixture);
    const shown = page.locator('[data-part="block"]');
    await shown.waitFor();
    assert.equal(await shown.getAttribute('data-block'), block);
    assert.equal(await page.locator('[data-part="template-send"]').count(), 0);
    await context.close();
  });
}

test('a customer already in a conversation: Alcméon’s refusal is shown in words and the ongoing conversation is offered, and opens in place', async () => {
  const { page, context } = await openEngagement('ongoing');
  await fillTemplate(page, { template: 'satisfaction_follow_up', values: {} });
  await page.locator('[data-part="template-send"]').click();
  const status = page.locator('[data-part="send-status"][data-state="failed"]');
  await status.waitFor({ timeout: 30_000 });
  assert.match(visible(await status.textContent()), /ongoing conversation|already/i);
  assert.deepEqual(await sentTo(product, AMELIE), [], 'nothing was sent');
  await page.locator('[data-part="open-ongoing"]').click();
  await page.locator('.acw-composer-text').waitFor({ timeout: 30_000 });
  assert.equal(visible((await page.locator('.acw-header .acw-mode').textContent()).trim()), 'Conversation');
  assert.ok((await page.locator('.acw-message').count()) > 0, 'conversation 1001’s thread shows');
  await context.close();
});

test('the engagement page speaks the agent’s language and offers the templates in it first', async () => {
  const { page, context } = await openEngagement('contact-mobile', { lang: 'fr' });
  assert.equal(visible((await page.locator('.acw-header .acw-mode').textContent()).trim()), 'Engagement');
  const first = await page.locator('[data-part="template-select"] option').first().textContent();
  assert.match(first, /order_update_fr/);
  assert.ok((await sentEngagements(product)).every((e) => e.template_id !== 2002), 'opening sends nothing');
  await context.close();
});

/** The first LDS write of the page (the Lightning-like page logs them) that sets `field`, once it happens. */
async function recordWrite(page, field) {
  const handle = await page.waitForFunction(
    (name) => (window.lightningRecordWrites ?? []).find((write) => write.fields && name in write.fields),
    field,
    { timeout: 30_000 },
  );
  return handle.jsonValue();
}
