import { asRichText, checkSendRecord, conversationLinkFields, sendFields } from 'c/engagementRecord';

const ENGAGEMENT_ID = 'a025g00000En0AAAAA';
const SENT = { content: 'Hi', language: 'en_US', sentAt: '2026-11-26T09:30:00Z', error: null };
const objectInfo = (fields) => ({ apiName: 'alcmeon__Engagement__c', fields });

describe('engagementRecord', () => {
    it('turns plain text into the rich text the content field holds, never markup', () => {
        expect(asRichText('<b>Order</b> "42" & Co\'s\r\nline two\nthree')).toBe(
            '&lt;b&gt;Order&lt;/b&gt; &quot;42&quot; &amp; Co&#39;s<br>line two<br>three'
        );
        expect(asRichText('')).toBe('');
    });

    it('accepts only { content, language, sentAt: ISO 8601 or null, error: text or null }', () => {
        expect(() => checkSendRecord(SENT)).not.toThrow();
        expect(() => checkSendRecord({ ...SENT, sentAt: null, error: 'refused' })).not.toThrow();
        for (const bad of [
            undefined,
            { ...SENT, content: undefined },
            { ...SENT, language: 7 },
            { ...SENT, sentAt: 'soon' },
            { ...SENT, sentAt: undefined },
            { ...SENT, error: undefined },
            { ...SENT, error: { code: 'x' } }
        ]) {
            expect(() => checkSendRecord(bad)).toThrow('recordEngagementSend');
        }
    });

    it('writes the sent date to the mapped field, by its exact name, only when updateable', () => {
        const base = { engagementId: ENGAGEMENT_ID, record: SENT };
        const info = objectInfo({
            Sent_On__c: { apiName: 'Sent_On__c', updateable: true },
            Locked_Date__c: { apiName: 'Locked_Date__c', updateable: false }
        });
        expect(sendFields({ ...base, objectInfo: info, sentDateField: ' sent_on__c ' }).Sent_On__c).toBe(SENT.sentAt);
        expect(Object.keys(sendFields({ ...base, objectInfo: info, sentDateField: 'Locked_Date__c' }))).toEqual([
            'Id',
            'alcmeon__Message_Content__c',
            'alcmeon__Language_locale__c',
            'alcmeon__Message_Send_Error__c'
        ]);
        expect(sendFields({ ...base, objectInfo: info, sentDateField: '' })).not.toHaveProperty('');
        expect(() => sendFields({ ...base, record: { content: 'Hi' }, objectInfo: info })).toThrow('recordEngagementSend');
    });

    it('links an engagement by its conversation lookup only', () => {
        expect(conversationLinkFields(ENGAGEMENT_ID, 'a015g00000Xy2EnAAJ')).toEqual({
            Id: ENGAGEMENT_ID,
            alcmeon__Conversation__c: 'a015g00000Xy2EnAAJ'
        });
    });
});
