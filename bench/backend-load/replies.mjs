// Row "reply accepted": POST /v1/conversations/{id}/replies at a fixed overall rate, each with a
// client id of its own, spread over several conversations; latency of the 201 (the reply stored
// as sending and queued). Sending it to Alcméon happens afterwards, in the outbox, and is not
// measured (the outbox sends during the row, though, as it would in production).
import { load } from './tool.mjs';

/** { rps, p50, p99, requests } of replies posted at `rate` a second for `seconds`. */
export async function replyAccepted(autocannon, { stack, conversations, rate, seconds, warmUpSeconds, connections }) {
  const prefix = `bench-${Date.now().toString(36)}`;
  let posted = 0;
  const requests = [
    {
      method: 'POST',
      setupRequest: (request) => {
        const { id, token } = conversations[posted % conversations.length];
        posted += 1;
        return {
          ...request,
          path: `/v1/conversations/${id}/replies`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ client_id: `${prefix}-${posted}`, text: `Bench reply ${posted}` }),
        };
      },
    },
  ];
  const options = { url: stack.backendUrl, connections, overallRate: rate, requests };
  await load(autocannon, { ...options, duration: warmUpSeconds }, 201);
  return load(autocannon, { ...options, duration: seconds }, 201);
}
