// The demo org's side of the connector's sync: the Salesforce stand-in (crates/salesforce-emulator)
// with a Connected App whose key pair is made here, on first use, in the data folder (never a key
// kept in the repository), and what the backend is told to reach it. Used by stack.mjs when a
// stack is started with `salesforce: true` (the demo and the sync's browser tests).
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SALESFORCE = {
  consumerKey: 'demo-consumer-key',
  username: 'integration@lumio.example',
  loginUrl: 'https://login.salesforce.com',
};

/** The Connected App's key pair in `dataDir` (made once): { privateKeyPath, publicKeyPath }. */
export function connectedAppKeys(dataDir) {
  const privateKeyPath = join(dataDir, 'connected-app.key');
  const publicKeyPath = join(dataDir, 'connected-app.pub');
  if (!existsSync(privateKeyPath) || !existsSync(publicKeyPath)) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });
    writeFileSync(publicKeyPath, publicKey);
  }
  return { privateKeyPath, publicKeyPath, privateKey: readFileSync(privateKeyPath, 'utf8') };
}

/** The stand-in's settings: its port, state file and the Connected App's public key. */
export function salesforceEmulatorEnv({ port, dataDir, keys }) {
  return {
    SALESFORCE_EMULATOR_ADDR: `127.0.0.1:${port}`,
    SALESFORCE_EMULATOR_DATA: join(dataDir, 'salesforce-org.json'),
    SALESFORCE_EMULATOR_CONSUMER_KEY: SALESFORCE.consumerKey,
    SALESFORCE_EMULATOR_CERTIFICATE: keys.publicKeyPath,
    SALESFORCE_EMULATOR_USERNAMES: SALESFORCE.username,
    SALESFORCE_EMULATOR_LOGIN_URL: SALESFORCE.loginUrl,
  };
}

/**
 * What the backend is told of the org's Salesforce (config/salesforce.rs): the Connected App, its
 * integration user and key, the Alcméon social accounts whose conversations become records, and
 * the stand-in's token endpoint and instance in place of Salesforce's.
 */
export function backendSalesforceEnv({ orgId, salesforceUrl, keys, accounts }) {
  const settings = {
    consumer_key: SALESFORCE.consumerKey,
    username: SALESFORCE.username,
    private_key: keys.privateKeyPath,
    accounts: accounts.join(','),
    login_url: SALESFORCE.loginUrl,
    token_endpoint: `${salesforceUrl}/services/oauth2/token`,
    instance_url: salesforceUrl,
  };
  const value = Object.entries(settings)
    .map(([key, setting]) => `${key}=${setting}`)
    .join(';');
  return { [`BACKEND_SALESFORCE_${orgId}`]: value };
}
