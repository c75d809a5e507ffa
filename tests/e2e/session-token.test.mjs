// The widget asks the host (Apex in Salesforce) for a new session token before the current one
// expires, so the backend never has to refuse a call, and nothing the agent typed is lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';

const product = useRunningProduct();

test('a token about to expire is replaced before a call, never after a refusal', async () => {
  const page = await product.browser.newPage();
  const minted = [];
  const refused = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/apex/session-token')) minted.push(request.url());
  });
  page.on('response', (response) => {
    if (response.url().startsWith(product.stack.backendUrl) && response.status() === 401) refused.push(response.url());
  });
  // A 62-second token is due for renewal (a minute before expiry) two seconds after it is minted.
  await page.goto(`${product.stack.hostUrl}?conversation=1005&token_ttl=62`);
  await page.locator('.acw-message').first().waitFor();
  const box = page.locator('.acw-composer-text');
  await box.fill('Thanks for your review, we are looking into it');
  const mintedBefore = minted.length;
  await page.waitForTimeout(3_000);
  await page.locator('.acw-send').click();
  await page
    .locator('.acw-outbound', { hasText: 'Thanks for your review, we are looking into it' })
    .locator('.acw-delivery[data-state="sent"]')
    .waitFor({ timeout: 20_000 });
  assert.ok(minted.length > mintedBefore, 'a fresh token was minted for the reply');
  assert.deepEqual(refused, [], 'the backend refused no call');
  await page.close();
});
