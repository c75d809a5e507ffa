// Offline checks of the SFDX project with @salesforce/source-deploy-retrieve (SDR), the library the
// Salesforce CLI uses to resolve source files into metadata components and convert them to the
// Metadata API format. Used by the metadata-*.test.mjs files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentSet, ForceIgnore, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DIR = path.join(PROJECT_DIR, 'force-app/main/default');
/** Alcméon's managed-package objects as documented: read by the checks, never deployed from here. */
export const ALCMEON_PACKAGE_DIR = path.join(PROJECT_DIR, 'alcmeon-package/main/default');
const WIDGET_RESOURCE = 'force-app/main/default/staticresources/alcmeonWidget';

export function listFiles(dir) {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
        .sort();
}

export function xmlErrors(text) {
    const result = XMLValidator.validate(text);
    return result === true ? [] : [`${result.err.line}:${result.err.col} ${result.err.msg}`];
}

const REPEATED_ELEMENTS = new Set([
    'classAccesses',
    'customPermissions',
    'fieldPermissions',
    'objectPermissions',
    'types',
    'members'
]);
const parser = new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    parseTagValue: false,
    isArray: (name) => REPEATED_ELEMENTS.has(name)
});

/** The root element of a metadata XML file, values kept as the strings written in the file. */
export function readMetadata(file) {
    const document = parser.parse(fs.readFileSync(file, 'utf8'));
    const [root] = Object.keys(document);
    return document[root];
}

function sourceApiVersion(projectDir) {
    return JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')).sourceApiVersion;
}

export function resolveComponents(projectDir) {
    const components = ComponentSet.fromSource({ fsPaths: [path.join(projectDir, 'force-app')] });
    // Without an explicit version SDR spends seconds trying to ask an org for one.
    components.sourceApiVersion = sourceApiVersion(projectDir);
    components.apiVersion = components.sourceApiVersion;
    return components;
}

function claimedFiles(component, into = new Set()) {
    if (component.xml) into.add(component.xml);
    for (const file of component.walkContent()) into.add(file);
    for (const child of component.getChildren()) claimedFiles(child, into);
    return into;
}

/** Files under force-app (relative to the project) that no component owns and .forceignore does not list. */
export function unclaimedFiles(projectDir) {
    const claimed = new Set();
    for (const component of resolveComponents(projectDir).getSourceComponents()) {
        claimedFiles(component, claimed);
    }
    const forceIgnore = ForceIgnore.findAndCreate(projectDir);
    return listFiles(path.join(projectDir, 'force-app'))
        .filter((file) => !claimed.has(file) && forceIgnore.accepts(file))
        .map((file) => path.relative(projectDir, file));
}

export async function convertToMetadataFormat(projectDir, outputDirectory) {
    await new MetadataConverter().convert(resolveComponents(projectDir), 'metadata', {
        type: 'directory',
        outputDirectory,
        genUniqueDir: false
    });
    const types = readMetadata(path.join(outputDirectory, 'package.xml')).types;
    return Object.fromEntries(types.map((type) => [type.name, type.members]));
}

export function widgetIsBuilt(projectDir = PROJECT_DIR) {
    const dir = path.join(projectDir, WIDGET_RESOURCE);
    return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

/**
 * The project as SDR can read it. The widget's static resource folder is filled by `make widget`
 * and is git-ignored; until then SDR refuses the resource's meta file for lack of content, so a
 * copy of the project gets a stand-in file there and everything else is checked as it is.
 */
export function projectReadableBySdr(tempRoot) {
    if (widgetIsBuilt()) return PROJECT_DIR;
    const copy = path.join(tempRoot, 'project');
    for (const name of ['force-app', '.forceignore', 'sfdx-project.json']) {
        fs.cpSync(path.join(PROJECT_DIR, name), path.join(copy, name), { recursive: true });
    }
    fs.mkdirSync(path.join(copy, WIDGET_RESOURCE), { recursive: true });
    fs.writeFileSync(path.join(copy, WIDGET_RESOURCE, 'stand-in.txt'), 'the widget is not built yet\n');
    return copy;
}

export function makeTempDir() {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'alcmeon-metadata-'));
}
