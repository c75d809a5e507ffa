// Row "webhook acknowledged": POST /webhooks/alcmeon at a fixed overall rate with notifications
// signed as Alcméon signs them (lowercase hex HMAC-SHA256 of `<path> <body>` keyed by the
// application secret), each a new customer message (`task-create`) in one conversation;
// latency of the 200. Per webhook the backend checks the signature, records the action (its
// thread item and event log entry, in one transaction) and the notification id; it calls Alcméon
// only when an id leaves a gap (it wakes the backfill), which the consecutive ids here avoid but
// for the first one and any overtaken by a later one.
import { createHmac } from 'node:crypto';
import { DEMO } from '../../tests/support/stack.mjs';
import { fixedRate } from './fixed-rate.mjs';

const PATH = '/webhooks/alcmeon';
/** Far above the emulator's ids, so the bench's actions and notifications never meet its own. */
const FIRST_ID = 1_000_000_000;

function signedNotification(n, conversationId) {
  const now = new Date().toISOString();
  const [date, time] = [now.slice(0, 10), now.slice(11, 19)];
  const body = JSON.stringify({
    id: FIRST_ID + n,
    action: {
      id: FIRST_ID + n,
      type: 'task-create',
      date,
      time,
      account: { id: 201, name: 'Lumio', type: 'whatsapp' },
      task: { conversation_id: conversationId, message: { content: `Bench webhook ${n}`, date, time, author: { name: 'Bench customer' } } },
    },
  });
  const signature = createHmac('sha256', DEMO.alcmeonSecret).update(`${PATH} ${body}`).digest('hex');
  return { body, signature };
}

/** { rps, p50, p99, requests } of notifications delivered at `rate` a second for `seconds`. */
export async function webhookAcknowledged({ stack, conversationId, rate, seconds, warmUpSeconds, connections }) {
  let sent = 0;
  const next = () => {
    sent += 1;
    const { body, signature } = signedNotification(sent, conversationId);
    return { method: 'POST', path: PATH, headers: { 'content-type': 'application/json', 'x-alcmeon-webhook-signature': signature }, body };
  };
  const options = { url: stack.backendUrl, rate, connections, next, status: 200 };
  await fixedRate({ ...options, seconds: warmUpSeconds });
  return fixedRate({ ...options, seconds });
}
