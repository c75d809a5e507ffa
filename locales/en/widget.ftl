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
