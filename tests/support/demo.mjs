// `make demo`: the product on its embedded defaults, on fixed local ports, until Ctrl-C; prints the
// record page (the real LWC on the Lightning-like page) and the same page in each hosting mode.
import { join } from 'node:path';
import { CONVERSATION_LIST_PATH } from '../lightning/org-list.mjs';
import { CASE, CONVERSATION } from '../lightning/records.mjs';
import { MODES } from './modes.mjs';
import { ROOT, startStack } from './stack.mjs';

const stack = await startStack({
  ports: { emulator: 8081, backend: 8080, host: 8090, salesforce: 8082 },
  dataDir: join(ROOT, 'data', 'demo'),
  // A customer writes every 45 s; the recipient of each WhatsApp engagement answers 15 s after
  // the send (tests answer through the emulator's control instead).
  emulatorEnv: {
    ALCMEON_EMULATOR_CUSTOMER_EVERY_SECS: '45',
    ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS: '15',
  },
  verbose: process.env.DEMO_VERBOSE === '1',
  salesforce: true,
});
const modes = [
  ...MODES.slice(1),
  { name: 'CSP script-src self (no WebAssembly: the backend frame)', page: { csp: 'self' } },
  { name: 'no WebAssembly at all, as under Lightning Locker (the backend frame)', page: { wasm: 'off' } },
];
console.log(`
Alcméon widget demo is running: the real c-alcmeon-conversation on a Lightning-like record page.
  Case page:          ${stack.pageUrl({ object: CASE, conversation: 1001 })}
  Conversation page:  ${stack.pageUrl({ object: CONVERSATION, conversation: 1001 })}
  Engagement page:    ${stack.pageUrl({ object: CASE, conversation: null, link: 'engagement-ready' })}
  WhatsApp window closing (countdown, then re-engagement; Léa opted in):
                      ${stack.pageUrl({ object: CASE, conversation: 1008 })}
  WhatsApp window closed (re-engagement blocked: Thomas never opted in):
                      ${stack.pageUrl({ object: CASE, conversation: 1006 })}
The org's alcmeon__Conversation__c records, as the sync writes them (reloads every 3 s):
                      ${stack.host.origin}${CONVERSATION_LIST_PATH}
Other hosting modes of the same Case page:`);
for (const mode of modes) console.log(`  ${mode.name}\n    ${stack.pageUrl({ ...mode.page, object: CASE })}`);
console.log(`Page options (tests/lightning/server.mjs): conversation=1001…1008|none, lang=fr, tz=America/New_York,
  permissionSets=Alcmeon_Widget_Reader (read-only), email, name, tokenLifetime, wireError, mount=manual
Backend ${stack.backendUrl} (SQLite in ${stack.dataDir}), Alcméon emulator ${stack.emulatorUrl},
Salesforce stand-in ${stack.salesforceUrl}.
Press Ctrl-C to stop.`);
const shutdown = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
