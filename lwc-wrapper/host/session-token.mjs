/**
 * Session tokens as Apex AlcmeonSessionController.getSessionToken mints them, for the Apex stand-in
 * of the Lightning-like host page (tests/lightning/server.mjs). This folder holds only that: the
 * token module and the vector shared with the Apex test class and the backend's Rust tests.
 *
 * An HS256 JWT: base64url('{"alg":"HS256","typ":"JWT"}') . base64url(claims JSON) . base64url(
 * HMAC-SHA256(secret, header.payload)), with claims in this order: iss, sub, org, email, name,
 * perms { reply, moderate }, aud, iat, exp (= iat + 300), jti, rec (the 18-character record id the
 * token is minted on), convs (the Alcméon conversation ids that record names, newest first: the
 * only ones the backend serves with this token), and in engagement mode (convs then empty) eng:
 * { id (the 18-character alcmeon__Engagement__c id), to (recipient phone as held), from (sender
 * Alcméon account id as held), name (the Case Contact's name), case (the CaseNumber) }, in that
 * order. The Apex class, this module and the backend all check the vectors in
 * session-token.vector.json (conversation mode at its top level, engagement mode under
 * `engagement`).
 */
import crypto from 'node:crypto';

export const TOKEN_LIFETIME_SECONDS = 300;
/** The shortest lifetime a test may ask for (Apex always uses TOKEN_LIFETIME_SECONDS). */
export const MIN_TOKEN_LIFETIME_SECONDS = 10;
const HEADER = Object.freeze({ alg: 'HS256', typ: 'JWT' });
const RECORD_ID = /^[a-zA-Z0-9]{18}$/;
const ENGAGEMENT_TEXT_KEYS = ['to', 'from', 'name', 'case'];

/** Signs claims (serialised with JSON.stringify, in their key order) as an HS256 JWT. */
export function signHs256(claims, secret) {
    if (typeof secret !== 'string' || secret.length === 0) {
        throw new TypeError('signHs256: the secret must be a non-empty string');
    }
    const header = Buffer.from(JSON.stringify(HEADER)).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signingInput = `${header}.${payload}`;
    const signature = crypto.createHmac('sha256', secret).update(signingInput).digest('base64url');
    return `${signingInput}.${signature}`;
}

/** The claims of a session token, in the order the Apex class writes them. */
export function sessionClaims({
    orgId,
    userId,
    email = '',
    name = '',
    perms = {},
    audience,
    issuedAt = Math.floor(Date.now() / 1000),
    jwtId = crypto.randomUUID(),
    lifetimeSeconds = TOKEN_LIFETIME_SECONDS,
    recordId,
    conversationIds = [],
    engagement
}) {
    for (const [key, value] of Object.entries({ orgId, userId, audience })) {
        if (typeof value !== 'string' || value.length === 0) {
            throw new TypeError(`sessionClaims: ${key} must be a non-empty string`);
        }
    }
    if (typeof email !== 'string' || typeof name !== 'string') {
        throw new TypeError('sessionClaims: email and name must be strings');
    }
    if (!Number.isSafeInteger(issuedAt)) {
        throw new TypeError('sessionClaims: issuedAt must be whole seconds since the epoch');
    }
    if (
        !Number.isSafeInteger(lifetimeSeconds) ||
        lifetimeSeconds < MIN_TOKEN_LIFETIME_SECONDS ||
        lifetimeSeconds > TOKEN_LIFETIME_SECONDS
    ) {
        throw new RangeError(
            `sessionClaims: lifetimeSeconds must be ${MIN_TOKEN_LIFETIME_SECONDS} to ${TOKEN_LIFETIME_SECONDS}`
        );
    }
    if (typeof recordId !== 'string' || !RECORD_ID.test(recordId)) {
        throw new TypeError('sessionClaims: recordId must be an 18-character Salesforce id');
    }
    if (engagement !== undefined) {
        checkEngagement(engagement, conversationIds);
    } else if (
        !Array.isArray(conversationIds) ||
        conversationIds.length === 0 ||
        !conversationIds.every((id) => Number.isSafeInteger(id) && id > 0)
    ) {
        // Apex mints no token for a record naming neither a conversation nor an engagement.
        throw new TypeError('sessionClaims: conversationIds must be a non-empty array of Alcméon conversation ids');
    }
    const flag = (value, fallback) => (typeof value === 'boolean' ? value : fallback);
    return {
        iss: orgId,
        sub: userId,
        org: orgId,
        email,
        name,
        perms: { reply: flag(perms && perms.reply, true), moderate: flag(perms && perms.moderate, false) },
        aud: audience,
        iat: issuedAt,
        exp: issuedAt + lifetimeSeconds,
        jti: jwtId,
        rec: recordId,
        convs: [...conversationIds],
        ...(engagement !== undefined && {
            eng: {
                id: engagement.id,
                to: engagement.to ?? '',
                from: engagement.from ?? '',
                name: engagement.name ?? '',
                case: engagement.case ?? ''
            }
        })
    };
}

/** Engagement mode: no conversation, an engagement record id, and its texts (possibly blank). */
function checkEngagement(engagement, conversationIds) {
    if (!Array.isArray(conversationIds) || conversationIds.length > 0) {
        throw new TypeError('sessionClaims: an engagement token names no conversation (conversationIds: [])');
    }
    if (!engagement || typeof engagement.id !== 'string' || !RECORD_ID.test(engagement.id)) {
        throw new TypeError('sessionClaims: engagement.id must be an 18-character Salesforce id');
    }
    for (const key of ENGAGEMENT_TEXT_KEYS) {
        if (engagement[key] !== undefined && typeof engagement[key] !== 'string') {
            throw new TypeError(`sessionClaims: engagement.${key} must be a string`);
        }
    }
}

/** Mints a fresh session token (see sessionClaims for the options). */
export function mintSessionToken(options, secret) {
    return signHs256(sessionClaims(options), secret);
}
