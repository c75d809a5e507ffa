# The widget's messages in Portuguese (Brazil); the ids are exactly those of locales/en/widget.ftl.
# CLDR puts 0 in Portuguese's "one" category; the [0] variants keep "0 caracteres" plural.

widget-title = Conversa
thread-loading = Carregando a conversa…
thread-fetching = Buscando a conversa no Alcméon…
thread-empty = Ainda não há mensagens nesta conversa.
thread-count = { $count ->
    [0] { $count } mensagens
    [one] { $count } mensagem
   *[other] { $count } mensagens
}
thread-label = Mensagens com { $customer }
message-from-customer = Cliente
message-from-agent = Agente
unknown-time-zone = O fuso horário { $zone } é desconhecido; os horários são exibidos em UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Avaliação no Google
channel-inmessage = Chat na web
channel-other = Redes sociais

conversations-label = Conversas deste caso
conversation-status-open = Aberta
conversation-status-closed = Arquivada
conversation-new-activity = Nova atividade

error-unauthenticated = Sua sessão expirou. Recarregue a página para entrar novamente.
error-forbidden = Você não tem permissão para fazer isso.
error-not-found = Esta conversa ainda não está disponível. Ela aparecerá assim que a Alcméon a enviar.
error-bad-request = A solicitação não é válida.
error-payload-too-large = É grande demais para ser enviado.
error-rate-limited = A Alcméon está ocupada. Tentando novamente em instantes.
error-upstream-unavailable = Não é possível acessar a Alcméon no momento.
error-internal = Ocorreu um erro do nosso lado. Tente novamente em instantes.
error-network = Não é possível acessar o serviço de conversas. Verifique sua conexão.
error-session = O Salesforce não conseguiu abrir uma sessão no serviço de conversas.

thread-count-more = { $count ->
    [0] Nenhuma mensagem carregada, há outras antes
    [one] { $count } mensagem carregada, há outras antes dela
   *[other] { $count } mensagens carregadas, há outras antes delas
}
thread-loading-older = Carregando mensagens anteriores…
thread-beginning = Início da conversa
thread-retry = Tentar novamente
thread-jump-latest = Ir para a mais recente
thread-unread = { $count ->
    [one] { $count } nova mensagem
   *[other] { $count } novas mensagens
}
thread-new-messages = Novas mensagens
day-today = Hoje
day-yesterday = Ontem
day-date = { $date }
delivery-sending = Enviando…
delivery-sent = Enviada
delivery-queued-seconds = { $count ->
    [one] Na fila pelo limite de requisições da Alcméon · cerca de { $count } segundo
   *[other] Na fila pelo limite de requisições da Alcméon · cerca de { $count } segundos
}
delivery-queued-minutes = { $count ->
    [one] Na fila pelo limite de requisições da Alcméon · cerca de { $count } minuto
   *[other] Na fila pelo limite de requisições da Alcméon · cerca de { $count } minutos
}
delivery-failed = Falha: { $reason }

composer-label = Responder a { $customer }
composer-placeholder = Escreva uma resposta…
composer-send = Enviar
composer-hint = Enter envia · Shift+Enter adiciona uma linha
composer-left-chars = { $count ->
    [0] { $count } caracteres restantes
    [one] { $count } caractere restante
   *[other] { $count } caracteres restantes
}
composer-left-bytes = { $count ->
    [0] { $count } bytes restantes
    [one] { $count } byte restante
   *[other] { $count } bytes restantes
}
composer-over-chars = { $count ->
    [one] { $count } caractere a mais
   *[other] { $count } caracteres a mais
}
composer-over-bytes = { $count ->
    [one] { $count } byte a mais
   *[other] { $count } bytes a mais
}
delivery-retry = Tentar novamente
delivery-retry-label = Tentar enviar esta resposta novamente
error-conflict = Esta resposta já foi enviada de outra forma. Recarregue a conversa.

message-from-you = Você

failure-channel-refused = O canal recusou a resposta
failure-empty-message = A Alcméon recusou uma resposta vazia
failure-message-too-long = Longa demais para este canal
failure-insufficient-permissions = Sua conta da Alcméon não pode responder a esta conversa
failure-task-not-found = A Alcméon não tem mais esta conversa
failure-alcmeon-refused = A Alcméon recusou a resposta
failure-alcmeon-unavailable = Não foi possível acessar a Alcméon
failure-rate-limited = A Alcméon recusou a resposta repetidamente devido ao limite de envios
failure-unknown = Não entregue, por um motivo desconhecido
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Você pode ler esta conversa, mas suas permissões do Salesforce não permitem responder.
reply-blocked-closed = Esta conversa está arquivada. Você poderá responder novamente quando o cliente escrever.
reply-blocked-window = A janela de resposta do canal foi encerrada. Você poderá responder novamente quando o cliente escrever.

event-archived = { $author } arquivou a conversa
event-auto-archived = A conversa foi arquivada automaticamente
event-assigned = { $author } atribuiu a conversa a { $to }
event-acquired = { $author } assumiu a conversa
event-released = { $author } liberou a conversa
event-taken-over = { $author } assumiu a conversa de { $from }
event-on-hold = { $author } colocou a conversa em espera
event-tagged = { $author } definiu a etiqueta { $tag } como { $value }
event-marked-vip = { $author } marcou o cliente como VIP
event-unmarked-vip = { $author } removeu a marcação VIP do cliente
event-anonymized = A conversa foi anonimizada ao fim do período de retenção
event-other = { $author } atualizou a conversa

