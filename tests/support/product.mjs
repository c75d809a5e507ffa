// One running product (emulator, backend, the Lightning-like host page) and one headless browser
// per test file: started before its tests, with the replica caught up, and stopped after them.
import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { highestActionId, waitForReplica } from './replica.mjs';
import { startStack } from './stack.mjs';

export { customerWrites } from './stack.mjs';

/** `options` go to startStack; the returned object gets `stack` and `browser` before the tests. */
export function useRunningProduct(options = {}) {
  const product = {};
  before(async () => {
    product.stack = await startStack(options);
    product.browser = await launchBrowser();
    await waitForReplica(product.stack.backendUrl, await highestActionId(product.stack.emulatorUrl));
  });
  after(async () => {
    await product.browser?.close();
    await product.stack?.stop();
  });
  return product;
}

