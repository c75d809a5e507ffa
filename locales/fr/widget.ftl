widget-title = Conversation
thread-loading = Chargement de la conversation…
thread-empty = Aucun message dans cette conversation pour l’instant.
thread-count = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
thread-label = Messages avec { $customer }
message-from-customer = Client
message-from-agent = Agent
unknown-time-zone = Le fuseau horaire { $zone } est inconnu ; les heures sont affichées en UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Avis Google
channel-inmessage = Chat web
channel-other = Réseau social

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
delivery-failed = Échec : { $reason }

composer-label = Répondre à { $customer }
composer-placeholder = Écrire une réponse…
composer-send = Envoyer
composer-hint = Entrée envoie · Maj+Entrée ajoute une ligne
composer-read-only = Vous pouvez lire cette conversation, mais vos autorisations Salesforce ne permettent pas d’y répondre.
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
