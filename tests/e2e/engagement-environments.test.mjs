// Engagement is offered only to orgs connected to a single Alcméon environment. When the backend's
// configuration says the agent's org is connected to several, the engagement page explains why,
// in the agent's language, instead of offering a send that would fail; nothing reaches Alcméon.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, openRecordPage, visible } from '../support/record-page.mjs';
import { sentEngagements } from '../support/engagement.mjs';
import { DEMO } from '../support/stack.mjs';

const product = useRunningProduct({
  verbose: !!process.env.VERBOSE,
  backendEnv: { BACKEND_ORG_ENVIRONMENTS: `${DEMO.orgId}=2` },
});

for (const { lang, reads } of [
  { lang: 'en', reads: /needs a Salesforce org connected to a single Alcméon environment.*several \(2\)/ },
  { lang: 'fr', reads: /nécessite une organisation Salesforce connectée à un seul environnement Alcméon.*plusieurs \(2\)/ },
]) {
  test(`several environments: the engagement page explains it in ${lang}, with no way to send`, async () => {
    const { page, context, errors } = await openRecordPage(product, { object: CASE, conversation: null, link: 'engagement-ready', lang });
    const block = page.locator('[data-part="block"]');
    await block.waitFor({ timeout: 30_000 });
    assert.equal(await block.getAttribute('data-block'), 'several-environments');
    assert.match(visible(await block.textContent()), reads);
    assert.equal(await page.locator('[data-part="template-send"]').count(), 0, 'no Send');
    assert.deepEqual(await sentEngagements(product), [], 'nothing reached Alcméon');
    assert.deepEqual(errors, [], 'no error on the page');
    await context.close();
  });
}
