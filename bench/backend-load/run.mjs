// One bench run against one database: starts the release servers (tests/support/stack.mjs) on a
// SQLite file or a PostgreSQL database, makes the conversations, measures every row and stops.
// `benchOnPostgres(adminUrl)` is the entry point for a run on a fresh PostgreSQL database.
import { customerWrites, startStack } from '../../tests/support/stack.mjs';
import { createConversations, tokenFor } from '../lib/conversations.mjs';
import { freshDatabase } from './postgres.mjs';
import { replyAccepted } from './replies.mjs';
import { liveStreams } from './streams.mjs';
import { threadOpen } from './thread.mjs';
import { loadGenerator, log } from './tool.mjs';
import { webhookAcknowledged } from './webhooks.mjs';

/** What each row loads; the issue's (14) goals are in table.mjs. */
export const SETTINGS = {
  profile: process.env.BENCH_PROFILE ?? 'release',
  seconds: Number(process.env.BENCH_SECONDS ?? 15),
  warmUpSeconds: 3,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  threadSizes: [9, 10_000],
  /**
   * Ten small conversations (12 to 21 messages) take the replies in turn: none of them the watched
   * one (9 messages), which the webhook row fills with thousands of messages whose ids are far
   * above the emulator's, so that every answer there after it would arrive "late".
   */
  replySizes: Array.from({ length: 10 }, (_, i) => i + 12),
  replyRate: Number(process.env.BENCH_REPLY_RATE ?? 500),
  webhookRate: Number(process.env.BENCH_WEBHOOK_RATE ?? 1000),
  /**
   * The most connections the fixed-rate rows keep open (fixed-rate.mjs sends on time whatever the
   * answers do; a request finding them all busy waits, and its wait counts). Alcméon sends each
   * webhook on its own, and agents post from their own widgets: enough that none waits.
   */
  rateConnections: Number(process.env.BENCH_RATE_CONNECTIONS ?? 250),
  streams: Number(process.env.BENCH_STREAMS ?? 10_000),
  /** Which rows to measure (`BENCH_ROWS=streams,webhook`): all by default. */
  rows: (process.env.BENCH_ROWS ?? 'thread,streams,webhook,reply').split(','),
};

/** Runs every row against a backend on `databaseUrl` (undefined: SQLite): { database, rows }. */
export async function benchBackend({ database, databaseUrl }) {
  const autocannon = await loadGenerator();
  const s = SETTINGS;
  // Only the API is measured: the backend runs without the built widget. Backfilling 10,000
  // actions and sending 500 replies a second need far more than Alcméon's 15 calls a minute, on
  // both sides; the budget only paces calls to Alcméon, never the storing of a reply.
  const stack = await startStack({
    profile: s.profile,
    databaseUrl,
    raiseFileLimit: true,
    backendEnv: { BACKEND_WIDGET_DIR: undefined, ALCMEON_RATE_LIMIT_PER_MINUTE: '1000000' },
    emulatorEnv: { ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE: '1000000' },
    verbose: process.env.VERBOSE === '1',
  });
  try {
    const started = Date.now();
    const measured = (row) => s.rows.includes(row);
    // The watched conversation (the smallest thread) takes the streams and the webhooks.
    const sizes = [...(measured('thread') ? s.threadSizes : [s.threadSizes[0]]), ...(measured('reply') ? s.replySizes : [])];
    const ids = await createConversations(stack, sizes);
    log(`${database}: conversations in the replica after ${Date.now() - started} ms`);
    const rows = {};
    for (const size of measured('thread') ? s.threadSizes : []) {
      const conversationId = ids[size];
      rows[`thread${size}`] = await threadOpen(autocannon, { stack, conversationId, token: tokenFor(stack, conversationId), ...s });
      log(`${database}: thread open (${size} messages): ${JSON.stringify(rows[`thread${size}`])}`);
    }
    const watched = ids[s.threadSizes[0]];
    if (measured('streams')) {
      rows.streams = await liveStreams({
        stack,
        conversationId: watched,
        token: tokenFor(stack, watched),
        count: s.streams,
        customerWrites: () => customerWrites(stack.emulatorUrl, watched, 'Are you all there?'),
      });
      log(`${database}: live streams: ${JSON.stringify(rows.streams)}`);
    }
    // After the streams: its actions and notification ids are the bench's own, far above the
    // emulator's, and they grow the watched conversation by thousands of messages.
    if (measured('webhook')) {
      rows.webhook = await webhookAcknowledged({ stack, conversationId: watched, rate: s.webhookRate, ...s, connections: s.rateConnections });
      log(`${database}: webhook acknowledged: ${JSON.stringify(rows.webhook)}`);
    }
    // Last: the outbox goes on sending the replies to Alcméon (the emulator) long after the row;
    // the stack stops instead of waiting for it.
    if (measured('reply')) {
      const conversations = s.replySizes.map((size) => ({ id: ids[size], token: tokenFor(stack, ids[size]) }));
      rows.reply = await replyAccepted({ stack, conversations, rate: s.replyRate, ...s, connections: s.rateConnections });
      log(`${database}: reply accepted: ${JSON.stringify(rows.reply)}`);
    }
    return { database, rows };
  } finally {
    await stack.stop();
  }
}

/** The bench on a fresh database of the PostgreSQL server `adminUrl` reaches; dropped afterwards. */
export async function benchOnPostgres(adminUrl) {
  const fresh = freshDatabase(adminUrl);
  try {
    const server = new URL(adminUrl);
    return await benchBackend({ database: `PostgreSQL (${server.host})`, databaseUrl: fresh.url });
  } finally {
    fresh.drop();
  }
}
