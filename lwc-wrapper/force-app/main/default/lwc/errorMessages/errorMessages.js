/**
 * errorMessages: the one place where what Salesforce and the browser throw becomes text an agent
 * can read (after lwc-recipes' ldsUtils `reduceErrors`). Used by c-alcmeon-conversation and by
 * c/widgetLoader. It never throws and never returns undefined: whatever it is given, the agent
 * sees a string.
 *
 * Understood shapes: an LDS or Apex error (`{ body: { message } }`, `{ body: [{ message }] }`,
 * UI API `{ body: { pageErrors, fieldErrors } }`), an Error, a string, a failed <script> load
 * (its `error` Event: "error event"), and a list of any of these.
 */

function messagesOf(error) {
    if (error === undefined || error === null || error === '') {
        return [];
    }
    if (typeof error === 'string') {
        return [error];
    }
    if (Array.isArray(error)) {
        return error.flatMap(messagesOf);
    }
    const body = error.body;
    if (Array.isArray(body)) {
        return body.flatMap(messagesOf);
    }
    if (body && typeof body.message === 'string') {
        return [body.message];
    }
    if (body && (Array.isArray(body.pageErrors) || body.fieldErrors)) {
        const fieldErrors = Object.values(body.fieldErrors || {}).flat();
        return [...(body.pageErrors || []), ...fieldErrors].flatMap(messagesOf);
    }
    if (typeof error.message === 'string') {
        return [error.message];
    }
    if (typeof error.type === 'string') {
        return [`${error.type} event`];
    }
    return [String(error)];
}

/** Every message `errors` carries, in order, without empty ones. */
export function reduceErrors(errors) {
    return messagesOf(errors).filter((message) => message.length > 0);
}

/** One line for the agent: the messages joined with ", ", or `fallback` when there are none. */
export function errorText(error, fallback = '') {
    const messages = reduceErrors(error);
    return messages.length > 0 ? messages.join(', ') : fallback;
}
