// The bench's Markdown: one table per database, each row's result against issue 14's goal.
import { bytes, ms } from '../lib/stats.mjs';
import { SETTINGS } from './run.mjs';

const n = (value, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const met = (ok) => (ok ? 'yes' : '**no**');

/** The rows of one run ({ database, rows }), as a Markdown table with its heading. */
export function databaseTable({ database, rows }) {
  const s = SETTINGS;
  const [small, large] = s.threadSizes;
  const thread = (size, r) => [
    `thread open, ${n(size)}-message conversation, newest page (${r.items} items), ${s.connections} connections`,
    `${n(r.rps)} requests/s (p50 ${ms(r.p50)}, p99 ${ms(r.p99)})`,
    '≥ 5,000 requests/s',
    met(r.rps >= 5000),
  ];
  const rated = (what, r, rate, goalMs) => [
    `${what} at ${n(rate)}/s asked (${n(r.rps)}/s answered: ${n(r.requests)} in ${s.seconds} s)`,
    `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`,
    `p99 ≤ ${goalMs} ms`,
    met(r.p99 <= goalMs),
  ];
  const st = rows.streams;
  const lines = [
    ...(rows[`thread${small}`] ? [thread(small, rows[`thread${small}`]), thread(large, rows[`thread${large}`])] : []),
    ...(rows.reply ? [rated('reply accepted (201), over 10 conversations', rows.reply, s.replyRate, 10)] : []),
    ...(rows.webhook ? [rated('webhook acknowledged (200)', rows.webhook, s.webhookRate, 20)] : []),
    ...(st
      ? [
          [
            `memory per idle live stream, ${n(st.count)} open`,
            `${bytes(st.perStreamKiB * 1024)} (backend RSS ${bytes(st.baselineKiB * 1024)} → ${bytes(st.openKiB * 1024)}; ${bytes(st.closedKiB * 1024)} 3 s after closing them)`,
            '≤ 25 KB',
            met(st.perStreamKiB <= 25),
          ],
          [
            `one customer message to all ${n(st.count)} streams (from posting it to the emulator's inbound)`,
            `p50 ${ms(st.p50Ms)}, all ${ms(st.allMs)} (the emulator answered the post after ${ms(st.inboundMs)})`,
            'all ≤ 200 ms',
            met(st.allMs <= 200),
          ],
        ]
      : []),
  ];
  return [
    `#### ${database}`,
    '',
    '| row | result | goal | met? |',
    '|---|---|---|---|',
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** How each row is measured, under the tables. */
export const NOTES = `How the rows are measured:

- Thread open: \`GET /v1/conversations/{id}/thread\` (default page of 50), as many requests as the
  backend answers. The conversations are made by the emulator and backfilled by the backend first.
- Reply accepted: \`POST /v1/conversations/{id}/replies\`, a client id of its own each, ten
  conversations in turn; the 201 comes once the reply is stored as sending and queued (one
  admission at a time per instance). The outbox sends the replies to Alcméon (the emulator)
  meanwhile; that is not measured.
- The fixed-rate rows (reply, webhook) send each request at its time, evenly spaced, whatever the
  answers do, and count each latency from the moment the request was due: a backend that falls
  behind pays for its queue. (Until 2026-11-27 they were autocannon's \`overallRate\`, which sends
  each connection's share at the top of every second: bursts of 250 at once, so those tables'
  reply and webhook latencies measured bursts, not the rate.)
- Webhook acknowledged: signed notifications of new customer messages in one conversation. Per
  webhook the backend checks the signature, records the action (its thread item and event log
  entry in one transaction; on PostgreSQL under the thread writers' lock, with a NOTIFY) and the
  notification id, and calls Alcméon only when an id leaves a gap (it wakes the backfill).
  Alcméon gives up after 1 s and never retries: a p99 above 1,000 ms means notifications lost
  until the backfill reads them.
- Live streams: plain HTTP clients of the bench's own process, opened 200 at a time, all on one
  conversation; memory is the backend's VmRSS (/proc/<pid>/status). The message goes from the
  emulator's control endpoint through Alcméon's webhook to the backend; each stream's time is
  when this process read its \`event: item\`.`;

