// The real c-alcmeon-conversation LWC on a Lightning-like record page (tests/lightning), in each
// mode Lightning may run it: it finds the record's conversation through LDS, loads the widget from
// its static resource, and an agent replies with the keyboard; LDS failures and a Case without a
// conversation show the component's own messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MODES } from '../support/modes.mjs';
import { useRunningProduct } from '../support/product.mjs';
import {
  CASE,
  CONVERSATION,
  LABELS,
  componentState,
  cspViolations,
  nativeShadowRoots,
  openRecordPage,
  sendReply,
  threadsRequested,
  visible,
  widgetReady,
} from '../support/record-page.mjs';

// Sixteen replies and their checks in a few minutes: more than the emulator's default Alcméon
// budget (15 calls a minute, exercised by the backend's own tests), which is not what this file is about.
const product = useRunningProduct({ verbose: !!process.env.VERBOSE, emulatorEnv: { ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE: '600' } });

// The Case page finds its conversation through the related list, the Conversation page reads its
// own record: each page has the LDS adapter whose failure the component must show.
const RECORD_PAGES = [
  { object: CASE, conversation: 1001, adapter: 'getRelatedListRecords' },
  { object: CONVERSATION, conversation: 1003, adapter: 'getRecord' },
];

for (const mode of MODES) {
  describe(mode.name, () => {
    for (const { object, conversation, adapter } of RECORD_PAGES) {
      test(`${object} page: the widget mounts on conversation ${conversation}, and replies typed on the keyboard reach "sent" with Send and with Enter`, async () => {
        const { page, context, response, errors, requests } = await openRecordPage(product, { ...mode.page, object, conversation });
        await widgetReady(page);
        assert.equal(await componentState(page), 'mounted');
        assert.deepEqual([...new Set(threadsRequested(requests))], [conversation], 'the widget shows the record’s conversation');

        // The page is the mode it claims to be.
        assert.equal(response.headers()['content-security-policy'] !== undefined, mode.page.csp !== undefined, 'CSP header sent iff asked');
        assert.equal(await nativeShadowRoots(page), mode.nativeShadow ? 1 : 0, 'native shadow root iff native shadow');
        assert.equal(await page.evaluate(() => document.querySelector('.acw-composer-text')), null, 'the widget is inside the component’s shadow tree');
        assert.equal(
          await page.evaluate(() => typeof window.alcmeonWidget),
          mode.sandboxed ? 'undefined' : 'function',
          mode.sandboxed ? 'the widget’s script ran in the LWS sandbox, not on the page' : 'the widget’s script ran on the page',
        );

        const stamp = `${mode.page.shadow}${mode.page.lws ? '+lws' : ''}${mode.page.csp ? `+${mode.page.csp}` : ''} ${Date.now()}`;
        await sendReply(product, page, conversation, `Your parcel left our depot (Send, ${stamp})`, { via: 'button' });
        await sendReply(product, page, conversation, `It should arrive tomorrow (Enter, ${stamp})`, { via: 'enter' });

        assert.deepEqual(await cspViolations(page), [], 'nothing was blocked by the page’s CSP');
        assert.deepEqual(errors, [], 'no error on the page');
        await context.close();
      });

      test(`${object} page: when ${adapter} fails, the component shows its error alert and no widget`, async () => {
        const { page, context } = await openRecordPage(product, { ...mode.page, object, conversation, wireError: adapter });
        const alert = page.getByRole('alert');
        await alert.waitFor();
        const text = visible(await alert.textContent());
        assert.ok(text.includes(LABELS.Alcmeon_Error_Load), `the load error label is shown: ${text}`);
        assert.ok(text.includes(`${adapter} failed`), `the error's detail is shown: ${text}`);
        assert.equal(await componentState(page), 'error');
        assert.equal(await page.locator('.acw').count(), 0, 'no widget is mounted');
        await context.close();
      });
    }

    test('Case page without a linked conversation: the component says so', async () => {
      const { page, context, requests } = await openRecordPage(product, { ...mode.page, object: CASE, conversation: null });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.ok(visible(await alert.textContent()).includes(LABELS.Alcmeon_Error_No_Conversation));
      assert.equal(await componentState(page), 'error');
      assert.equal(await page.locator('.acw').count(), 0, 'no widget is mounted');
      assert.deepEqual(threadsRequested(requests), [], 'no conversation was fetched');
      await context.close();
    });
  });
}
