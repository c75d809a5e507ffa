// What the stand-ins for Lightning Data Service share: the page's records and schema, field
// references, LDS-shaped records and errors, and a wire adapter base that behaves like LDS's
// (waits for a complete config, answers asynchronously, once per distinct config, only while
// connected). Every adapter call is logged in `window.lightningWireLog` so tests can see what the
// component asked for.
import { pageConfig } from '../config.js';

const STATUS_TEXT = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Server Error' };

/** An LDS wire error: a FetchResponse whose body carries the UI API's message and code. */
export function ldsError(status, errorCode, message) {
  return deepFreeze({
    ok: false,
    status,
    statusText: STATUS_TEXT[status] || 'Error',
    headers: {},
    body: { errorCode, message, statusCode: status },
  });
}

export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/** `'Obj.Field'`, `'Obj.Rel__r.Field'` or an `@salesforce/schema` import → { objectApiName, path }. */
export function fieldReference(field) {
  if (typeof field === 'string') {
    const [objectApiName, ...path] = field.split('.');
    return objectApiName && path.length > 0 ? { objectApiName, path } : null;
  }
  if (field && typeof field.objectApiName === 'string' && typeof field.fieldApiName === 'string') {
    return { objectApiName: field.objectApiName, path: field.fieldApiName.split('.') };
  }
  return null;
}

export function records() {
  return pageConfig().records;
}

export function recordById(id) {
  return records().find((record) => record.id === id);
}

/** The fields the page's schema gives an object (from the org's metadata, see tests/lightning/schema.mjs). */
export function objectFields(objectApiName) {
  const object = pageConfig().schema.objects[objectApiName];
  return object ? new Set(object.fields) : null;
}

/**
* Splits requested fields into the field names to return for `objectApiName`, or an error naming
* the first field that object does not have (optional fields are dropped silently, as LDS does).
*/
export function selectFields(objectApiName, fields = [], optionalFields = []) {
  const known = objectFields(objectApiName);
  const selected = [];
  for (const [list, required] of [
    [fields, true],
    [optionalFields, false],
  ]) {
    for (const field of list || []) {
      const reference = fieldReference(field);
      const name = reference && reference.path.length === 1 ? reference.path[0] : undefined;
      const valid = reference && reference.objectApiName === objectApiName && name && known && known.has(name);
      if (valid) {
        selected.push(name);
      } else if (required) {
        const shown = typeof field === 'string' ? field : JSON.stringify(field);
        return { error: ldsError(400, 'INVALID_FIELD', `No such column '${shown}' on entity '${objectApiName}'.`) };
      }
    }
  }
  return { fields: [...new Set(selected)] };
}

/** A record as LDS hands it to components: only the selected fields, { value, displayValue }. */
export function recordRepresentation(record, fieldNames) {
  const fields = {};
  for (const name of fieldNames) {
    const value = record.fields[name] === undefined ? null : record.fields[name];
    fields[name] = { displayValue: null, value };
  }
  const modified = record.fields.LastModifiedDate || null;
  return {
    apiName: record.apiName,
    childRelationships: {},
    eTag: `etag-${record.id}`,
    fields,
    id: record.id,
    lastModifiedById: null,
    lastModifiedDate: modified,
    recordTypeId: '012000000000000AAA',
    recordTypeInfo: null,
    systemModstamp: modified,
    weakEtag: modified ? Date.parse(modified) : 0,
  };
}

function wireLog() {
  if (!window.lightningWireLog) {
    Object.defineProperty(window, 'lightningWireLog', { value: [] });
  }
  return window.lightningWireLog;
}

/**
* A wire adapter in LWC's protocol (constructor(dataCallback), connect, update, disconnect).
* Subclasses implement `answer(config)`: undefined while the config is incomplete (nothing is
* emitted, as LDS does for undefined reactive parameters), else `{ data }` or `{ error }`.
* The page's `wireErrors` list makes the named adapter answer every complete config with an error;
* a running user who may not see the page's records (`session.recordAccess: 'none'`) gets the UI
* API's refusal from every adapter.
*/
export class StubWireAdapter {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.connected = false;
    this.config = undefined;
    this.answered = undefined;
  }

  connect() {
    this.connected = true;
    this.refresh();
  }

  disconnect() {
    this.connected = false;
    this.answered = undefined;
  }

  update(config) {
    this.config = config;
    this.refresh();
  }

  refresh() {
    if (!this.connected || !this.config) {
      return;
    }
    const key = JSON.stringify(this.config);
    if (key === this.answered) {
      return;
    }
    let result = this.answer(this.config);
    if (result === undefined) {
      return;
    }
    this.answered = key;
    const adapter = this.constructor.adapterName;
    if ((pageConfig().wireErrors || []).includes(adapter)) {
      result = { error: ldsError(500, 'UNKNOWN_EXCEPTION', `${adapter} failed (the test page injected this error)`) };
    } else if (pageConfig().session.recordAccess === 'none') {
      result = { error: ldsError(403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id') };
    }
    wireLog().push({ adapter, config: JSON.parse(key), answer: result.error ? 'error' : 'data' });
    // LDS answers from its cache or the network, never synchronously.
    Promise.resolve().then(() => {
      if (this.connected && this.answered === key) {
        this.dataCallback({ data: deepFreeze(result.data), error: result.error });
      }
    });
  }
}
