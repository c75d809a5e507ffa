// Replies queued behind Alcméon's rate limit, on the Lightning-like record page with the real LWC:
// Alcméon allows 18 calls a minute here (and the backend's budget says the same), so an agent who
// sends several replies at once sees, under one that waits, that it is queued and about how many
// seconds it still waits, counting down on its own; the notice goes once the reply is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { openRecordPage } from '../support/record-page.mjs';

const product = useRunningProduct({
  verbose: !!process.env.VERBOSE,
  emulatorEnv: { ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE: '18' },
  backendEnv: { ALCMEON_RATE_LIMIT_PER_MINUTE: '18' },
});

const QUEUED = 'Queued behind Alcméon’s rate limit';

// Fluent isolates placeables with U+2068…U+2069; read what the agent sees.
async function visibleText(locator) {
  return (await locator.textContent()).replace(/[\u2068\u2069]/g, '');
}

/** The seconds a delivery line says its reply still waits; NaN when it says something else. */
async function secondsLeft(line) {
  const match = /^Queued behind Alcméon’s rate limit · about (\d+) seconds?$/.exec(await visibleText(line));
  return match ? Number(match[1]) : NaN;
}

test('an agent sending several replies at a low rate limit sees a waiting one queued, counting down, until it is sent', async () => {
  const { page, errors } = await openRecordPage(product, { conversation: 1001 });
  await page.locator('.acw-message').first().waitFor();
  const box = page.locator('.acw-composer-text');
  const batch = Date.now();
  for (let n = 1; n <= 4; n++) {
    await box.fill(`Queued reply ${n} of 4 (${batch})`);
    await box.press('Enter');
  }

  const waiting = page.locator('.acw-outbound', { has: page.locator('.acw-delivery-text', { hasText: QUEUED }) });
  await waiting.first().waitFor({ timeout: 30_000 });
  const text = await visibleText(waiting.first().locator('.acw-bubble'));
  const item = page.locator('.acw-outbound', { hasText: text });
  const line = item.locator('.acw-delivery-text');
  const first = await secondsLeft(line);
  assert.ok(first >= 5 && first <= 90 && first % 5 === 0, `"${await visibleText(line)}"`);
  assert.match(await visibleText(page.locator('.acw-announcer[role="status"]')), /Queued behind Alcméon’s rate limit · about \d+ seconds/, 'said once in the live region');

  // It counts down between the backend's words, until the reply leaves.
  if (first > 5) {
    await page.waitForFunction(
      ([element, from]) => {
        const match = /about \D?(\d+)\D? second/.exec(element.textContent);
        return !match || Number(match[1]) < from;
      },
      [await line.elementHandle(), first],
      { timeout: 20_000 },
    );
  }
  await item.locator('.acw-delivery[data-state="sent"]').waitFor({ timeout: 60_000 });
  assert.equal(await visibleText(line), 'Sent', 'the notice gives way to the delivery');
  assert.deepEqual(errors, []);
  await page.close();
});
