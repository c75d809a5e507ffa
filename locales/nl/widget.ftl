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
