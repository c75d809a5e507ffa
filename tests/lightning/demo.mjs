// `node tests/lightning/demo.mjs`: the product (emulator, backend) and the Lightning-like record
// page with the real LWC, until Ctrl-C; prints one URL per mode. Needs `cargo build -p backend -p
// alcmeon-emulator` and the built static resource. LIGHTNING_PORT picks the page's port (8091).
import { DEMO, startStack } from '../support/stack.mjs';
import { CASE, CONVERSATION } from './records.mjs';
import { recordPagePath, startLightningServer } from './server.mjs';
import { MODES } from './modes.mjs';

const server = await startLightningServer({ port: Number(process.env.LIGHTNING_PORT ?? 8091) });
const stack = await startStack({ allowedOrigins: [server.origin], verbose: process.env.DEMO_VERBOSE === '1' });
server.useBackend({ url: stack.backendUrl, orgId: DEMO.orgId, sessionSecret: DEMO.sessionSecret });

const modes = [...MODES, { name: 'CSP script-src self (no WebAssembly: the backend frame)', page: { csp: 'self' } }];
console.log('The real c-alcmeon-conversation on a Lightning-like record page:');
for (const mode of modes) {
  console.log(`  ${mode.name}`);
  console.log(`    Case:         ${server.origin}${recordPagePath({ ...mode.page, object: CASE })}`);
  console.log(`    Conversation: ${server.origin}${recordPagePath({ ...mode.page, object: CONVERSATION })}`);
}
console.log(`Other options (server.mjs): conversation=1002…1005|none, wireError=getRecord|getRelatedListRecords, lang, tz, mount=manual
Backend ${stack.backendUrl}, emulator ${stack.emulatorUrl}. Press Ctrl-C to stop.`);
const shutdown = async () => {
  stack.stop();
  await server.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
