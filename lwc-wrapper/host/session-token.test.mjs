// Tests for session-token.mjs against the shared vector (run with `node --test scripts/ host/`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { TOKEN_LIFETIME_SECONDS, mintSessionToken, sessionClaims, signHs256 } from './session-token.mjs';

const vector = JSON.parse(fs.readFileSync(new URL('./session-token.vector.json', import.meta.url), 'utf8'));

/** The record a token is bound to, for tests about other claims. */
const bound = { recordId: '500000000000001AAA', conversationIds: [1001] };

function decode(part) {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

test('signs the shared test vector exactly', () => {
    assert.equal(JSON.stringify(vector.claims), vector.payloadJson);
    assert.equal(signHs256(vector.claims, vector.secret), vector.token);
});

test('builds the vector claims, in order, from the Apex-like inputs', () => {
    const claims = sessionClaims({
        orgId: '00D000000000DEMOAAA',
        userId: '005000000000001AAA',
        email: 'agent@example.com',
        name: 'Camille Martin',
        audience: 'http://127.0.0.1:8080',
        issuedAt: 1767225600,
        jwtId: '8a6c2f0e-4b1d-4c3e-9f7a-2d5b6c7e8f90',
        recordId: '500000000000001AAA',
        conversationIds: [1008, 1001]
    });
    assert.equal(JSON.stringify(claims), vector.payloadJson);
    assert.equal(mintSessionToken({ ...vectorInputs() }, vector.secret), vector.token);
});

function vectorInputs() {
    return {
        orgId: vector.claims.org,
        userId: vector.claims.sub,
        email: vector.claims.email,
        name: vector.claims.name,
        perms: vector.claims.perms,
        audience: vector.claims.aud,
        issuedAt: vector.claims.iat,
        jwtId: vector.claims.jti,
        recordId: vector.claims.rec,
        conversationIds: vector.claims.convs
    };
}

test('a fresh token lives five minutes, has its own id and a valid signature', () => {
    const before = Math.floor(Date.now() / 1000);
    const options = {
        orgId: 'ORG',
        userId: 'USER',
        audience: 'http://127.0.0.1:8080',
        recordId: '500000000000001AAA',
        conversationIds: [1001]
    };
    const first = mintSessionToken(options, 'secret');
    const second = mintSessionToken(options, 'secret');

    const [header, payload, signature] = first.split('.');
    assert.deepEqual(decode(header), { alg: 'HS256', typ: 'JWT' });
    const claims = decode(payload);
    assert.ok(claims.iat >= before && claims.iat <= before + 5);
    assert.equal(claims.exp - claims.iat, TOKEN_LIFETIME_SECONDS);
    assert.match(claims.jti, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(decode(second.split('.')[1]).jti, claims.jti);
    assert.deepEqual(claims.perms, { reply: true, moderate: false });
    const expected = crypto.createHmac('sha256', 'secret').update(`${header}.${payload}`).digest('base64url');
    assert.equal(signature, expected);
});

test('tests may shorten the lifetime, within 10 to 300 seconds', () => {
    const base = { ...bound, orgId: 'ORG', userId: 'USER', audience: 'A', issuedAt: 1000, jwtId: 'j' };
    assert.equal(sessionClaims({ ...base, lifetimeSeconds: 65 }).exp, 1065);
    assert.throws(() => sessionClaims({ ...base, lifetimeSeconds: 5 }), RangeError);
    assert.throws(() => sessionClaims({ ...base, lifetimeSeconds: 3600 }), RangeError);
    assert.throws(() => sessionClaims({ ...base, lifetimeSeconds: '60' }), RangeError);
});

test('permission flags can be set, and non-boolean flags fall back to the defaults', () => {
    const base = { ...bound, orgId: 'ORG', userId: 'USER', audience: 'A', issuedAt: 1, jwtId: 'j' };
    assert.deepEqual(sessionClaims({ ...base, perms: { reply: false, moderate: true } }).perms, {
        reply: false,
        moderate: true
    });
    assert.deepEqual(sessionClaims({ ...base, perms: { reply: 'yes' } }).perms, { reply: true, moderate: false });
    assert.deepEqual(sessionClaims({ ...base, perms: null }).perms, { reply: true, moderate: false });
});

test('refuses missing identity, audience or secret', () => {
    assert.throws(() => sessionClaims({ ...bound, orgId: 'ORG', audience: 'A' }), /userId/);
    assert.throws(() => sessionClaims({ ...bound, orgId: 'ORG', userId: 'U' }), /audience/);
    assert.throws(
        () => sessionClaims({ ...bound, orgId: 'ORG', userId: 'U', audience: 'A', issuedAt: 1.5 }),
        /issuedAt/
    );
    assert.throws(() => signHs256({}, ''), /secret/);
});

test('binds the token to its record and the conversations it names, newest first', () => {
    const base = { orgId: 'ORG', userId: 'U', audience: 'A', issuedAt: 1, jwtId: 'j' };
    const claims = sessionClaims({ ...base, recordId: '500000000000001AAA', conversationIds: [1008, 1001] });
    assert.equal(claims.rec, '500000000000001AAA');
    assert.deepEqual(claims.convs, [1008, 1001]);
    assert.deepEqual(Object.keys(claims).slice(-2), ['rec', 'convs'], 'rec and convs come last, as Apex writes them');
    assert.throws(() => sessionClaims({ ...base, recordId: '500000000000001AAA', conversationIds: [] }), /non-empty/);
    assert.throws(() => sessionClaims({ ...base, conversationIds: [1001] }), /recordId/);
    assert.throws(() => sessionClaims({ ...base, recordId: '5000000000001', conversationIds: [1001] }), /recordId/);
    assert.throws(() => sessionClaims({ ...base, recordId: '500000000000001AAA' }), /conversationIds/);
    assert.throws(
        () => sessionClaims({ ...base, recordId: '500000000000001AAA', conversationIds: ['1001'] }),
        /conversationIds/
    );
});

test('signs the shared engagement-mode vector exactly: no conversation, the eng claim last', () => {
    const { engagement } = vector;
    assert.equal(JSON.stringify(engagement.claims), engagement.payloadJson);
    const { claims } = engagement;
    const minted = mintSessionToken(
        {
            orgId: claims.org,
            userId: claims.sub,
            email: claims.email,
            name: claims.name,
            perms: claims.perms,
            audience: claims.aud,
            issuedAt: claims.iat,
            jwtId: claims.jti,
            recordId: claims.rec,
            engagement: { id: claims.eng.id, to: claims.eng.to, from: claims.eng.from, name: claims.eng.name, case: claims.eng.case }
        },
        vector.secret
    );
    assert.equal(minted, engagement.token);
    assert.deepEqual(Object.keys(decode(minted.split('.')[1])).slice(-3), ['rec', 'convs', 'eng']);
    assert.deepEqual(Object.keys(claims.eng), ['id', 'to', 'from', 'name', 'case'], 'the backend’s EngagementClaim fields, in Apex’s order');
});

test('an engagement token names no conversation and an 18-character engagement; blank texts stay blank', () => {
    const base = { orgId: 'ORG', userId: 'U', audience: 'A', issuedAt: 1, jwtId: 'j', recordId: '500000000000001AAA' };
    const claims = sessionClaims({ ...base, engagement: { id: 'a02000000000001AAA' } });
    assert.deepEqual(claims.convs, []);
    assert.deepEqual(claims.eng, { id: 'a02000000000001AAA', to: '', from: '', name: '', case: '' });
    assert.equal('eng' in sessionClaims({ ...base, conversationIds: [1001] }), false, 'conversation mode has no eng claim');
    assert.throws(() => sessionClaims({ ...base, conversationIds: [1001], engagement: { id: 'a02000000000001AAA' } }), /names no conversation/);
    assert.throws(() => sessionClaims({ ...base, engagement: { id: 'a02000000000001' } }), /engagement\.id/);
    assert.throws(() => sessionClaims({ ...base, engagement: { id: 'a02000000000001AAA', to: 33612345678 } }), /engagement\.to/);
    assert.throws(() => sessionClaims({ ...base }), /conversationIds/, 'neither a conversation nor an engagement');
});
