# The widget's messages in Italian; the ids are exactly those of locales/en/widget.ftl.

widget-title = Conversazione
thread-loading = Caricamento della conversazione…
thread-fetching = Recupero della conversazione da Alcméon…
thread-empty = Non ci sono ancora messaggi in questa conversazione.
thread-count = { $count ->
    [one] { $count } messaggio
   *[other] { $count } messaggi
}
thread-label = Messaggi con { $customer }
message-from-customer = Cliente
message-from-agent = Agente
unknown-time-zone = Il fuso orario { $zone } è sconosciuto; gli orari sono indicati in UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Recensione Google
channel-inmessage = Chat web
channel-other = Social media

conversations-label = Conversazioni di questo caso
conversation-status-open = Aperta
conversation-status-closed = Archiviata
conversation-new-activity = Nuova attività

error-unauthenticated = La sessione è scaduta. Ricarica la pagina per accedere di nuovo.
error-forbidden = Non disponi dell'autorizzazione per eseguire questa operazione.
error-not-found = Questa conversazione non è ancora disponibile. Comparirà non appena Alcméon l'avrà inviata.
error-bad-request = La richiesta non è valida.
error-payload-too-large = È troppo grande per essere inviato.
error-rate-limited = Alcméon è occupato. Nuovo tentativo a breve.
error-upstream-unavailable = Alcméon non è raggiungibile al momento.
error-internal = Si è verificato un errore da parte nostra. Riprova tra un momento.
error-network = Il servizio di conversazione non è raggiungibile. Controlla la connessione.
error-session = Salesforce non è riuscito ad aprire una sessione per il servizio di conversazione.

thread-count-more = { $count ->
    [one] { $count } messaggio caricato, ce ne sono altri precedenti
   *[other] { $count } messaggi caricati, ce ne sono altri precedenti
}
thread-loading-older = Caricamento dei messaggi precedenti…
thread-beginning = Inizio della conversazione
thread-retry = Riprova
thread-jump-latest = Vai al più recente
thread-unread = { $count ->
    [one] { $count } nuovo messaggio
   *[other] { $count } nuovi messaggi
}
thread-new-messages = Nuovi messaggi
day-today = Oggi
day-yesterday = Ieri
day-date = { $date }
delivery-sending = Invio in corso…
delivery-sent = Inviato
delivery-queued-seconds = { $count ->
    [one] In coda per il limite di richieste di Alcméon · circa { $count } secondo
   *[other] In coda per il limite di richieste di Alcméon · circa { $count } secondi
}
delivery-queued-minutes = { $count ->
    [one] In coda per il limite di richieste di Alcméon · circa { $count } minuto
   *[other] In coda per il limite di richieste di Alcméon · circa { $count } minuti
}
delivery-failed = Non riuscito: { $reason }

composer-label = Rispondi a { $customer }
composer-placeholder = Scrivi una risposta…
composer-send = Invia
composer-hint = Invio per inviare · Maiusc+Invio per andare a capo
composer-left-chars = { $count ->
    [one] { $count } carattere rimanente
   *[other] { $count } caratteri rimanenti
}
composer-left-bytes = { $count ->
    [one] { $count } byte rimanente
   *[other] { $count } byte rimanenti
}
composer-over-chars = { $count ->
    [one] { $count } carattere di troppo
   *[other] { $count } caratteri di troppo
}
composer-over-bytes = { $count ->
    [one] { $count } byte di troppo
   *[other] { $count } byte di troppo
}
delivery-retry = Riprova
delivery-retry-label = Riprova a inviare questa risposta
error-conflict = Questa risposta è già stata inviata in un altro modo. Ricarica la conversazione.

message-from-you = Tu

failure-channel-refused = Il canale ha rifiutato la risposta
failure-empty-message = Alcméon ha rifiutato una risposta vuota
failure-message-too-long = Troppo lungo per questo canale
failure-insufficient-permissions = Il tuo account Alcméon non può rispondere a questa conversazione
failure-task-not-found = Alcméon non ha più questa conversazione
failure-alcmeon-refused = Alcméon ha rifiutato la risposta
failure-alcmeon-unavailable = Alcméon non era raggiungibile
failure-rate-limited = Alcméon ha rifiutato ripetutamente la risposta per il limite di invio
failure-unknown = Non recapitato, per un motivo sconosciuto
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Puoi leggere questa conversazione, ma le tue autorizzazioni Salesforce non ti consentono di rispondere.
reply-blocked-closed = Questa conversazione è archiviata. Potrai rispondere di nuovo quando il cliente scriverà.
reply-blocked-window = La finestra di risposta del canale è chiusa. Potrai rispondere di nuovo quando il cliente scriverà.

event-archived = { $author } ha archiviato la conversazione
event-auto-archived = La conversazione è stata archiviata automaticamente
event-assigned = { $author } ha assegnato la conversazione a { $to }
event-acquired = { $author } ha preso in carico la conversazione
event-released = { $author } ha rilasciato la conversazione
event-taken-over = { $author } ha rilevato la conversazione da { $from }
event-on-hold = { $author } ha messo in attesa la conversazione
event-tagged = { $author } ha impostato il tag { $tag } su { $value }
event-marked-vip = { $author } ha contrassegnato il cliente come VIP
event-unmarked-vip = { $author } ha rimosso il contrassegno VIP del cliente
event-anonymized = La conversazione è stata resa anonima al termine del periodo di conservazione
event-other = { $author } ha aggiornato la conversazione

