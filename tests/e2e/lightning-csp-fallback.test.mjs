// The real LWC on a Lightning-like page whose CSP refuses WebAssembly (script-src 'self', no
// 'wasm-unsafe-eval' nor 'unsafe-eval'): the widget cannot compile in the page, so the component
// mounts it in the backend's frame, and the agent replies from there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, componentState, cspViolations, openRecordPage } from '../support/record-page.mjs';
import { replyIsDeliveredOnce } from '../support/replies.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

test('CSP script-src self: the widget runs in an iframe from the backend origin, and replies typed there reach "sent" with Send and with Enter', async () => {
  const { page, context, response } = await openRecordPage(product, { shadow: 'synthetic', csp: 'self', object: CASE, conversation: 1001 });
  assert.match(response.headers()['content-security-policy'], /script-src 'self' blob:;/);
  const body = page.locator('c-alcmeon-conversation .body[data-mode="frame"]');
  await body.waitFor({ timeout: 30_000 });
  const iframe = body.locator('.mount iframe');
  const frameUrl = `${product.stack.backendUrl}/embed/frame.html`;
  assert.equal(await iframe.getAttribute('src'), frameUrl);
  const widget = iframe.contentFrame();
  await widget.locator('.acw-composer-text').waitFor({ timeout: 30_000 });
  assert.equal(await componentState(page), 'mounted');

  const frame = page.frames().find((f) => f.url() === frameUrl);
  assert.ok(frame, 'the frame holds the backend’s page');
  assert.equal(await frame.evaluate(() => window.location.origin), new URL(product.stack.backendUrl).origin);
  assert.equal(await page.locator('c-alcmeon-conversation .mount > .acw').count(), 0, 'nothing of the widget in the page itself');
  assert.ok(
    (await cspViolations(page)).some((violation) => violation.blocked === 'wasm-eval'),
    'the page’s CSP is what refused WebAssembly',
  );

  for (const [via, send] of [
    ['Send', () => widget.locator('.acw-send').click()],
    ['Enter', () => page.keyboard.press('Enter')],
  ]) {
    const text = `Answered from the frame (${via}) ${Date.now()}`;
    await replyIsDeliveredOnce({ page, widget, emulatorUrl: product.stack.emulatorUrl, conversationId: 1001, text, send });
  }

  // Navigating away removes the frame with the component.
  await page.evaluate(() => window.lightningHarness.unmount());
  assert.equal(await page.locator('iframe').count(), 0, 'the frame is gone');
  await context.close();
});
