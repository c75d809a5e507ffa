// Row "reply accepted": POST /v1/conversations/{id}/replies at a fixed overall rate, each with a
// client id of its own, spread over several conversations; latency of the 201 (the reply stored
// as sending and queued). Sending it to Alcméon happens afterwards, in the outbox, and is not
// measured (the outbox sends during the row, though, as it would in production).
import { fixedRate } from './fixed-rate.mjs';

/** { rps, p50, p99, requests } of replies posted at `rate` a second for `seconds`. */
export async function replyAccepted({ stack, conversations, rate, seconds, warmUpSeconds, connections }) {
  const prefix = `bench-${Date.now().toString(36)}`;
  let posted = 0;
  const next = () => {
    const { id, token } = conversations[posted % conversations.length];
    posted += 1;
    return {
      method: 'POST',
      path: `/v1/conversations/${id}/replies`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ client_id: `${prefix}-${posted}`, text: `Bench reply ${posted}` }),
    };
  };
  const options = { url: stack.backendUrl, rate, connections, next, status: 201 };
  await fixedRate({ ...options, seconds: warmUpSeconds });
  return fixedRate({ ...options, seconds });
}
