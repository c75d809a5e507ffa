// What happens around the messages: agents' actions shown in the thread, the composer closed when
// a reply cannot be sent (archived, reply window over, no permission), the agent's own replies
// told from colleagues', attachments, and what a screen reader hears.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { customerWrites, useRunningProduct } from '../support/product.mjs';
import { openRecordPage } from '../support/record-page.mjs';

const product = useRunningProduct();

// A 1×1 PNG and a few bytes standing in for a PDF.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.4\n% Lumio invoice 2026-118\n%%EOF\n');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>window.pwned=1</script></svg>');

/** The Case page of the conversation (more record-page options in `options`), once its messages show. */
async function openConversation(conversation, options = {}) {
  const { page } = await openRecordPage(product, { conversation, ...options });
  await page.locator('.acw-message').first().waitFor();
  return page;
}

// Fluent isolates placeables with U+2068…U+2069; compare what the agent sees.
async function visibleText(locator) {
  return (await locator.textContent()).replace(/[\u2068\u2069]/g, '');
}

async function emulator(path, body) {
  const response = await fetch(`${product.stack.emulatorUrl}/_emulator${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`emulator ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

test('an agent archiving the conversation shows live and closes the composer; the customer writing again reopens it', async () => {
  const page = await openConversation(1002);
  const box = page.locator('.acw-composer-text');
  await box.fill('A draft written before the archive');
  await emulator('/conversations/1002/agent-actions', { type: 'archive', agent_email: 'karim.benali@example.com' });
  const event = page.locator('.acw-event', { hasText: 'Karim Benali' }).last();
  await event.waitFor({ timeout: 20_000 });
  assert.match(await visibleText(event), /archived/i);
  const blocked = page.locator('.acw-composer-blocked');
  await blocked.waitFor({ timeout: 5_000 });
  assert.match(await visibleText(blocked), /archived/i);
  assert.equal(await page.locator('.acw-send').isDisabled(), true);
  assert.equal(await box.inputValue(), 'A draft written before the archive', 'the draft is kept');

  await customerWrites(product.stack.emulatorUrl, 1002, `Actually, one more question ${Date.now()}`);
  await blocked.waitFor({ state: 'detached', timeout: 20_000 });
  assert.equal(await page.locator('.acw-send').isDisabled(), false);
  await page.close();
});

test('assignments and other agent actions appear as lines in the thread', async () => {
  const page = await openConversation(1005);
  await emulator('/conversations/1005/agent-actions', {
    type: 'assign-to',
    agent_email: 'sophie.laurent@example.com',
    to_email: 'emma.schmidt@example.com',
  });
  const event = page.locator('.acw-event', { hasText: 'Emma Schmidt' }).last();
  await event.waitFor({ timeout: 20_000 });
  assert.match(await visibleText(event), /Sophie Laurent/);
  await page.close();
});

test('a WhatsApp conversation whose reply window has closed says so and cannot be answered', async () => {
  const page = await openConversation(1006);
  const blocked = page.locator('.acw-composer-blocked');
  await blocked.waitFor();
  assert.match(await visibleText(blocked), /reply window/i);
  assert.equal(await page.locator('.acw-composer-text').count(), 0, 'no free-text reply box');
  // Only a template could reach Thomas now, and he never opted in (engagement-window.test.mjs).
  await page.locator('[data-part="reengagement"] [data-part="block"]').waitFor();
  assert.equal(await page.locator('.acw-send').count(), 0, 'nothing can be sent');
  await page.close();
});

test('an agent without reply permission gets a read-only widget that says why', async () => {
  // The read-only permission set grants neither Alcmeon_Reply nor Alcmeon_Moderate.
  const page = await openConversation(1001, { permissionSets: 'Alcmeon_Widget_Reader' });
  const blocked = page.locator('.acw-composer-blocked');
  await blocked.waitFor();
  assert.match(await visibleText(blocked), /permission/i);
  assert.equal(await page.locator('.acw-send').isDisabled(), true);
  assert.ok((await page.locator('.acw-message').count()) > 0, 'the thread is still readable');
  await page.close();
});

test("the agent's own replies are marked as theirs; a colleague's reply appears live under their name", async () => {
  const page = await openConversation(1003, { email: 'Camille.Martin@example.com', name: 'Camille Martin' });
  const mine = `On my way to check ${Date.now()}`;
  await page.locator('.acw-composer-text').fill(mine);
  await page.locator('.acw-send').click();
  const own = page.locator('.acw-message--mine', { hasText: mine });
  await own.locator('.acw-delivery[data-state="sent"]').waitFor({ timeout: 20_000 });

  const theirs = `Emma here, I have the tracking number ${Date.now()}`;
  await emulator('/conversations/1003/agent-replies', { text: theirs, agent_email: 'emma.schmidt@example.com' });
  const colleague = page.locator('.acw-message--other-agent', { hasText: theirs });
  await colleague.waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('.acw-message--mine', { hasText: theirs }).count(), 0);
  assert.match(await visibleText(colleague.locator('.acw-author')), /Emma Schmidt/);
  await page.close();
});

test('an image attachment is previewed, a PDF is downloaded intact, and an SVG is never shown inline', async () => {
  const page = await openConversation(1001);
  const text = `Here is the damaged box and my invoice ${Date.now()}`;
  await emulator('/conversations/1001/inbound', {
    text,
    attachments: [
      { mime_type: 'image/png', data: PNG },
      { mime_type: 'application/pdf', data: PDF.toString('base64') },
      { mime_type: 'image/svg+xml', data: SVG.toString('base64') },
    ],
  });
  const message = page.locator('.acw-inbound', { hasText: text });
  await message.waitFor({ timeout: 20_000 });
  const image = message.locator('img.acw-attachment-image');
  await image.waitFor({ timeout: 10_000 });
  await page.waitForFunction((img) => img.complete && img.naturalWidth === 1, await image.elementHandle());
  assert.equal(await image.count(), 1, 'only the PNG is previewed');
  assert.ok((await image.getAttribute('alt'))?.length > 0, 'the preview has alt text');

  const downloads = message.locator('button.acw-attachment-download');
  assert.equal(await downloads.count(), 2, 'the PDF and the SVG are offered as downloads');
  const [download] = await Promise.all([page.waitForEvent('download'), downloads.first().click()]);
  assert.deepEqual(await readFile(await download.path()), PDF);
  const [svg] = await Promise.all([page.waitForEvent('download'), downloads.nth(1).click()]);
  assert.deepEqual(await readFile(await svg.path()), SVG, 'the SVG is a download, its bytes untouched');
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'the SVG ran no script');
  await page.close();
});

