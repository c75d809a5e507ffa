# The widget's messages in Spanish (Spain); the ids are exactly those of locales/en/widget.ftl.

widget-title = Conversación
thread-loading = Cargando la conversación…
thread-fetching = Obteniendo la conversación de Alcméon…
thread-empty = Todavía no hay mensajes en esta conversación.
thread-count = { $count ->
    [one] { $count } mensaje
   *[other] { $count } mensajes
}
thread-label = Mensajes con { $customer }
message-from-customer = Cliente
message-from-agent = Agente
unknown-time-zone = La zona horaria { $zone } es desconocida; las horas se muestran en UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Reseña de Google
channel-inmessage = Chat web
channel-other = Redes sociales

conversations-label = Conversaciones de este caso
conversation-status-open = Abierta
conversation-status-closed = Archivada
conversation-new-activity = Actividad nueva

error-unauthenticated = Su sesión ha caducado. Vuelva a cargar la página para iniciar sesión de nuevo.
error-forbidden = No tiene permiso para hacer esto.
error-not-found = Esta conversación aún no está disponible. Aparecerá en cuanto Alcméon la haya enviado.
error-bad-request = La solicitud no es válida.
error-payload-too-large = Es demasiado grande para enviarlo.
error-rate-limited = Alcméon está ocupado. Se volverá a intentar en breve.
error-upstream-unavailable = No se puede contactar con Alcméon en este momento.
error-internal = Se ha producido un error por nuestra parte. Vuelva a intentarlo en unos instantes.
error-network = No se puede acceder al servicio de conversaciones. Compruebe su conexión.
error-session = Salesforce no ha podido abrir una sesión en el servicio de conversaciones.

thread-count-more = { $count ->
    [one] { $count } mensaje cargado, hay más anteriores
   *[other] { $count } mensajes cargados, hay más anteriores
}
thread-loading-older = Cargando mensajes anteriores…
thread-beginning = Inicio de la conversación
thread-retry = Volver a intentar
thread-jump-latest = Ir al más reciente
thread-unread = { $count ->
    [one] { $count } mensaje nuevo
   *[other] { $count } mensajes nuevos
}
thread-new-messages = Mensajes nuevos
day-today = Hoy
day-yesterday = Ayer
day-date = { $date }
delivery-sending = Enviando…
delivery-sent = Enviado
delivery-queued-seconds = { $count ->
    [one] En cola por el límite de solicitudes de Alcméon · unos { $count } segundo
   *[other] En cola por el límite de solicitudes de Alcméon · unos { $count } segundos
}
delivery-queued-minutes = { $count ->
    [one] En cola por el límite de solicitudes de Alcméon · unos { $count } minuto
   *[other] En cola por el límite de solicitudes de Alcméon · unos { $count } minutos
}
delivery-failed = Error: { $reason }

composer-label = Responder a { $customer }
composer-placeholder = Escriba una respuesta…
composer-send = Enviar
composer-hint = Intro envía · Mayús+Intro añade una línea
composer-left-chars = { $count ->
    [one] Queda { $count } carácter
   *[other] Quedan { $count } caracteres
}
composer-left-bytes = { $count ->
    [one] Queda { $count } byte
   *[other] Quedan { $count } bytes
}
composer-over-chars = { $count ->
    [one] { $count } carácter de más
   *[other] { $count } caracteres de más
}
composer-over-bytes = { $count ->
    [one] { $count } byte de más
   *[other] { $count } bytes de más
}
delivery-retry = Reintentar
delivery-retry-label = Volver a enviar esta respuesta
error-conflict = Esta respuesta ya se ha enviado de otra forma. Vuelva a cargar la conversación.

message-from-you = Usted

failure-channel-refused = El canal ha rechazado la respuesta
failure-empty-message = Alcméon ha rechazado una respuesta vacía
failure-message-too-long = Demasiado largo para este canal
failure-insufficient-permissions = Su cuenta de Alcméon no puede responder a esta conversación
failure-task-not-found = Alcméon ya no tiene esta conversación
failure-alcmeon-refused = Alcméon ha rechazado la respuesta
failure-alcmeon-unavailable = No se ha podido contactar con Alcméon
failure-rate-limited = Alcméon ha rechazado la respuesta repetidamente por su límite de envíos
failure-unknown = No entregado, por un motivo desconocido
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Puede leer esta conversación, pero sus permisos de Salesforce no le permiten responder.
reply-blocked-closed = Esta conversación está archivada. Podrá volver a responder cuando el cliente escriba.
reply-blocked-window = El plazo de respuesta del canal ha finalizado. Podrá volver a responder cuando el cliente escriba.

event-archived = { $author } ha archivado la conversación
event-auto-archived = La conversación se ha archivado automáticamente
event-assigned = { $author } ha asignado la conversación a { $to }
event-acquired = { $author } ha tomado la conversación
event-released = { $author } ha liberado la conversación
event-taken-over = { $author } ha tomado la conversación de { $from }
event-on-hold = { $author } ha puesto la conversación en espera
event-tagged = { $author } ha establecido la etiqueta { $tag } en { $value }
event-marked-vip = { $author } ha marcado al cliente como VIP
event-unmarked-vip = { $author } ha quitado la marca VIP del cliente
event-anonymized = La conversación se ha anonimizado al final de su periodo de conservación
event-other = { $author } ha actualizado la conversación

