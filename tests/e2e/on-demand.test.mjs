// A conversation the backend's replica has never seen, in an Alcméon environment of a million
// actions: the widget says it is fetching it, then shows the thread, then live updates. Alcméon's
// rate limit is spent just before, so the fetch meets a 429 and waits it out (the emulator's window
// is shortened to 4 s so the wait is short): the loading state is on screen while it waits, and
// the 429 is never shown as a failure.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser } from '../support/browser.mjs';
import { customerWrites } from '../support/product.mjs';
import { widgetReady } from '../support/record-page.mjs';
import { DEMO, startStack } from '../support/stack.mjs';

const product = {};
/** A generated conversation of the million-action history (1009 to 51008). */
const UNSEEN = 30000;

before(async () => {
  product.stack = await startStack({
    emulatorEnv: {
      ALCMEON_EMULATOR_BULK_ACTIONS: '1000000',
      ALCMEON_EMULATOR_BULK_CONVERSATIONS: '50000',
      ALCMEON_EMULATOR_RATE_LIMIT_WINDOW_SECS: '4',
    },
    backendEnv: { BACKEND_REPLICA_START: 'newest' },
  });
  product.browser = await launchBrowser();
});
after(async () => {
  await product.browser?.close();
  await product.stack?.stop();
});

async function calls(route) {
  const counts = await (await fetch(`${product.stack.emulatorUrl}/_emulator/calls`)).json();
  return counts[route] ?? 0;
}

/** Calls Alcméon with the application's credentials until it answers 429. */
async function spendAlcmeonBudget() {
  const auth = Buffer.from(`${DEMO.instanceId}:${DEMO.alcmeonSecret}`).toString('base64');
  for (;;) {
    const response = await fetch(`${product.stack.emulatorUrl}/actions?min_action_id=0`, { headers: { authorization: `Basic ${auth}` } });
    await response.arrayBuffer();
    if (response.status === 429) return;
  }
}

test('an unseen conversation shows that it is being fetched, then its thread, then live messages', async () => {
  const health = await (await fetch(`${product.stack.backendUrl}/health`)).json();
  assert.equal(health.replica.latest_action_id, 0, 'the replica holds no conversation yet');

  const page = await product.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await spendAlcmeonBudget();
  await page.goto(product.stack.pageUrl({ conversation: UNSEEN, lang: 'fr' }));
  await page.locator('.acw-status', { hasText: 'Récupération de la conversation depuis Alcméon…' }).waitFor();
  await widgetReady(page);

  const messages = page.locator('.acw-message');
  assert.equal(await messages.count(), 20, 'the whole history');
  assert.equal(await messages.first().locator('.acw-bubble').textContent(), `Message 1 in conversation ${UNSEEN}`);
  const fetches = await calls('GET /actions/conversations/{conversation_id}');
  assert.ok(fetches >= 1 && fetches <= 2, `one call, and one more if the first met the 429: ${fetches}`);

  await customerWrites(product.stack.emulatorUrl, UNSEEN, 'Toujours là ?');
  await page.locator('.acw-bubble', { hasText: 'Toujours là ?' }).waitFor();
  assert.equal(await page.locator('.acw-error').count(), 0, 'no failure was shown');
  assert.deepEqual(errors, []);
  await page.close();
});
