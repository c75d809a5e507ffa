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
delivery-queued-seconds = { $count ->
    [one] Jonossa Alcméonin pyyntörajoituksen vuoksi · noin { $count } sekunti
   *[other] Jonossa Alcméonin pyyntörajoituksen vuoksi · noin { $count } sekuntia
}
delivery-queued-minutes = { $count ->
    [one] Jonossa Alcméonin pyyntörajoituksen vuoksi · noin { $count } minuutti
   *[other] Jonossa Alcméonin pyyntörajoituksen vuoksi · noin { $count } minuuttia
}
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

mode-engagement = Yhteydenotto
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Ladataan yhteydenottoa…
engagement-recipient = Asiakas
engagement-phone = Puhelinnumero
engagement-channel = Kanava
engagement-sender = Lähettäjätili
engagement-consent = Suostumus
engagement-unknown = Tuntematon

consent-opted-in = Suostumus annettu { $date }
consent-opted-in-undated = Suostumus annettu
consent-opted-out = Suostumus peruttu { $date }
consent-no-opt-in = Ei suostumusta
consent-unknown = Ei voitu tarkistaa

engagement-blocked-several-environments = Yhteydenotto ei ole käytettävissä täällä: se edellyttää Salesforce-organisaatiota, joka on yhdistetty vain yhteen Alcméon-ympäristöön, mutta tämä organisaatio on yhdistetty useampaan ({ $count }). Ota yhteyttä järjestelmänvalvojaan.
engagement-blocked-recipient-missing = Lähetykselle ei ole puhelinnumeroa: sitä ei ole yhteydenotossa eikä tapauksen yhteyshenkilöllä.
engagement-blocked-recipient-malformed = Asiakkaan puhelinnumero ei ole kansainvälisessä muodossa (esimerkiksi +33 6 12 34 56 78), joten mitään ei voi lähettää.
engagement-blocked-sender-missing = Yhteydenotossa ei ole Alcméon-tiliä, josta viesti lähetettäisiin.
engagement-blocked-sender-unknown = Lähettäjätili ei ole tili, josta tämä Alcméon-ympäristö lähettää viestipohjia.
engagement-blocked-no-opt-in = Asiakas ei ole suostunut vastaanottamaan viestejä, joten mitään ei voi lähettää.
engagement-blocked-opted-out = Asiakas perui suostumuksensa { $date }, joten mitään ei voi lähettää.
engagement-blocked-consent-unknown = Asiakkaan suostumusta ei voitu tarkistaa, joten mitään ei voi lähettää. Yritä myöhemmin uudelleen.
engagement-blocked-already-sent = Tämän yhteydenoton viesti on jo lähetetty.
engagement-blocked-not-permitted = Salesforce-käyttöoikeutesi eivät salli viestien lähettämistä.

template-label = Viestipohja
template-none = Tälle tilille ei ole käytettävissä viestipohjia.
template-variables = Muuttujat
template-optional = valinnainen
template-preview = Esikatselu
template-preview-pending = Esikatselu näkyy, kun kaikki muuttujat ovat kelvollisia.
template-send = Lähetä viesti

variable-missing = Pakollinen
variable-blank = Kirjoita muutakin kuin välilyöntejä.
variable-too-long = { $count ->
    [one] Liian pitkä: tähän mahtuu enintään { $count } merkki.
   *[other] Liian pitkä: tähän mahtuu enintään { $count } merkkiä.
}
variable-line-break = Kirjoita yhdelle riville ilman sarkaimia.
variable-too-many-spaces = Enintään 4 välilyöntiä peräkkäin.
variable-not-url-safe = Tämä arvo tulee linkkiin: käytä vain kirjaimia, numeroita ja merkkejä - . _ ~
variable-unknown = Viestipohjassa ei ole tämännimistä muuttujaa.

failure-ongoing-conversation = Asiakkaalla on jo käynnissä oleva keskustelu tällä tilillä
failure-invalid-phone = Puhelinnumero ei kelpaa tälle kanavalle
failure-template-not-found = Alcméon ei tunne tätä viestipohjaa
failure-missing-variable = Viestipohjasta puuttui muuttuja
failure-account-not-found = Alcméon ei tunne lähettäjätiliä
failure-message-refused = Alcméon hylkäsi viestin

engagement-sent = Lähetetty (Alcméon-viesti { $id })
engagement-open-conversation = Avaa käynnissä oleva keskustelu
engagement-waiting = Kun asiakas vastaa, keskustelu avautuu tähän.
engagement-draft-label = Valmistele vastauksesi
engagement-draft-hint = Voit lähettää sen heti, kun asiakas on vastannut.
announce-conversation-started = { $customer } vastasi: keskustelu on auki.

reply-window-closes-minutes = { $count ->
    [one] Vastausaika päättyy { $count } minuutin kuluttua
   *[other] Vastausaika päättyy { $count } minuutin kuluttua
}
reply-window-closes-seconds = { $count ->
    [one] Vastausaika päättyy { $count } sekunnin kuluttua
   *[other] Vastausaika päättyy { $count } sekunnin kuluttua
}
reengage-intro = Vastausaika on umpeutunut. Lähetä viestipohja tavoittaaksesi asiakkaan uudelleen.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Asiakas
customer-contact = Salesforce-yhteyshenkilö:
customer-unlinked = Ei linkitetty Salesforce-yhteyshenkilöön.
customer-unknown = Alcméon ei ole vielä tunnistanut tätä asiakasta.
customer-find = Etsi yhteyshenkilö
customer-change = Vaihda
customer-search-label = Hae Salesforce-yhteyshenkilöitä
customer-search = Hae
customer-no-results = Yksikään yhteyshenkilö ei vastaa hakua.
customer-link = Linkitä
customer-new-name = Nimi
customer-new-phone = Puhelin
customer-create = Luo ja linkitä
customer-search-failed = Salesforce ei voinut hakea yhteyshenkilöitä: { $reason }
customer-create-failed = Salesforce ei voinut luoda yhteyshenkilöä: { $reason }
customer-link-failed = Yhteyshenkilöä ei voitu linkittää: { $reason }
customer-others = Asiakkaan muut keskustelut
error-no-customer = Alcméon ei ole vielä tunnistanut tätä asiakasta, joten sitä ei voi linkittää yhteyshenkilöön.