announce-customer-message = Nuovo messaggio da { $author }: { $text }
announce-agent-reply = { $author } ha risposto: { $text }
announce-reply-failed = Impossibile inviare la risposta: { $reason }
announce-attachments = { $count ->
    [one] un allegato
   *[other] { $count } allegati
}

attachment-image = Immagine allegata al messaggio
attachment-loading = Caricamento dell'allegato…
attachment-failed = Impossibile caricare l'allegato
attachment-download = Scarica file ({ $size })
attachment-download-typed = Scarica file { $type } ({ $size })
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } byte
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Conversazione

mode-engagement = Contatto proattivo
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Caricamento del contatto proattivo…
engagement-recipient = Cliente
engagement-phone = Numero di telefono
engagement-channel = Canale
engagement-sender = Inviato da
engagement-consent = Consenso
engagement-unknown = Sconosciuto

consent-opted-in = Consenso dato il { $date }
consent-opted-in-undated = Consenso dato
consent-opted-out = Consenso revocato il { $date }
consent-no-opt-in = Nessun consenso
consent-unknown = Impossibile da verificare

engagement-blocked-several-environments = Il contatto proattivo non è disponibile qui: richiede un'organizzazione Salesforce collegata a un solo ambiente Alcméon, mentre questa organizzazione è collegata a più ambienti ({ $count }). Rivolgiti al tuo amministratore.
engagement-blocked-recipient-missing = Non c'è alcun numero di telefono a cui inviare il messaggio: né il contatto proattivo né il contatto del caso ne hanno uno.
engagement-blocked-recipient-malformed = Il numero di telefono del cliente non è in formato internazionale (ad esempio +33 6 12 34 56 78), quindi non è possibile inviare nulla.
engagement-blocked-sender-missing = Il contatto proattivo non indica alcun account Alcméon da cui inviare.
engagement-blocked-sender-unknown = L'account mittente non è tra quelli da cui questo ambiente Alcméon invia modelli.
engagement-blocked-no-opt-in = Il cliente non ha accettato di ricevere messaggi, quindi non è possibile inviare nulla.
engagement-blocked-opted-out = Il cliente ha revocato il consenso il { $date }, quindi non è possibile inviare nulla.
engagement-blocked-consent-unknown = Non è stato possibile verificare il consenso del cliente, quindi non è possibile inviare nulla. Riprova più tardi.
engagement-blocked-already-sent = Il messaggio di questo contatto proattivo è già stato inviato.
engagement-blocked-not-permitted = Le tue autorizzazioni Salesforce non consentono di inviare messaggi.

template-label = Modello
template-none = Nessun modello disponibile per questo account.
template-variables = Variabili
template-optional = facoltativa
template-preview = Anteprima
template-preview-pending = L'anteprima compare quando tutte le variabili sono valide.
template-send = Invia messaggio

variable-missing = Obbligatorio
variable-blank = Inserisci qualcosa oltre agli spazi.
variable-too-long = { $count ->
    [one] Troppo lungo: qui entra al massimo { $count } carattere.
   *[other] Troppo lungo: qui entrano al massimo { $count } caratteri.
}
variable-line-break = Scrivi tutto su una riga, senza tabulazioni.
variable-too-many-spaces = Non più di 4 spazi di seguito.
variable-not-url-safe = Questo valore entra in un link: usa solo lettere, cifre e - . _ ~
variable-unknown = Il modello non ha una variabile con questo nome.

failure-ongoing-conversation = Il cliente ha già una conversazione in corso su questo account
failure-invalid-phone = Il numero di telefono non è valido per questo canale
failure-template-not-found = Alcméon non conosce questo modello
failure-missing-variable = Mancava una variabile del modello
failure-account-not-found = Alcméon non conosce l'account mittente
failure-message-refused = Alcméon ha rifiutato il messaggio

engagement-sent = Inviato (messaggio Alcméon { $id })
engagement-open-conversation = Apri la conversazione in corso
engagement-waiting = Quando il cliente risponderà, la conversazione si aprirà qui.
engagement-draft-label = Prepara la risposta
engagement-draft-hint = Potrai inviarla non appena il cliente avrà risposto.
announce-conversation-started = { $customer } ha risposto: la conversazione è aperta.

reply-window-closes-minutes = { $count ->
    [one] La finestra di risposta si chiude tra { $count } minuto
   *[other] La finestra di risposta si chiude tra { $count } minuti
}
reply-window-closes-seconds = { $count ->
    [one] La finestra di risposta si chiude tra { $count } secondo
   *[other] La finestra di risposta si chiude tra { $count } secondi
}
reengage-intro = La finestra di risposta è chiusa. Invia un modello per ricontattare il cliente.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Cliente
customer-contact = Contatto Salesforce:
customer-unlinked = Non collegato a un contatto Salesforce.
customer-unknown = Alcméon non ha ancora identificato questo cliente.
customer-find = Trova un contatto
customer-change = Cambia
customer-search-label = Cerca contatti Salesforce
customer-search = Cerca
customer-no-results = Nessun contatto corrisponde.
customer-link = Collega
customer-new-name = Nome
customer-new-phone = Telefono
customer-create = Crea e collega
customer-search-failed = Salesforce non ha potuto cercare i contatti: { $reason }
customer-create-failed = Salesforce non ha potuto creare il contatto: { $reason }
customer-link-failed = Impossibile collegare il contatto: { $reason }
customer-others = Altre conversazioni di questo cliente
error-no-customer = Alcméon non ha ancora identificato questo cliente, quindi non può essere collegato a un contatto.
