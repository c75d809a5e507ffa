// The `@salesforce/*` scoped modules, resolved by name at run time from the page's configuration,
// the way Lightning serves them: labels (c.<Name> from CustomLabels.labels-meta.xml), i18n, the
// user, static resource URLs, schema references, permissions and Apex methods. A name the org
// would not have (an unknown label or resource) throws, as a deployment would fail.
import { pageConfig } from './config.js';

const apexCache = new Map();

/**
* An @AuraEnabled method: POSTs to the page's Apex stand-in with the page's session (who is
* calling, as Salesforce knows from its session cookie) and org (which records it holds, as
* Salesforce knows from its database) and settles like Lightning's Apex calls;
* a cacheable=true method's successful answers are kept for the page's life, as LDS does.
*/
function apexMethod(qualifiedName) {
  const cacheable = (pageConfig().cacheableApex || []).includes(qualifiedName);
  return function callApex(params) {
    const key = `${qualifiedName} ${JSON.stringify(params || {})}`;
    if (cacheable && apexCache.has(key)) {
      return apexCache.get(key);
    }
    const call = callServer(qualifiedName, params);
    if (cacheable) {
      apexCache.set(key, call);
      call.catch(() => apexCache.delete(key));
    }
    return call;
  };
}

function callServer(qualifiedName, params) {
  return fetch(`/apex/${encodeURIComponent(qualifiedName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ params: params || {}, session: pageConfig().session, org: pageConfig().org }),
  }).then(async (response) => {
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw {
        ok: false,
        status: response.status,
        statusText: response.statusText,
        headers: {},
        body: {
          message: body.message || `${qualifiedName} failed (HTTP ${response.status})`,
          exceptionType: body.exceptionType || 'System.Exception',
          isUserDefinedException: body.exceptionType === 'System.AuraHandledException',
          stackTrace: '',
        },
      };
    }
    return body.returnValue;
  });
}

const I18N_DEFAULTS = { currency: 'EUR', dir: 'ltr', firstDayOfWeek: 1 };

function fromTable(table, key, kind, name) {
  if (!Object.prototype.hasOwnProperty.call(table, key)) {
    throw new Error(`${name}: the org has no ${kind} ${key}`);
  }
  return table[key];
}

/** The module `name` (e.g. '@salesforce/label/c.Alcmeon_Loading') as an ES module namespace, or undefined. */
export function salesforceModule(name) {
  const config = pageConfig();
  const [, kind, rest] = /^@salesforce\/([^/]+)\/(.+)$/.exec(name) || [];
  switch (kind) {
    case 'label': {
      const [, labelName] = /^c\.(\w+)$/.exec(rest) || [];
      return { default: fromTable(config.labels, labelName || rest, 'Custom Label', name) };
    }
    case 'i18n':
      return { default: fromTable({ ...I18N_DEFAULTS, ...config.i18n }, rest, 'i18n value', name) };
    case 'user':
      return { default: fromTable({ Id: config.session.user.id, isGuest: false }, rest, 'user value', name) };
    case 'resourceUrl':
      return { default: fromTable(config.resources, rest, 'static resource', name) };
    case 'apex':
      return { default: apexMethod(rest) };
    case 'schema': {
      const [objectApiName, ...path] = rest.split('.');
      return { default: path.length ? { objectApiName, fieldApiName: path.join('.') } : { objectApiName } };
    }
    case 'customPermission':
    case 'userPermission':
      return { default: config.session.permissions.includes(rest) ? true : undefined };
    default:
      return undefined;
  }
}
