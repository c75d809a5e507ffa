// The Apex test class signs the shared session-token test vector with literals of its own (Apex
// tests cannot read repository files). This keeps those literals equal to
// host/session-token.vector.json, which the host page's and the backend's tests read, so the
// three signers cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vector = JSON.parse(fs.readFileSync(path.join(root, 'host/session-token.vector.json'), 'utf8'));
const apexTest = fs.readFileSync(
    path.join(root, 'force-app/main/default/classes/AlcmeonSessionControllerTest.cls'),
    'utf8'
);

/** The body of the Apex method `name`, up to the next method. */
function methodBody(source, name) {
    const start = source.indexOf(`void ${name}()`);
    assert.ok(start >= 0, `method ${name} in the Apex test`);
    const next = source.indexOf('@IsTest', start);
    return source.slice(start, next < 0 ? undefined : next);
}

/** Apex string literal contents, unescaped. */
function unescapeApex(literal) {
    return literal.replace(/\\(.)/g, (_, char) => ({ n: '\n', t: '\t', r: '\r' })[char] ?? char);
}

/** The first argument of every Assert.areEqual: a literal or literals joined with `+`. */
export function expectedStrings(body) {
    const results = [];
    for (const [, args] of body.matchAll(/Assert\.areEqual\(\s*((?:'(?:[^'\\]|\\.)*'\s*\+?\s*)+),/g)) {
        results.push([...args.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map(([, text]) => unescapeApex(text)).join(''));
    }
    return results;
}

const body = methodBody(apexTest, 'signsTheSharedTestVector');

test('the Apex test signs the same claims JSON and expects the same token as the vector file', () => {
    assert.deepEqual(expectedStrings(body), [vector.payloadJson, vector.token]);
});

test('the Apex test uses the vector file secret', () => {
    const secret = /static final String SECRET = '([^']*)'/.exec(apexTest);
    assert.equal(secret?.[1], vector.secret);
});

test('the vector claims JSON is exactly the claims object, in order', () => {
    assert.equal(JSON.stringify(vector.claims), vector.payloadJson);
});

test('the Apex test signs the engagement-mode claims JSON and expects the same token as the vector file', () => {
    const engagementBody = methodBody(apexTest, 'signsTheSharedEngagementVector');
    assert.deepEqual(expectedStrings(engagementBody), [vector.engagement.payloadJson, vector.engagement.token]);
    assert.equal(JSON.stringify(vector.engagement.claims), vector.engagement.payloadJson);
});

test('a changed literal is caught', () => {
    const tampered = body.replace('6rmpC4Y1', '6rmpC4y1');
    assert.notDeepEqual(expectedStrings(tampered), [vector.payloadJson, vector.token]);
});
