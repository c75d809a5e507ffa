# The widget's messages in Norwegian Bokmål (Salesforce's "no"); the ids are exactly those of
# locales/en/widget.ftl.

widget-title = Samtale
thread-loading = Laster inn samtalen…
thread-fetching = Henter samtalen fra Alcméon…
thread-empty = Det er ingen meldinger i denne samtalen ennå.
thread-count = { $count ->
    [one] { $count } melding
   *[other] { $count } meldinger
}
thread-label = Meldinger med { $customer }
message-from-customer = Kunde
message-from-agent = Medarbeider
unknown-time-zone = Tidssonen { $zone } er ukjent; tidspunkter vises i UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google-anmeldelse
channel-inmessage = Nettchat
channel-other = Sosiale medier

conversations-label = Samtaler i denne saken
conversation-status-open = Åpen
conversation-status-closed = Arkivert
conversation-new-activity = Ny aktivitet

error-unauthenticated = Økten din er utløpt. Last inn siden på nytt for å logge på igjen.
error-forbidden = Du har ikke tillatelse til å gjøre dette.
error-not-found = Denne samtalen er ikke tilgjengelig ennå. Den vises så snart Alcméon har sendt den.
error-bad-request = Forespørselen var ugyldig.
error-payload-too-large = Dette er for stort til å sendes.
error-rate-limited = Alcméon er opptatt. Prøver igjen om litt.
error-upstream-unavailable = Alcméon kan ikke nås akkurat nå.
error-internal = Noe gikk galt hos oss. Prøv igjen om et øyeblikk.
error-network = Samtaletjenesten kan ikke nås. Kontroller tilkoblingen.
error-session = Salesforce kunne ikke åpne en økt for samtaletjenesten.

thread-count-more = { $count ->
    [one] { $count } melding lastet inn, det finnes flere før den
   *[other] { $count } meldinger lastet inn, det finnes flere før dem
}
thread-loading-older = Laster inn tidligere meldinger…
thread-beginning = Begynnelsen av samtalen
thread-retry = Prøv igjen
thread-jump-latest = Gå til nyeste
thread-unread = { $count ->
    [one] { $count } ny melding
   *[other] { $count } nye meldinger
}
thread-new-messages = Nye meldinger
day-today = I dag
day-yesterday = I går
day-date = { $date }
delivery-sending = Sender…
delivery-sent = Sendt
delivery-queued-seconds = { $count ->
    [one] I kø på grunn av Alcméons grense for forespørsler · ca. { $count } sekund
   *[other] I kø på grunn av Alcméons grense for forespørsler · ca. { $count } sekunder
}
delivery-queued-minutes = { $count ->
    [one] I kø på grunn av Alcméons grense for forespørsler · ca. { $count } minutt
   *[other] I kø på grunn av Alcméons grense for forespørsler · ca. { $count } minutter
}
delivery-failed = Mislyktes: { $reason }

composer-label = Svar til { $customer }
composer-placeholder = Skriv et svar…
composer-send = Send
composer-hint = Enter sender · Skift+Enter legger til en linje
composer-left-chars = { $count ->
    [one] { $count } tegn igjen
   *[other] { $count } tegn igjen
}
composer-left-bytes = { $count ->
    [one] { $count } byte igjen
   *[other] { $count } byte igjen
}
composer-over-chars = { $count ->
    [one] { $count } tegn for mye
   *[other] { $count } tegn for mye
}
composer-over-bytes = { $count ->
    [one] { $count } byte for mye
   *[other] { $count } byte for mye
}
delivery-retry = Prøv igjen
delivery-retry-label = Prøv å sende dette svaret på nytt
error-conflict = Dette svaret er allerede sendt på en annen måte. Last inn samtalen på nytt.

message-from-you = Deg

failure-channel-refused = Kanalen avviste svaret
failure-empty-message = Alcméon avviste et tomt svar
failure-message-too-long = For langt for denne kanalen
failure-insufficient-permissions = Alcméon-kontoen din har ikke lov til å svare på denne samtalen
failure-task-not-found = Alcméon har ikke lenger denne samtalen
failure-alcmeon-refused = Alcméon avviste svaret
failure-alcmeon-unavailable = Alcméon kunne ikke nås
failure-rate-limited = Alcméon avviste svaret gjentatte ganger på grunn av hastighetsgrensen
failure-unknown = Ikke levert, av ukjent årsak
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Du kan lese denne samtalen, men Salesforce-tillatelsene dine gir deg ikke lov til å svare.
reply-blocked-closed = Denne samtalen er arkivert. Du kan svare igjen når kunden skriver.
reply-blocked-window = Svarvinduet for kanalen er stengt. Du kan svare igjen når kunden skriver.

event-archived = { $author } arkiverte samtalen
event-auto-archived = Samtalen ble arkivert automatisk
event-assigned = { $author } tildelte samtalen til { $to }
event-acquired = { $author } tok seg av samtalen
event-released = { $author } frigjorde samtalen
event-taken-over = { $author } overtok samtalen fra { $from }
event-on-hold = { $author } satte samtalen på vent
event-tagged = { $author } satte etiketten { $tag } til { $value }
event-marked-vip = { $author } merket kunden som VIP
event-unmarked-vip = { $author } fjernet kundens VIP-merking
event-anonymized = Samtalen ble anonymisert ved slutten av oppbevaringsperioden
event-other = { $author } oppdaterte samtalen

