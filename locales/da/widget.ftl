# The widget's messages in Danish; the ids are exactly those of locales/en/widget.ftl.

widget-title = Samtale
thread-loading = Indlæser samtalen…
thread-fetching = Henter samtalen fra Alcméon…
thread-empty = Der er endnu ingen beskeder i denne samtale.
thread-count = { $count ->
    [one] { $count } besked
   *[other] { $count } beskeder
}
thread-label = Beskeder med { $customer }
message-from-customer = Kunde
message-from-agent = Medarbejder
unknown-time-zone = Tidszonen { $zone } er ukendt; tidspunkter vises i UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google-anmeldelse
channel-inmessage = Webchat
channel-other = Sociale medier

conversations-label = Samtaler i denne sag
conversation-status-open = Åben
conversation-status-closed = Arkiveret
conversation-new-activity = Ny aktivitet

error-unauthenticated = Din session er udløbet. Genindlæs siden for at logge ind igen.
error-forbidden = Du har ikke tilladelse til at gøre dette.
error-not-found = Denne samtale er ikke tilgængelig endnu. Den vises, så snart Alcméon har sendt den.
error-bad-request = Anmodningen var ugyldig.
error-payload-too-large = Dette er for stort til at blive sendt.
error-rate-limited = Alcméon har travlt. Prøver igen om lidt.
error-upstream-unavailable = Alcméon kan ikke nås lige nu.
error-internal = Der opstod en fejl hos os. Prøv igen om et øjeblik.
error-network = Samtaletjenesten kan ikke nås. Kontrollér din forbindelse.
error-session = Salesforce kunne ikke åbne en session til samtaletjenesten.

thread-count-more = { $count ->
    [one] { $count } besked indlæst, der er flere før den
   *[other] { $count } beskeder indlæst, der er flere før dem
}
thread-loading-older = Indlæser tidligere beskeder…
thread-beginning = Samtalens begyndelse
thread-retry = Prøv igen
thread-jump-latest = Gå til nyeste
thread-unread = { $count ->
    [one] { $count } ny besked
   *[other] { $count } nye beskeder
}
thread-new-messages = Nye beskeder
day-today = I dag
day-yesterday = I går
day-date = { $date }
delivery-sending = Sender…
delivery-sent = Sendt
delivery-queued-seconds = { $count ->
    [one] I kø på grund af Alcméons grænse for forespørgsler · ca. { $count } sekund
   *[other] I kø på grund af Alcméons grænse for forespørgsler · ca. { $count } sekunder
}
delivery-queued-minutes = { $count ->
    [one] I kø på grund af Alcméons grænse for forespørgsler · ca. { $count } minut
   *[other] I kø på grund af Alcméons grænse for forespørgsler · ca. { $count } minutter
}
delivery-failed = Mislykkedes: { $reason }

composer-label = Svar til { $customer }
composer-placeholder = Skriv et svar…
composer-send = Send
composer-hint = Enter sender · Skift+Enter tilføjer en linje
composer-left-chars = { $count ->
    [one] { $count } tegn tilbage
   *[other] { $count } tegn tilbage
}
composer-left-bytes = { $count ->
    [one] { $count } byte tilbage
   *[other] { $count } byte tilbage
}
composer-over-chars = { $count ->
    [one] { $count } tegn for meget
   *[other] { $count } tegn for meget
}
composer-over-bytes = { $count ->
    [one] { $count } byte for meget
   *[other] { $count } byte for meget
}
delivery-retry = Prøv igen
delivery-retry-label = Prøv at sende dette svar igen
error-conflict = Dette svar er allerede sendt på en anden måde. Genindlæs samtalen.

message-from-you = Dig

failure-channel-refused = Kanalen afviste svaret
failure-empty-message = Alcméon afviste et tomt svar
failure-message-too-long = For langt til denne kanal
failure-insufficient-permissions = Din Alcméon-konto må ikke besvare denne samtale
failure-task-not-found = Alcméon har ikke længere denne samtale
failure-alcmeon-refused = Alcméon afviste svaret
failure-alcmeon-unavailable = Alcméon kunne ikke nås
failure-rate-limited = Alcméon afviste svaret gentagne gange på grund af hastighedsgrænsen
failure-unknown = Ikke leveret af ukendt årsag
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Du kan læse denne samtale, men dine Salesforce-tilladelser giver ikke mulighed for at svare.
reply-blocked-closed = Denne samtale er arkiveret. Du kan svare igen, når kunden skriver.
reply-blocked-window = Kanalens svarvindue er lukket. Du kan svare igen, når kunden skriver.

event-archived = { $author } arkiverede samtalen
event-auto-archived = Samtalen blev arkiveret automatisk
event-assigned = { $author } tildelte samtalen til { $to }
event-acquired = { $author } tog sig af samtalen
event-released = { $author } frigav samtalen
event-taken-over = { $author } overtog samtalen fra { $from }
event-on-hold = { $author } satte samtalen i venteposition
event-tagged = { $author } satte mærket { $tag } til { $value }
event-marked-vip = { $author } markerede kunden som VIP
event-unmarked-vip = { $author } fjernede kundens VIP-markering
event-anonymized = Samtalen blev anonymiseret ved udløbet af opbevaringsperioden
event-other = { $author } opdaterede samtalen

announce-customer-message = Ny besked fra { $author }: { $text }
announce-agent-reply = { $author } svarede: { $text }
announce-reply-failed = Dit svar kunne ikke sendes: { $reason }
announce-attachments = { $count ->
    [one] en vedhæftet fil
   *[other] { $count } vedhæftede filer
}

