// lightning/uiObjectInfoApi stand-in: `getObjectInfo` describes an object of the page's schema as
// the UI API does for the running user: every field it has, each `updateable` when their
// permission sets' edit grants allow it.
import { pageConfig } from '../config.js';
import { StubWireAdapter, ldsError, objectFields } from './lds.js';

export class getObjectInfo extends StubWireAdapter {
  static adapterName = 'getObjectInfo';

  answer({ objectApiName }) {
    const name = objectApiName && typeof objectApiName === 'object' ? objectApiName.objectApiName : objectApiName;
    if (name === undefined || name === null) {
      return undefined;
    }
    const fields = objectFields(name);
    if (!fields) {
      return { error: ldsError(400, 'INVALID_TYPE', `Object ${name} is not supported in UI API`) };
    }
    const { editable } = pageConfig().session;
    const objectEditable = editable.objects.includes(name);
    const described = {};
    for (const field of fields) {
      const updateable = objectEditable && editable.fields.includes(`${name}.${field}`);
      described[field] = { apiName: field, updateable, createable: updateable };
    }
    return { data: { apiName: name, fields: described, updateable: objectEditable, createable: false, deletable: false } };
  }
}