announce-customer-message = Ny melding fra { $author }: { $text }
announce-agent-reply = { $author } svarte: { $text }
announce-reply-failed = Svaret ditt kunne ikke sendes: { $reason }
announce-attachments = { $count ->
    [one] et vedlegg
   *[other] { $count } vedlegg
}

attachment-image = Bilde vedlagt meldingen
attachment-loading = Laster inn vedlegget…
attachment-failed = Kunne ikke laste inn vedlegget
attachment-download = Last ned fil ({ $size })
attachment-download-typed = Last ned { $type }-fil ({ $size })
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } byte
}
size-kb = { $size }{"\u00A0"}kB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Samtale

mode-engagement = Proaktiv kontakt
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Laster inn proaktiv kontakt…
engagement-recipient = Kunde
engagement-phone = Telefonnummer
engagement-channel = Kanal
engagement-sender = Sendt fra
engagement-consent = Samtykke
engagement-unknown = Ukjent

consent-opted-in = Samtykke gitt { $date }
consent-opted-in-undated = Samtykke gitt
consent-opted-out = Samtykke trukket tilbake { $date }
consent-no-opt-in = Ikke samtykke
consent-unknown = Kunne ikke kontrolleres

engagement-blocked-several-environments = Proaktiv kontakt er ikke tilgjengelig her: Det krever en Salesforce-organisasjon som er koblet til ett Alcméon-miljø, og denne organisasjonen er koblet til flere ({ $count }). Kontakt administratoren din.
engagement-blocked-recipient-missing = Det finnes ikke noe telefonnummer å sende til: Verken den proaktive kontakten eller kontaktpersonen for saken har et.
engagement-blocked-recipient-malformed = Kundens telefonnummer er ikke i internasjonalt format (for eksempel +33 6 12 34 56 78), så ingenting kan sendes.
engagement-blocked-sender-missing = Den proaktive kontakten oppgir ingen Alcméon-konto å sende fra.
engagement-blocked-sender-unknown = Avsenderkontoen er ikke en konto som dette Alcméon-miljøet sender maler fra.
engagement-blocked-no-opt-in = Kunden har ikke samtykket til å motta meldinger, så ingenting kan sendes.
engagement-blocked-opted-out = Kunden trakk tilbake samtykket { $date }, så ingenting kan sendes.
engagement-blocked-consent-unknown = Kundens samtykke kunne ikke kontrolleres, så ingenting kan sendes. Prøv igjen senere.
engagement-blocked-already-sent = Meldingen for denne proaktive kontakten er allerede sendt.
engagement-blocked-not-permitted = Salesforce-tillatelsene dine gir deg ikke lov til å sende meldinger.

template-label = Mal
template-none = Ingen mal er tilgjengelig for denne kontoen.
template-variables = Variabler
template-optional = valgfri
template-preview = Forhåndsvisning
template-preview-pending = Forhåndsvisningen vises når alle variablene er gyldige.
template-send = Send melding

variable-missing = Påkrevd
variable-blank = Skriv inn mer enn mellomrom.
variable-too-long = { $count ->
    [one] For lang: Her er det plass til maks. { $count } tegn.
   *[other] For lang: Her er det plass til maks. { $count } tegn.
}
variable-line-break = Hold det på én linje, uten tabulatorer.
variable-too-many-spaces = Bruk maks. 4 mellomrom etter hverandre.
variable-not-url-safe = Denne verdien blir del av en lenke: Bruk bare bokstaver, sifre og - . _ ~
variable-unknown = Malen har ingen variabel med dette navnet.

failure-ongoing-conversation = Kunden har allerede en pågående samtale på denne kontoen
failure-invalid-phone = Telefonnummeret er ikke gyldig for denne kanalen
failure-template-not-found = Alcméon kjenner ikke denne malen
failure-missing-variable = En variabel i malen manglet
failure-account-not-found = Alcméon kjenner ikke avsenderkontoen
failure-message-refused = Alcméon avviste meldingen

engagement-sent = Sendt (Alcméon-melding { $id })
engagement-open-conversation = Åpne den pågående samtalen
engagement-waiting = Når kunden svarer, åpnes samtalen her.
engagement-draft-label = Forbered svaret ditt
engagement-draft-hint = Du kan sende det så snart kunden har svart.
announce-conversation-started = { $customer } har svart: Samtalen er åpen.

reply-window-closes-minutes = { $count ->
    [one] Svarvinduet stenger om { $count } minutt
   *[other] Svarvinduet stenger om { $count } minutter
}
reply-window-closes-seconds = { $count ->
    [one] Svarvinduet stenger om { $count } sekund
   *[other] Svarvinduet stenger om { $count } sekunder
}
reengage-intro = Svarvinduet er stengt. Send en mal for å nå kunden igjen.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Kunde
customer-contact = Salesforce-kontakt:
customer-unlinked = Ikke koblet til en Salesforce-kontakt.
customer-unknown = Alcméon har ikke identifisert denne kunden ennå.
customer-find = Finn en kontakt
customer-change = Endre
customer-search-label = Søk i Salesforce-kontakter
customer-search = Søk
customer-no-results = Ingen kontakter samsvarer.
customer-link = Koble
customer-new-name = Navn
customer-new-phone = Telefon
customer-create = Opprett og koble
customer-search-failed = Salesforce kunne ikke søke i kontakter: { $reason }
customer-create-failed = Salesforce kunne ikke opprette kontakten: { $reason }
customer-link-failed = Kontakten kunne ikke kobles: { $reason }
customer-others = Andre samtaler med denne kunden
error-no-customer = Alcméon har ikke identifisert denne kunden ennå, så kunden kan ikke kobles til en kontakt.