attachment-image = Billede vedhæftet beskeden
attachment-loading = Indlæser den vedhæftede fil…
attachment-failed = Den vedhæftede fil kunne ikke indlæses
attachment-download = Download fil ({ $size })
attachment-download-typed = Download { $type }-fil ({ $size })
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } byte
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Samtale

mode-engagement = Proaktiv kontakt
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Indlæser proaktiv kontakt…
engagement-recipient = Kunde
engagement-phone = Telefonnummer
engagement-channel = Kanal
engagement-sender = Sendt fra
engagement-consent = Samtykke
engagement-unknown = Ukendt

consent-opted-in = Samtykke givet den { $date }
consent-opted-in-undated = Samtykke givet
consent-opted-out = Samtykke trukket tilbage den { $date }
consent-no-opt-in = Intet samtykke
consent-unknown = Kunne ikke kontrolleres

engagement-blocked-several-environments = Proaktiv kontakt er ikke tilgængelig her: Det kræver en Salesforce-organisation, der er forbundet med ét Alcméon-miljø, og denne organisation er forbundet med flere ({ $count }). Kontakt din administrator.
engagement-blocked-recipient-missing = Der er intet telefonnummer at sende til: Hverken den proaktive kontakt eller sagens kontaktperson har et.
engagement-blocked-recipient-malformed = Kundens telefonnummer er ikke i internationalt format (for eksempel +33 6 12 34 56 78), så der kan ikke sendes noget.
engagement-blocked-sender-missing = Den proaktive kontakt angiver ingen Alcméon-konto at sende fra.
engagement-blocked-sender-unknown = Afsenderkontoen er ikke en konto, som dette Alcméon-miljø sender skabeloner fra.
engagement-blocked-no-opt-in = Kunden har ikke givet samtykke til at modtage beskeder, så der kan ikke sendes noget.
engagement-blocked-opted-out = Kunden trak sit samtykke tilbage den { $date }, så der kan ikke sendes noget.
engagement-blocked-consent-unknown = Kundens samtykke kunne ikke kontrolleres, så der kan ikke sendes noget. Prøv igen senere.
engagement-blocked-already-sent = Beskeden til denne proaktive kontakt er allerede sendt.
engagement-blocked-not-permitted = Dine Salesforce-tilladelser giver ikke mulighed for at sende beskeder.

template-label = Skabelon
template-none = Der er ingen skabelon tilgængelig for denne konto.
template-variables = Variabler
template-optional = valgfri
template-preview = Forhåndsvisning
template-preview-pending = Forhåndsvisningen vises, når alle variabler er gyldige.
template-send = Send besked

variable-missing = Påkrævet
variable-blank = Skriv mere end mellemrum.
variable-too-long = { $count ->
    [one] For lang: Her er der plads til højst { $count } tegn.
   *[other] For lang: Her er der plads til højst { $count } tegn.
}
variable-line-break = Skriv det på én linje uden tabulatorer.
variable-too-many-spaces = Brug højst 4 mellemrum i træk.
variable-not-url-safe = Denne værdi indgår i et link: Brug kun bogstaver, cifre og - . _ ~
variable-unknown = Skabelonen har ingen variabel med det navn.

failure-ongoing-conversation = Kunden har allerede en igangværende samtale på denne konto
failure-invalid-phone = Telefonnummeret er ikke gyldigt for denne kanal
failure-template-not-found = Alcméon kender ikke denne skabelon
failure-missing-variable = En af skabelonens variabler manglede
failure-account-not-found = Alcméon kender ikke afsenderkontoen
failure-message-refused = Alcméon afviste beskeden

engagement-sent = Sendt (Alcméon-besked { $id })
engagement-open-conversation = Åbn den igangværende samtale
engagement-waiting = Når kunden svarer, åbnes samtalen her.
engagement-draft-label = Forbered dit svar
engagement-draft-hint = Du kan sende det, så snart kunden har svaret.
announce-conversation-started = { $customer } har svaret: Samtalen er åben.

reply-window-closes-minutes = { $count ->
    [one] Svarvinduet lukker om { $count } minut
   *[other] Svarvinduet lukker om { $count } minutter
}
reply-window-closes-seconds = { $count ->
    [one] Svarvinduet lukker om { $count } sekund
   *[other] Svarvinduet lukker om { $count } sekunder
}
reengage-intro = Svarvinduet er lukket. Send en skabelon for at kontakte kunden igen.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Kunde
customer-contact = Salesforce-kontakt:
customer-unlinked = Ikke knyttet til en Salesforce-kontakt.
customer-unknown = Alcméon har endnu ikke identificeret denne kunde.
customer-find = Find en kontakt
customer-change = Skift
customer-search-label = Søg i Salesforce-kontakter
customer-search = Søg
customer-no-results = Ingen kontakter matcher.
customer-link = Knyt
customer-new-name = Navn
customer-new-phone = Telefon
customer-create = Opret og knyt
customer-search-failed = Salesforce kunne ikke søge i kontakter: { $reason }
customer-create-failed = Salesforce kunne ikke oprette kontakten: { $reason }
customer-link-failed = Kontakten kunne ikke knyttes: { $reason }
customer-others = Andre samtaler med denne kunde
error-no-customer = Alcméon har endnu ikke identificeret denne kunde, så kunden kan ikke knyttes til en kontakt.
