# The widget's messages in Dutch; the ids are exactly those of locales/en/widget.ftl.

widget-title = Gesprek
thread-loading = Gesprek laden…
thread-fetching = Gesprek wordt opgehaald uit Alcméon…
thread-empty = Er zijn nog geen berichten in dit gesprek.
thread-count = { $count ->
    [one] { $count } bericht
   *[other] { $count } berichten
}
thread-label = Berichten met { $customer }
message-from-customer = Klant
message-from-agent = Medewerker
unknown-time-zone = Tijdzone { $zone } is onbekend; tijden worden weergegeven in UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google-recensie
channel-inmessage = Webchat
channel-other = Sociale media

conversations-label = Gesprekken van deze case
conversation-status-open = Open
conversation-status-closed = Gearchiveerd
conversation-new-activity = Nieuwe activiteit

error-unauthenticated = Uw sessie is verlopen. Laad de pagina opnieuw om u opnieuw aan te melden.
error-forbidden = U hebt geen toestemming om dit te doen.
error-not-found = Dit gesprek is nog niet beschikbaar. Het verschijnt zodra Alcméon het heeft verzonden.
error-bad-request = Het verzoek was ongeldig.
error-payload-too-large = Dit is te groot om te verzenden.
error-rate-limited = Alcméon is bezet. Er wordt zo opnieuw geprobeerd.
error-upstream-unavailable = Alcméon is momenteel niet bereikbaar.
error-internal = Er is aan onze kant iets misgegaan. Probeer het zo opnieuw.
error-network = De gespreksservice is niet bereikbaar. Controleer uw verbinding.
error-session = Salesforce kon geen sessie openen voor de gespreksservice.

thread-count-more = { $count ->
    [one] { $count } bericht geladen, er zijn eerdere berichten
   *[other] { $count } berichten geladen, er zijn eerdere berichten
}
thread-loading-older = Eerdere berichten laden…
thread-beginning = Begin van het gesprek
thread-retry = Opnieuw proberen
thread-jump-latest = Naar nieuwste
thread-unread = { $count ->
    [one] { $count } nieuw bericht
   *[other] { $count } nieuwe berichten
}
thread-new-messages = Nieuwe berichten
day-today = Vandaag
day-yesterday = Gisteren
day-date = { $date }
delivery-sending = Verzenden…
delivery-sent = Verzonden
delivery-queued-seconds = { $count ->
    [one] In de wachtrij door de aanvraaglimiet van Alcméon · nog ongeveer { $count } seconde
   *[other] In de wachtrij door de aanvraaglimiet van Alcméon · nog ongeveer { $count } seconden
}
delivery-queued-minutes = { $count ->
    [one] In de wachtrij door de aanvraaglimiet van Alcméon · nog ongeveer { $count } minuut
   *[other] In de wachtrij door de aanvraaglimiet van Alcméon · nog ongeveer { $count } minuten
}
delivery-failed = Mislukt: { $reason }

composer-label = Antwoord aan { $customer }
composer-placeholder = Schrijf een antwoord…
composer-send = Verzenden
composer-hint = Enter verzendt · Shift+Enter voegt een regel toe
composer-left-chars = { $count ->
    [one] Nog { $count } teken
   *[other] Nog { $count } tekens
}
composer-left-bytes = { $count ->
    [one] Nog { $count } byte
   *[other] Nog { $count } bytes
}
composer-over-chars = { $count ->
    [one] { $count } teken te veel
   *[other] { $count } tekens te veel
}
composer-over-bytes = { $count ->
    [one] { $count } byte te veel
   *[other] { $count } bytes te veel
}
delivery-retry = Opnieuw
delivery-retry-label = Dit antwoord opnieuw verzenden
error-conflict = Dit antwoord is al op een andere manier verzonden. Laad het gesprek opnieuw.

message-from-you = U