announce-customer-message = Nuevo mensaje de { $author }: { $text }
announce-agent-reply = { $author } ha respondido: { $text }
announce-reply-failed = Su respuesta no se ha enviado: { $reason }
announce-attachments = { $count ->
    [one] un archivo adjunto
   *[other] { $count } archivos adjuntos
}

attachment-image = Imagen adjunta al mensaje
attachment-loading = Cargando el archivo adjunto…
attachment-failed = No se ha podido cargar el archivo adjunto
attachment-download = Descargar archivo ({ $size })
attachment-download-typed = Descargar archivo { $type } ({ $size })
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Conversación

mode-engagement = Contacto proactivo
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Cargando el contacto proactivo…
engagement-recipient = Cliente
engagement-phone = Número de teléfono
engagement-channel = Canal
engagement-sender = Enviado desde
engagement-consent = Consentimiento
engagement-unknown = Desconocido

consent-opted-in = Consentimiento dado el { $date }
consent-opted-in-undated = Consentimiento dado
consent-opted-out = Consentimiento retirado el { $date }
consent-no-opt-in = Sin consentimiento
consent-unknown = No se ha podido comprobar

engagement-blocked-several-environments = El contacto proactivo no está disponible aquí: requiere una organización de Salesforce conectada a un único entorno de Alcméon, y esta organización está conectada a varios ({ $count }). Consulte con su administrador.
engagement-blocked-recipient-missing = No hay ningún número de teléfono al que enviar el mensaje: ni el contacto proactivo ni el contacto del caso tienen uno.
engagement-blocked-recipient-malformed = El número de teléfono del cliente no está en formato internacional (por ejemplo, +33 6 12 34 56 78), así que no se puede enviar nada.
engagement-blocked-sender-missing = El contacto proactivo no indica ninguna cuenta de Alcméon desde la que enviar.
engagement-blocked-sender-unknown = La cuenta de envío no es una de las cuentas desde las que este entorno de Alcméon envía plantillas.
engagement-blocked-no-opt-in = El cliente no ha aceptado recibir mensajes, así que no se puede enviar nada.
engagement-blocked-opted-out = El cliente retiró su consentimiento el { $date }, así que no se puede enviar nada.
engagement-blocked-consent-unknown = No se ha podido comprobar el consentimiento del cliente, así que no se puede enviar nada. Inténtelo de nuevo más tarde.
engagement-blocked-already-sent = El mensaje de este contacto proactivo ya se ha enviado.
engagement-blocked-not-permitted = Sus permisos de Salesforce no le permiten enviar mensajes.

template-label = Plantilla
template-none = No hay ninguna plantilla disponible para esta cuenta.
template-variables = Variables
template-optional = opcional
template-preview = Vista previa
template-preview-pending = La vista previa aparecerá cuando todas las variables sean válidas.
template-send = Enviar mensaje

variable-missing = Obligatorio
variable-blank = Escriba algo más que espacios.
variable-too-long = { $count ->
    [one] Demasiado largo: aquí cabe como máximo { $count } carácter.
   *[other] Demasiado largo: aquí caben como máximo { $count } caracteres.
}
variable-line-break = Escríbalo en una sola línea, sin tabulaciones.
variable-too-many-spaces = No use más de 4 espacios seguidos.
variable-not-url-safe = Este valor forma parte de un enlace: use solo letras, dígitos y - . _ ~
variable-unknown = La plantilla no tiene ninguna variable con ese nombre.

failure-ongoing-conversation = El cliente ya tiene una conversación en curso en esta cuenta
failure-invalid-phone = El número de teléfono no es válido para este canal
failure-template-not-found = Alcméon no conoce esta plantilla
failure-missing-variable = Faltaba una variable de la plantilla
failure-account-not-found = Alcméon no conoce la cuenta de envío
failure-message-refused = Alcméon ha rechazado el mensaje

engagement-sent = Enviado (mensaje de Alcméon { $id })
engagement-open-conversation = Abrir la conversación en curso
engagement-waiting = Cuando el cliente responda, la conversación se abrirá aquí.
engagement-draft-label = Preparar su respuesta
engagement-draft-hint = Podrá enviarla en cuanto el cliente responda.
announce-conversation-started = { $customer } ha respondido: la conversación está abierta.

reply-window-closes-minutes = { $count ->
    [one] El plazo de respuesta finaliza en { $count } minuto
   *[other] El plazo de respuesta finaliza en { $count } minutos
}
reply-window-closes-seconds = { $count ->
    [one] El plazo de respuesta finaliza en { $count } segundo
   *[other] El plazo de respuesta finaliza en { $count } segundos
}
reengage-intro = El plazo de respuesta ha finalizado. Envíe una plantilla para volver a contactar con el cliente.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Cliente
customer-contact = Contacto de Salesforce:
customer-unlinked = No vinculado a un contacto de Salesforce.
customer-unknown = Alcméon aún no ha identificado a este cliente.
customer-find = Buscar un contacto
customer-change = Cambiar
customer-search-label = Buscar contactos de Salesforce
customer-search = Buscar
customer-no-results = Ningún contacto coincide.
customer-link = Vincular
customer-new-name = Nombre
customer-new-phone = Teléfono
customer-create = Crear y vincular
customer-search-failed = Salesforce no pudo buscar contactos: { $reason }
customer-create-failed = Salesforce no pudo crear el contacto: { $reason }
customer-link-failed = No se pudo vincular el contacto: { $reason }
customer-others = Otras conversaciones de este cliente
error-no-customer = Alcméon aún no ha identificado a este cliente, así que no se puede vincular a un contacto.