test('one live region announces live messages and failures, and the log itself stays silent', async () => {
  const page = await openConversation(1004);
  const live = page.locator('[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="alert"]');
  // Hidden regions (the host's spent spinner and empty error slot) are not read out.
  const regions = await live.evaluateAll((elements) =>
    elements.filter((element) => element.checkVisibility()).map((element) => element.outerHTML.slice(0, 120)),
  );
  assert.equal(regions.length, 1, `exactly one announcement path: ${regions.join(' | ')}`);
  assert.equal(await page.locator('[role="log"]').getAttribute('aria-live'), 'off');
  const announcer = page.locator('.acw-announcer[role="status"]');

  const text = `Do you ship to Lyon? ${Date.now()}`;
  await customerWrites(product.stack.emulatorUrl, 1004, text);
  await page.waitForFunction(
    ([element, expected]) => element.textContent.includes(expected),
    [await announcer.elementHandle(), text],
    { timeout: 20_000 },
  );

  const failing = `This one will not go out [fail] ${Date.now()}`;
  await page.locator('.acw-composer-text').fill(failing);
  await page.locator('.acw-send').click();
  await page.locator('.acw-outbound', { hasText: failing }).locator('.acw-delivery[data-state="failed"]').waitFor({ timeout: 20_000 });
  await page.waitForFunction((element) => /fail/i.test(element.textContent), await announcer.elementHandle(), {
    timeout: 5_000,
  });
  await page.close();
});