failure-channel-refused = Het kanaal heeft het antwoord geweigerd
failure-empty-message = Alcméon heeft een leeg antwoord geweigerd
failure-message-too-long = Te lang voor dit kanaal
failure-insufficient-permissions = Uw Alcméon-account mag dit gesprek niet beantwoorden
failure-task-not-found = Alcméon heeft dit gesprek niet meer
failure-alcmeon-refused = Alcméon heeft het antwoord geweigerd
failure-alcmeon-unavailable = Alcméon was niet bereikbaar
failure-rate-limited = Alcméon heeft het antwoord herhaaldelijk geweigerd vanwege de verzendlimiet
failure-unknown = Niet afgeleverd, om onbekende reden
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = U kunt dit gesprek lezen, maar uw Salesforce-machtigingen staan niet toe dat u antwoordt.
reply-blocked-closed = Dit gesprek is gearchiveerd. U kunt weer antwoorden zodra de klant schrijft.
reply-blocked-window = De antwoordtermijn van het kanaal is verstreken. U kunt weer antwoorden zodra de klant schrijft.

event-archived = { $author } heeft het gesprek gearchiveerd
event-auto-archived = Het gesprek is automatisch gearchiveerd
event-assigned = { $author } heeft het gesprek toegewezen aan { $to }
event-acquired = { $author } heeft het gesprek opgepakt
event-released = { $author } heeft het gesprek vrijgegeven
event-taken-over = { $author } heeft het gesprek overgenomen van { $from }
event-on-hold = { $author } heeft het gesprek in de wacht gezet
event-tagged = { $author } heeft het label { $tag } ingesteld op { $value }
event-marked-vip = { $author } heeft de klant als VIP gemarkeerd
event-unmarked-vip = { $author } heeft de VIP-markering van de klant verwijderd
event-anonymized = Het gesprek is aan het einde van de bewaartermijn geanonimiseerd
event-other = { $author } heeft het gesprek bijgewerkt

announce-customer-message = Nieuw bericht van { $author }: { $text }
announce-agent-reply = { $author } heeft geantwoord: { $text }
announce-reply-failed = Uw antwoord kon niet worden verzonden: { $reason }
announce-attachments = { $count ->
    [one] een bijlage
   *[other] { $count } bijlagen
}

attachment-image = Afbeelding bij het bericht
attachment-loading = Bijlage laden…
attachment-failed = Kan de bijlage niet laden
attachment-download = Bestand downloaden ({ $size })
attachment-download-typed = { $type }-bestand downloaden ({ $size })
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Gesprek

mode-engagement = Proactief contact
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Proactief contact laden…
engagement-recipient = Klant
engagement-phone = Telefoonnummer
engagement-channel = Kanaal
engagement-sender = Verzonden vanaf
engagement-consent = Toestemming
engagement-unknown = Onbekend

consent-opted-in = Toestemming gegeven op { $date }
consent-opted-in-undated = Toestemming gegeven
consent-opted-out = Toestemming ingetrokken op { $date }
consent-no-opt-in = Geen toestemming
consent-unknown = Kon niet worden gecontroleerd

engagement-blocked-several-environments = Proactief contact is hier niet beschikbaar: het vereist een Salesforce-organisatie die met één Alcméon-omgeving is verbonden, en deze organisatie is met meerdere verbonden ({ $count }). Neem contact op met uw beheerder.
engagement-blocked-recipient-missing = Er is geen telefoonnummer om naartoe te sturen: het proactieve contact en de contactpersoon van de case hebben er geen.
engagement-blocked-recipient-malformed = Het telefoonnummer van de klant staat niet in internationaal formaat (bijvoorbeeld +33 6 12 34 56 78), dus er kan niets worden verzonden.
engagement-blocked-sender-missing = Het proactieve contact noemt geen Alcméon-account om vanaf te verzenden.
engagement-blocked-sender-unknown = Het verzendaccount is geen account waarvandaan deze Alcméon-omgeving sjablonen verzendt.
engagement-blocked-no-opt-in = De klant heeft niet ingestemd met het ontvangen van berichten, dus er kan niets worden verzonden.
engagement-blocked-opted-out = De klant heeft op { $date } de toestemming ingetrokken, dus er kan niets worden verzonden.
engagement-blocked-consent-unknown = De toestemming van de klant kon niet worden gecontroleerd, dus er kan niets worden verzonden. Probeer het later opnieuw.
engagement-blocked-already-sent = Het bericht van dit proactieve contact is al verzonden.
engagement-blocked-not-permitted = Uw Salesforce-machtigingen staan het verzenden van berichten niet toe.

