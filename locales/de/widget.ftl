# The widget's messages in German; the ids are exactly those of locales/en/widget.ftl.

widget-title = Unterhaltung
thread-loading = Unterhaltung wird geladen…
thread-fetching = Unterhaltung wird von Alcméon abgerufen…
thread-empty = In dieser Unterhaltung gibt es noch keine Nachrichten.
thread-count = { $count ->
    [one] { $count } Nachricht
   *[other] { $count } Nachrichten
}
thread-label = Nachrichten mit { $customer }
message-from-customer = Kunde
message-from-agent = Mitarbeiter
unknown-time-zone = Die Zeitzone { $zone } ist unbekannt; Uhrzeiten werden in UTC angezeigt.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google-Rezension
channel-inmessage = Web-Chat
channel-other = Soziale Medien

conversations-label = Unterhaltungen dieses Falls
conversation-status-open = Offen
conversation-status-closed = Archiviert
conversation-new-activity = Neue Aktivität

error-unauthenticated = Ihre Sitzung ist abgelaufen. Laden Sie die Seite neu, um sich erneut anzumelden.
error-forbidden = Sie haben keine Berechtigung für diese Aktion.
error-not-found = Diese Unterhaltung ist noch nicht verfügbar. Sie erscheint, sobald Alcméon sie übermittelt hat.
error-bad-request = Die Anfrage war ungültig.
error-payload-too-large = Das ist zu groß zum Senden.
error-rate-limited = Alcméon ist ausgelastet. Es wird gleich erneut versucht.
error-upstream-unavailable = Alcméon ist derzeit nicht erreichbar.
error-internal = Bei uns ist ein Fehler aufgetreten. Versuchen Sie es gleich noch einmal.
error-network = Der Unterhaltungsdienst ist nicht erreichbar. Überprüfen Sie Ihre Verbindung.
error-session = Salesforce konnte keine Sitzung für den Unterhaltungsdienst öffnen.

thread-count-more = { $count ->
    [one] { $count } Nachricht geladen, davor gibt es weitere
   *[other] { $count } Nachrichten geladen, davor gibt es weitere
}
thread-loading-older = Frühere Nachrichten werden geladen…
thread-beginning = Beginn der Unterhaltung
thread-retry = Erneut versuchen
thread-jump-latest = Zur neuesten Nachricht
thread-unread = { $count ->
    [one] { $count } neue Nachricht
   *[other] { $count } neue Nachrichten
}
thread-new-messages = Neue Nachrichten
day-today = Heute
day-yesterday = Gestern
day-date = { $date }
delivery-sending = Wird gesendet…
delivery-sent = Gesendet
delivery-queued-seconds = { $count ->
    [one] Wartet auf das Anfragelimit von Alcméon · noch etwa { $count } Sekunde
   *[other] Wartet auf das Anfragelimit von Alcméon · noch etwa { $count } Sekunden
}
delivery-queued-minutes = { $count ->
    [one] Wartet auf das Anfragelimit von Alcméon · noch etwa { $count } Minute
   *[other] Wartet auf das Anfragelimit von Alcméon · noch etwa { $count } Minuten
}
delivery-failed = Fehlgeschlagen: { $reason }

composer-label = Antwort an { $customer }
composer-placeholder = Antwort schreiben…
composer-send = Senden
composer-hint = Eingabetaste sendet · Umschalt+Eingabetaste fügt eine Zeile hinzu
composer-left-chars = { $count ->
    [one] Noch { $count } Zeichen
   *[other] Noch { $count } Zeichen
}
composer-left-bytes = { $count ->
    [one] Noch { $count } Byte
   *[other] Noch { $count } Bytes
}
composer-over-chars = { $count ->
    [one] { $count } Zeichen zu viel
   *[other] { $count } Zeichen zu viel
}
composer-over-bytes = { $count ->
    [one] { $count } Byte zu viel
   *[other] { $count } Bytes zu viel
}
delivery-retry = Wiederholen
delivery-retry-label = Diese Antwort erneut senden
error-conflict = Diese Antwort wurde bereits auf anderem Weg gesendet. Laden Sie die Unterhaltung neu.

message-from-you = Sie

