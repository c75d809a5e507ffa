// A throwaway PostgreSQL server for the bench when BENCH_POSTGRES_URL names none: the tests' own
// harness (crates/test-postgres, its `test-postgres-serve` binary, built by `make bench`), which
// prints a fresh database's URL and stops the server, removing its folder, when its input closes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../../tests/support/stack.mjs';

/** Starts the server; resolves to `{ adminUrl, stop }`. */
export async function startThrowawayPostgres() {
  const server = spawn(join(ROOT, 'target', 'debug', 'test-postgres-serve'), [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const firstLine = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`test-postgres-serve exited with ${code}`)));
    createInterface({ input: server.stdout }).once('line', resolve);
  });
  const url = new URL(firstLine.trim());
  url.pathname = '/postgres';
  const stopped = new Promise((resolve) => server.once('exit', resolve));
  return {
    adminUrl: url.toString(),
    stop: async () => {
      server.stdin.end();
      await stopped;
    },
  };
}
