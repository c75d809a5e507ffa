// The conversations the bench opens: one per size, made by the emulator (messages "Message n of
// N", one a minute up to now) and read by the backend's replica, as tests/e2e/long-thread does.
import { mintSessionToken } from '../../lwc-wrapper/host/session-token.mjs';
import { AGENT } from '../../tests/lightning/server.mjs';
import { recordIds } from '../../tests/lightning/records.mjs';
import { highestActionId, waitForReplica } from '../../tests/support/replica.mjs';
import { DEMO } from '../../tests/support/stack.mjs';

/** The newest message's text in a conversation of `size` messages. */
export const newestText = (size) => `Message ${size} of ${size}`;

/** Creates one conversation per size and waits for the replica: { [size]: conversationId }. */
export async function createConversations(stack, sizes) {
  const ids = {};
  for (const size of sizes) {
    const response = await fetch(`${stack.emulatorUrl}/_emulator/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'whatsapp', customer_name: `Bench ${size}`, messages: size, notify: false }),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`the emulator could not open a ${size}-message conversation: ${response.status} ${body}`);
    ids[size] = JSON.parse(body).conversation_id;
  }
  await waitForReplica(stack.backendUrl, await highestActionId(stack.emulatorUrl), 'actions_read_through', 900_000);
  return ids;
}

/** A session token for one conversation of `stack`'s backend, minted as Apex mints it. */
export function tokenFor(stack, conversationId) {
  return mintSessionToken(
    {
      orgId: DEMO.orgId,
      userId: AGENT.id,
      email: AGENT.email,
      name: AGENT.name,
      audience: stack.backendUrl,
      recordId: recordIds(conversationId).caseId,
      conversationIds: [conversationId],
    },
    DEMO.sessionSecret,
  );
}

/**
* Every item of a conversation as one thread page ({ conversation, viewer, items, has_older:
* false }), read from the backend page by page with a token minted as Apex mints it.
*/
export async function wholeThread(stack, conversationId) {
  const token = tokenFor(stack, conversationId);
  let page;
  let before;
  const items = [];
  do {
    const query = new URLSearchParams({ limit: '200', ...(before !== undefined && { before: String(before) }) });
    const response = await fetch(`${stack.backendUrl}/v1/conversations/${conversationId}/thread?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 202) continue;
    if (!response.ok) throw new Error(`thread ${conversationId}: HTTP ${response.status} ${await response.text()}`);
    page = await response.json();
    items.unshift(...page.items);
    before = page.items[0]?.id;
  } while (!page || (page.has_older && before !== undefined));
  return { ...page, items, has_older: false };
}
