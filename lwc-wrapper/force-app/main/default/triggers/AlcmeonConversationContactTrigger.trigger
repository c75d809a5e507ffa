/**
 * After an Alcméon conversation record's Contact (or Person Account) changes, tells the widget
 * backend through AlcmeonContactLinks (one Queueable per chunk of records; see that class).
 */
trigger AlcmeonConversationContactTrigger on alcmeon__Conversation__c(after update) {
    AlcmeonContactLinks.afterUpdate(Trigger.new, Trigger.oldMap);
}
