widget-title = Conversation
thread-loading = Chargement de la conversation…
thread-fetching = Récupération de la conversation depuis Alcméon…
thread-empty = Aucun message dans cette conversation pour l’instant.
thread-count = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
thread-label = Messages avec { $customer }
message-from-customer = Client
message-from-agent = Agent
unknown-time-zone = Le fuseau horaire { $zone } est inconnu{"\u202F"}; les heures sont affichées en UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Avis Google
channel-inmessage = Chat web
channel-other = Réseau social

conversations-label = Conversations de cette requête
conversation-status-open = Ouverte
conversation-status-closed = Archivée
conversation-new-activity = Nouvelle activité

error-unauthenticated = Votre session a expiré. Rechargez la page pour vous reconnecter.
error-forbidden = Vous n’avez pas l’autorisation de faire ceci.
error-not-found = Cette conversation n’est pas encore disponible. Elle apparaîtra dès qu’Alcméon l’aura transmise.
error-bad-request = La requête n’est pas valide.
error-payload-too-large = C’est trop volumineux pour être envoyé.
error-rate-limited = Alcméon est occupé. Nouvel essai dans un instant.
error-upstream-unavailable = Alcméon est injoignable pour le moment.
error-internal = Une erreur s’est produite de notre côté. Réessayez dans un instant.
error-network = Le service de conversation est injoignable. Vérifiez votre connexion.
error-session = Salesforce n’a pas pu ouvrir de session pour le service de conversation.

thread-count-more = { $count ->
    [one] { $count } message chargé, d’autres le précèdent
   *[other] { $count } messages chargés, d’autres les précèdent
}
thread-loading-older = Chargement des messages précédents…
thread-beginning = Début de la conversation
thread-retry = Réessayer
thread-jump-latest = Aller au plus récent
thread-unread = { $count ->
    [one] { $count } nouveau message
   *[other] { $count } nouveaux messages
}
thread-new-messages = Nouveaux messages
day-today = Aujourd’hui
day-yesterday = Hier
day-date = { $date }
delivery-sending = Envoi…
delivery-sent = Envoyé
delivery-queued-seconds = { $count ->
    [one] En attente de la limite de débit d’Alcméon · environ { $count } seconde
   *[other] En attente de la limite de débit d’Alcméon · environ { $count } secondes
}
delivery-queued-minutes = { $count ->
    [one] En attente de la limite de débit d’Alcméon · environ { $count } minute
   *[other] En attente de la limite de débit d’Alcméon · environ { $count } minutes
}
delivery-failed = Échec{"\u202F"}: { $reason }

composer-label = Répondre à { $customer }
composer-placeholder = Écrire une réponse…
composer-send = Envoyer
composer-hint = Entrée envoie · Maj+Entrée ajoute une ligne
composer-left-chars = { $count ->
    [one] { $count } caractère restant
   *[other] { $count } caractères restants
}
composer-left-bytes = { $count ->
    [one] { $count } octet restant
   *[other] { $count } octets restants
}
composer-over-chars = { $count ->
    [one] { $count } caractère de trop
   *[other] { $count } caractères de trop
}
composer-over-bytes = { $count ->
    [one] { $count } octet de trop
   *[other] { $count } octets de trop
}
delivery-retry = Réessayer
delivery-retry-label = Renvoyer cette réponse
error-conflict = Cette réponse a déjà été envoyée autrement. Rechargez la conversation.

message-from-you = Vous

failure-channel-refused = Le canal a refusé la réponse
failure-empty-message = Alcméon a refusé une réponse vide
failure-message-too-long = Trop long pour ce canal
failure-insufficient-permissions = Votre compte Alcméon ne peut pas répondre à cette conversation
failure-task-not-found = Alcméon ne connaît plus cette conversation
failure-alcmeon-refused = Alcméon a refusé la réponse
failure-alcmeon-unavailable = Alcméon est injoignable
failure-rate-limited = La limite d’envoi d’Alcméon a bloqué la réponse
failure-unknown = Non remis, pour une raison inconnue
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Vous pouvez lire cette conversation, mais vos autorisations Salesforce ne permettent pas d’y répondre.
reply-blocked-closed = Cette conversation est archivée. Vous pourrez répondre dès que le client écrira de nouveau.
reply-blocked-window = Le délai de réponse du canal est écoulé. Vous pourrez répondre dès que le client écrira de nouveau.

event-archived = { $author } a archivé la conversation
event-auto-archived = La conversation a été archivée automatiquement
event-assigned = { $author } a attribué la conversation à { $to }
event-acquired = { $author } a pris en charge la conversation
event-released = { $author } a libéré la conversation
event-taken-over = { $author } a repris la conversation à { $from }
event-on-hold = { $author } a mis la conversation en attente
event-tagged = { $author } a donné la valeur { $value } à l’étiquette { $tag }
event-marked-vip = { $author } a marqué le client comme VIP
event-unmarked-vip = { $author } a retiré le statut VIP du client
event-anonymized = La conversation a été anonymisée à la fin de sa durée de conservation
event-other = { $author } a modifié la conversation

announce-customer-message = Nouveau message de { $author }{"\u202F"}: { $text }
announce-agent-reply = { $author } a répondu{"\u202F"}: { $text }
announce-reply-failed = Échec de l’envoi de votre réponse{"\u202F"}: { $reason }
announce-attachments = { $count ->
    [0] aucune pièce jointe
    [one] une pièce jointe
   *[other] { $count } pièces jointes
}

