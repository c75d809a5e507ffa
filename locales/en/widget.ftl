# The widget's messages in English, the reference locale: every other locale has exactly these ids.

widget-title = Conversation
thread-loading = Loading the conversation…
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
delivery-failed = Failed: { $reason }

composer-label = Reply to { $customer }
composer-placeholder = Write a reply…
composer-send = Send
composer-hint = Enter sends · Shift+Enter adds a line
composer-read-only = You can read this conversation, but your Salesforce permissions do not allow replying.
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
