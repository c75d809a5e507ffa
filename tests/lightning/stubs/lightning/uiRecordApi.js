// lightning/uiRecordApi stand-in: `getRecord` answers from the page's records with exactly the
// requested fields; `getFieldValue` / `getFieldDisplayValue` read them as LDS's do.
import { StubWireAdapter, fieldReference, ldsError, recordById, recordRepresentation, selectFields } from './lds.js';

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