announce-customer-message = Nova mensagem de { $author }: { $text }
announce-agent-reply = { $author } respondeu: { $text }
announce-reply-failed = Não foi possível enviar sua resposta: { $reason }
announce-attachments = { $count ->
    [0] nenhum anexo
    [one] um anexo
   *[other] { $count } anexos
}

attachment-image = Imagem anexada à mensagem
attachment-loading = Carregando o anexo…
attachment-failed = Não foi possível carregar o anexo
attachment-download = Baixar arquivo ({ $size })
attachment-download-typed = Baixar arquivo { $type } ({ $size })
size-bytes = { $count ->
    [0] { $count } bytes
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Conversa

mode-engagement = Contato ativo
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Carregando o contato ativo…
engagement-recipient = Cliente
engagement-phone = Número de telefone
engagement-channel = Canal
engagement-sender = Enviado de
engagement-consent = Consentimento
engagement-unknown = Desconhecido

consent-opted-in = Consentiu em { $date }
consent-opted-in-undated = Consentiu
consent-opted-out = Retirou o consentimento em { $date }
consent-no-opt-in = Sem consentimento
consent-unknown = Não foi possível verificar

engagement-blocked-several-environments = O contato ativo não está disponível aqui: ele exige uma organização do Salesforce conectada a um único ambiente da Alcméon, e esta organização está conectada a vários ({ $count }). Fale com o seu administrador.
engagement-blocked-recipient-missing = Não há número de telefone para onde enviar: nem o contato ativo nem o contato do caso têm um.
engagement-blocked-recipient-malformed = O número de telefone do cliente não está no formato internacional (por exemplo, +33 6 12 34 56 78), por isso nada pode ser enviado.
engagement-blocked-sender-missing = O contato ativo não indica nenhuma conta da Alcméon para o envio.
engagement-blocked-sender-unknown = A conta de envio não é uma das contas pelas quais este ambiente da Alcméon envia modelos.
engagement-blocked-no-opt-in = O cliente não aceitou receber mensagens, por isso nada pode ser enviado.
engagement-blocked-opted-out = O cliente retirou o consentimento em { $date }, por isso nada pode ser enviado.
engagement-blocked-consent-unknown = Não foi possível verificar o consentimento do cliente, por isso nada pode ser enviado. Tente novamente mais tarde.
engagement-blocked-already-sent = A mensagem deste contato ativo já foi enviada.
engagement-blocked-not-permitted = Suas permissões do Salesforce não permitem enviar mensagens.

template-label = Modelo
template-none = Nenhum modelo está disponível para esta conta.
template-variables = Variáveis
template-optional = opcional
template-preview = Pré-visualização
template-preview-pending = A pré-visualização aparece quando todas as variáveis forem válidas.
template-send = Enviar mensagem

variable-missing = Obrigatório
variable-blank = Digite algo além de espaços.
variable-too-long = { $count ->
    [one] Longo demais: cabe no máximo { $count } caractere aqui.
   *[other] Longo demais: cabem no máximo { $count } caracteres aqui.
}
variable-line-break = Mantenha em uma só linha, sem tabulações.
variable-too-many-spaces = Use no máximo 4 espaços seguidos.
variable-not-url-safe = Este valor faz parte de um link: use apenas letras, dígitos e - . _ ~
variable-unknown = O modelo não tem nenhuma variável com esse nome.

failure-ongoing-conversation = O cliente já tem uma conversa em andamento nesta conta
failure-invalid-phone = O número de telefone não é válido para este canal
failure-template-not-found = A Alcméon não conhece este modelo
failure-missing-variable = Faltou uma variável do modelo
failure-account-not-found = A Alcméon não conhece a conta de envio
failure-message-refused = A Alcméon recusou a mensagem

engagement-sent = Enviada (mensagem da Alcméon { $id })
engagement-open-conversation = Abrir a conversa em andamento
engagement-waiting = Quando o cliente responder, a conversa será aberta aqui.
engagement-draft-label = Preparar sua resposta
engagement-draft-hint = Você poderá enviá-la assim que o cliente responder.
announce-conversation-started = { $customer } respondeu: a conversa está aberta.

reply-window-closes-minutes = { $count ->
    [one] A janela de resposta fecha em { $count } minuto
   *[other] A janela de resposta fecha em { $count } minutos
}
reply-window-closes-seconds = { $count ->
    [one] A janela de resposta fecha em { $count } segundo
   *[other] A janela de resposta fecha em { $count } segundos
}
reengage-intro = A janela de resposta foi encerrada. Envie um modelo para contatar o cliente novamente.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Cliente
customer-contact = Contato do Salesforce:
customer-unlinked = Não vinculado a um contato do Salesforce.
customer-unknown = O Alcméon ainda não identificou este cliente.
customer-find = Encontrar um contato
customer-change = Alterar
customer-search-label = Pesquisar contatos do Salesforce
customer-search = Pesquisar
customer-no-results = Nenhum contato corresponde.
customer-link = Vincular
customer-new-name = Nome
customer-new-phone = Telefone
customer-create = Criar e vincular
customer-search-failed = O Salesforce não conseguiu pesquisar contatos: { $reason }
customer-create-failed = O Salesforce não conseguiu criar o contato: { $reason }
customer-link-failed = Não foi possível vincular o contato: { $reason }
customer-others = Outras conversas deste cliente
error-no-customer = O Alcméon ainda não identificou este cliente, então ele não pode ser vinculado a um contato.
