// The Alcméon package's objects as Alcméon documents them (its connector's objects and fields).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ALCMEON_PACKAGE_DIR, DEFAULT_DIR, readMetadata } from './metadata-tools.mjs';

const DOCUMENTED = {
    alcmeon__Conversation__c: {
        name: 'Alcmeon Conversation ID (AutoNumber)',
        fields: {
            alcmeon__Account__c: 'Lookup(Account)',
            alcmeon__Case__c: 'Lookup(Case)',
            alcmeon__Channel_specific_user_data__c: 'LongTextArea(131072)',
            alcmeon__Contact__c: 'Lookup(Contact)',
            alcmeon__Conversation_custom_fields__c: 'LongTextArea(131072)',
            alcmeon__Conversation_type__c: 'Text(255)',
            alcmeon__From_SF_Queue_Id__c: 'Text(255)',
            alcmeon__Social_media_account__c: 'Text(255)',
            alcmeon__Social_media_type__c: 'Text(255)',
            alcmeon__Status__c: 'Text(255)',
            alcmeon__To_SF_Queue_Id__c: 'Text(255)',
            alcmeon__User_name__c: 'Text(255)',
            alcmeon__scoped_id__c: 'Text(30) required external id',
            alcmeon__url__c: 'Text(255)'
        }
    },
    alcmeon__Engagement__c: {
        name: 'Alcmeon Engagement Id (AutoNumber)',
        fields: {
            alcmeon__Case__c: 'Lookup(Case)',
            alcmeon__Conversation__c: 'Lookup(alcmeon__Conversation__c)',
            alcmeon__Language_locale__c: 'Text(10)',
            alcmeon__Message_Content__c: 'Html(131072)',
            alcmeon__Message_Send_Error__c: 'LongTextArea(131072)'
        }
    }
};

function describeField(field) {
    const shape = field.referenceTo ? `${field.type}(${field.referenceTo})` : `${field.type}(${field.length})`;
    const flags = [field.required === 'true' && 'required', field.externalId === 'true' && 'external id'];
    return [shape, ...flags.filter(Boolean)].join(' ');
}

for (const [object, documented] of Object.entries(DOCUMENTED)) {
    const objectDir = path.join(ALCMEON_PACKAGE_DIR, 'objects', object);

    test(`${object} is named by an auto number labelled like Alcméon's`, () => {
        const { nameField } = readMetadata(path.join(objectDir, `${object}.object-meta.xml`));
        assert.equal(`${nameField.label} (${nameField.type})`, documented.name);
    });

    test(`${object} has exactly the fields Alcméon documents, with their types`, () => {
        const fields = {};
        for (const file of fs.readdirSync(path.join(objectDir, 'fields'))) {
            const field = readMetadata(path.join(objectDir, 'fields', file));
            assert.equal(`${field.fullName}.field-meta.xml`, file, 'file name and fullName differ');
            fields[field.fullName] = describeField(field);
        }
        assert.deepEqual(fields, documented.fields);
    });
}

test('each lookup to a parent has its own relationship name there (Salesforce rejects duplicates)', () => {
    const seen = new Map();
    for (const object of Object.keys(DOCUMENTED)) {
        const fieldsDir = path.join(ALCMEON_PACKAGE_DIR, 'objects', object, 'fields');
        for (const file of fs.readdirSync(fieldsDir)) {
            const field = readMetadata(path.join(fieldsDir, file));
            if (!field.referenceTo) continue;
            const key = `${field.referenceTo}.${field.relationshipName}`;
            assert.ok(field.relationshipName, `${object}.${field.fullName} has no relationshipName`);
            assert.ok(!seen.has(key), `${key} used by ${seen.get(key)} and ${object}.${field.fullName}`);
            seen.set(key, `${object}.${field.fullName}`);
        }
    }
});

test("the component's App Builder defaults name the package's relationship and fields", () => {
    const bundle = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
        fs.readFileSync(path.join(DEFAULT_DIR, 'lwc/alcmeonConversation/alcmeonConversation.js-meta.xml'), 'utf8')
    );
    const properties = bundle.LightningComponentBundle.targetConfigs.targetConfig.property;
    const defaults = Object.fromEntries(properties.map((property) => [property.name, property.default]));
    const caseLookup = readMetadata(
        path.join(ALCMEON_PACKAGE_DIR, 'objects/alcmeon__Conversation__c/fields/alcmeon__Case__c.field-meta.xml')
    );
    assert.equal(defaults.caseConversationsRelationship, `alcmeon__${caseLookup.relationshipName}__r`);
    const engagementCaseLookup = readMetadata(
        path.join(ALCMEON_PACKAGE_DIR, 'objects/alcmeon__Engagement__c/fields/alcmeon__Case__c.field-meta.xml')
    );
    assert.equal(defaults.caseEngagementsRelationship, `alcmeon__${engagementCaseLookup.relationshipName}__r`);
    assert.ok(
        fs.existsSync(
            path.join(
                ALCMEON_PACKAGE_DIR,
                `objects/alcmeon__Conversation__c/fields/${defaults.conversationIdField}.field-meta.xml`
            )
        ),
        `${defaults.conversationIdField} is a field of alcmeon__Conversation__c`
    );
});
