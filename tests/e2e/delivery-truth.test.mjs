// The thread tells the truth about every message: whoever wrote a reply (another agent in
// Alcméon's own inbox, a colleague in another widget), it shows whether the customer got it, and
// only its author may retry a failed one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { openRecordPage, visible, widgetReady } from '../support/record-page.mjs';

const product = useRunningProduct();

const REFUSED = 'Failed: The channel refused the reply';

/** The line under a message that says where its delivery stands. */
const deliveryLine = (message) => message.locator('.acw-delivery');

const colour = (locator) => locator.evaluate((element) => getComputedStyle(element).color);

test("another agent's answer Alcméon failed to deliver is marked not delivered, with its reason and no Retry; the resent copy is not", async () => {
  // Seeded 1002: Emma answered in Alcméon, the channel refused it, she sent the same text again.
  const { page } = await openRecordPage(product, { conversation: 1002 });
  const copies = page.locator('.acw-outbound.acw-message--other-agent', {
    hasText: 'Hi Jonas! The Lyon store is open on Sundays',
  });
  await copies.first().waitFor();
  assert.equal(await copies.count(), 2, "both copies are in the thread, as Emma's");
  const [undelivered, delivered] = [copies.nth(0), copies.nth(1)];

  const failure = deliveryLine(undelivered);
  assert.equal(await failure.getAttribute('data-state'), 'failed');
  assert.ok(await failure.isVisible(), 'the failure is shown, not only in the markup');
  assert.equal(visible(await failure.locator('.acw-delivery-text').textContent()), REFUSED);
  assert.equal(await undelivered.locator('.acw-retry').count(), 0, "a retry is the author's");

  const success = deliveryLine(delivered);
  assert.equal(await success.getAttribute('data-state'), 'sent');
  assert.equal(visible(await success.locator('.acw-delivery-text').textContent()), 'Sent');
  assert.notEqual(await colour(failure), await colour(success), 'the failure looks like one');
  assert.equal(await page.locator('.acw-retry').count(), 0, 'nothing of Camille to retry here');
  await page.close();
});

test("a colleague's reply from another widget that fails shows failed live, is announced, and only its author can retry it", async () => {
  // Camille writes; Emma reads the same conversation in her own widget.
  const { page: author } = await openRecordPage(product, { conversation: 1003 });
  const { page: reader } = await openRecordPage(product, {
    conversation: 1003,
    email: 'emma.schmidt@example.com',
    name: 'Emma Schmidt',
  });
  await Promise.all([widgetReady(author), widgetReady(reader)]);

  const text = `Your parcel is on its way [fail] ${Date.now()}`;
  await author.locator('.acw-composer-text').fill(text);
  await author.locator('.acw-send').click();

  const theirs = reader.locator('.acw-message--other-agent', { hasText: text });
  await theirs.locator('.acw-delivery[data-state="failed"]').waitFor({ timeout: 30_000 });
  assert.equal(visible(await deliveryLine(theirs).locator('.acw-delivery-text').textContent()), REFUSED);
  assert.equal(await theirs.locator('.acw-retry').count(), 0, 'the reader cannot retry it');
  const announcer = reader.locator('.acw-announcer[role="status"]');
  await reader.waitForFunction(
    ([element, expected]) => element.textContent.replace(/[\u2068\u2069]/g, '').includes(expected),
    [await announcer.elementHandle(), REFUSED],
    { timeout: 5_000 },
  );

  const mine = author.locator('.acw-message--mine', { hasText: text });
  await mine.locator('.acw-delivery[data-state="failed"]').waitFor({ timeout: 30_000 });
  assert.equal(await mine.locator('.acw-retry').count(), 1, 'its author can');
  await Promise.all([author.close(), reader.close()]);
});
