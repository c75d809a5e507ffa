// Starts the whole product on this machine the way `make demo` runs it: the Alcméon emulator
// (seeded) and the backend (SQLite in a data folder) as child processes, and in this process the
// one host page, the Lightning-like record page with the real LWC (tests/lightning/server.mjs).
// Tests and the demo share this, so the tests exercise exactly what the demo shows.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordPagePath, startLightningServer } from '../lightning/server.mjs';
import { backendSalesforceEnv, connectedAppKeys, salesforceEmulatorEnv } from './salesforce-org.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `cargo build` puts the servers: `profile` 'debug' (the tests', `make servers`) or 'release'. */
const binaries = (profile = 'debug') => join(ROOT, 'target', profile);

export const DEMO = {
  instanceId: 'demo-instance',
  alcmeonSecret: 'demo-alcmeon-application-secret',
  orgId: '00D000000000DEMOAAA',
  sessionSecret: 'demo-session-secret-0123456789',
  /** The Alcméon company (environment) the emulator seeds, and so the demo org's. */
  companyId: 1,
};

// A port no outgoing connection can be given: below the kernel's ephemeral range, which the
// operating system hands to connections and to `listen(0)`. A port picked there with `listen(0)`
// was taken, in a full run, by some process's outgoing connection before the server bound it
// (EADDRINUSE, and the whole test file failed). Another listener may still pick the same port:
// tried, and another taken if so.
function ephemeralRangeStart() {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}
const LOWEST_PORT = 10000;

async function freePort() {
  const below = ephemeralRangeStart();
  for (;;) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (below - LOWEST_PORT));
    const free = await new Promise((resolveFree) => {
      const server = createServer();
      server.unref();
      server.once('error', () => resolveFree(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
    });
    if (free) return port;
  }
}

// Spawns a child and resolves once it prints `pattern`; rejects if it exits first or is slow.
// With `raiseFileLimit`, the child runs with its open-files limit raised to the hard limit (through
// `sh -c 'ulimit -n …; exec …'`, so the child keeps the pid `spawn` reports).
function startProcess(name, command, args, env, pattern, { verbose, raiseFileLimit }) {
  return new Promise((resolveStart, reject) => {
    const [file, argv] = raiseFileLimit ? ['sh', ['-c', 'ulimit -n "$(ulimit -Hn)" && exec "$0" "$@"', command, ...args]] : [command, args];
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (verbose) process.stderr.write(`[${name}] ${text}`);
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolveStart(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

// Resolves once `child` has exited, killing it if it has not within `graceMs` of the call.
function exitOf(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit();
    });
  });
}

/**
 * Starts emulator, backend and host page. Options: `ports` ({emulator, backend, host}; free ones
 * by default), `dataDir` (a fresh temporary folder by default), `emulatorEnv` (extra settings),
 * `profile` ('debug' by default; 'release' runs `cargo build --release`'s servers, for the bench),
 * `databaseUrl` (the backend's store: a SQLite file in the data folder by default, or a
 * `postgres://…` database), `salesforce` (also starts the Salesforce stand-in and turns the
 * backend's record sync on: salesforce-org.mjs), `raiseFileLimit` (the servers may open as many files as the hard limit
 * allows: the bench's 10,000 live streams), `verbose` (echo the servers' logs). Resolves to
 * { emulatorUrl, backendUrl, salesforceUrl (null without the stand-in), host (its url and origin), pageUrl(options) (a record page:
 * recordPagePath's options), dataDir, backendPid(), stop(), stopBackend() }.
 */
