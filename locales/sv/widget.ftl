# The widget's messages in Swedish; the ids are exactly those of locales/en/widget.ftl.

widget-title = Konversation
thread-loading = Läser in konversationen…
thread-fetching = Hämtar konversationen från Alcméon…
thread-empty = Det finns inga meddelanden i den här konversationen än.
thread-count = { $count ->
    [one] { $count } meddelande
   *[other] { $count } meddelanden
}
thread-label = Meddelanden med { $customer }
message-from-customer = Kund
message-from-agent = Handläggare
unknown-time-zone = Tidszonen { $zone } är okänd; tider visas i UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google-recension
channel-inmessage = Webbchatt
channel-other = Sociala medier

conversations-label = Konversationer i det här ärendet
conversation-status-open = Öppen
conversation-status-closed = Arkiverad
conversation-new-activity = Ny aktivitet

error-unauthenticated = Din session har gått ut. Läs in sidan igen för att logga in på nytt.
error-forbidden = Du har inte behörighet att göra detta.
error-not-found = Den här konversationen är inte tillgänglig än. Den visas så snart Alcméon har skickat den.
error-bad-request = Begäran var ogiltig.
error-payload-too-large = Det här är för stort för att skickas.
error-rate-limited = Alcméon är upptaget. Försöker igen om en stund.
error-upstream-unavailable = Alcméon går inte att nå just nu.
error-internal = Något gick fel hos oss. Försök igen om en stund.
error-network = Konversationstjänsten går inte att nå. Kontrollera din anslutning.
error-session = Salesforce kunde inte öppna en session för konversationstjänsten.

thread-count-more = { $count ->
    [one] { $count } meddelande inläst, det finns fler före det
   *[other] { $count } meddelanden inlästa, det finns fler före dem
}
thread-loading-older = Läser in tidigare meddelanden…
thread-beginning = Konversationens början
thread-retry = Försök igen
thread-jump-latest = Gå till senaste
thread-unread = { $count ->
    [one] { $count } nytt meddelande
   *[other] { $count } nya meddelanden
}
thread-new-messages = Nya meddelanden
day-today = I dag
day-yesterday = I går
day-date = { $date }
delivery-sending = Skickar…
delivery-sent = Skickat
delivery-failed = Misslyckades: { $reason }

composer-label = Svara { $customer }
composer-placeholder = Skriv ett svar…
composer-send = Skicka
composer-hint = Enter skickar · Skift+Enter lägger till en rad
composer-left-chars = { $count ->
    [one] { $count } tecken kvar
   *[other] { $count } tecken kvar
}
composer-left-bytes = { $count ->
    [one] { $count } byte kvar
   *[other] { $count } byte kvar
}
composer-over-chars = { $count ->
    [one] { $count } tecken för mycket
   *[other] { $count } tecken för mycket
}
composer-over-bytes = { $count ->
    [one] { $count } byte för mycket
   *[other] { $count } byte för mycket
}
delivery-retry = Försök igen
delivery-retry-label = Försök skicka svaret igen
error-conflict = Svaret har redan skickats på ett annat sätt. Läs in konversationen igen.

message-from-you = Du

failure-channel-refused = Kanalen avvisade svaret
failure-empty-message = Alcméon avvisade ett tomt svar
failure-message-too-long = För långt för den här kanalen
failure-insufficient-permissions = Ditt Alcméon-konto får inte besvara den här konversationen
failure-task-not-found = Alcméon har inte längre den här konversationen
failure-alcmeon-refused = Alcméon avvisade svaret
failure-alcmeon-unavailable = Alcméon gick inte att nå
failure-rate-limited = Alcméon avvisade svaret upprepade gånger på grund av hastighetsgränsen
failure-unknown = Inte levererat, av okänd anledning
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Du kan läsa den här konversationen, men dina Salesforce-behörigheter tillåter inte att du svarar.
reply-blocked-closed = Den här konversationen är arkiverad. Du kan svara igen när kunden skriver.
reply-blocked-window = Kanalens svarsfönster har stängts. Du kan svara igen när kunden skriver.

event-archived = { $author } arkiverade konversationen
event-auto-archived = Konversationen arkiverades automatiskt
event-assigned = { $author } tilldelade konversationen till { $to }
event-acquired = { $author } tog sig an konversationen
event-released = { $author } släppte konversationen
event-taken-over = { $author } tog över konversationen från { $from }
event-on-hold = { $author } parkerade konversationen
event-tagged = { $author } satte taggen { $tag } till { $value }
event-marked-vip = { $author } markerade kunden som VIP
event-unmarked-vip = { $author } tog bort kundens VIP-markering
event-anonymized = Konversationen anonymiserades när lagringstiden löpte ut
event-other = { $author } uppdaterade konversationen

announce-customer-message = Nytt meddelande från { $author }: { $text }
announce-agent-reply = { $author } svarade: { $text }
announce-reply-failed = Det gick inte att skicka ditt svar: { $reason }
announce-attachments = { $count ->
    [one] en bilaga
   *[other] { $count } bilagor
}

attachment-image = Bild bifogad till meddelandet
attachment-loading = Läser in bilagan…
attachment-failed = Det gick inte att läsa in bilagan
attachment-download = Ladda ned fil ({ $size })
attachment-download-typed = Ladda ned { $type }-fil ({ $size })
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } byte
}
size-kb = { $size }{"\u00A0"}kB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Konversation
