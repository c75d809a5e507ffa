#!/usr/bin/env node
// Load on the backend (issue 14, "Load benchmarks"): thread open, reply accepted at 500/s, webhook
// acknowledged at 1,000/s, 10,000 idle live streams (memory, and one event's time to reach them
// all), on SQLite and again on a fresh PostgreSQL database.
// Not part of `make test`; prints one Markdown table per database and writes them, with the
// machine's description, to bench/results/backend-load.md. The rows live in bench/backend-load/.
//
//   BENCH_PROFILE=release    the servers' cargo profile, i.e. target/<profile>/ (build it first:
//                            `cargo build --release -p backend -p alcmeon-emulator`)
//   BENCH_SECONDS=15         measured seconds per load row (after 3 s of warm-up)
//   BENCH_CONNECTIONS=50     concurrent connections of the thread rows
//   BENCH_STREAMS=10000      live streams held open
//   BENCH_REPLY_RATE=500     replies posted a second in the reply row (the goal is at 500)
//   BENCH_WEBHOOK_RATE=1000  webhooks delivered a second in the webhook row (the goal is at 1,000)
//   BENCH_RATE_CONNECTIONS=250   most connections the fixed-rate rows (reply, webhook) keep open
//   BENCH_POSTGRES_URL=…     an admin URL of a PostgreSQL server (postgres://postgres@host:port/postgres):
//                            each run creates its own database there and drops it afterwards;
//                            without it, a throwaway server (crates/test-postgres) is started
//   BENCH_DATABASES=sqlite,postgres   which of the two to run (both by default)
//   BENCH_ROWS=thread,streams,webhook,reply   which rows to measure (all by default; e.g. `streams` alone)
//   BENCH_LABEL=…            what the servers are, for the heading (e.g. "before: a36dee9")
//
// Every live stream is an open file in this process and in the backend: run it with `ulimit -n`
// raised to the hard limit (make bench does; the backend gets the same through stack.mjs).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tests/support/stack.mjs';
import { benchBackend, benchOnPostgres, SETTINGS } from './backend-load/run.mjs';
import { databaseTable, NOTES } from './backend-load/table.mjs';
import { startThrowawayPostgres } from './backend-load/throwaway-postgres.mjs';
import { log } from './backend-load/tool.mjs';

function describeRun() {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT }).toString().trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with local changes)' : '';
  const label = process.env.BENCH_LABEL ? `${process.env.BENCH_LABEL}; ` : '';
  const s = SETTINGS;
  return (
    `${label}${new Date().toISOString().slice(0, 16)}Z, bench at commit ${git('rev-parse', '--short', 'HEAD')}${dirty}, target/${s.profile}, ` +
    `${cpus().length} × ${cpus()[0]?.model?.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; ` +
    `${s.seconds} s per load row after ${s.warmUpSeconds} s of warm-up; thread open by autocannon 8.0.0, the fixed-rate rows evenly spaced (fixed-rate.mjs) over at most ${s.rateConnections} connections`
  );
}

const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const heading = describeRun();
const runs = [];
if (databases.includes('sqlite')) runs.push(await benchBackend({ database: 'SQLite' }));
if (databases.includes('postgres')) {
  if (process.env.BENCH_POSTGRES_URL) runs.push(await benchOnPostgres(process.env.BENCH_POSTGRES_URL));
  else {
    log('BENCH_POSTGRES_URL is not set: starting a throwaway PostgreSQL server');
    const server = await startThrowawayPostgres();
    try {
      runs.push(await benchOnPostgres(server.adminUrl));
    } finally {
      await server.stop();
    }
  }
}
const markdown = [
  '# Backend load',
  '',
  `Run: ${heading}. \`node bench/backend-load.mjs\` (\`make bench\`) writes this file.`,
  '',
  ...runs.flatMap((run) => [databaseTable(run), '']),
  NOTES,
  '',
].join('\n');
process.stdout.write(markdown);
writeFileSync(join(ROOT, 'bench', 'results', 'backend-load.md'), markdown);
