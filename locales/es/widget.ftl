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
