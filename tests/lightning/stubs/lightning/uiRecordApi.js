// lightning/uiRecordApi stand-in: `getRecord` answers from the page's records with exactly the
// requested fields; `getFieldValue` / `getFieldDisplayValue` read them as LDS's do; `updateRecord`
// writes the page's record as the running user may (their permission sets' edit grants), and
// logs each write in `window.lightningRecordWrites` ({ recordId, apiName, fields }) so tests can
// read back what the component wrote. Wires already answered are not refreshed by a write.
import { pageConfig } from '../config.js';
import { StubWireAdapter, deepFreeze, fieldReference, ldsError, objectFields, recordById, recordRepresentation, selectFields } from './lds.js';

export class getRecord extends StubWireAdapter {
  static adapterName = 'getRecord';

  answer({ recordId, fields, optionalFields, layoutTypes }) {
    if (recordId === undefined || recordId === null || (fields === undefined && optionalFields === undefined && layoutTypes === undefined)) {
      return undefined;
    }
    if (layoutTypes !== undefined) {
      return { error: ldsError(400, 'ILLEGAL_QUERY_PARAMETER_VALUE', 'layoutTypes is not supported by the test page; ask for fields') };
    }
    const record = recordById(recordId);
    if (!record) {
      return { error: ldsError(404, 'NOT_FOUND', 'The requested resource does not exist') };
    }
    const selection = selectFields(record.apiName, toList(fields), toList(optionalFields));
    if (selection.error) {
      return selection;
    }
    return { data: recordRepresentation(record, selection.fields) };
  }
}

function toList(value) {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function fieldOf(record, field) {
  const reference = fieldReference(field);
  if (!record || !reference) {
    return undefined;
  }
  let current = record;
  for (let i = 0; i < reference.path.length; i += 1) {
    const entry = current && current.fields ? current.fields[reference.path[i]] : undefined;
    if (entry === undefined) {
      return undefined;
    }
    if (i === reference.path.length - 1) {
      return entry;
    }
    current = entry.value;
  }
  return undefined;
}

export function getFieldValue(record, field) {
  const entry = fieldOf(record, field);
  return entry === undefined ? undefined : entry.value;
}

export function getFieldDisplayValue(record, field) {
  const entry = fieldOf(record, field);
  return entry === undefined ? undefined : entry.displayValue;
}

export function getRecordNotifyChange() {
  return Promise.resolve();
}

function recordWrites() {
  if (!window.lightningRecordWrites) {
    Object.defineProperty(window, 'lightningRecordWrites', { value: [] });
  }
  return window.lightningRecordWrites;
}

/** Why the running user may not write `fields` on `record`, as the UI API says it, or undefined. */
function writeRefusal(record, fields) {
  const { recordAccess, editable } = pageConfig().session;
  if (recordAccess === 'none' || !editable.objects.includes(record.apiName)) {
    return ldsError(403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id');
  }
  const known = objectFields(record.apiName);
  const unknown = fields.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return ldsError(400, 'INVALID_FIELD', `No such column '${unknown[0]}' on entity '${record.apiName}'.`);
  }
  const readOnly = fields.filter((name) => !editable.fields.includes(`${record.apiName}.${name}`));
  if (readOnly.length > 0) {
    return ldsError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`);
  }
  return undefined;
}

/** `updateRecord({ fields: { Id, ...values } })`: resolves to the record with the written fields, or rejects as LDS does. */
export function updateRecord(recordInput) {
  return Promise.resolve().then(() => {
    const { Id: recordId, ...values } = (recordInput && recordInput.fields) || {};
    const record = recordById(recordId);
    if (!record) {
      throw ldsError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    const names = Object.keys(values);
    const refusal = writeRefusal(record, names);
    if (refusal) {
      throw refusal;
    }
    Object.assign(record.fields, values, { LastModifiedDate: new Date().toISOString() });
    recordWrites().push(deepFreeze({ recordId, apiName: record.apiName, fields: { ...values } }));
    return deepFreeze(recordRepresentation(record, names));
  });
}