attachment-image = Image jointe au message
attachment-loading = Chargement de la pièce jointe…
attachment-failed = Impossible de charger la pièce jointe
attachment-download = Télécharger le fichier ({ $size })
attachment-download-typed = Télécharger le fichier { $type } ({ $size })
size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
size-kb = { $size }{"\u00A0"}Ko
size-mb = { $size }{"\u00A0"}Mo
size-gb = { $size }{"\u00A0"}Go
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Conversation

mode-engagement = Engagement
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Chargement de l’engagement…
engagement-recipient = Client
engagement-phone = Numéro de téléphone
engagement-channel = Canal
engagement-sender = Envoyé depuis
engagement-consent = Consentement
engagement-unknown = Inconnu

consent-opted-in = Consentement donné le { $date }
consent-opted-in-undated = Consentement donné
consent-opted-out = Consentement retiré le { $date }
consent-no-opt-in = Aucun consentement
consent-unknown = Impossible à vérifier

engagement-blocked-several-environments = L’engagement n’est pas disponible ici{"\u202F"}: il nécessite une organisation Salesforce connectée à un seul environnement Alcméon, or celle-ci est connectée à plusieurs ({ $count }). Contactez votre administrateur.
engagement-blocked-recipient-missing = Aucun numéro de téléphone auquel envoyer le message{"\u202F"}: ni l’engagement ni le contact de la requête n’en ont.
engagement-blocked-recipient-malformed = Le numéro de téléphone du client n’est pas au format international (par exemple +33 6 12 34 56 78), aucun message ne peut donc être envoyé.
engagement-blocked-sender-missing = L’engagement n’indique aucun compte Alcméon depuis lequel envoyer.
engagement-blocked-sender-unknown = Le compte d’envoi n’est pas un compte depuis lequel cet environnement Alcméon envoie des modèles.
engagement-blocked-no-opt-in = Le client n’a pas accepté de recevoir des messages, aucun message ne peut donc être envoyé.
engagement-blocked-opted-out = Le client a retiré son consentement le { $date }, aucun message ne peut donc être envoyé.
engagement-blocked-consent-unknown = Le consentement du client n’a pas pu être vérifié, aucun message ne peut donc être envoyé. Réessayez plus tard.
engagement-blocked-already-sent = Le message de cet engagement a déjà été envoyé.
engagement-blocked-not-permitted = Vos autorisations Salesforce ne permettent pas d’envoyer des messages.

template-label = Modèle
template-none = Aucun modèle n’est disponible pour ce compte.
template-variables = Variables
template-optional = facultatif
template-preview = Aperçu
template-preview-pending = L’aperçu s’affiche dès que toutes les variables sont valides.
template-send = Envoyer le message

variable-missing = Obligatoire
variable-blank = Saisissez autre chose que des espaces.
variable-too-long = { $count ->
    [one] Trop long{"\u202F"}: { $count } caractère au maximum ici.
   *[other] Trop long{"\u202F"}: { $count } caractères au maximum ici.
}
variable-line-break = Restez sur une seule ligne, sans tabulation.
variable-too-many-spaces = Pas plus de 4 espaces à la suite.
variable-not-url-safe = Cette valeur entre dans un lien{"\u202F"}: utilisez uniquement des lettres, des chiffres et - . _ ~
variable-unknown = Le modèle n’a pas de variable de ce nom.

failure-ongoing-conversation = Le client a déjà une conversation en cours sur ce compte
failure-invalid-phone = Le numéro de téléphone n’est pas valide pour ce canal
failure-template-not-found = Alcméon ne connaît pas ce modèle
failure-missing-variable = Une variable du modèle manquait
failure-account-not-found = Alcméon ne connaît pas le compte d’envoi
failure-message-refused = Alcméon a refusé le message

engagement-sent = Envoyé (message Alcméon { $id })
engagement-open-conversation = Ouvrir la conversation en cours
engagement-waiting = Quand le client répondra, la conversation s’ouvrira ici.
engagement-draft-label = Préparer votre réponse
engagement-draft-hint = Vous pourrez l’envoyer dès que le client aura répondu.
announce-conversation-started = { $customer } a répondu{"\u202F"}: la conversation est ouverte.

reply-window-closes-minutes = { $count ->
    [one] La fenêtre de réponse se ferme dans { $count } minute
   *[other] La fenêtre de réponse se ferme dans { $count } minutes
}
reply-window-closes-seconds = { $count ->
    [one] La fenêtre de réponse se ferme dans { $count } seconde
   *[other] La fenêtre de réponse se ferme dans { $count } secondes
}
reengage-intro = La fenêtre de réponse est fermée. Envoyez un modèle pour recontacter le client.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Client
customer-contact = Contact Salesforce :
customer-unlinked = Pas lié à un contact Salesforce.
customer-unknown = Alcméon n’a pas encore identifié ce client.
customer-find = Trouver un contact
customer-change = Changer
customer-search-label = Rechercher des contacts Salesforce
customer-search = Rechercher
customer-no-results = Aucun contact ne correspond.
customer-link = Lier
customer-new-name = Nom
customer-new-phone = Téléphone
customer-create = Créer et lier
customer-search-failed = Salesforce n’a pas pu rechercher les contacts : { $reason }
customer-create-failed = Salesforce n’a pas pu créer le contact : { $reason }
customer-link-failed = Le contact n’a pas pu être lié : { $reason }
customer-others = Autres conversations de ce client
error-no-customer = Alcméon n’a pas encore identifié ce client : il ne peut pas être lié à un contact.
