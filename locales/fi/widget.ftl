# The widget's messages in Finnish; the ids are exactly those of locales/en/widget.ftl.

widget-title = Keskustelu
thread-loading = Ladataan keskustelua…
thread-fetching = Haetaan keskustelua Alcméonista…
thread-empty = Tässä keskustelussa ei ole vielä viestejä.
thread-count = { $count ->
    [one] { $count } viesti
   *[other] { $count } viestiä
}
thread-label = Viestit asiakkaan { $customer } kanssa
message-from-customer = Asiakas
message-from-agent = Asiakaspalvelija
unknown-time-zone = Aikavyöhyke { $zone } on tuntematon; ajat näytetään UTC-aikana.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google-arvostelu
channel-inmessage = Verkkochat
channel-other = Sosiaalinen media

conversations-label = Tämän tapauksen keskustelut
conversation-status-open = Avoin
conversation-status-closed = Arkistoitu
conversation-new-activity = Uutta toimintaa

error-unauthenticated = Istuntosi on vanhentunut. Lataa sivu uudelleen kirjautuaksesi sisään.
error-forbidden = Sinulla ei ole oikeutta tehdä tätä.
error-not-found = Tämä keskustelu ei ole vielä saatavilla. Se tulee näkyviin, kun Alcméon on lähettänyt sen.
error-bad-request = Pyyntö ei ollut kelvollinen.
error-payload-too-large = Tämä on liian suuri lähetettäväksi.
error-rate-limited = Alcméon on varattu. Yritetään pian uudelleen.
error-upstream-unavailable = Alcméoniin ei saada juuri nyt yhteyttä.
error-internal = Meillä tapahtui virhe. Yritä hetken kuluttua uudelleen.
error-network = Keskustelupalveluun ei saada yhteyttä. Tarkista yhteytesi.
error-session = Salesforce ei voinut avata istuntoa keskustelupalveluun.

thread-count-more = { $count ->
    [one] { $count } viesti ladattu, aiempia on lisää
   *[other] { $count } viestiä ladattu, aiempia on lisää
}
thread-loading-older = Ladataan aiempia viestejä…
thread-beginning = Keskustelun alku
thread-retry = Yritä uudelleen
thread-jump-latest = Siirry uusimpaan
thread-unread = { $count ->
    [one] { $count } uusi viesti
   *[other] { $count } uutta viestiä
}
thread-new-messages = Uudet viestit
day-today = Tänään
day-yesterday = Eilen
day-date = { $date }
delivery-sending = Lähetetään…
delivery-sent = Lähetetty
delivery-failed = Epäonnistui: { $reason }

composer-label = Vastaa: { $customer }
composer-placeholder = Kirjoita vastaus…
composer-send = Lähetä
composer-hint = Enter lähettää · Vaihto+Enter lisää rivin
composer-left-chars = { $count ->
    [one] { $count } merkki jäljellä
   *[other] { $count } merkkiä jäljellä
}
composer-left-bytes = { $count ->
    [one] { $count } tavu jäljellä
   *[other] { $count } tavua jäljellä
}
composer-over-chars = { $count ->
    [one] { $count } merkki liikaa
   *[other] { $count } merkkiä liikaa
}
composer-over-bytes = { $count ->
    [one] { $count } tavu liikaa
   *[other] { $count } tavua liikaa
}
delivery-retry = Yritä uudelleen
delivery-retry-label = Yritä lähettää tämä vastaus uudelleen
error-conflict = Tämä vastaus on jo lähetetty toisella tavalla. Lataa keskustelu uudelleen.

message-from-you = Sinä

failure-channel-refused = Kanava hylkäsi vastauksen
failure-empty-message = Alcméon hylkäsi tyhjän vastauksen
failure-message-too-long = Liian pitkä tälle kanavalle
failure-insufficient-permissions = Alcméon-tililläsi ei ole oikeutta vastata tähän keskusteluun
failure-task-not-found = Alcméonilla ei ole enää tätä keskustelua
failure-alcmeon-refused = Alcméon hylkäsi vastauksen
failure-alcmeon-unavailable = Alcméoniin ei saatu yhteyttä
failure-rate-limited = Alcméon hylkäsi vastauksen toistuvasti lähetysrajan vuoksi
failure-unknown = Ei toimitettu, syy tuntematon
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Voit lukea tämän keskustelun, mutta Salesforce-käyttöoikeutesi eivät salli vastaamista.
reply-blocked-closed = Tämä keskustelu on arkistoitu. Voit vastata taas, kun asiakas kirjoittaa.
reply-blocked-window = Kanavan vastausaika on umpeutunut. Voit vastata taas, kun asiakas kirjoittaa.

event-archived = { $author } arkistoi keskustelun
event-auto-archived = Keskustelu arkistoitiin automaattisesti
event-assigned = { $author } määritti keskustelun käyttäjälle { $to }
event-acquired = { $author } otti keskustelun hoitaakseen
event-released = { $author } vapautti keskustelun
event-taken-over = { $author } siirsi keskustelun itselleen käyttäjältä { $from }
event-on-hold = { $author } asetti keskustelun pitoon
event-tagged = { $author } asetti tunnisteen { $tag } arvoksi { $value }
event-marked-vip = { $author } merkitsi asiakkaan VIP-asiakkaaksi
event-unmarked-vip = { $author } poisti asiakkaan VIP-merkinnän
event-anonymized = Keskustelu anonymisoitiin säilytysajan päätyttyä
event-other = { $author } päivitti keskustelua

announce-customer-message = Uusi viesti lähettäjältä { $author }: { $text }
announce-agent-reply = { $author } vastasi: { $text }
announce-reply-failed = Vastauksesi lähetys epäonnistui: { $reason }
announce-attachments = { $count ->
    [one] yksi liite
   *[other] { $count } liitettä
}

attachment-image = Viestin liitekuva
attachment-loading = Ladataan liitettä…
attachment-failed = Liitettä ei voitu ladata
attachment-download = Lataa tiedosto ({ $size })
attachment-download-typed = Lataa { $type }-tiedosto ({ $size })
size-bytes = { $count ->
    [one] { $count } tavu
   *[other] { $count } tavua
}
size-kb = { $size }{"\u00A0"}kt
size-mb = { $size }{"\u00A0"}Mt
size-gb = { $size }{"\u00A0"}Gt
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Keskustelu
