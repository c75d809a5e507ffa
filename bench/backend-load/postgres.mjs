// A fresh PostgreSQL database for one bench run, made and dropped through `psql` with an admin URL
// (e.g. `postgres://postgres@127.0.0.1:55432/postgres`).
import { execFileSync } from 'node:child_process';

const psql = (adminUrl, sql) => execFileSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { stdio: ['ignore', 'pipe', 'inherit'] });

/** Creates an empty database beside the admin URL's: { url, drop() }. */
export function freshDatabase(adminUrl) {
  const name = `bench_backend_load_${Date.now()}_${process.pid}`;
  psql(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`) };
}
