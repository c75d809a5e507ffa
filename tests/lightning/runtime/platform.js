// The platform side of the Lightning-like record page: the LWC engine, the module registry the
// components' AMD modules are defined into, and the record page that creates the component.
//
// Modules arrive as `lightningDefine(id, deps, factory)` (build.mjs). Without LWS the factory is
// called with the platform's modules. With LWS (config.lws) it is done as Lightning's loader does
// it: the factory's source is evaluated in the namespace's sandbox (`evaluateFunction`, key `c`)
// and each dependency goes through `wrapDependency` — which gives `lwc` a sandbox-safe facade and
// replaces platformResourceLoader by LWS's own, whose loadScript fetches the script and evaluates
// it in that same sandbox.
//
// `window.lightningHarness.mount()` / `.unmount()` create and remove the component, as navigating
// between records does; the page mounts it once when it loads.
import * as engine from 'lwc';
import { createElement } from 'lwc';
import spinner from 'lightning/spinner';
import { pageConfig } from '../stubs/config.js';
import * as platformResourceLoader from '../stubs/lightning/platformResourceLoader.js';
import * as uiObjectInfoApi from '../stubs/lightning/uiObjectInfoApi.js';
import * as uiRecordApi from '../stubs/lightning/uiRecordApi.js';
import * as uiRelatedListApi from '../stubs/lightning/uiRelatedListApi.js';
import { salesforceModule } from '../stubs/salesforce.js';

const SANDBOX_KEY = 'c';
const config = pageConfig();
const PLATFORM_MODULES = {
  lwc: engine,
  'lightning/platformResourceLoader': platformResourceLoader,
  'lightning/uiObjectInfoApi': uiObjectInfoApi,
  'lightning/uiRecordApi': uiRecordApi,
  'lightning/uiRelatedListApi': uiRelatedListApi,
  'lightning/spinner': { default: spinner },
};
const defined = new Map();

function moduleNamed(name) {
  const module = PLATFORM_MODULES[name] || defined.get(name) || salesforceModule(name);
  if (!module) {
    throw new Error(`The page has no module "${name}" (is it a Lightning module the harness lacks? add a stub in tests/lightning/stubs)`);
  }
  return module;
}

function lightningDefine(id, dependencies, factory) {
  const modules = dependencies.map(moduleNamed);
  let exported;
  if (config.lws) {
    const { evaluateFunction, wrapDependency } = window.lightningWebSecurity;
    const sourceUrl = `\n//# sourceURL=${location.origin}/lightning/sandbox/${SANDBOX_KEY}/${id}.js`;
    const sandboxedFactory = evaluateFunction(SANDBOX_KEY, factory, undefined, sourceUrl);
    exported = sandboxedFactory(...modules.map((module, i) => wrapDependency(module, dependencies[i], SANDBOX_KEY)));
  } else {
    exported = factory(...modules);
  }
  defined.set(id, { default: exported });
}

Object.defineProperty(window, 'lightningDefine', { value: lightningDefine });

// --- The record page ---------------------------------------------------------------------------

let element;

function mount() {
  if (element) {
    return false;
  }
  const { default: Component } = moduleNamed(config.component.module);
  element = createElement(config.component.tag, { is: Component });
  // What App Builder stored for this component (its design properties), then the record context.
  Object.assign(element, config.component.properties);
  element.recordId = config.record.id;
  element.objectApiName = config.record.apiName;
  document.getElementById('region-main').appendChild(element);
  return true;
}

function unmount() {
  if (!element) {
    return false;
  }
  element.parentNode.removeChild(element);
  element = undefined;
  return true;
}

Object.defineProperty(window, 'lightningHarness', { value: Object.freeze({ mount, unmount, config }) });

function start() {
  if (config.autoMount !== false) {
    mount();
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
