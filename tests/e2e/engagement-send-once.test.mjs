// One engagement message, whatever the agent's hands and the network do: a double click on Send
// and a connection that drops after Alcméon took the message still give the customer exactly one
// message, and the agent sees it sent. The widget retries with the same client id; the backend
// answers a repeated client id with the send it already made.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, openRecordPage } from '../support/record-page.mjs';
import { fillTemplate, sentTo } from '../support/engagement.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

test('a double click, then a network drop during the send: exactly one message at Alcméon, shown sent', async () => {
  const { page, context, errors } = await openRecordPage(product, { object: CASE, conversation: null, link: 'engagement-ready' });
  await page.locator('[data-part="recipient"]').waitFor({ timeout: 30_000 });
  await fillTemplate(page, { template: 'satisfaction_follow_up', values: {} });

  // The network is down for the widget: its live stream cannot tell it the outcome either.
  await page.route('**/v1/engagement/events', (route) => route.abort('connectionreset'));
  const bodies = [];
  let dropped = 0;
  await page.route('**/v1/engagement/sends', async (route) => {
    bodies.push(JSON.parse(route.request().postData()));
    if (dropped === 0) {
      dropped += 1;
      // The request reaches the backend (and Alcméon); its answer never reaches the browser.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });

  await page.locator('[data-part="template-send"]').dblclick();
  // The widget learns the outcome by asking again under the same client id, on its own or when
  // the agent presses Retry.
  const status = page.locator('[data-part="send-status"]');
  const sentShown = status.locator('xpath=self::*[@data-state="sent"]');
  const retry = page.locator('[data-part="retry"]');
  await sentShown.or(retry).first().waitFor({ timeout: 30_000 });
  if (await retry.isVisible()) await retry.click();
  await sentShown.waitFor({ timeout: 30_000 });
  assert.equal(dropped, 1, 'the first answer was lost on the way');

  const sent = await sentTo(product, '33612345678');
  assert.equal(sent.length, 1, 'Alcméon received exactly one message');
  assert.equal(new Set(bodies.map((body) => body.client_id)).size, 1, 'every request carried the same client id');
  assert.deepEqual(errors.filter((error) => !/ERR_CONNECTION_RESET|Failed to fetch|net::/.test(error)), [], 'no other error on the page');
  await context.close();
});

test('keyboard only: Tab reaches the template, its variables, the preview and Send, and Enter sends', async () => {
  const { page, context } = await openRecordPage(product, { object: CASE, conversation: null, link: 'engagement-contact-mobile' });
  await page.locator('[data-part="recipient"]').waitFor({ timeout: 30_000 });
  /** The data-part (or tag) of the element holding the focus, through the shadow roots. */
  const focused = () =>
    page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.dataset?.part ?? element?.tagName?.toLowerCase();
    });
  const tabTo = async (part) => {
    const seen = [];
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      seen.push(now);
      if (now === part) return;
    }
    throw new Error(`Tab never reached ${part}: ${seen.join(', ')}`);
  };
  await tabTo('template-select');
  // Closed, a select takes the arrows: the next template, and back (the agent's language first).
  const preview = page.locator('.acw-preview-body');
  await page.keyboard.press('ArrowDown');
  assert.match(await preview.textContent(), /^Hi Camille Martin, how was your experience/);
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('[data-part="template-select"]').inputValue(), '2001', 'order_update again');
  assert.equal(await preview.count(), 0, 'no preview while its order number is missing');
  await tabTo('variable-input');
  const input = page.locator('[data-variable="order_number"] [data-part="variable-input"]');
  assert.equal(await input.evaluate((box) => box === box.getRootNode().activeElement), false, 'customer_name comes first, prefilled');
  await tabTo('variable-input');
  await page.keyboard.type('K-77');
  assert.match(await preview.textContent(), /your order K-77\./, 'the preview follows the keyboard');
  await tabTo('template-send');
  await page.keyboard.press('Enter');
  await page.locator('[data-part="send-status"][data-state="sent"]').waitFor({ timeout: 30_000 });
  const sent = await sentTo(product, '33612345678');
  assert.equal(sent.filter((message) => message.content.includes('K-77')).length, 1, 'one message, with what was typed');
  await context.close();
});
