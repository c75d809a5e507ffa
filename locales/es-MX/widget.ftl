# The widget's messages in Spanish (Mexico); the ids are exactly those of locales/en/widget.ftl.

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

error-unauthenticated = Su sesión expiró. Vuelva a cargar la página para iniciar sesión de nuevo.
error-forbidden = No tiene permiso para hacer esto.
error-not-found = Esta conversación aún no está disponible. Aparecerá en cuanto Alcméon la envíe.
error-bad-request = La solicitud no es válida.
error-payload-too-large = Es demasiado grande para enviarlo.
error-rate-limited = Alcméon está ocupado. Se volverá a intentar en un momento.
error-upstream-unavailable = No es posible comunicarse con Alcméon en este momento.
error-internal = Ocurrió un error de nuestra parte. Vuelva a intentarlo en un momento.
error-network = No es posible acceder al servicio de conversaciones. Verifique su conexión.
error-session = Salesforce no pudo abrir una sesión en el servicio de conversaciones.

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
composer-hint = Enter envía · Mayús+Enter agrega una línea
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
error-conflict = Esta respuesta ya se envió de otra forma. Vuelva a cargar la conversación.

message-from-you = Usted

failure-channel-refused = El canal rechazó la respuesta
failure-empty-message = Alcméon rechazó una respuesta vacía
failure-message-too-long = Demasiado largo para este canal
failure-insufficient-permissions = Su cuenta de Alcméon no puede responder esta conversación
failure-task-not-found = Alcméon ya no tiene esta conversación
failure-alcmeon-refused = Alcméon rechazó la respuesta
failure-alcmeon-unavailable = No fue posible comunicarse con Alcméon
failure-rate-limited = Alcméon rechazó la respuesta repetidamente por su límite de envíos
failure-unknown = No entregado, por un motivo desconocido
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Puede leer esta conversación, pero sus permisos de Salesforce no le permiten responder.
reply-blocked-closed = Esta conversación está archivada. Podrá volver a responder cuando el cliente escriba.
reply-blocked-window = La ventana de respuesta del canal se cerró. Podrá volver a responder cuando el cliente escriba.

event-archived = { $author } archivó la conversación
event-auto-archived = La conversación se archivó automáticamente
event-assigned = { $author } asignó la conversación a { $to }
event-acquired = { $author } tomó la conversación
event-released = { $author } liberó la conversación
event-taken-over = { $author } tomó la conversación de { $from }
event-on-hold = { $author } puso la conversación en espera
event-tagged = { $author } estableció la etiqueta { $tag } en { $value }
event-marked-vip = { $author } marcó al cliente como VIP
event-unmarked-vip = { $author } quitó la marca VIP del cliente
event-anonymized = La conversación se anonimizó al final de su periodo de retención
event-other = { $author } actualizó la conversación

announce-customer-message = Nuevo mensaje de { $author }: { $text }
announce-agent-reply = { $author } respondió: { $text }
announce-reply-failed = Su respuesta no se envió: { $reason }
announce-attachments = { $count ->
    [one] un archivo adjunto
   *[other] { $count } archivos adjuntos
}

attachment-image = Imagen adjunta al mensaje
attachment-loading = Cargando el archivo adjunto…
attachment-failed = No se pudo cargar el archivo adjunto
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

consent-opted-in = Dio su consentimiento el { $date }
consent-opted-in-undated = Dio su consentimiento
consent-opted-out = Retiró su consentimiento el { $date }
consent-no-opt-in = Sin consentimiento
consent-unknown = No se pudo verificar

engagement-blocked-several-environments = El contacto proactivo no está disponible aquí: requiere una organización de Salesforce conectada a un solo entorno de Alcméon, y esta organización está conectada a varios ({ $count }). Consulte a su administrador.
engagement-blocked-recipient-missing = No hay ningún número de teléfono al cual enviar el mensaje: ni el contacto proactivo ni el contacto del caso tienen uno.
engagement-blocked-recipient-malformed = El número de teléfono del cliente no está en formato internacional (por ejemplo, +33 6 12 34 56 78), por lo que no se puede enviar nada.
engagement-blocked-sender-missing = El contacto proactivo no indica ninguna cuenta de Alcméon desde la cual enviar.
engagement-blocked-sender-unknown = La cuenta de envío no es una de las cuentas desde las que este entorno de Alcméon envía plantillas.
engagement-blocked-no-opt-in = El cliente no aceptó recibir mensajes, por lo que no se puede enviar nada.
engagement-blocked-opted-out = El cliente retiró su consentimiento el { $date }, por lo que no se puede enviar nada.
engagement-blocked-consent-unknown = No se pudo verificar el consentimiento del cliente, por lo que no se puede enviar nada. Vuelva a intentarlo más tarde.
engagement-blocked-already-sent = El mensaje de este contacto proactivo ya se envió.
engagement-blocked-not-permitted = Sus permisos de Salesforce no le permiten enviar mensajes.

template-label = Plantilla
template-none = No hay ninguna plantilla disponible para esta cuenta.
template-variables = Variables
template-optional = opcional
template-preview = Vista previa
template-preview-pending = La vista previa aparece cuando todas las variables son válidas.
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
failure-template-not-found = Alcméon no reconoce esta plantilla
failure-missing-variable = Faltó una variable de la plantilla
failure-account-not-found = Alcméon no reconoce la cuenta de envío
failure-message-refused = Alcméon rechazó el mensaje

engagement-sent = Enviado (mensaje de Alcméon { $id })
engagement-open-conversation = Abrir la conversación en curso
engagement-waiting = Cuando el cliente responda, la conversación se abrirá aquí.
engagement-draft-label = Preparar su respuesta
engagement-draft-hint = Podrá enviarla en cuanto el cliente responda.
announce-conversation-started = { $customer } respondió: la conversación está abierta.

reply-window-closes-minutes = { $count ->
    [one] La ventana de respuesta se cierra en { $count } minuto
   *[other] La ventana de respuesta se cierra en { $count } minutos
}
reply-window-closes-seconds = { $count ->
    [one] La ventana de respuesta se cierra en { $count } segundo
   *[other] La ventana de respuesta se cierra en { $count } segundos
}
reengage-intro = La ventana de respuesta se cerró. Envíe una plantilla para volver a contactar al cliente.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Cliente
customer-contact = Contacto de Salesforce:
customer-unlinked = No vinculado a un contacto de Salesforce.
customer-unknown = Alcméon todavía no identifica a este cliente.
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
error-no-customer = Alcméon todavía no identifica a este cliente, así que no se puede vincular a un contacto.
