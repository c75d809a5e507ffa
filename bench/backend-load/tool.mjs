// The HTTP load generator (autocannon, pinned in this folder's package-lock.json, installed with
// `npm ci` on first use) and the one way the bench runs it: a run with any error, timeout or
// answer other than the expected status fails the bench instead of measuring failures.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL_DIR = dirname(fileURLToPath(import.meta.url));

export const log = (text) => process.stderr.write(`[backend-load] ${text}\n`);

export async function loadGenerator() {
  if (!existsSync(join(TOOL_DIR, 'node_modules', 'autocannon'))) {
    log('installing autocannon (npm ci)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: TOOL_DIR, stdio: 'inherit' });
  }
  return (await import(join(TOOL_DIR, 'node_modules', 'autocannon', 'autocannon.js'))).default;
}

/**
 * Runs autocannon with `options` and checks that every answer had `status`: { rps, p50, p99,
 * requests }. Latencies are autocannon's, corrected for coordinated omission when a rate is set.
 */
export async function load(autocannon, options, status = 200) {
  const result = await autocannon(options);
  const expected = result.statusCodeStats?.[status]?.count ?? 0;
  if (result.errors || result.timeouts || expected !== result.requests.total) {
    const statuses = JSON.stringify(result.statusCodeStats);
    throw new Error(`${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, answers ${statuses} (wanted all ${status})`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}
