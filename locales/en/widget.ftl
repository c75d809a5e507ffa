# The widget's messages in English, the reference locale: every other locale has exactly these ids.

widget-title = Conversation
thread-loading = Loading the conversation…
thread-fetching = Fetching this conversation from Alcméon…
thread-empty = No messages in this conversation yet.
thread-count = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
thread-label = Messages with { $customer }
message-from-customer = Customer
message-from-agent = Agent
unknown-time-zone = Time zone { $zone } is unknown; times are shown in UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google review
channel-inmessage = Web chat
channel-other = Social media

conversations-label = Conversations of this case
conversation-status-open = Open
conversation-status-closed = Archived
conversation-new-activity = New activity

error-unauthenticated = Your session has expired. Reload the page to sign in again.
error-forbidden = You do not have permission to do this.
error-not-found = This conversation is not available yet. It appears once Alcméon has sent it.
error-bad-request = The request was not valid.
error-payload-too-large = This is too large to send.
error-rate-limited = Alcméon is busy. Trying again shortly.
error-upstream-unavailable = Alcméon cannot be reached right now.
error-internal = Something went wrong on our side. Try again in a moment.
error-network = The conversation service cannot be reached. Check your connection.
error-session = Salesforce could not open a session for the conversation service.

thread-count-more = { $count ->
    [one] { $count } message loaded, more before it
   *[other] { $count } messages loaded, more before them
}
thread-loading-older = Loading earlier messages…
thread-beginning = Beginning of the conversation
thread-retry = Try again
thread-jump-latest = Jump to latest
thread-unread = { $count ->
    [one] { $count } new message
   *[other] { $count } new messages
}
thread-new-messages = New messages
day-today = Today
day-yesterday = Yesterday
day-date = { $date }
delivery-sending = Sending…
delivery-sent = Sent
# A reply waiting for Alcméon’s rate limit, and about how long until it leaves ($count: seconds,
# a multiple of 5, up to 90; minutes beyond): under the reply, counting down, and said once.
delivery-queued-seconds = { $count ->
    [one] Queued behind Alcméon’s rate limit · about { $count } second
   *[other] Queued behind Alcméon’s rate limit · about { $count } seconds
}
delivery-queued-minutes = { $count ->
    [one] Queued behind Alcméon’s rate limit · about { $count } minute
   *[other] Queued behind Alcméon’s rate limit · about { $count } minutes
}
# $reason is a failure-* phrase below (with its detail), or a whole error-* sentence above when
# the widget itself could not send the reply (network, session, busy, too large, already sent).
# Fluent isolates it, so in a right-to-left language (ar, he) every failure-* and error-* text
# must start with a word of that language, or with a right-to-left mark ({"\u200F"}): one that
# starts with a Latin word ("Alcméon …") is laid out left to right inside the line.
delivery-failed = Failed: { $reason }

composer-label = Reply to { $customer }
composer-placeholder = Write a reply…
composer-send = Send
composer-hint = Enter sends · Shift+Enter adds a line
composer-left-chars = { $count ->
    [one] { $count } character left
   *[other] { $count } characters left
}
composer-left-bytes = { $count ->
    [one] { $count } byte left
   *[other] { $count } bytes left
}
composer-over-chars = { $count ->
    [one] { $count } character too long
   *[other] { $count } characters too long
}
composer-over-bytes = { $count ->
    [one] { $count } byte too long
   *[other] { $count } bytes too long
}
delivery-retry = Retry
delivery-retry-label = Retry sending this reply
error-conflict = This reply was already sent differently. Reload the conversation.

message-from-you = You

# Why a reply was not delivered (protocol FailureCode); shown after "Failed:" (see delivery-failed).
failure-channel-refused = The channel refused the reply
failure-empty-message = Alcméon refused an empty reply
failure-message-too-long = Too long for this channel
failure-insufficient-permissions = Your Alcméon account may not answer this conversation
failure-task-not-found = Alcméon no longer has this conversation
failure-alcmeon-refused = Alcméon refused the reply
failure-alcmeon-unavailable = Alcméon could not be reached
failure-rate-limited = Alcméon kept refusing the reply because of its rate limit
failure-unknown = Not delivered, for an unknown reason
# $detail is Alcméon's own word for the failure, shown as it came. A text that starts with an
# isolated $reason has no direction of its own and is laid out left to right inside the line: in
# ar and he, start it with a right-to-left mark ({"\u200F"}) so the detail follows the reason.
failure-with-detail = { $reason } ({ $detail })

# Why the reply box is disabled (protocol ReplyBlock), shown next to it.
reply-blocked-no-permission = You can read this conversation, but your Salesforce permissions do not allow replying.
reply-blocked-closed = This conversation is archived. You can reply again once the customer writes.
reply-blocked-window = The channel’s reply window has closed. You can reply again once the customer writes.

# Lines for what agents and bots did to the conversation (protocol ConversationEvent).
event-archived = { $author } archived the conversation
event-auto-archived = The conversation was archived automatically
event-assigned = { $author } assigned the conversation to { $to }
event-acquired = { $author } took the conversation
event-released = { $author } released the conversation
event-taken-over = { $author } took the conversation over from { $from }
event-on-hold = { $author } put the conversation on hold
event-tagged = { $author } set the tag { $tag } to { $value }
event-marked-vip = { $author } marked the customer as VIP
event-unmarked-vip = { $author } removed the customer’s VIP mark
event-anonymized = The conversation was anonymised at the end of its retention period
event-other = { $author } updated the conversation

