// What the permission sets and the Trusted URL give an org, read from their metadata files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ALCMEON_PACKAGE_DIR, DEFAULT_DIR, readMetadata } from './metadata-tools.mjs';

const ALCMEON_OBJECTS = ['alcmeon__Conversation__c', 'alcmeon__Engagement__c'];

// Those who may reply send engagements too: the LWC records each send on its engagement (LDS
// updateRecord as the agent), and the conversation it grew into.
const ENGAGEMENT_WRITERS = ['Alcmeon_Widget_Agent', 'Alcmeon_Widget_Moderator'];
const WRITTEN_ENGAGEMENT_FIELDS = [
    'alcmeon__Engagement__c.alcmeon__Conversation__c',
    'alcmeon__Engagement__c.alcmeon__Language_locale__c',
    'alcmeon__Engagement__c.alcmeon__Message_Content__c',
    'alcmeon__Engagement__c.alcmeon__Message_Send_Error__c'
];

const CUSTOM_PERMISSIONS = {
    Alcmeon_Widget_Reader: [],
    Alcmeon_Widget_Agent: ['Alcmeon_Reply'],
    Alcmeon_Widget_Moderator: ['Alcmeon_Moderate', 'Alcmeon_Reply']
};

// Salesforce refuses a permission set that lists a required or master-detail field: those are
// readable by everyone who can read the object.
function listableFields() {
    const fields = [];
    for (const object of ALCMEON_OBJECTS) {
        const fieldsDir = path.join(ALCMEON_PACKAGE_DIR, 'objects', object, 'fields');
        for (const file of fs.readdirSync(fieldsDir)) {
            const field = readMetadata(path.join(fieldsDir, file));
            if (field.required !== 'true' && field.type !== 'MasterDetail') {
                fields.push(`${object}.${field.fullName}`);
            }
        }
    }
    return fields.sort();
}

test('the permission sets on disk are the four the README describes', () => {
    const names = fs.readdirSync(path.join(DEFAULT_DIR, 'permissionsets')).map((file) => file.split('.')[0]);
    assert.deepEqual(names.sort(), [...Object.keys(CUSTOM_PERMISSIONS), 'Alcmeon_Contact_Sync'].sort());
});

test('Alcmeon_Contact_Sync grants only the Alcmeon_Backend Named Credential principal', () => {
    const { label, description, hasActivationRequired, ...grants } = readMetadata(
        path.join(DEFAULT_DIR, 'permissionsets/Alcmeon_Contact_Sync.permissionset-meta.xml')
    );
    assert.ok(label && description && hasActivationRequired === 'false');
    assert.deepEqual(grants, {
        externalCredentialPrincipalAccesses: { enabled: 'true', externalCredentialPrincipal: 'Alcmeon_Backend-Org' }
    });
    const credential = readMetadata(path.join(DEFAULT_DIR, 'externalCredentials/Alcmeon_Backend.externalCredential-meta.xml'));
    const [principal] = [credential.externalCredentialParameters].flat();
    assert.deepEqual([principal.parameterType, principal.parameterName], ['NamedPrincipal', 'Org']);
});

test('Named Credential Alcmeon_Backend is an https origin through that External Credential, signing nothing itself', () => {
    const named = readMetadata(path.join(DEFAULT_DIR, 'namedCredentials/Alcmeon_Backend.namedCredential-meta.xml'));
    const parameters = Object.fromEntries(named.namedCredentialParameters.map((p) => [p.parameterName, p]));
    const url = new URL(parameters.Url.parameterValue);
    assert.equal(url.protocol, 'https:');
    assert.equal(url.origin, parameters.Url.parameterValue);
    assert.equal(parameters.ExternalCredential.externalCredential, 'Alcmeon_Backend');
    assert.equal(named.generateAuthorizationHeader, 'false');
    assert.equal(named.allowMergeFieldsInHeader, 'false');
});

for (const [name, customPermissions] of Object.entries(CUSTOM_PERMISSIONS)) {
    const permissionSet = () =>
        readMetadata(path.join(DEFAULT_DIR, 'permissionsets', `${name}.permissionset-meta.xml`));

    test(`${name} grants the Apex class AlcmeonSessionController`, () => {
        const grants = permissionSet().classAccesses ?? [];
        assert.ok(grants.some((grant) => grant.apexClass === 'AlcmeonSessionController' && grant.enabled === 'true'));
    });

    test(`${name} grants exactly the custom permissions ${JSON.stringify(customPermissions)}`, () => {
        const granted = (permissionSet().customPermissions ?? [])
            .filter((permission) => permission.enabled === 'true')
            .map((permission) => permission.name);
        assert.deepEqual(granted.sort(), customPermissions);
    });

    const writesEngagements = ENGAGEMENT_WRITERS.includes(name);

    test(`${name} lets its users read both Alcméon objects${writesEngagements ? ' and edit engagements' : ', and only read them'}`, () => {
        const grants = permissionSet().objectPermissions ?? [];
        const byObject = Object.fromEntries(grants.map((grant) => [grant.object, grant]));
        for (const object of ALCMEON_OBJECTS) {
            const edits = writesEngagements && object === 'alcmeon__Engagement__c';
            assert.deepEqual(byObject[object], {
                allowCreate: 'false',
                allowDelete: 'false',
                allowEdit: String(edits),
                allowRead: 'true',
                modifyAllRecords: 'false',
                object,
                viewAllRecords: 'false'
            });
        }
    });

    test(`${name} lists every optional Alcméon field, ${writesEngagements ? 'editable only those an engagement send writes' : 'read-only'}, and no required one`, () => {
        const grants = permissionSet().fieldPermissions ?? [];
        assert.deepEqual(grants.map((grant) => grant.field).sort(), listableFields());
        for (const grant of grants) {
            const editable = writesEngagements && WRITTEN_ENGAGEMENT_FIELDS.includes(grant.field);
            assert.deepEqual([grant.readable, grant.editable], ['true', String(editable)], grant.field);
        }
    });
}

const readTrustedUrl = () =>
    readMetadata(path.join(DEFAULT_DIR, 'cspTrustedSites/Alcmeon_Backend.cspTrustedSite-meta.xml'));

test('Trusted URL Alcmeon_Backend is active everywhere and allows connect-src, frame-src and img-src only', () => {
    const site = readTrustedUrl();
    assert.equal(site.isActive, 'true');
    assert.equal(site.context, 'All');
    const allowed = Object.keys(site)
        .filter((key) => key.startsWith('isApplicableTo') && site[key] === 'true')
        .sort();
    assert.deepEqual(allowed, ['isApplicableToConnectSrc', 'isApplicableToFrameSrc', 'isApplicableToImgSrc']);
});

test('Trusted URL Alcmeon_Backend is an https origin, with no path, for the admin to replace', () => {
    const { endpointUrl } = readTrustedUrl();
    const url = new URL(endpointUrl);
    assert.equal(url.protocol, 'https:');
    assert.equal(url.origin, endpointUrl);
});
