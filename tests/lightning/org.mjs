// What the Lightning-like page knows about the org, read from the SFDX metadata the way a deployed
// org would have it: Custom Labels, the objects' fields and child relationships (force-app,
// Alcméon's managed package alcmeon-package/, and org-objects/: the engagement fields Alcméon does
// not publish, which this test org has under the component's default names), the component's App
// Builder properties with their defaults, which Apex methods are cacheable, and the custom
// permissions and edit grants each permission set gives. The only reader of the metadata in the
// JavaScript test code: tests take labels from here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';

const WRAPPER = join(ROOT, 'lwc-wrapper');
const DEFAULT_DIR = join(WRAPPER, 'force-app', 'main', 'default');
/** The test org's own fields of Alcméon objects: granted editable, by its admin, to whoever may edit the object. */
const TEST_ORG_OBJECTS_DIR = join(ROOT, 'tests', 'lightning', 'org-objects');
const OBJECT_DIRS = [join(WRAPPER, 'alcmeon-package', 'main', 'default', 'objects'), join(DEFAULT_DIR, 'objects'), TEST_ORG_OBJECTS_DIR];

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity) => XML_ENTITIES[entity]);
const tag = (xml, name) => {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? unescapeXml(match[1].trim()) : undefined;
};

// Standard fields every object has, and those of the standard objects the page shows.
const SYSTEM_FIELDS = ['Id', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];
const STANDARD_OBJECTS = {
  Case: ['CaseNumber', 'Subject', 'Status', 'Priority', 'Origin', 'Description', 'IsClosed', 'ContactId', 'AccountId', 'OwnerId'],
  Contact: ['Name', 'FirstName', 'LastName', 'MobilePhone', 'Phone', 'Email', 'AccountId', 'OwnerId'],
};

/** Custom Labels: { fullName: value }. */
export function readLabels() {
  const xml = readFileSync(join(DEFAULT_DIR, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8');
  const labels = {};
  for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    labels[tag(block, 'fullName')] = tag(block, 'value');
  }
  return labels;
}

// `alcmeon__Case__c` with relationshipName `Conversations` → `alcmeon__Conversations__r`.
function childRelationshipName(fieldName, relationshipName) {
  const parts = fieldName.split('__');
  return parts.length === 3 ? `${parts[0]}__${relationshipName}__r` : `${relationshipName}__r`;
}

/**
* { objects: { <Object>: { fields: [...] } }, relationships: { <Parent>: { <relationship>:
* { childObjectApiName, fieldApiName } } } }.
*/
export function readSchema() {
  const objects = {};
  const relationships = {};
  for (const [name, fields] of Object.entries(STANDARD_OBJECTS)) {
    objects[name] = { fields: [...SYSTEM_FIELDS, ...fields] };
  }
  for (const dir of OBJECT_DIRS.filter((path) => existsSync(path))) {
    for (const object of readdirSync(dir)) {
      const fieldsDir = join(dir, object, 'fields');
      const fields = new Set([...SYSTEM_FIELDS, 'Name', 'OwnerId', ...(objects[object]?.fields ?? [])]);
      for (const file of existsSync(fieldsDir) ? readdirSync(fieldsDir) : []) {
        const xml = readFileSync(join(fieldsDir, file), 'utf8');
        const fieldName = tag(xml, 'fullName');
        fields.add(fieldName);
        const parent = tag(xml, 'referenceTo');
        const relationshipName = tag(xml, 'relationshipName');
        if (parent && relationshipName) {
          relationships[parent] ??= {};
          relationships[parent][childRelationshipName(fieldName, relationshipName)] = {
            childObjectApiName: object,
            fieldApiName: fieldName,
          };
        }
      }
      objects[object] = { fields: [...fields] };
    }
  }
  return { objects, relationships };
}

/**
* The component's App Builder properties for a record page with their defaults, typed as App
* Builder passes them: what a freshly placed component carries.
*/
export function readDesignDefaults(bundle) {
  const xml = readFileSync(join(DEFAULT_DIR, 'lwc', bundle, `${bundle}.js-meta.xml`), 'utf8');
  const config = /<targetConfig\s+targets="[^"]*lightning__RecordPage[^"]*"\s*>([\s\S]*?)<\/targetConfig>/.exec(xml);
  const properties = {};
  for (const [, attributes] of (config ? config[1] : '').matchAll(/<property\b([^>]*?)\/?>/g)) {
    const attribute = (name) => {
      const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
      return match ? unescapeXml(match[1]) : undefined;
    };
    const value = attribute('default');
    if (value === undefined) {
      continue;
    }
    const type = attribute('type');
    properties[attribute('name')] = type === 'Integer' ? Number(value) : type === 'Boolean' ? value === 'true' : value;
  }
  return properties;
}

/** { <permission set>: [custom permissions it enables] } from force-app's permission sets. */
export function readPermissionSets() {
  const dir = join(DEFAULT_DIR, 'permissionsets');
  const sets = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.permissionset-meta.xml'))) {
    const xml = readFileSync(join(dir, file), 'utf8');
    sets[file.replace('.permissionset-meta.xml', '')] = [...xml.matchAll(/<customPermissions>([\s\S]*?)<\/customPermissions>/g)]
      .filter(([, block]) => tag(block, 'enabled') === 'true')
      .map(([, block]) => tag(block, 'name'));
  }
  return sets;
}

