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
