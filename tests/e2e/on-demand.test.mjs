// A conversation the backend's replica has never seen, in an Alcméon environment of a million
// actions: the widget says it is fetching it, then shows the thread, then live updates.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser } from '../support/browser.mjs';
import { customerWrites } from '../support/product.mjs';
import { visible, widgetReady } from '../support/record-page.mjs';
import { startStack } from '../support/stack.mjs';

const product = {};
/** A generated conversation of the million-action history (1008 to 51007). */
const UNSEEN = 30000;

before(async () => {
  product.stack = await startStack({
    emulatorEnv: { ALCMEON_EMULATOR_BULK_ACTIONS: '1000000', ALCMEON_EMULATOR_BULK_CONVERSATIONS: '50000' },
    backendEnv: { BACKEND_REPLICA_START: 'newest' },
  });
  product.browser = await launchBrowser();
});
after(async () => {
  await product.browser?.close();
  await product.stack?.stop();
});

/** Records, from before the widget mounts, every text its loading status ever shows. */
function recordStatusTexts() {
  window.statusTexts = [];
  new MutationObserver(() => {
    for (const status of document.querySelectorAll('.acw-status')) {
      const text = status.textContent;
      if (window.statusTexts.at(-1) !== text) window.statusTexts.push(text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function calls(route) {
  const counts = await (await fetch(`${product.stack.emulatorUrl}/_emulator/calls`)).json();
  return counts[route] ?? 0;
}

test('an unseen conversation shows that it is being fetched, then its thread, then live messages', async () => {
  const health = await (await fetch(`${product.stack.backendUrl}/health`)).json();
  assert.equal(health.replica.latest_action_id, 0, 'the replica holds no conversation yet');

  const page = await product.browser.newPage();
  await page.addInitScript(recordStatusTexts);
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.goto(product.stack.pageUrl({ conversation: UNSEEN, lang: 'fr' }));
  await widgetReady(page);
  const shown = await page.evaluate(() => window.statusTexts);
  assert.ok(shown.includes('Récupération de la conversation depuis Alcméon…'), JSON.stringify(shown));
  assert.ok(!shown.some((text) => text.includes('pas encore disponible')), 'never "not available yet"');

  const messages = page.locator('.acw-message');
  assert.equal(await messages.count(), 20, 'the whole history, fetched in one call');
  assert.equal(await messages.first().locator('.acw-bubble').textContent(), `Message 1 in conversation ${UNSEEN}`);
  assert.equal(await calls('GET /actions/conversations/{conversation_id}'), 1);

  await customerWrites(product.stack.emulatorUrl, UNSEEN, 'Toujours là ?');
  await page.locator('.acw-bubble', { hasText: 'Toujours là ?' }).waitFor();
  assert.equal(visible(await page.locator('.acw-error').allTextContents().then((t) => t.join(''))), '');
  assert.deepEqual(errors, []);
  await page.close();
});
