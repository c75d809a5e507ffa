// The widget asks the host (Apex in Salesforce) for a new session token before the current one
// expires, so the backend never has to refuse a call, and nothing the agent typed is lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { openRecordPage } from '../support/record-page.mjs';

const product = useRunningProduct();

const GET_SESSION_TOKEN = '/apex/AlcmeonSessionController.getSessionToken';
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

test('a token about to expire is replaced before a call, never after a refusal', async () => {
  const context = await product.browser.newContext();
  const minted = []; // the claims of each token Apex minted, as promises
  const refused = [];
  context.on('response', (response) => {
    if (response.url().endsWith(GET_SESSION_TOKEN)) minted.push(response.json().then((body) => claimsOf(body.returnValue)));
    if (response.url().startsWith(product.stack.backendUrl) && response.status() === 401) refused.push(response.url());
  });
  // A 62-second token is due for renewal (a minute before expiry) two seconds after it is minted.
  const { page } = await openRecordPage(product, { conversation: 1005, tokenLifetime: 62 }, { context });
  await page.locator('.acw-message').first().waitFor();
  const box = page.locator('.acw-composer-text');
  await box.fill('Thanks for your review, we are looking into it');
  const mintedBefore = minted.length;
  assert.ok(mintedBefore > 0, 'the widget opened with a minted token');
  const { iat, exp } = await minted.at(-1);
  assert.equal(exp - iat, 62, 'the page asked Apex for 62-second tokens');
  // By the page's own clock, the token the widget holds is now due for renewal.
  await page.waitForFunction((dueAtMs) => Date.now() >= dueAtMs, (exp - 60) * 1000);
  await page.locator('.acw-send').click();
  await page
    .locator('.acw-outbound', { hasText: 'Thanks for your review, we are looking into it' })
    .locator('.acw-delivery[data-state="sent"]')
    .waitFor({ timeout: 20_000 });
  assert.ok(minted.length > mintedBefore, 'a fresh token was minted for the reply');
  assert.deepEqual(refused, [], 'the backend refused no call');
  await context.close();
});
