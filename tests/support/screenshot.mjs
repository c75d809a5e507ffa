// Regenerates the README's picture of the demo: `node tests/support/screenshot.mjs` after
// `make widget servers`.
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { highestActionId, waitForReplica } from './replica.mjs';
import { ROOT, startStack } from './stack.mjs';

const stack = await startStack();
try {
  await waitForReplica(stack.backendUrl, await highestActionId(stack.emulatorUrl));
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(stack.pageUrl({ conversation: 1001 }));
  await page.locator('.acw-message').first().waitFor();
  await page.screenshot({ path: join(ROOT, 'static', 'readme', 'demo.png') });
  await browser.close();
} finally {
  await stack.stop();
}
