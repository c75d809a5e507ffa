// Rows "idle stream memory" and "event to all streams": `count` live streams
// (GET /v1/conversations/{id}/events, Server-Sent Events) held open on one conversation by plain
// HTTP clients of this process. The backend's resident memory (VmRSS of /proc/<pid>/status) is
// read before they open and once all are open; then one customer message arrives through the
// emulator (Alcméon's webhook brings it to the backend) and the time from sending it to each
// stream's `event: item` is taken; then the streams close and the memory is read again.
// This process needs about `count` open files too: run it with `ulimit -n` raised (make bench does).
import { request, Agent } from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { percentile } from '../lib/stats.mjs';
import { log } from './tool.mjs';

/** How many streams are being opened at once (more would overflow the listen backlog). */
const OPENING_AT_ONCE = 200;
const SETTLE_MS = 3000;
/** A stream the event has not reached by then fails the row. */
const ARRIVAL_TIMEOUT_MS = 60_000;

const residentKiB = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens one stream; resolves with { arrival: promise of the first item's time, close } once `ready` came. */
function openStream(agent, url, token) {
  return new Promise((resolveOpen, reject) => {
    const outgoing = request(url, { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream: HTTP ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      let seen = '';
      let opened = false;
      let arrived;
      const arrival = new Promise((resolveArrival) => {
        arrived = resolveArrival;
      });
      response.on('data', (text) => {
        seen += text;
        if (!opened && seen.includes('event: ready')) {
          opened = true;
          seen = '';
          resolveOpen({ arrival, close: () => outgoing.destroy() });
        } else if (opened && seen.includes('event: item')) {
          arrived(performance.now());
          seen = '';
        }
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * { count, baselineKiB, openKiB, closedKiB, perStreamKiB, p50Ms, allMs } for `count` streams on
 * `conversationId`; `customerWrites()` makes the one message arrive.
 */
export async function liveStreams({ stack, conversationId, token, count, customerWrites }) {
  const url = `${stack.backendUrl}/v1/conversations/${conversationId}/events`;
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const pid = stack.backendPid();
  const baselineKiB = residentKiB(pid);
  const streams = [];
  try {
    while (streams.length < count) {
      const batch = Math.min(OPENING_AT_ONCE, count - streams.length);
      streams.push(...(await Promise.all(Array.from({ length: batch }, () => openStream(agent, url, token)))));
    }
    const openKiB = residentKiB(pid);
    log(`${count} streams open: backend RSS ${baselineKiB} → ${openKiB} KiB`);
    const sent = performance.now();
    await customerWrites();
    const inboundMs = performance.now() - sent;
    const late = sleep(ARRIVAL_TIMEOUT_MS).then(() => {
      throw new Error(`the event had not reached all ${count} streams after ${ARRIVAL_TIMEOUT_MS} ms`);
    });
    const arrived = await Promise.race([Promise.all(streams.map((stream) => stream.arrival)), late]);
    const arrivals = arrived.map((at) => at - sent);
    for (const stream of streams) stream.close();
    streams.length = 0;
    agent.destroy();
    await sleep(SETTLE_MS); // the backend notices the closed connections and drops their streams
    const closedKiB = residentKiB(pid);
    return {
      count,
      baselineKiB,
      openKiB,
      closedKiB,
      perStreamKiB: (openKiB - baselineKiB) / count,
      inboundMs,
      p50Ms: percentile(arrivals, 50),
      allMs: Math.max(...arrivals),
    };
  } finally {
    for (const stream of streams) stream.close();
    agent.destroy();
  }
}
