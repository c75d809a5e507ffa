/**
 * After an Alcméon conversation record's Contact (or Person Account), or the owner Salesforce hands
 * it back from (alcmeon__From_SF_Queue_Id__c), changes, tells the widget backend through
 * AlcmeonContactLinks (one Queueable per chunk of records; see that class).
 */
trigger AlcmeonConversationContactTrigger on alcmeon__Conversation__c(after update) {
    AlcmeonContactLinks.afterUpdate(Trigger.new, Trigger.oldMap);
}
