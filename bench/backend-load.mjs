#!/usr/bin/env node
// Load on the backend's thread endpoint (issue 14, "Load benchmarks"): requests per second and
// p50/p99 latency of the newest page of a short and a long conversation, and of the long one's
// second page, under 50 concurrent connections. Not part of `make test`; prints one Markdown table.
//
//   BENCH_PROFILE=release    the servers' cargo profile, i.e. target/<profile>/ (build it first:
//                            `cargo build --release -p backend -p alcmeon-emulator`)
//   BENCH_SIZES=9,10000      the conversations' message counts
//   BENCH_SECONDS=15         measured seconds per row (after 3 s of warm-up)
//   BENCH_CONNECTIONS=50     concurrent connections
//   BENCH_LABEL=…            what the servers are, for the table's heading (e.g. "before: a36dee9")
//
// The load generator (autocannon, pinned in bench/backend-load/package-lock.json) is installed
// with `npm ci` on first use.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, startStack } from '../tests/support/stack.mjs';
import { createConversations, tokenFor } from './lib/conversations.mjs';

const PROFILE = process.env.BENCH_PROFILE ?? 'release';
const SIZES = (process.env.BENCH_SIZES ?? '9,10000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = 3;
const TOOL_DIR = join(ROOT, 'bench', 'backend-load');

const log = (text) => process.stderr.write(`[backend-load] ${text}\n`);

async function loadGenerator() {
  if (!existsSync(join(TOOL_DIR, 'node_modules', 'autocannon'))) {
    log('installing autocannon (npm ci)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: TOOL_DIR, stdio: 'inherit' });
  }
  return (await import(join(TOOL_DIR, 'node_modules', 'autocannon', 'autocannon.js'))).default;
}

/** The page the URL answers, once, checked: the load below must measure real pages. */
async function readPage(url, token) {
  for (;;) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 202) continue; // the conversation is still being fetched
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }
}

async function load(autocannon, url, token, seconds) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

function describeRun() {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim() ? ' (with local changes)' : '';
  const label = process.env.BENCH_LABEL ? `${process.env.BENCH_LABEL}; ` : '';
  return `${label}${new Date().toISOString().slice(0, 16)}Z, bench at commit ${commit}${dirty}, target/${PROFILE}, ${cpus().length} × ${cpus()[0]?.model?.trim()}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; autocannon, ${CONNECTIONS} connections, ${SECONDS} s per row after ${WARM_UP_SECONDS} s of warm-up`;
}

async function main() {
  const autocannon = await loadGenerator();
  const heading = describeRun();
  // Only the API is measured: the backend runs without the built widget (no `make widget` needed).
  // Backfilling 10,000 actions at 10 per call needs more than Alcméon's 15 calls a minute, on both
  // sides (as bench/run.mjs and tests/e2e/long-thread do).
  const backendEnv = { BACKEND_WIDGET_DIR: undefined, ALCMEON_RATE_LIMIT_PER_MINUTE: '100000' };
  const emulatorEnv = { ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE: '100000' };
  const stack = await startStack({ profile: PROFILE, backendEnv, emulatorEnv, verbose: process.env.VERBOSE === '1' });
  try {
    const started = Date.now();
    const ids = await createConversations(stack, SIZES);
    log(`conversations of ${SIZES.join(', ')} messages in the replica after ${Date.now() - started} ms`);
    const targets = [];
    for (const size of SIZES) {
      const token = tokenFor(stack, ids[size]);
      const newestUrl = `${stack.backendUrl}/v1/conversations/${ids[size]}/thread`;
      const newest = await readPage(newestUrl, token);
      targets.push({ what: `newest page, ${size.toLocaleString('en-US')}-message conversation`, url: newestUrl, token, items: newest.items.length });
      if (newest.has_older) {
        const olderUrl = `${newestUrl}?before=${newest.items[0].id}`;
        const older = await readPage(olderUrl, token);
        targets.push({ what: `second page (before=<id>), ${size.toLocaleString('en-US')}-message conversation`, url: olderUrl, token, items: older.items.length });
      }
    }
    const rows = [];
    for (const target of targets) {
      await load(autocannon, target.url, target.token, WARM_UP_SECONDS);
      const measured = await load(autocannon, target.url, target.token, SECONDS);
      log(`${target.what}: ${measured.rps.toFixed(0)} requests/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms`);
      rows.push({ ...target, ...measured });
    }
    const table = [
      `Run: ${heading}.`,
      '',
      '| request (GET /v1/conversations/{id}/thread) | items | requests/s | p50 ms | p99 ms | requests |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.what} | ${r.items} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.requests} |`),
    ].join('\n');
    process.stdout.write(`${table}\n`);
  } finally {
    await stack.stop();
  }
}

await main();
