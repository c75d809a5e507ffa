// `make demo`: the product on its embedded defaults, on fixed local ports, until Ctrl-C.
import { join } from 'node:path';
import { ROOT, startStack } from './stack.mjs';

const stack = await startStack({
  ports: { emulator: 8081, backend: 8080, host: 8090 },
  dataDir: join(ROOT, 'data', 'demo'),
  emulatorEnv: { ALCMEON_EMULATOR_CUSTOMER_EVERY_SECS: '45' },
  verbose: process.env.DEMO_VERBOSE === '1',
});
console.log(`
Alcméon widget demo is running.
  Record page (host):  ${stack.hostUrl}?conversation=1001
  Other conversations: ?conversation=1002 … 1005; language and time zone: &lang=fr&tz=America/New_York
  Backend:             ${stack.backendUrl}   (SQLite in ${stack.dataDir})
  Alcméon emulator:    ${stack.emulatorUrl}
Press Ctrl-C to stop.`);
const shutdown = () => {
  stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