failure-channel-refused = Der Kanal hat die Antwort abgelehnt
failure-empty-message = Alcméon hat eine leere Antwort abgelehnt
failure-message-too-long = Zu lang für diesen Kanal
failure-insufficient-permissions = Ihr Alcméon-Konto darf diese Unterhaltung nicht beantworten
failure-task-not-found = Diese Unterhaltung ist in Alcméon nicht mehr vorhanden
failure-alcmeon-refused = Alcméon hat die Antwort abgelehnt
failure-alcmeon-unavailable = Alcméon war nicht erreichbar
failure-rate-limited = Alcméon hat die Antwort wegen des Ratenlimits wiederholt abgelehnt
failure-unknown = Aus unbekanntem Grund nicht zugestellt
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Sie können diese Unterhaltung lesen, aber Ihre Salesforce-Berechtigungen erlauben keine Antwort.
reply-blocked-closed = Diese Unterhaltung ist archiviert. Sie können wieder antworten, sobald der Kunde schreibt.
reply-blocked-window = Das Antwortfenster des Kanals ist geschlossen. Sie können wieder antworten, sobald der Kunde schreibt.

event-archived = { $author } hat die Unterhaltung archiviert
event-auto-archived = Die Unterhaltung wurde automatisch archiviert
event-assigned = { $author } hat die Unterhaltung { $to } zugewiesen
event-acquired = { $author } hat die Unterhaltung angenommen
event-released = { $author } hat die Unterhaltung freigegeben
event-taken-over = { $author } hat die Unterhaltung von { $from } übernommen
event-on-hold = { $author } hat die Unterhaltung zurückgestellt
event-tagged = { $author } hat das Tag { $tag } auf { $value } gesetzt
event-marked-vip = { $author } hat den Kunden als VIP markiert
event-unmarked-vip = { $author } hat die VIP-Markierung des Kunden entfernt
event-anonymized = Die Unterhaltung wurde am Ende ihrer Aufbewahrungsfrist anonymisiert
event-other = { $author } hat die Unterhaltung aktualisiert

announce-customer-message = Neue Nachricht von { $author }: { $text }
announce-agent-reply = { $author } hat geantwortet: { $text }
announce-reply-failed = Ihre Antwort konnte nicht gesendet werden: { $reason }
announce-attachments = { $count ->
    [one] ein Anhang
   *[other] { $count } Anhänge
}

