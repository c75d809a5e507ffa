// The host page's server without a browser (tests/lightning/server.mjs): what each page option puts
// on the page, the Apex stand-in's tokens, the static resource and path safety. Needs the static
// resource built (`make widget`), as every browser test does.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, test } from 'node:test';
import { readEditGrants, readPermissionSets } from '../lightning/org.mjs';
import { CASE, CONVERSATION, ENGAGEMENT, ENGAGEMENT_FIXTURES, SEEDED_CONVERSATIONS, engagementFixtureId, recordIds } from '../lightning/records.mjs';
import { AGENT, recordPagePath, startLightningServer } from '../lightning/server.mjs';

const BACKEND = Object.freeze({ url: 'http://127.0.0.1:9', orgId: '00DTESTORG', sessionSecret: 'test-secret' });
let server;

before(async () => {
  server = await startLightningServer({ backend: BACKEND });
});

after(() => server.close());

const get = (path) => fetch(new URL(path, server.url), { redirect: 'manual' });

/** The record page for `options` (recordPagePath's), with its configuration and headers. */
async function recordPage(options) {
  const response = await get(recordPagePath(options));
  assert.equal(response.status, 200, await response.clone().text());
  const html = await response.text();
  const config = JSON.parse(/<script type="application\/json" id="lightning-config">([^<]*)<\/script>/.exec(html)[1]);
  const scripts = [...html.matchAll(/<script src="\/lightning\/js\/([\w-]+\.js)"><\/script>/g)].map((match) => match[1]);
  return { html, config, scripts, policy: response.headers.get('content-security-policy') };
}