template-label = Sjabloon
template-none = Er is geen sjabloon beschikbaar voor dit account.
template-variables = Variabelen
template-optional = optioneel
template-preview = Voorbeeld
template-preview-pending = Het voorbeeld verschijnt zodra alle variabelen geldig zijn.
template-send = Bericht verzenden

variable-missing = Verplicht
variable-blank = Vul meer in dan alleen spaties.
variable-too-long = { $count ->
    [one] Te lang: hier past maximaal { $count } teken.
   *[other] Te lang: hier passen maximaal { $count } tekens.
}
variable-line-break = Houd het op één regel, zonder tabs.
variable-too-many-spaces = Gebruik maximaal 4 spaties achter elkaar.
variable-not-url-safe = Deze waarde komt in een link: gebruik alleen letters, cijfers en - . _ ~
variable-unknown = Het sjabloon heeft geen variabele met deze naam.

failure-ongoing-conversation = De klant heeft al een lopend gesprek op dit account
failure-invalid-phone = Het telefoonnummer is niet geldig voor dit kanaal
failure-template-not-found = Alcméon kent dit sjabloon niet
failure-missing-variable = Er ontbrak een variabele van het sjabloon
failure-account-not-found = Alcméon kent het verzendaccount niet
failure-message-refused = Alcméon heeft het bericht geweigerd

engagement-sent = Verzonden (Alcméon-bericht { $id })
engagement-open-conversation = Lopend gesprek openen
engagement-waiting = Zodra de klant antwoordt, wordt het gesprek hier geopend.
engagement-draft-label = Uw antwoord voorbereiden
engagement-draft-hint = U kunt het verzenden zodra de klant heeft geantwoord.
announce-conversation-started = { $customer } heeft geantwoord: het gesprek is geopend.

reply-window-closes-minutes = { $count ->
    [one] De antwoordtermijn verstrijkt over { $count } minuut
   *[other] De antwoordtermijn verstrijkt over { $count } minuten
}
reply-window-closes-seconds = { $count ->
    [one] De antwoordtermijn verstrijkt over { $count } seconde
   *[other] De antwoordtermijn verstrijkt over { $count } seconden
}
reengage-intro = De antwoordtermijn is verstreken. Verzend een sjabloon om de klant opnieuw te bereiken.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Klant
customer-contact = Salesforce-contactpersoon:
customer-unlinked = Niet gekoppeld aan een Salesforce-contactpersoon.
customer-unknown = Alcméon heeft deze klant nog niet herkend.
customer-find = Contactpersoon zoeken
customer-change = Wijzigen
customer-search-label = Salesforce-contactpersonen zoeken
customer-search = Zoeken
customer-no-results = Geen contactpersoon gevonden.
customer-link = Koppelen
customer-new-name = Naam
customer-new-phone = Telefoon
customer-create = Aanmaken en koppelen
customer-search-failed = Salesforce kon geen contactpersonen zoeken: { $reason }
customer-create-failed = Salesforce kon de contactpersoon niet aanmaken: { $reason }
customer-link-failed = De contactpersoon kon niet worden gekoppeld: { $reason }
customer-others = Andere gesprekken van deze klant
error-no-customer = Alcméon heeft deze klant nog niet herkend, dus kan hij niet aan een contactpersoon worden gekoppeld.
