import { errorText, reduceErrors } from 'c/errorMessages';

describe('c-error-messages', () => {
    it('reads the message of an Apex error', () => {
        expect(errorText({ status: 500, body: { message: 'Session secret missing', exceptionType: 'System.Exception' } })).toBe(
            'Session secret missing'
        );
    });

    it('reads every message of an LDS error whose body is a list', () => {
        expect(errorText({ body: [{ message: 'No such column' }, { message: 'Try again' }] })).toBe('No such column, Try again');
    });

    it('reads UI API page and field errors', () => {
        const error = {
            body: {
                pageErrors: [{ message: 'Insufficient access' }],
                fieldErrors: { alcmeon__url__c: [{ message: 'Bad link' }] }
            }
        };
        expect(reduceErrors(error)).toEqual(['Insufficient access', 'Bad link']);
    });

    it('reads an Error, a string and a list of both', () => {
        expect(errorText(new Error('The widget failed to mount'))).toBe('The widget failed to mount');
        expect(errorText('plain text')).toBe('plain text');
        expect(reduceErrors([new Error('first'), 'second'])).toEqual(['first', 'second']);
    });

    it('names the event of a failed script load', () => {
        const failedLoad = document.createEvent('Event');
        failedLoad.initEvent('error');
        expect(errorText(failedLoad)).toBe('error event');
    });

    it('gives the fallback, never undefined, when there is no message', () => {
        expect(errorText(undefined)).toBe('');
        expect(errorText(null, 'unknown error')).toBe('unknown error');
        expect(errorText({ body: [] }, 'unknown error')).toBe('unknown error');
        expect(errorText({ body: { message: '' } }, 'unknown error')).toBe('unknown error');
        expect(errorText(42)).toBe('42');
    });
});