/** { <permission set>: [Apex classes it grants] } from force-app's permission sets. */
export function readClassAccesses() {
  const dir = join(DEFAULT_DIR, 'permissionsets');
  const sets = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.permissionset-meta.xml'))) {
    const xml = readFileSync(join(dir, file), 'utf8');
    sets[file.replace('.permissionset-meta.xml', '')] = [...xml.matchAll(/<classAccesses>([\s\S]*?)<\/classAccesses>/g)]
      .filter(([, block]) => tag(block, 'enabled') === 'true')
      .map(([, block]) => tag(block, 'apexClass'));
  }
  return sets;
}

/**
* { <permission set>: { objects: [objects it may edit], fields: ['Object.Field' it may edit] } }
* from force-app's permission sets, each field of org-objects/ added for the objects the set may
* edit (this test org's admin granted them).
*/
export function readEditGrants() {
  const dir = join(DEFAULT_DIR, 'permissionsets');
  const testOrgFields = readdirSync(TEST_ORG_OBJECTS_DIR).flatMap((object) =>
    readdirSync(join(TEST_ORG_OBJECTS_DIR, object, 'fields')).map((file) => `${object}.${file.replace('.field-meta.xml', '')}`),
  );
  const grants = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.permissionset-meta.xml'))) {
    const xml = readFileSync(join(dir, file), 'utf8');
    const objects = [...xml.matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)]
      .filter(([, block]) => tag(block, 'allowEdit') === 'true')
      .map(([, block]) => tag(block, 'object'));
    const fields = [...xml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)]
      .filter(([, block]) => tag(block, 'editable') === 'true')
      .map(([, block]) => tag(block, 'field'));
    fields.push(...testOrgFields.filter((field) => objects.includes(field.split('.')[0])));
    grants[file.replace('.permissionset-meta.xml', '')] = { objects, fields };
  }
  return grants;
}

/** `Class.method` names of the @AuraEnabled(cacheable=true) methods in the project's Apex. */
export function readCacheableApex() {
  const dir = join(DEFAULT_DIR, 'classes');
  const cacheable = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cls'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const [, method] of source.matchAll(/@AuraEnabled\s*\(\s*cacheable\s*=\s*true\s*\)\s*(?:public|global)\s+static\s+[\w<>, ]+?\s+(\w+)\s*\(/gi)) {
      cacheable.push(`${file.replace(/\.cls$/, '')}.${method}`);
    }
  }
  return cacheable;
}
