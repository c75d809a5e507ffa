// Compiles what the Lightning-like page runs, in memory, with rollup and @lwc/rollup-plugin:
//   - the REAL components of lwc-wrapper/force-app/main/default/lwc (namespace `c`), unmodified, as
//     one AMD module per entry the way Lightning ships them: `lightningDefine(id, deps, factory)`,
//     every platform import (`lwc`, `lightning/*`, `@salesforce/*`) left as a dependency the page
//     provides. Twice: plain, and with the compiler's Lightning Web Security transforms (what the
//     platform serves when LWS is on);
//   - the platform: the LWC engine, the platform-module stubs (stubs/) and the record page
//     (runtime/platform.js), as one classic script;
//   - @lwc/synthetic-shadow and @locker/sandbox (LWS), each as its own classic script, loaded only
//     in the modes that use them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const LWC_DIR = join(ROOT, 'lwc-wrapper', 'force-app', 'main', 'default', 'lwc');
const STUBS_DIR = join(HERE, 'stubs');
const RUNTIME_DIR = join(HERE, 'runtime');

/** The component the record page hosts, and the name the page's modules are defined under. */
export const COMPONENT = 'c/alcmeonConversation';
export const DEFINE = 'lightningDefine';

// Lightning runs the production build of the engine unless the org is in debug mode.
const productionMode = () => replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } });

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `c/<name>` for every bundle folder of the SFDX project (SFDX folders carry no namespace). */
function namespaceModules() {
  return readdirSync(LWC_DIR)
    .filter((name) => isDirectory(join(LWC_DIR, name)) && !name.startsWith('.'))
    .map((name) => ({ name: `c/${name}`, path: join(LWC_DIR, name, `${name}.js`) }));
}

/** The bundle's API version (js-meta.xml), as Lightning compiles it. */
function apiVersion(bundle) {
  const meta = readFileSync(join(LWC_DIR, bundle, `${bundle}.js-meta.xml`), 'utf8');
  const match = /<apiVersion>\s*(\d+)(?:\.\d+)?\s*<\/apiVersion>/.exec(meta);
  return match ? Number(match[1]) : undefined;
}

// Anything that is neither relative nor one of the project's own `c/` modules comes from the
// platform at run time.
function isPlatformImport(id) {
  const own = ['.', '/', '\0', 'c/', '@lwc/resources/'];
  return !own.some((prefix) => id.startsWith(prefix));
}

// A one-line entry that makes rollup resolve the component through its `c/` specifier, so the
// compiler knows its namespace and name (it reads them from the specifier, not the folder). Its id
// is a path in this folder (never written) because LWC's module resolver looks for its
// configuration upwards from the importer.
const ENTRY = join(HERE, 'lightning-entry.js');

function entryPlugin(specifier) {
  return {
    name: 'lightning-entry',
    resolveId: (id) => (id === ENTRY ? ENTRY : null),
    load: (id) => (id === ENTRY ? `export { default } from '${specifier}';` : null),
  };
}

async function buildComponent(specifier, { lws }) {
  const bundleName = specifier.split('/')[1];
  const bundle = await rollup({
    input: ENTRY,
    external: isPlatformImport,
    plugins: [
      entryPlugin(specifier),
      lwc({
        rootDir: LWC_DIR,
        exclude: ['**/node_modules/**'],
        modules: namespaceModules(),
        apiVersion: apiVersion(bundleName),
        enableLightningWebSecurityTransforms: lws,
      }),
    ],
    onwarn: (warning, warn) => (warning.code === 'UNUSED_EXTERNAL_IMPORT' ? undefined : warn(warning)),
  });
  const { output } = await bundle.generate({
    format: 'amd',
    amd: { id: specifier, define: DEFINE },
    exports: 'default',
    interop: 'esModule',
    freeze: false,
    sourcemap: 'inline',
  });
  await bundle.close();
  return output[0].code;
}

async function buildScript(input, plugins, name) {
  const bundle = await rollup({ input, plugins, onwarn: (warning, warn) => (warning.code === 'CIRCULAR_DEPENDENCY' ? undefined : warn(warning)) });
  const { output } = await bundle.generate({ format: 'iife', name, freeze: false });
  await bundle.close();
  return output[0].code;
}

async function buildPlatform() {
  return buildScript(
    join(RUNTIME_DIR, 'platform.js'),
    [
      productionMode(),
      lwc({
        rootDir: STUBS_DIR,
        exclude: ['**/node_modules/**'],
        modules: [{ name: 'lightning/spinner', path: join(STUBS_DIR, 'lightning', 'spinner', 'spinner.js') }],
      }),
      nodeResolve(),
    ],
  );
}

/**
* Builds every script of the page; resolves to { '<file>.js': source }. The component is read from
* the working tree at this moment, so a test run always exercises the component as it is.
*/
export async function buildLightningScripts() {
  const [platform, syntheticShadow, lws, component, componentLws] = await Promise.all([
    buildPlatform(),
    buildScript(fileURLToPath(import.meta.resolve('@lwc/synthetic-shadow')), [productionMode(), nodeResolve()]),
    buildScript(join(RUNTIME_DIR, 'lws.js'), [productionMode(), nodeResolve()]),
    buildComponent(COMPONENT, { lws: false }),
    buildComponent(COMPONENT, { lws: true }),
  ]);
  return {
    'platform.js': platform,
    'synthetic-shadow.js': syntheticShadow,
    'lws.js': lws,
    'component.js': component,
    'component-lws.js': componentLws,
  };
}

/**
* One of the project's own JavaScript modules (`c/<name>`, no template) as node runs it: bundled with
* its `c/` imports into one ES module, so the Apex stand-in applies the component's own rules (e.g.
* c/widgetLoader's parseConversationId) instead of a copy. Platform imports are not allowed here.
*/
export async function importOwnModule(specifier) {
  const own = Object.fromEntries(namespaceModules().map(({ name, path }) => [name, path]));
  const bundle = await rollup({
    input: own[specifier],
    plugins: [{ name: 'own-modules', resolveId: (id) => own[id] ?? null }],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return import(`data:text/javascript;base64,${Buffer.from(output[0].code).toString('base64')}`);
}