/** Calls an Apex method of the stand-in as the page's platform does. */
function apex(method, body) {
  return fetch(new URL(`/apex/AlcmeonSessionController.${method}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The component's Apex call on `config`'s page: for its record, with the App Builder defaults. */
const forRecord = (config, params = {}) => ({
  params: {
    recordId: config.record.id,
    caseConversationsRelationship: 'alcmeon__Conversations__r',
    conversationIdField: 'alcmeon__url__c',
    caseEngagementsRelationship: 'alcmeon__Engagements__r',
    engagementRecipientField: 'alcmeon__Recipient_Id__c',
    engagementSenderField: 'alcmeon__Sender_Id__c',
    ...params,
  },
  session: config.session,
  org: config.org,
});

async function mint(config, params) {
  const response = await apex('getSessionToken', forRecord(config, params));
  assert.equal(response.status, 200, await response.clone().text());
  const token = (await response.json()).returnValue;
  const [header, payload, signature] = token.split('.');
  const expected = crypto.createHmac('sha256', BACKEND.sessionSecret).update(`${header}.${payload}`).digest('base64url');
  assert.equal(signature, expected, 'signed with the backend’s session secret');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

test('the default record page: Case 1001 in synthetic shadow, as an agent, with the org’s labels', async () => {
  const { config, scripts, policy } = await recordPage();
  assert.deepEqual(scripts, ['synthetic-shadow.js', 'platform.js', 'component.js']);
  assert.equal(policy, null);
  assert.deepEqual(config.record, { id: recordIds(1001).caseId, apiName: CASE });
  assert.deepEqual(config.session.user, { id: AGENT.id, email: AGENT.email, name: AGENT.name });
  assert.deepEqual(config.session.permissions, ['Alcmeon_Reply']);
  assert.equal(config.session.tokenLifetime, 300);
  assert.match(config.labels.Alcmeon_Error_No_Conversation, /^No Alcméon conversation or engagement is linked to this record\. .*alcmeon__Engagement__c.*alcmeon__Case__c/);
  assert.deepEqual(config.i18n, { lang: 'en-US', locale: 'en-US', timeZone: 'Europe/Paris' });
  const root = await get('/');
  assert.equal(root.status, 302);
  assert.equal(root.headers.get('location'), recordPagePath());
});

test('the org holds a Case and a conversation for every seeded conversation and for the one asked', async () => {
  const { config } = await recordPage({ conversation: 999999 });
  const alcmeonIds = (caseId) =>
    config.records.filter((r) => r.apiName === CONVERSATION && r.fields.alcmeon__Case__c === caseId).map((r) => r.fields.alcmeon__url__c);
  for (const id of [...Object.keys(SEEDED_CONVERSATIONS).map(Number), 999999]) {
    const { caseId } = recordIds(id);
    assert.ok(config.records.some((r) => r.id === caseId && r.apiName === CASE), `Case of ${id}`);
    assert.ok(alcmeonIds(caseId).some((url) => url.endsWith(`/${id}`)), `conversation record of ${id}`);
  }
  assert.deepEqual(alcmeonIds(recordIds(null).caseId), [], 'Case 00001000 has no conversation');
  const page = await recordPage({ object: CONVERSATION, conversation: 1004 });
  assert.deepEqual(page.config.record, { id: recordIds(1004).conversationId, apiName: CONVERSATION });
});

test('csp=self refuses WebAssembly and lets the backend frame in; self-wasm allows it', async () => {
  const strict = await recordPage({ csp: 'self' });
  assert.match(strict.policy, /script-src 'self' blob:;/);
  assert.doesNotMatch(strict.policy, /wasm-unsafe-eval|unsafe-eval/);
  assert.match(strict.policy, /frame-src http:\/\/127\.0\.0\.1:9(;|$)/);
  assert.match((await recordPage({ csp: 'self-wasm' })).policy, /script-src 'self' 'wasm-unsafe-eval' blob:;/);
});

test('wasm=off deletes WebAssembly in a script that runs before every other one', async () => {
  const { scripts } = await recordPage({ wasm: 'off', lws: 'on', shadow: 'native' });
  assert.deepEqual(scripts, ['no-wasm.js', 'lws.js', 'platform.js', 'component-lws.js']);
  const script = await get('/lightning/js/no-wasm.js');
  assert.match(script.headers.get('content-type'), /^text\/javascript/);
  assert.match(await script.text(), /^delete window\.WebAssembly;$/m);
  assert.ok(!(await recordPage()).scripts.includes('no-wasm.js'), 'only when asked');
});

test('the agent’s permission sets, email, name and token lifetime reach the page’s session', async () => {
  const sets = readPermissionSets();
  const reader = await recordPage({ permissionSets: 'Alcmeon_Widget_Reader', email: 'Camille.Martin@example.com', name: 'C. M.', tokenLifetime: 62 });
  assert.deepEqual(reader.config.session, {
    user: { id: AGENT.id, email: 'Camille.Martin@example.com', name: 'C. M.' },
    permissionSets: ['Alcmeon_Widget_Reader'],
    permissions: sets.Alcmeon_Widget_Reader,
    tokenLifetime: 62,
    recordAccess: 'all',
    contactAccess: 'all',
    editable: { objects: [], fields: [] },
  });
  const agent = (await recordPage({ permissionSets: 'Alcmeon_Widget_Agent' })).config.session.editable;
  assert.deepEqual(agent, readEditGrants().Alcmeon_Widget_Agent);
  assert.ok(agent.fields.includes('alcmeon__Engagement__c.alcmeon__Sent_Date__c'), 'the test org’s own engagement fields, for those who may edit engagements');
  assert.deepEqual((await recordPage({ permissionSets: 'Alcmeon_Widget_Moderator' })).config.session.permissions, ['Alcmeon_Reply', 'Alcmeon_Moderate']);
  assert.deepEqual((await recordPage({ permissionSets: 'none' })).config.session.permissions, []);
});

test('the Apex stand-in mints the page session’s token as AlcmeonSessionController does', async () => {
  const { config } = await recordPage({ permissionSets: 'Alcmeon_Widget_Moderator', tokenLifetime: 62 });
  const claims = await mint(config);
  assert.deepEqual(Object.keys(claims), ['iss', 'sub', 'org', 'email', 'name', 'perms', 'aud', 'iat', 'exp', 'jti', 'rec', 'convs']);
  assert.equal(claims.org, BACKEND.orgId);
  assert.equal(claims.sub, AGENT.id);
  assert.equal(claims.email, AGENT.email);
  assert.deepEqual(claims.perms, { reply: true, moderate: true });
  assert.equal(claims.aud, BACKEND.url);
  assert.equal(claims.exp - claims.iat, 62);
  const readOnly = await mint((await recordPage({ permissionSets: 'Alcmeon_Widget_Reader' })).config);
  assert.deepEqual(readOnly.perms, { reply: false, moderate: false }, 'no custom permission, no reply');
  assert.equal(readOnly.exp - readOnly.iat, 300);
  const url = await apex('getBackendUrl', { params: {}, session: config.session });
  assert.deepEqual(await url.json(), { returnValue: BACKEND.url });
});

test('the Apex stand-in signs the record and its conversations, newest first, as Apex reads them', async () => {
  const casePage = (await recordPage({ conversation: 1001 })).config;
  const onCase = await mint(casePage);
  assert.equal(onCase.rec, recordIds(1001).caseId);
  assert.deepEqual(onCase.convs, [1001, 1005], 'the Case’s two conversations, the newest first');
  const onConversation = await mint((await recordPage({ object: CONVERSATION, conversation: 1004 })).config);
  assert.equal(onConversation.rec, recordIds(1004).conversationId);
  assert.deepEqual(onConversation.convs, [1004], 'a conversation record names itself only');
  const unseeded = await mint((await recordPage({ conversation: 999999 })).config);
  assert.deepEqual(unseeded.convs, [999999, 1005]);

  const refusal = async (config, params) => {
    const response = await apex('getSessionToken', forRecord(config, params));
    assert.equal(response.status, 400);
    const body = await response.json();
    assert.equal(body.exceptionType, 'System.AuraHandledException');
    return body.message;
  };
  const labels = casePage.labels;
  const hidden = (await recordPage({ conversation: 1001, recordAccess: 'none' })).config;
  assert.equal(await refusal(hidden), labels.Alcmeon_Error_No_Access);
  assert.equal(await refusal(casePage, { conversationIdField: 'Subject' }), labels.Alcmeon_Error_Component_Setup);
  assert.equal(await refusal(casePage, { caseConversationsRelationship: 'CaseComments' }), labels.Alcmeon_Error_Component_Setup);
  assert.equal(await refusal(casePage, { conversationIdField: 'alcmeon__scoped_id__c' }), labels.Alcmeon_Error_No_Conversation_Id);
  assert.equal(await refusal((await recordPage({ conversation: null })).config), labels.Alcmeon_Error_No_Conversation);
  assert.equal(await refusal(casePage, { recordId: '005QQ0000000001AAA' }), labels.Alcmeon_Error_No_Conversation);
});

test('link=engagement: the page’s Case reaches its conversation only through engagements, the newest without one', async () => {
  const { config } = await recordPage({ conversation: 1003, link: 'engagement' });
  const ids = recordIds(1003);
  assert.deepEqual(config.record, { id: ids.caseId, apiName: CASE });
  assert.deepEqual(config.org, { conversation: 1003, link: 'engagement' });
  const linking1003 = config.records.filter((r) => r.apiName === CONVERSATION && r.fields.alcmeon__url__c.endsWith('/1003'));
  assert.deepEqual(linking1003.map((r) => [r.id, r.fields.alcmeon__Case__c]), [[ids.conversationId, null]], 'no Case links 1003 directly');
  assert.ok(!config.records.some((r) => r.apiName === CONVERSATION && r.fields.alcmeon__Case__c === ids.caseId), 'no conversation names the Case');
  const engagements = config.records
    .filter((r) => r.apiName === ENGAGEMENT && r.fields.alcmeon__Case__c === ids.caseId)
    .sort((a, b) => b.fields.CreatedDate.localeCompare(a.fields.CreatedDate))
    .map((r) => r.fields.alcmeon__Conversation__c);
  assert.deepEqual(engagements, [null, ids.conversationId, ids.olderConversationId]);

  const waiting = (await recordPage({ conversation: null, link: 'engagement' })).config;
  const waitingCase = recordIds(null).caseId;
  assert.deepEqual(
    waiting.records.filter((r) => r.apiName === ENGAGEMENT && r.fields.alcmeon__Case__c === waitingCase).map((r) => r.fields.alcmeon__Conversation__c),
    [null, null],
  );
  const empty = (await recordPage({ conversation: null })).config;
  assert.ok(!empty.records.some((r) => r.fields.alcmeon__Case__c === waitingCase), 'Case 00001000: neither conversation nor engagement');
  assert.ok(empty.records.some((r) => r.apiName === ENGAGEMENT), 'while the org’s other Cases have engagements');
});

test('the Apex stand-in signs the conversation of the Case’s newest engagement that has one, as Apex does', async () => {
  const { config } = await recordPage({ conversation: 1003, link: 'engagement' });
  const claims = await mint(config);
  assert.equal(claims.rec, recordIds(1003).caseId);
  assert.deepEqual(claims.convs, [1003]);
  const refusal = async (page, params) => {
    const response = await apex('getSessionToken', forRecord(page, params));
    assert.equal(response.status, 400);
    return (await response.json()).message;
  };
  const labels = config.labels;
  assert.equal(await refusal(config, { caseEngagementsRelationship: 'alcmeon__Conversations__r' }), labels.Alcmeon_Error_Component_Setup);
  assert.equal(await refusal((await recordPage({ conversation: 1003, link: 'engagement', recordAccess: 'none' })).config), labels.Alcmeon_Error_No_Access);
  const waiting = await mint((await recordPage({ conversation: null, link: 'engagement' })).config);
  assert.deepEqual(waiting.convs, [], 'engagements without a conversation: engagement mode');
  assert.deepEqual(waiting.eng, { id: recordIds(null).waitingEngagementId, to: '', from: '', name: '', case: '00001000' }, 'on the newest');
  assert.equal(await refusal((await recordPage({ conversation: null })).config), labels.Alcmeon_Error_No_Conversation);
  const direct = await mint((await recordPage({ conversation: 1002 })).config);
  assert.deepEqual(direct.convs, [1002, 1005], 'a Case with its own conversations ignores its engagements');
});

test('engagement fixtures: a Case with a Contact and one engagement, minted in engagement mode as Apex does', async () => {
  const expected = {
    'engagement-ready': { to: '+33 6 12 34 56 78', name: 'Camille Martin' },
    'engagement-contact-mobile': { to: '+33 6 12 34 56 78', name: 'Camille Martin' },
    'engagement-opted-out': { to: '+33 6 98 76 54 32', name: 'Hugo Lefèvre' },
    'engagement-ongoing': { to: '+33 6 11 22 33 44', name: 'Amélie Dubois' },
    'engagement-no-recipient': { to: '', name: 'Léa Fontaine' },
    'engagement-bad-recipient': { to: '06 12 34', name: 'Marc Petit' },
  };
  assert.deepEqual(Object.keys(ENGAGEMENT_FIXTURES).sort(), Object.keys(expected).sort());
  const { caseId } = recordIds(null);
  for (const [link, { to, name }] of Object.entries(expected)) {
    const waitingEngagementId = engagementFixtureId(link);
    const { config } = await recordPage({ conversation: null, link });
    const engagements = config.records.filter((r) => r.apiName === ENGAGEMENT && r.fields.alcmeon__Case__c === caseId);
    assert.deepEqual(engagements.map((r) => [r.id, r.fields.alcmeon__Conversation__c]), [[waitingEngagementId, null]], link);
    const claims = await mint(config);
    assert.deepEqual(Object.keys(claims).slice(-3), ['rec', 'convs', 'eng']);
    assert.deepEqual(claims.convs, [], link);
    assert.deepEqual(claims.eng, { id: waitingEngagementId, to, from: '201', name, case: '00001000' }, link);
  }
  const ready = (await recordPage({ conversation: null, link: 'engagement-ready' })).config;
  const sender = await mint(ready, { engagementSenderField: 'alcmeon__Recipient_Id__c', engagementRecipientField: ' ' });
  assert.deepEqual([sender.eng.to, sender.eng.from], ['+33 6 12 34 56 78', '+33 6 12 34 56 78'], 'the mapped fields are read');
  const setup = ready.labels.Alcmeon_Error_Component_Setup;
  for (const params of [{ engagementRecipientField: 'Recipient_Phone__c' }, { engagementSenderField: 'Sender__c' }]) {
    const response = await apex('getSessionToken', forRecord(ready, params));
    assert.equal((await response.json()).message, setup, JSON.stringify(params));
  }
  assert.equal((await get(recordPagePath({ conversation: 1001, link: 'engagement-ready' }))).status, 400, 'only on Case 00001000');
});

test('findConversationRecord finds the org’s conversation record by its id field, and the ones the connector synced', async () => {
  const { config } = await recordPage({ conversation: null, link: 'engagement-ready' });
  const find = async (conversationId, params = {}) => {
    const response = await apex('findConversationRecord', { ...forRecord(config, params), params: { conversationId, conversationIdField: 'alcmeon__url__c', ...params } });
    return [response.status, await response.json()];
  };
  assert.deepEqual(await find(1002), [200, { returnValue: recordIds(1002).conversationId }], 'a seeded conversation’s record');
  const fresh = 700000 + Math.floor(Math.random() * 100000);
  assert.deepEqual(await find(fresh), [200, { returnValue: null }], 'none yet');
  const synced = await fetch(new URL('/__connector/conversations', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId: fresh }),
  });
  const { recordId } = await synced.json();
  assert.match(recordId, /^a01\w{15}$/);
  assert.deepEqual(await find(fresh), [200, { returnValue: recordId }], 'once Alcméon’s connector created it');
  assert.deepEqual((await find(fresh, { conversationIdField: 'Subject' }))[1].message, config.labels.Alcmeon_Error_Component_Setup);
});

test('refuses bad pages and bad Apex calls', async () => {
  for (const options of [
    { permissionSets: 'Alcmeon_Widget_Admin' },
    { tokenLifetime: 5 },
    { tokenLifetime: 301 },
    { shadow: 'none' },
    { csp: 'strict' },
    { wasm: 'maybe' },
    { recordAccess: 'some' },
    { link: 'account' },
  ]) {
    assert.equal((await get(recordPagePath(options))).status, 400, JSON.stringify(options));
  }
  assert.equal((await get('/lightning/r/Case/500QQ0000001001AAA/view?conversation=abc')).status, 400);
  assert.equal((await apex('getSessionToken', '{')).status, 400);
  assert.equal((await apex('getSessionToken', { params: {} })).status, 400, 'no running user');
  assert.equal((await apex('getSessionToken', 'x'.repeat(20_000))).status, 413);
  assert.equal((await apex('deleteEverything', {})).status, 404);
  assert.equal((await get('/apex/AlcmeonSessionController.getBackendUrl')).status, 405);
  assert.equal((await fetch(server.url, { method: 'DELETE' })).status, 405);
});

test('serves the static resource with its MIME types, and no path outside its folders', async () => {
  for (const [file, type] of [
    ['alcmeon_widget.js', /^text\/javascript/],
    ['alcmeon_widget_bg.wasm', /^application\/wasm$/],
    ['widget.css', /^text\/css/],
    ['locales/fr.ftl', /^text\/plain/],
  ]) {
    const response = await get(`/resource/alcmeonWidget/${file}`);
    assert.equal(response.status, 200, `${file}: ${await response.clone().text()}`);
    assert.match(response.headers.get('content-type'), type, file);
  }
  assert.match((await get('/lightning/slds.css')).headers.get('content-type'), /^text\/css/);
  assert.equal((await get('/resource/alcmeonWidget/nope.js')).status, 404);
  assert.equal((await get('/elsewhere')).status, 404);
  for (const sneaky of ['/resource/alcmeonWidget/..%2f..%2f..%2fpackage.json', '/resource/alcmeonWidget/%2e%2e/%2e%2e/%2e%2e/README.md', '/resource/alcmeonWidget/%00', '/resource/alcmeonWidget/%E0%A4%A']) {
    const response = await get(sneaky);
    assert.ok([400, 404].includes(response.status), `${sneaky} -> ${response.status}`);
    assert.doesNotMatch(await response.text(), /devDependencies|Alcméon/);
  }
});
