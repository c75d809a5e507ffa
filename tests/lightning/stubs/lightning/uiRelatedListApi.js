// lightning/uiRelatedListApi stand-in: `getRelatedListRecords` answers from the page's records
// through the schema's child relationships (e.g. Case → alcmeon__Conversations__r, the children
// whose alcmeon__Case__c is the Case), with the requested fields, sort order and page size.
import { pageConfig } from '../config.js';
import { StubWireAdapter, fieldReference, ldsError, recordById, recordRepresentation, records, selectFields } from './lds.js';

const DEFAULT_PAGE_SIZE = 50;

function compareBy(sortBy, objectApiName) {
  const keys = (sortBy || []).map((entry) => {
    const descending = entry.startsWith('-');
    const reference = fieldReference(descending ? entry.slice(1) : entry);
    return { descending, reference };
  });
  for (const { reference } of keys) {
    if (!reference || reference.objectApiName !== objectApiName || reference.path.length !== 1) {
      return { error: ldsError(400, 'INVALID_FIELD', `sortBy: '${JSON.stringify(sortBy)}' is not a field of ${objectApiName}`) };
    }
  }
  return {
    compare(a, b) {
      for (const { descending, reference } of keys) {
        const [x, y] = [a.fields[reference.path[0]], b.fields[reference.path[0]]];
        if (x === y) {
          continue;
        }
        const order = x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1;
        return descending ? -order : order;
      }
      return 0;
    },
  };
}

export class getRelatedListRecords extends StubWireAdapter {
  static adapterName = 'getRelatedListRecords';

  answer({ parentRecordId, relatedListId, fields, optionalFields, sortBy, pageSize = DEFAULT_PAGE_SIZE, where }) {
    if (parentRecordId === undefined || parentRecordId === null || relatedListId === undefined || relatedListId === null) {
      return undefined;
    }
    const parent = recordById(parentRecordId);
    if (!parent) {
      return { error: ldsError(404, 'NOT_FOUND', 'The requested resource does not exist') };
    }
    const relationship = (pageConfig().schema.relationships[parent.apiName] || {})[relatedListId];
    if (!relationship) {
      return { error: ldsError(400, 'INVALID_TYPE', `${relatedListId} is not a related list of ${parent.apiName}`) };
    }
    if (where !== undefined) {
      return { error: ldsError(400, 'ILLEGAL_QUERY_PARAMETER_VALUE', 'where is not supported by the test page') };
    }
    const child = relationship.childObjectApiName;
    const selection = selectFields(child, fields, optionalFields);
    if (selection.error) {
      return selection;
    }
    const order = compareBy(sortBy, child);
    if (order.error) {
      return order;
    }
    const size = Number(pageSize);
    if (!Number.isInteger(size) || size < 1 || size > 1999) {
      return { error: ldsError(400, 'ILLEGAL_QUERY_PARAMETER_VALUE', `pageSize ${pageSize} must be 1 to 1999`) };
    }
    const children = records()
      .filter((record) => record.apiName === child && record.fields[relationship.fieldApiName] === parentRecordId)
      .sort(order.compare);
    const page = children.slice(0, size);
    const base = `/services/data/v62.0/related-list-records/${parentRecordId}/${relatedListId}`;
    return {
      data: {
        count: page.length,
        currentPageToken: '0',
        currentPageUrl: `${base}?pageSize=${size}`,
        fields: (fields || []).slice(),
        listInfoETag: '',
        listReference: { inContextOfRecordId: parentRecordId, parentObjectApiName: parent.apiName, relatedListId, recordTypeId: null },
        nextPageToken: children.length > size ? String(size) : null,
        nextPageUrl: null,
        optionalFields: (optionalFields || []).slice(),
        pageSize: size,
        previousPageToken: null,
        previousPageUrl: null,
        records: page.map((record) => recordRepresentation(record, selection.fields)),
        sortBy: (sortBy || []).slice(),
        where: null,
      },
    };
  }
}