# Read out by screen readers when something arrives while the agent is in the conversation.
announce-customer-message = New message from { $author }: { $text }
announce-agent-reply = { $author } replied: { $text }
# $reason as in delivery-failed: a failure-* phrase or a whole error-* sentence.
announce-reply-failed = Your reply failed: { $reason }
announce-attachments = { $count ->
    [one] an attachment
   *[other] { $count } attachments
}

attachment-image = Image attached to the message
attachment-loading = Loading the attachment…
attachment-failed = Could not load the attachment
attachment-download = Download file ({ $size })
attachment-download-typed = Download { $type } file ({ $size })
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Conversation

# Engagement mode: a one-off template message to a customer who gave consent, sent from a Case.
# The header names this mode as it names the conversation mode above.
mode-engagement = Engagement
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Loading the engagement…
engagement-recipient = Customer
engagement-phone = Phone number
engagement-channel = Channel
engagement-sender = Sent from
engagement-consent = Consent
engagement-unknown = Unknown

# The customer's consent as Alcméon's opt-in lists say ($date: when they opted in or out).
consent-opted-in = Opted in on { $date }
consent-opted-in-undated = Opted in
consent-opted-out = Opted out on { $date }
consent-no-opt-in = No opt-in
consent-unknown = Could not be checked

# Why nothing can be sent (protocol EngagementBlock), shown instead of the template picker.
engagement-blocked-several-environments = Engagement is not available here: it needs a Salesforce org connected to a single Alcméon environment, and this org is connected to several ({ $count }). Ask your administrator.
engagement-blocked-recipient-missing = There is no phone number to send to: neither the engagement nor the case contact has one.
engagement-blocked-recipient-malformed = The customer’s phone number is not in international format (for example +33 6 12 34 56 78), so nothing can be sent.
engagement-blocked-sender-missing = The engagement names no Alcméon account to send from.
engagement-blocked-sender-unknown = The sender account is not one this Alcméon environment sends templates from.
engagement-blocked-no-opt-in = The customer has not agreed to receive messages, so nothing can be sent.
engagement-blocked-opted-out = The customer opted out on { $date }, so nothing can be sent.
engagement-blocked-consent-unknown = The customer’s consent could not be checked, so nothing can be sent. Try again later.
engagement-blocked-already-sent = The message of this engagement has already been sent.
engagement-blocked-not-permitted = Your Salesforce permissions do not allow sending messages.

# The template picker.
template-label = Template
template-none = No template is available for this account.
template-variables = Variables
template-optional = optional
template-preview = Preview
template-preview-pending = The preview appears once every variable is valid.
template-send = Send message

# Why a variable's value cannot be sent (protocol ProblemReason), shown under its field.
variable-missing = Required
variable-blank = Enter more than spaces.
variable-too-long = { $count ->
    [one] Too long: at most { $count } character fits here.
   *[other] Too long: at most { $count } characters fit here.
}
variable-line-break = Keep it on one line, without tabs.
variable-too-many-spaces = Use at most 4 spaces in a row.
variable-not-url-safe = This value goes into a link: use only letters, digits and - . _ ~
variable-unknown = The template has no such variable.

# Why Alcméon did not send the message (protocol SendFailureCode); shown after "Failed:" as the
# failure-* phrases above are, with the same rule for ar and he.
failure-ongoing-conversation = The customer already has an ongoing conversation on this account
failure-invalid-phone = The phone number is not valid for this channel
failure-template-not-found = The template is unknown to Alcméon
failure-missing-variable = A variable of the template was missing
failure-account-not-found = The sender account is unknown to Alcméon
failure-message-refused = Alcméon refused the message

# Where the send stands ($id: Alcméon's id of the message).
engagement-sent = Sent (Alcméon message { $id })
engagement-open-conversation = Open the ongoing conversation
engagement-waiting = When the customer answers, the conversation opens here.
engagement-draft-label = Prepare your reply
engagement-draft-hint = You can send it once the customer answers.
announce-conversation-started = { $customer } answered: the conversation is open.

# Conversation mode: the last hour of the channel's reply window, then re-engagement by template.
reply-window-closes-minutes = { $count ->
    [one] The reply window closes in { $count } minute
   *[other] The reply window closes in { $count } minutes
}
reply-window-closes-seconds = { $count ->
    [one] The reply window closes in { $count } second
   *[other] The reply window closes in { $count } seconds
}
reengage-intro = The reply window has closed. Send a template to reach the customer again.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Customer
customer-contact = Salesforce Contact:
customer-unlinked = Not linked to a Salesforce Contact.
customer-unknown = Alcméon has not identified this customer yet.
customer-find = Find a Contact
customer-change = Change
customer-search-label = Search Salesforce Contacts
customer-search = Search
customer-no-results = No Contact matches.
customer-link = Link
customer-new-name = Name
customer-new-phone = Phone
customer-create = Create and link
customer-search-failed = Salesforce could not search Contacts: { $reason }
customer-create-failed = Salesforce could not create the Contact: { $reason }
customer-link-failed = The Contact could not be linked: { $reason }
customer-others = Other conversations of this customer
error-no-customer = Alcméon has not identified this customer yet, so they cannot be linked to a Contact.
