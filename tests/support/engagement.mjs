// Engagement mode in browser tests: what Alcméon (the emulator) received, its recipient answering,
// and the agent filling a template in the widget's picker.
import { visible } from './record-page.mjs';

async function emulator(product, path, init) {
  const response = await fetch(`${product.stack.emulatorUrl}${path}`, init);
  const body = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body}`);
  return JSON.parse(body);
}

/** Every template message Alcméon accepted, oldest first (the emulator's control listing). */
export function sentEngagements(product) {
  return emulator(product, '/_emulator/engagements');
}

/** The template messages Alcméon accepted for `phone` (E.164 digits without `+`). */
export async function sentTo(product, phone) {
  return (await sentEngagements(product)).filter((sent) => sent.to_user_phone_number.replace(/^\+/, '') === phone);
}

/** The recipient of the template message `messageId` answers `text`. */
export function answerEngagement(product, messageId, text) {
  return emulator(product, `/_emulator/engagements/${encodeURIComponent(messageId)}/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

/**
 * Chooses the template named `template` in the widget's picker and types `values` (by variable
 * label) into its fields, with the keyboard; resolves to the preview's text once it shows them.
 */
export async function fillTemplate(page, { template, values }) {
  const select = page.locator('[data-part="template-select"]');
  const option = select.locator('option', { hasText: template });
  const value = await option.first().getAttribute('value');
  await select.selectOption(value);
  for (const [label, text] of Object.entries(values)) {
    const input = page.locator(`[data-variable="${label}"] [data-part="variable-input"]`);
    await input.fill('');
    await input.pressSequentially(text);
  }
  const body = page.locator('.acw-preview-body');
  await body.waitFor();
  return visible((await body.textContent()).trim());
}

/** Alcméon's connector creates the `alcmeon__Conversation__c` record of a new conversation in the org. */
export async function connectorSyncs(product, conversationId) {
  const response = await fetch(`${product.stack.host.origin}/__connector/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId }),
  });
  if (!response.ok) throw new Error(`the connector could not sync ${conversationId}: ${response.status}`);
  return response.json();
}
