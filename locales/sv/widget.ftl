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
delivery-queued-seconds = { $count ->
    [one] I kö på grund av Alcméons gräns för anrop · cirka { $count } sekund
   *[other] I kö på grund av Alcméons gräns för anrop · cirka { $count } sekunder
}
delivery-queued-minutes = { $count ->
    [one] I kö på grund av Alcméons gräns för anrop · cirka { $count } minut
   *[other] I kö på grund av Alcméons gräns för anrop · cirka { $count } minuter
}
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

mode-engagement = Proaktiv kontakt
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Läser in proaktiv kontakt…
engagement-recipient = Kund
engagement-phone = Telefonnummer
engagement-channel = Kanal
engagement-sender = Skickas från
engagement-consent = Samtycke
engagement-unknown = Okänt

consent-opted-in = Samtycke givet den { $date }
consent-opted-in-undated = Samtycke givet
consent-opted-out = Samtycke återkallat den { $date }
consent-no-opt-in = Inget samtycke
consent-unknown = Kunde inte kontrolleras

engagement-blocked-several-environments = Proaktiv kontakt är inte tillgänglig här: Den kräver en Salesforce-organisation som är ansluten till en enda Alcméon-miljö, och den här organisationen är ansluten till flera ({ $count }). Kontakta din administratör.
engagement-blocked-recipient-missing = Det finns inget telefonnummer att skicka till: Varken den proaktiva kontakten eller ärendets kontaktperson har något.
engagement-blocked-recipient-malformed = Kundens telefonnummer är inte i internationellt format (till exempel +33 6 12 34 56 78), så inget kan skickas.
engagement-blocked-sender-missing = Den proaktiva kontakten anger inget Alcméon-konto att skicka från.
engagement-blocked-sender-unknown = Avsändarkontot är inte ett konto som den här Alcméon-miljön skickar mallar från.
engagement-blocked-no-opt-in = Kunden har inte samtyckt till att ta emot meddelanden, så inget kan skickas.
engagement-blocked-opted-out = Kunden återkallade sitt samtycke den { $date }, så inget kan skickas.
engagement-blocked-consent-unknown = Kundens samtycke kunde inte kontrolleras, så inget kan skickas. Försök igen senare.
engagement-blocked-already-sent = Meddelandet för den här proaktiva kontakten har redan skickats.
engagement-blocked-not-permitted = Dina Salesforce-behörigheter tillåter inte att du skickar meddelanden.

template-label = Mall
template-none = Ingen mall är tillgänglig för det här kontot.
template-variables = Variabler
template-optional = valfri
template-preview = Förhandsgranskning
template-preview-pending = Förhandsgranskningen visas när alla variabler är giltiga.
template-send = Skicka meddelande

variable-missing = Obligatoriskt
variable-blank = Skriv något mer än mellanslag.
variable-too-long = { $count ->
    [one] För långt: Här får högst { $count } tecken plats.
   *[other] För långt: Här får högst { $count } tecken plats.
}
variable-line-break = Håll det på en rad, utan tabbar.
variable-too-many-spaces = Använd högst 4 mellanslag i rad.
variable-not-url-safe = Värdet blir en del av en länk: Använd bara bokstäver, siffror och - . _ ~
variable-unknown = Mallen har ingen variabel med det namnet.

failure-ongoing-conversation = Kunden har redan en pågående konversation på det här kontot
failure-invalid-phone = Telefonnumret är inte giltigt för den här kanalen
failure-template-not-found = Alcméon känner inte till den här mallen
failure-missing-variable = En variabel i mallen saknades
failure-account-not-found = Alcméon känner inte till avsändarkontot
failure-message-refused = Alcméon avvisade meddelandet

engagement-sent = Skickat (Alcméon-meddelande { $id })
engagement-open-conversation = Öppna den pågående konversationen
engagement-waiting = När kunden svarar öppnas konversationen här.
engagement-draft-label = Förbered ditt svar
engagement-draft-hint = Du kan skicka det så snart kunden har svarat.
announce-conversation-started = { $customer } har svarat: Konversationen är öppen.

reply-window-closes-minutes = { $count ->
    [one] Svarsfönstret stängs om { $count } minut
   *[other] Svarsfönstret stängs om { $count } minuter
}
reply-window-closes-seconds = { $count ->
    [one] Svarsfönstret stängs om { $count } sekund
   *[other] Svarsfönstret stängs om { $count } sekunder
}
reengage-intro = Svarsfönstret har stängts. Skicka en mall för att nå kunden igen.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Kund
customer-contact = Salesforce-kontakt:
customer-unlinked = Inte kopplad till en Salesforce-kontakt.
customer-unknown = Alcméon har ännu inte identifierat den här kunden.
customer-find = Hitta en kontakt
customer-change = Ändra
customer-search-label = Sök Salesforce-kontakter
customer-search = Sök
customer-no-results = Inga kontakter matchar.
customer-link = Koppla
customer-new-name = Namn
customer-new-phone = Telefon
customer-create = Skapa och koppla
customer-search-failed = Salesforce kunde inte söka efter kontakter: { $reason }
customer-create-failed = Salesforce kunde inte skapa kontakten: { $reason }
customer-link-failed = Kontakten kunde inte kopplas: { $reason }
customer-others = Andra konversationer med den här kunden
error-no-customer = Alcméon har ännu inte identifierat den här kunden, så den kan inte kopplas till en kontakt.
