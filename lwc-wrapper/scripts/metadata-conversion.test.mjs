// The SFDX project resolves and converts offline the way the Salesforce CLI would before a deploy.
// SDR itself is lenient: it skips files in folders it does not know and copies broken XML as it is,
// so these tests check both.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
    DEFAULT_DIR,
    PROJECT_DIR,
    convertToMetadataFormat,
    listFiles,
    makeTempDir,
    projectReadableBySdr,
    readMetadata,
    unclaimedFiles,
    widgetIsBuilt,
    xmlErrors
} from './metadata-tools.mjs';
import { MAX_RESOURCE_BYTES, OUTPUT_NAMES } from './build-static-resource.mjs';

const tempRoot = makeTempDir();
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

const project = projectReadableBySdr(tempRoot);
const convertedDir = path.join(tempRoot, 'converted');
let converted;
const packageTypes = () => (converted ??= convertToMetadataFormat(project, convertedDir));

test('the file check flags a file in a folder Salesforce does not know', () => {
    const scratch = path.join(tempRoot, 'scratch');
    const classes = path.join(scratch, 'force-app/main/default/classes');
    fs.mkdirSync(classes, { recursive: true });
    fs.mkdirSync(path.join(scratch, 'force-app/main/default/notAType'));
    fs.copyFileSync(path.join(PROJECT_DIR, 'sfdx-project.json'), path.join(scratch, 'sfdx-project.json'));
    fs.writeFileSync(path.join(classes, 'Ok.cls'), 'public class Ok {}');
    fs.copyFileSync(
        path.join(DEFAULT_DIR, 'classes/AlcmeonSessionController.cls-meta.xml'),
        path.join(classes, 'Ok.cls-meta.xml')
    );
    fs.writeFileSync(path.join(scratch, 'force-app/main/default/notAType/stray.txt'), 'not metadata');
    assert.deepEqual(unclaimedFiles(scratch), ['force-app/main/default/notAType/stray.txt']);
});

test('every file under force-app belongs to a metadata component or is listed in .forceignore', () => {
    assert.deepEqual(unclaimedFiles(project), []);
});

test('the XML check flags an unclosed element', () => {
    assert.equal(xmlErrors('<a><b></a>').length, 1);
});

test('every XML file under force-app and alcmeon-package is well-formed', () => {
    const xmlFiles = ['force-app', 'alcmeon-package']
        .flatMap((dir) => listFiles(path.join(PROJECT_DIR, dir)))
        .filter((file) => file.endsWith('.xml'));
    assert.ok(xmlFiles.length > 30, `only ${xmlFiles.length} XML files found`);
    const broken = xmlFiles
        .map((file) => ({
            file: path.relative(PROJECT_DIR, file),
            errors: xmlErrors(fs.readFileSync(file, 'utf8'))
        }))
        .filter(({ errors }) => errors.length > 0);
    assert.deepEqual(broken, []);
});

test('force-app converts to Metadata API format with every component an admin deploys in package.xml', async () => {
    const types = await packageTypes();
    const expected = {
        ApexClass: [
            'AlcmeonContactController',
            'AlcmeonContactControllerTest',
            'AlcmeonContactLinkCallout',
            'AlcmeonContactLinks',
            'AlcmeonContactLinksTest',
            'AlcmeonSessionController',
            'AlcmeonSessionControllerTest'
        ],
        ApexTrigger: ['AlcmeonConversationContactTrigger'],
        CspTrustedSite: ['Alcmeon_Backend'],
        ExternalCredential: ['Alcmeon_Backend'],
        NamedCredential: ['Alcmeon_Backend'],
        CustomPermission: ['Alcmeon_Moderate', 'Alcmeon_Reply'],
        Layout: ['Contact-Alcmeon Contact Layout'],
        LightningComponentBundle: ['alcmeonConversation', 'engagementRecord', 'errorMessages', 'widgetLoader'],
        PermissionSet: ['Alcmeon_Contact_Sync', 'Alcmeon_Widget_Agent', 'Alcmeon_Widget_Moderator', 'Alcmeon_Widget_Reader'],
        StaticResource: ['alcmeonWidget']
    };
    for (const [type, members] of Object.entries(expected)) {
        assert.deepEqual(types[type], members, type);
    }
    assert.deepEqual(types.CustomObject, ['Alcmeon_Widget_Setting__mdt']);
    assert.deepEqual(types.CustomField, [
        'Alcmeon_Widget_Setting__mdt.Backend_Url__c',
        'Alcmeon_Widget_Setting__mdt.Contact_Search_Fields__c',
        'Alcmeon_Widget_Setting__mdt.Session_Secret__c'
    ]);
    const inAlcmeonNamespace = Object.values(types)
        .flat()
        .filter((member) => /(^|\.)alcmeon__/.test(member));
    assert.deepEqual(inAlcmeonNamespace, [], "nothing in Alcméon's namespace: an org cannot deploy it");
    assert.ok(types.CustomLabel.length > 0 && types.CustomLabels.includes('CustomLabels'));
});

test('static resource alcmeonWidget is served Private as application/zip', () => {
    const meta = readMetadata(path.join(DEFAULT_DIR, 'staticresources/alcmeonWidget.resource-meta.xml'));
    assert.equal(meta.cacheControl, 'Private');
    assert.equal(meta.contentType, 'application/zip');
});

// make test builds the widget before this suite; run alone, `make widget` first.
test('static resource alcmeonWidget deploys as a zip under 5 MB holding the widget', async () => {
    assert.ok(widgetIsBuilt(), 'the widget is not built: run make widget first');
    await packageTypes();
    const zip = fs.readFileSync(path.join(convertedDir, 'staticresources/alcmeonWidget.resource'));
    assert.equal(zip.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'not a zip');
    assert.ok(zip.length < MAX_RESOURCE_BYTES, `${zip.length} bytes`);
    for (const name of [OUTPUT_NAMES.glue, OUTPUT_NAMES.wasm]) {
        assert.ok(zip.includes(Buffer.from(name)), `${name} is not in the zip`);
    }
});