export async function startStack(options = {}) {
  const ports = options.ports ?? { emulator: await freePort(), backend: await freePort(), host: await freePort() };
  if (options.salesforce && !ports.salesforce) ports.salesforce = await freePort();
  const temporary = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'alcmeon-widget-'));
  mkdirSync(dataDir, { recursive: true });
  const emulatorUrl = `http://127.0.0.1:${ports.emulator}`;
  const backendUrl = `http://127.0.0.1:${ports.backend}`;
  const hostOrigin = `http://127.0.0.1:${ports.host}`;
  const salesforceUrl = options.salesforce ? `http://127.0.0.1:${ports.salesforce}` : null;
  const keys = options.salesforce ? connectedAppKeys(dataDir) : null;
  const children = [];
  let backendAt = -1;
  let host;
  const bin = binaries(options.profile);
  // Waits for the servers to exit before removing their folder: one still shutting down may write
  // into it (rmSync then fails with ENOTEMPTY).
  const stop = async () => {
    const exits = children.map((child) => exitOf(child));
    for (const child of children) child.kill('SIGTERM');
    await host?.close();
    await Promise.all(exits);
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  const startBackend = () =>
    startProcess(
      'backend',
      join(bin, 'alcmeon-widget-backend'),
      [],
      {
        BACKEND_ADDR: `127.0.0.1:${ports.backend}`,
        BACKEND_DATABASE_URL: options.databaseUrl ?? `sqlite://${join(dataDir, 'backend.db')}`,
        // The org's token secret and Alcméon environment (the emulator's company).
        BACKEND_ORGS: `${DEMO.orgId}=${DEMO.sessionSecret}@${DEMO.companyId}`,
        BACKEND_ALLOWED_ORIGINS: [hostOrigin, `http://localhost:${ports.host}`].join(','),
        BACKEND_WIDGET_DIR: join(ROOT, 'lwc-wrapper', 'force-app', 'main', 'default', 'staticresources', 'alcmeonWidget'),
        ALCMEON_API_URL: emulatorUrl,
        ALCMEON_INSTANCE_ID: DEMO.instanceId,
        ALCMEON_APP_SECRET: DEMO.alcmeonSecret,
        // The emulator's seeded company, roles (Agent, Moderator) and team (Salesforce): the
        // backend has no default for them.
        ALCMEON_COMPANY_ID: String(DEMO.companyId),
        ALCMEON_ROLES_FOR_REPLY: '801',
        ALCMEON_ROLES_FOR_MODERATE: '802',
        ALCMEON_TEAMS: '901',
        BACKEND_SYNC_INTERVAL_SECS: '30',
        BACKEND_REPLICA_START: '0',
        BACKEND_WHATSAPP_TEMPLATES: join(ROOT, 'tests', 'support', 'whatsapp-templates.json'),
        ALCMEON_OPTIN_LIST_IDS: '1501',
        // The emulator's custom field holding a WhatsApp customer's phone (engagement links and
        // re-engagement); BACKEND_ENGAGEMENT_LINK_WINDOW_SECS and BACKEND_ORG_ENVIRONMENTS keep
        // their defaults (7 days, one environment per org).
        ALCMEON_CUSTOMER_PHONE_FIELD_ID: '5001',
        // The emulator's conversation custom field "Salesforce owner": the owner a Salesforce org
        // hands a conversation back from (alcmeon__From_SF_Queue_Id__c) is written there.
        ALCMEON_SF_OWNER_FIELD_ID: '6001',
        // The record sync: Lumio's WhatsApp account (201) is mapped to the org, with a Queue for its Cases.
        ...(options.salesforce && backendSalesforceEnv({ orgId: DEMO.orgId, salesforceUrl, keys, accounts: ['201:00G000000000001AAA'] })),
        ...options.backendEnv,
      },
      /listening on http/,
      options,
    );
  try {
    // The page's server first, then the servers it does not depend on.
    host = await startLightningServer({
      port: ports.host,
      backend: { url: backendUrl, orgId: DEMO.orgId, sessionSecret: DEMO.sessionSecret },
      salesforceUrl,
    });
    if (options.salesforce) {
      children.push(
        await startProcess(
          'salesforce',
          join(bin, 'salesforce-emulator'),
          [],
          salesforceEmulatorEnv({ port: ports.salesforce, dataDir, keys }),
          /listening on http/,
          options,
        ),
      );
    }
    children.push(
      await startProcess(
        'emulator',
        join(bin, 'alcmeon-emulator'),
        [],
        {
          ALCMEON_EMULATOR_ADDR: `127.0.0.1:${ports.emulator}`,
          ALCMEON_EMULATOR_INSTANCE_ID: DEMO.instanceId,
          ALCMEON_EMULATOR_SECRET: DEMO.alcmeonSecret,
          ALCMEON_EMULATOR_WEBHOOK_URL: `${backendUrl}/webhooks/alcmeon`,
          ALCMEON_EMULATOR_STATE: join(dataDir, 'emulator-state.json'),
          ...options.emulatorEnv,
        },
        /listening on http/,
        options,
      ),
    );
    backendAt = children.push(await startBackend()) - 1;
  } catch (error) {
    await stop();
    throw error;
  }
  // Stops the backend (dropping every open stream) and returns a function that starts it again on
  // the same port and data.
  const stopBackend = async () => {
    const backend = children[backendAt];
    backend.removeAllListeners('exit');
    const exited = new Promise((resolveExit) => backend.once('exit', resolveExit));
    backend.kill('SIGTERM');
    await exited;
    return async () => {
      children[backendAt] = await startBackend();
    };
  };
  const pageUrl = (pageOptions) => `${host.origin}${recordPagePath(pageOptions)}`;
  const backendPid = () => children[backendAt].pid;
  return { emulatorUrl, backendUrl, salesforceUrl, host, pageUrl, dataDir, backendPid, stop, stopBackend };
}

/** The emulated customer writes in a conversation; resolves to the new action's id. */
export async function customerWrites(emulatorUrl, conversationId, text) {
  const response = await fetch(`${emulatorUrl}/_emulator/conversations/${conversationId}/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`the customer could not write: ${response.status} ${body}`);
  return JSON.parse(body).action_id;
}

/**
 * Calls the emulator's Alcméon API with the demo application's credentials. The backend spends
 * the same application's budget (15 calls a minute), so a 429 is waited out until Alcméon's
 * `rate_limited_until`, as any client of the API must.
 */
export async function alcmeon(emulatorUrl, path) {
  const auth = Buffer.from(`${DEMO.instanceId}:${DEMO.alcmeonSecret}`).toString('base64');
  for (;;) {
    const response = await fetch(`${emulatorUrl}${path}`, { headers: { authorization: `Basic ${auth}` } });
    if (response.status === 429) {
      const wait = limitedFor(await response.text());
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }
}

/** How long a 429 body's `rate_limited_until` is still ahead, in ms (at least 100). */
function limitedFor(body) {
  const until = /rate_limited_until'?"?:\s*'?"?([0-9T:.\-]+Z)/.exec(body)?.[1];
  return Math.max(100, until ? Date.parse(until) - Date.now() + 50 : 1000);
}
