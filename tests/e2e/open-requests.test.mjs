// What one open of a record costs, on the Lightning-like page with the real LWC: one session token
// minted by Apex and one request for the conversation's thread (with the agent's time zone's
// rules), made by the component as soon as it has the token, never after the widget is mounted;
// the widget then follows the conversation live from that page (no second read of the thread when
// its event stream opens, no request for the time zone).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MODES } from '../support/modes.mjs';
import { customerWrites, useRunningProduct } from '../support/product.mjs';
import { CASE, openRecordPage, threadsRequested, widgetReady } from '../support/record-page.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const GET_SESSION_TOKEN = '/apex/AlcmeonSessionController.getSessionToken';
// c/widgetLoader's MOUNTING_MARK: set just before the widget is mounted (which would otherwise
// ask for the thread itself).
const MOUNTING_MARK = 'alcmeon-widget:mounting';
const CONVERSATION = 1004;

/** How many requests asked the backend for a time zone's rules (the thread page carries them). */
const zonesRequested = (requests) => requests.filter((request) => new URL(request.url()).pathname.startsWith('/v1/time-zones/')).length;

/**
* When, on the page's own clock, the first request for `conversationId`'s thread started (its
* resource timing entry) and the widget was mounted (the loader's mark).
*/
function openTimeline(page, conversationId) {
  return page.evaluate(
    ({ conversationId, mark }) => {
      const thread = performance
        .getEntriesByType('resource')
        .find((entry) => new URL(entry.name).pathname === `/v1/conversations/${conversationId}/thread`);
      const mounting = performance.getEntriesByName(mark)[0];
      return { threadStart: thread?.startTime, mounting: mounting?.startTime };
    },
    { conversationId, mark: MOUNTING_MARK },
  );
}

for (const mode of MODES) {
  describe(mode.name, () => {
    test('an open mints one token and reads the thread once, before the widget is mounted; live messages still arrive', async (t) => {
      const context = await product.browser.newContext();
      // The page loads many scripts: keep every resource timing entry, not the first 250.
      await context.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
      const { page, requests, errors } = await openRecordPage(product, { ...mode.page, object: CASE, conversation: CONVERSATION }, { context });
      await widgetReady(page);
      await page.waitForFunction(() => window.lightningProbes.openStreams() === 1);

      const text = `Is my order on its way? (${mode.page.shadow}${mode.page.lws ? '+lws' : ''} ${Date.now()})`;
      await customerWrites(product.stack.emulatorUrl, CONVERSATION, text);
      await page.locator('.acw-message', { hasText: text }).waitFor();

      const minted = requests.filter((request) => request.url().endsWith(GET_SESSION_TOKEN)).length;
      const threads = threadsRequested(requests);
      const { threadStart, mounting } = await openTimeline(page, CONVERSATION);
      t.diagnostic(`tokens minted ${minted}, thread requests ${threads.length}, thread request at ${threadStart?.toFixed(1)} ms, widget mounted at ${mounting?.toFixed(1)} ms`);
      assert.equal(minted, 1, 'one session token minted for the open');
      assert.deepEqual(threads, [CONVERSATION], 'one request for the thread, none when the stream opened');
      assert.equal(zonesRequested(requests), 0, 'the time zone came with the thread');
      assert.ok(threadStart !== undefined && mounting !== undefined, 'the thread request and the mount are on the timeline');
      assert.ok(threadStart < mounting, 'the component asked for the thread before the widget was mounted');
      assert.deepEqual(errors, [], 'no error on the page');
      await context.close();
    });
  });
}

// Where the page may not compile WebAssembly the widget runs in the backend's frame: the component
// requests no thread (the frame reads its own), and the widget's first calls, made together, share
// the one token the component minted.
test('in the backend’s frame too, an open mints one token and reads the thread once', async (t) => {
  const { page, context, requests, errors } = await openRecordPage(product, { object: CASE, conversation: CONVERSATION, csp: 'self' });
  await page.frameLocator('iframe').locator('.acw-composer-text').waitFor({ timeout: 30_000 });
  const minted = requests.filter((request) => request.url().endsWith(GET_SESSION_TOKEN)).length;
  const threads = threadsRequested(requests);
  t.diagnostic(`tokens minted ${minted}, thread requests ${threads.length}`);
  assert.equal(minted, 1, 'one session token minted for the open');
  assert.deepEqual(threads, [CONVERSATION], 'one request for the thread, the frame’s');
  assert.equal(zonesRequested(requests), 0, 'the time zone came with the thread');
  assert.deepEqual(errors, [], 'no error on the page');
  await context.close();
});