attachment-image = An die Nachricht angehängtes Bild
attachment-loading = Anhang wird geladen…
attachment-failed = Der Anhang konnte nicht geladen werden
attachment-download = Datei herunterladen ({ $size })
attachment-download-typed = { $type }-Datei herunterladen ({ $size })
size-bytes = { $count ->
    [one] { $count } Byte
   *[other] { $count } Bytes
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Konversation

mode-engagement = Kontaktaufnahme
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Kontaktaufnahme wird geladen…
engagement-recipient = Kunde
engagement-phone = Telefonnummer
engagement-channel = Kanal
engagement-sender = Gesendet von
engagement-consent = Einwilligung
engagement-unknown = Unbekannt

consent-opted-in = Eingewilligt am { $date }
consent-opted-in-undated = Eingewilligt
consent-opted-out = Einwilligung widerrufen am { $date }
consent-no-opt-in = Keine Einwilligung
consent-unknown = Konnte nicht geprüft werden

engagement-blocked-several-environments = Die Kontaktaufnahme ist hier nicht verfügbar: Sie setzt eine Salesforce-Org voraus, die mit genau einer Alcméon-Umgebung verbunden ist, diese Org ist aber mit mehreren verbunden ({ $count }). Wenden Sie sich an Ihren Administrator.
engagement-blocked-recipient-missing = Es gibt keine Telefonnummer für den Versand: Weder die Kontaktaufnahme noch der Kontakt des Falls hat eine.
engagement-blocked-recipient-malformed = Die Telefonnummer des Kunden ist nicht im internationalen Format (zum Beispiel +33 6 12 34 56 78), daher kann nichts gesendet werden.
engagement-blocked-sender-missing = Die Kontaktaufnahme nennt kein Alcméon-Konto als Absender.
engagement-blocked-sender-unknown = Das Absenderkonto ist keines, von dem aus diese Alcméon-Umgebung Vorlagen sendet.
engagement-blocked-no-opt-in = Der Kunde hat dem Empfang von Nachrichten nicht zugestimmt, daher kann nichts gesendet werden.
engagement-blocked-opted-out = Der Kunde hat seine Einwilligung am { $date } widerrufen, daher kann nichts gesendet werden.
engagement-blocked-consent-unknown = Die Einwilligung des Kunden konnte nicht geprüft werden, daher kann nichts gesendet werden. Versuchen Sie es später erneut.
engagement-blocked-already-sent = Die Nachricht dieser Kontaktaufnahme wurde bereits gesendet.
engagement-blocked-not-permitted = Ihre Salesforce-Berechtigungen erlauben kein Senden von Nachrichten.

template-label = Vorlage
template-none = Für dieses Konto ist keine Vorlage verfügbar.
template-variables = Variablen
template-optional = optional
template-preview = Vorschau
template-preview-pending = Die Vorschau erscheint, sobald alle Variablen gültig sind.
template-send = Nachricht senden

variable-missing = Pflichtfeld
variable-blank = Geben Sie mehr als nur Leerzeichen ein.
variable-too-long = { $count ->
    [one] Zu lang: Hier passt höchstens { $count } Zeichen.
   *[other] Zu lang: Hier passen höchstens { $count } Zeichen.
}
variable-line-break = Bitte in einer Zeile und ohne Tabulatoren.
variable-too-many-spaces = Höchstens 4 Leerzeichen hintereinander.
variable-not-url-safe = Dieser Wert wird Teil eines Links: Verwenden Sie nur Buchstaben, Ziffern und - . _ ~
variable-unknown = Die Vorlage hat keine solche Variable.

failure-ongoing-conversation = Der Kunde hat auf diesem Konto bereits eine laufende Unterhaltung
failure-invalid-phone = Die Telefonnummer ist für diesen Kanal ungültig
failure-template-not-found = Alcméon kennt diese Vorlage nicht
failure-missing-variable = Eine Variable der Vorlage fehlte
failure-account-not-found = Alcméon kennt das Absenderkonto nicht
failure-message-refused = Alcméon hat die Nachricht abgelehnt

engagement-sent = Gesendet (Alcméon-Nachricht { $id })
engagement-open-conversation = Laufende Unterhaltung öffnen
engagement-waiting = Sobald der Kunde antwortet, öffnet sich die Unterhaltung hier.
engagement-draft-label = Antwort vorbereiten
engagement-draft-hint = Sie können sie senden, sobald der Kunde geantwortet hat.
announce-conversation-started = { $customer } hat geantwortet: Die Unterhaltung ist geöffnet.

reply-window-closes-minutes = { $count ->
    [one] Das Antwortfenster schließt in { $count } Minute
   *[other] Das Antwortfenster schließt in { $count } Minuten
}
reply-window-closes-seconds = { $count ->
    [one] Das Antwortfenster schließt in { $count } Sekunde
   *[other] Das Antwortfenster schließt in { $count } Sekunden
}
reengage-intro = Das Antwortfenster ist geschlossen. Senden Sie eine Vorlage, um den Kunden erneut zu erreichen.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Kunde
customer-contact = Salesforce-Kontakt:
customer-unlinked = Nicht mit einem Salesforce-Kontakt verknüpft.
customer-unknown = Alcméon hat diesen Kunden noch nicht erkannt.
customer-find = Kontakt suchen
customer-change = Ändern
customer-search-label = Salesforce-Kontakte durchsuchen
customer-search = Suchen
customer-no-results = Kein Kontakt gefunden.
customer-link = Verknüpfen
customer-new-name = Name
customer-new-phone = Telefon
customer-create = Erstellen und verknüpfen
customer-search-failed = Salesforce konnte keine Kontakte suchen: { $reason }
customer-create-failed = Salesforce konnte den Kontakt nicht erstellen: { $reason }
customer-link-failed = Der Kontakt konnte nicht verknüpft werden: { $reason }
customer-others = Weitere Unterhaltungen dieses Kunden
error-no-customer = Alcméon hat diesen Kunden noch nicht erkannt, daher kann er nicht mit einem Kontakt verknüpft werden.
