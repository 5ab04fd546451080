# downwatch: testi in italiano. Stessi identificativi di en.ftl (un test lo
# verifica); i nomi dei servizi non si traducono mai.

-brand = downwatch

## Numeri e date

date-time-format = %-d/%-m/%Y, %H:%M
utc = UTC
times-in-utc = Orari in UTC.
times-in-your-zone = Orari nel tuo fuso orario.

## Cornice delle pagine

meta-description = Non funziona o è solo un mio problema? Segnalazioni di disservizi in tempo reale inviate dagli utenti, per siti, app e reti; ogni persona conta una volta.
skip-to-content = Vai al contenuto
demo-banner-title = Demo.
demo-banner-text = Queste segnalazioni e questi disservizi sono simulati, non reali; il rilevamento è reale.
nav-label = Menu principale
nav-services = Servizi
nav-map = Mappa dei disservizi
footer-counted = Segnalazioni degli utenti; ogni persona conta una volta.
footer-api-docs = Documentazione API
footer-languages = Lingua
footer-map-data = Dati cartografici: world-atlas (Natural Earth). Contiene informazioni da world-countries (mledoze/countries), rese disponibili con la Open Database License (ODbL) v1.0.
footer-network-data = Dati di rete: RouteViews, i registri Internet regionali (NRO) e { $name }, con licenza CC BY 4.0, tramite ip-location-db.
feed-title = Incidenti di { $name }
install-hint = Aggiungi downwatch alla schermata Home per controllare un disservizio con un tocco.
install-button = Installa
install-dismiss = Non ora

## Parole di stato

status-outage = Problemi
status-possible = Possibili problemi
status-ok = Nessun problema
reports = { $count ->
    [one] { $count } segnalazione
   *[other] { $count } segnalazioni
}
in-15-min = in 15 min
about-usual = , di solito circa { $count }

## Home

home-title = Segnalazioni di disservizi
home-heading = Non funziona o è solo un mio problema?
search-label = Cerca un servizio
search-placeholder = Spotify, Steam, AWS…
category-label = Categoria
all-categories = Tutte le categorie
search-button = Cerca
problems-now = Problemi in questo momento
no-problems-now = In questo momento nessun servizio ha problemi rilevati.
most-reported = I più segnalati (ultimi 15 minuti)
no-reports-15m = Nessuna segnalazione negli ultimi 15 minuti.
all-services = Tutti i servizi
no-match = Nessun servizio corrisponde alla ricerca.

## Pagina di stato

status-title = { $name } non funziona? Problemi e disservizi in corso
status-heading = { $name }: segnalazioni di disservizi
reported-counted = Grazie, la tua segnalazione è stata conteggiata.
reported-repeat = Hai già segnalato questo problema di recente; abbiamo conteggiato la prima segnalazione.
reported-limited = Dalla tua rete sono arrivate troppe segnalazioni; riprova tra un minuto.
reported-invalid = Scegli che cosa non funziona, poi invia di nuovo la segnalazione.
counts-15m = { $count ->
    [one] segnalazione negli ultimi 15 minuti
   *[other] segnalazioni negli ultimi 15 minuti
}
counts-24h = nelle ultime 24 ore
chart-heading = Segnalazioni nelle ultime 24 ore
symptoms-heading = Problemi più segnalati
no-reports-span = Nessuna segnalazione in questo periodo.
share-of = Quota di { $name }
related-heading = Servizi correlati
map-heading = Da dove arrivano le segnalazioni
span-since = dalle { $time }
span-24h = 24 ore
map-showing-outage = Stai vedendo il disservizio finora.
map-show-24h = Mostra le ultime 24 ore
map-showing-24h = Stai vedendo le ultime 24 ore.
map-show-outage = Mostra il disservizio finora
map-label = Mappa delle segnalazioni su { $name } per paese
usual-in-region = (di solito circa { $count })
history-link = Storico degli incidenti di { $name }
atom-feed = Feed Atom
status-badge = Badge di stato
report-button = Ho un problema con { $name }
report-legend = Che cosa non funziona?
platform-label = Piattaforma (facoltativa)
platform-none = Non indicata
send-report = Invia segnalazione
active-incident = Incidente in corso
active-incident-in = Incidente in corso in { $region }
incident-times = Iniziato alle { $started }, rilevato alle { $detected }.
incident-peak = Picco di { $peak } al minuto; { $total } finora.
affected-regions = Regioni colpite:
incident-most-reported = I più segnalati:
timeline-caption = Segnalazioni rispetto al livello abituale mentre l’incidente è aperto
timeline-time = Ora
timeline-reports = Segnalazioni
timeline-expected = Attese

## In breve: non funziona, o sono io?

line-problems-since = Gli utenti segnalano problemi con { $name }{ $place } dalle { $time }
line-problems = Gli utenti segnalano problemi con { $name }{ $place }
line-possible = Gli utenti segnalano possibili problemi con { $name }{ $place }
line-ok = Nessun problema in corso con { $name }
not-just-you = Non solo tu:
maybe-not-just-you = Forse non solo tu:
probably-not-just-you = Probabilmente non solo tu:
probably-just-you = Probabilmente solo tu:

## Errori

page-not-found = Pagina non trovata
service-not-found = Servizio non trovato
no-page-here = Non c’è nessuna pagina a questo indirizzo.
unavailable-title = Temporaneamente non disponibile
unavailable-text = Al momento non riusciamo a leggere le segnalazioni. Riprova tra poco.
internal-title = Qualcosa è andato storto
internal-text = Non è stato possibile creare la pagina.
too-many-title = Troppe richieste
too-many-text = Hai caricato le pagine molto in fretta. Aspetta un momento e riprova.
back-to-services = Torna a tutti i servizi

## Offline (l’app installata senza rete)

offline-note = Sei offline. Questa pagina mostra ciò che downwatch sapeva quando è stata salvata:

## Luoghi, durate, livelli

place-worldwide = in tutto il mondo
place-in = ({ $list })
place-mostly-in = (soprattutto { $list })
place-two = { $first } e { $second }
place-more = { $list } e { $count ->
    [one] { $count } altro paese
   *[other] altri { $count } paesi
}
minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minuti
}
hours = { $count ->
    [one] { $count } ora
   *[other] { $count } ore
}
hours-minutes = { $hours } e { $minutes }
people = { $count ->
    [one] { $count } persona
   *[other] { $count } persone
}
times-above = sopra il livello abituale
times-twice = il doppio del livello abituale
times-n = { $count } volte il livello abituale
level-unknown = { $reports } negli ultimi 15 minuti (livello abituale non ancora appreso).
level-little-above = poco sopra il livello abituale
level-usual = più o meno il livello abituale
level-sentence = { $reports } negli ultimi 15 minuti, contro le circa { $usual } abituali: { $level }.
fold-since = Dalle { $time }
fold-so-far = , da { $duration }.
fold-people-since = { $count ->
    [one] ha segnalato
   *[other] hanno segnalato
} problemi dall’inizio ({ $reports }).
fold-people-hour = { $count ->
    [one] ha segnalato
   *[other] hanno segnalato
} problemi nell’ultima ora.
fold-possible = «Possibili problemi»: le segnalazioni{ $place } superano il livello abituale più di quanto spieghi il caso, ma non abbastanza per parlare di disservizio.
fold-no-official = { $name } non pubblica una pagina di stato ufficiale che seguiamo, quindi mostriamo solo le segnalazioni degli utenti.
fold-follow-link = Avvisami quando { $name } torna a funzionare
fold-follow-rest = : con una notifica o un’email, senza account.
spark-label = { $count } segnalazioni su { $name } nelle ultime 6 ore

## Mappa dei disservizi

map-service = Servizio
map-all-services = tutti i servizi
map-window = Periodo
window-15m = 15 minuti
window-1h = 1 ora
window-24h = 24 ore
map-show = Mostra
map-outages-now = Disservizi in corso
map-summary-15m = { $reports } su { $name } negli ultimi 15 minuti.
map-summary-1h = { $reports } su { $name } nell’ultima ora.
map-summary-24h = { $reports } su { $name } nelle ultime 24 ore.

## Notifiche a chi segue un servizio (push, email)

date-short-format = %-d/%-m
notice-when = { $date } alle { $time } UTC
notice-place = ({ $region })
notice-acknowledged-words = { $name } l’ha riconosciuto il { $when }: «{ $words }»
notice-says = { $name } scrive: «{ $words }»
notice-acknowledged = { $name } l’ha riconosciuto il { $when }.
notice-cause = Probabilmente non dipende da { $name }: { $summary }
notice-shared-cause = una causa comune
notice-cause-title = { $name }{ $place }: probabilmente { $subject }, non { $name }
notice-cause-body = Gli utenti segnalano problemi con { $name }{ $place } dal { $when }.{ $cause } Lo stato continua a seguire le segnalazioni.
notice-symptoms = : { $list }.
notice-no-symptoms = .
notice-problems-title = { $name }: problemi segnalati{ $place }
notice-again-title = { $name }: di nuovo problemi{ $place }
notice-problems-body = Gli utenti segnalano problemi con { $name }{ $place } dal { $when }{ $what }{ $cause }{ $official }
notice-back-since = dal { $when }
notice-back-title = { $name } funziona di nuovo{ $place }
notice-back-body = Le segnalazioni su { $name }{ $place } sono tornate al livello abituale{ $back }. I problemi sono stati segnalati a partire dal { $when }.{ $official }

## Email

mail-confirm-subject = Conferma: notifiche su { $name }
mail-confirm-problems = Qualcuno, speriamo tu, ha chiesto di essere avvisato dei problemi con { $name }.
mail-confirm-back = Qualcuno, speriamo tu, ha chiesto di essere avvisato quando finiranno i problemi attuali di { $name }.
mail-confirm-link = Per confermare, apri questo link:
mail-confirm-ignore = Se non sei stato tu, ignora questa email: non riceverai altro e l’indirizzo verrà cancellato entro un giorno.
mail-live-reports = Segnalazioni in tempo reale:
mail-why = Ricevi questa email perché hai chiesto di seguire questo servizio.
mail-unsubscribe = Annulla l’iscrizione:

## Durate abbreviate (conferme ufficiali)

dur-min = { $count } min
dur-h = { $count } h
dur-h-min = { $hours } h { $minutes } min
lag-as-surged = proprio quando le segnalazioni sono schizzate
lag-after = { $duration } dopo l’impennata delle segnalazioni
lag-before = { $duration } prima dell’impennata delle segnalazioni

## Il grafico

chart-summary = { $reports } negli ultimi 15 minuti.
chart-summary-expected = { $reports } negli ultimi 15 minuti, a fronte di { $expected } attese.
chart-day = { $total } nelle ultime 24 ore.
chart-day-peak = { $total } nelle ultime 24 ore; il massimo ({ $peak }) nei 15 minuti dalle { $time }.
chart-title = Segnalazioni su { $name } nelle ultime 24 ore, ogni 15 minuti, rispetto al livello abituale
chart-key-usual = Segnalazioni nella fascia abituale
chart-key-excess = Segnalazioni oltre la fascia
chart-key-band = Fascia abituale
chart-key-incident = Il disservizio finora
chart-key-partial = Ultima barra: conteggio in corso (dalle { $time })
chart-table-summary = I numeri del grafico in una tabella
chart-table-caption = Segnalazioni su { $name } ogni 15 minuti, rispetto al livello abituale
chart-table-from = 15 minuti dalle
chart-table-usual = Livello abituale
chart-so-far = (finora)

## Legenda ed etichette della mappa

map-legend-usual = Segnalazioni rispetto al livello abituale di ciascun paese:
map-legend-share = Nessun livello abituale ancora appreso; sfumature secondo la quota di segnalazioni:
map-shade-1 = Livello abituale
map-shade-2 = Sopra il livello abituale
map-shade-3 = 3× l’abituale o più
map-shade-4 = 6× o più
map-shade-5 = 12× o più
map-fewest = meno
map-most = più
map-no-reports = nessuna segnalazione
map-country = { $name }: { $reports }
map-country-usual = { $name }: { $reports }, di solito circa { $usual }
map-cell = { $reports } vicino a { $place }

## Cronologia dei disservizi

history-heading = Cronologia dei disservizi di { $name }
history-current = Stato attuale di { $name }
history-no-source = { $name } non ha una pagina di stato ufficiale che seguiamo, quindi non c’è un voto sulla rapidità con cui ammette i disservizi.
history-source-unread = Non è stato ancora possibile leggere la pagina di stato ufficiale di { $name }, quindi non c’è un voto sulla rapidità con cui ammette i disservizi.
history-nothing-to-grade = Ancora nessun disservizio di { $name } da valutare (ultimi { $days } giorni).
history-grade = Rapidità con cui { $name } ammette i disservizi (ultimi { $days } giorni): voto { $grade }; { $lag }; { $unacknowledged } { $outages ->
    [one] disservizio su { $outages } mai confermato
   *[other] disservizi su { $outages } mai confermati
}.
history-median-lag = ritardo mediano { $duration }
history-no-acknowledgement = nessuna conferma
history-none = Nessun disservizio registrato per { $name }.
history-caption = Disservizi rilevati, dal più recente
history-started = Inizio
history-region = Area
history-resolved = Risolto
history-peak = Picco al minuto
history-official = Stato ufficiale
history-acknowledged = Confermato
history-everywhere = Ovunque
history-ongoing = In corso
history-no-official-source = Nessuna fonte ufficiale
history-source-unreachable = Fonte ufficiale non raggiungibile
history-not-acknowledged = Non confermato

## Stato ufficiale (la pagina di stato del servizio)

official-operational = operativo
official-unavailable-line = Stato ufficiale non disponibile.
official-unavailable-because = Stato ufficiale non disponibile ({ $reason }).
list-separator = {"; "}
official-not-read-yet = non ancora letto
official-page = Pagina di stato di { $name }
official-silent = La pagina di stato di { $name } dice ancora «{ $words }», mentre { $people } { $count ->
    [one] ha segnalato
   *[other] hanno segnalato
} problemi nell’ultima ora.
official-says = { $name } dice:
official-acknowledged = — confermato { $when }, { $lag }
official-since = — dalle { $when }
official-checked = controllata { $when }
official-components = Componenti con problemi
official-incidents = Incidenti ufficiali aperti
official-affected = Coinvolti: { $list }
official-updates = Aggiornamenti ufficiali
official-resolved-early = Il servizio dà questo incidente per risolto, ma le segnalazioni degli utenti sono ancora sopra il livello abituale.
official-ack = Confermato da { $name } alle { $time }, { $lag }.
official-ack-title = Confermato da { $name } alle { $time }, { $lag }: «{ $title }».
official-not-ack = Non ancora confermato da { $name }.
official-ack-unknown = Non è stato ancora possibile leggere la pagina di stato di { $name }, quindi non si sa se lo conferma.
official-level-ok = Operativo
official-level-maintenance = In manutenzione
official-level-minor = Problemi minori
official-level-major = Disservizio grave
official-state-investigating = Indagine in corso
official-state-identified = Causa individuata
official-state-monitoring = Sotto osservazione
official-state-resolved = Risolto
official-state-postmortem = Analisi a posteriori
official-state-scheduled = Programmato
official-state-in_progress = In corso
official-state-verifying = Verifica in corso
official-state-completed = Completato
official-state-operational = Operativo
official-state-degraded_performance = Prestazioni ridotte
official-state-partial_outage = Disservizio parziale
official-state-major_outage = Disservizio grave
official-state-under_maintenance = In manutenzione
incident-suspect = La maggior parte di queste segnalazioni arriva da una sola rete ({ $share }): potrebbero essere segnalazioni coordinate anziché un disservizio.

## Cause comuni

cause-label = Causa probabile
cause-several-countries = più paesi
cause-isp = Probabilmente non è { $service }: le segnalazioni arrivano soprattutto dalla rete di { $subject } ({ $place }); { $others }. Lì molti servizi hanno problemi nello stesso momento: il guasto è probabilmente nella connessione, non in { $service }.
cause-others-fine = le altre reti funzionano
cause-others-less = sulle altre reti le segnalazioni sono cresciute molto meno
cause-upstream = Probabilmente non è { $service } in sé: { $count } servizi ospitati su { $subject } hanno problemi nello stesso momento, e anche { $subject } ne ha.
cause-sympathy = Probabilmente segnalazioni di riflesso: { $subject } ha un grosso disservizio ({ $place }), e le segnalazioni per { $service } sono cresciute molto meno rispetto alle sue dimensioni. Forse la gente segnala { $service } perché non riesce a raggiungere i clienti di { $subject }.
cause-share = il { $share } delle segnalazioni arriva ora dalla rete di { $subject } (di solito { $usual })
cause-usual-unknown = ancora sconosciuto
cause-rise = { $subject } è salito a { $rise }× il suo livello abituale, gli altri al massimo a { $others }×
cause-times = primo problema { $first }, attribuito { $labelled }
cause-confidence = affidabilità { $share }
cause-note = Lo stato qui sopra segue sempre le segnalazioni su { $name }; questo le spiega soltanto.
cause-summary-isp = Le segnalazioni arrivano soprattutto dalla rete di { $subject } ({ $place }); { $others }. Lì { $count } servizi hanno problemi nello stesso momento: il guasto è probabilmente nella connessione, non nei singoli servizi.
cause-summary-upstream = { $count } servizi ospitati su { $subject } hanno problemi nello stesso momento: la causa probabile è { $subject }.
cause-summary-sympathy = { $subject } ha un grosso disservizio ({ $place }); per gli altri operatori del paese le segnalazioni sono cresciute molto meno rispetto alle loro dimensioni: sono probabilmente segnalazioni di chi non riesce a raggiungere i clienti di { $subject }.
big-picture = Il quadro generale
big-picture-count = ({ $count } attribuiti, affidabilità { $share })
networks-heading = Reti con problemi
network-in = ({ $place })
network-share = : il { $share } delle segnalazioni ora
network-usual = (di solito { $share })
network-failing = . Servizi coinvolti:

## Ricevere avvisi (il riquadro per seguire)

follow-heading = Ricevi avvisi
follow-back = Avvisami quando { $name } torna a funzionare
follow-back-done = Riceverai un avviso quando { $name } tornerà a funzionare
follow-problems = Avvisami dei problemi con { $name }
follow-problems-done = Riceverai avvisi sui problemi con { $name }
unfollow-back = Non avvisarmi più quando { $name } torna
unfollow-back-done = Fatto: non riceverai avvisi quando { $name } tornerà a funzionare.
unfollow-problems = Non avvisarmi più dei problemi con { $name }
unfollow-problems-done = Fatto: non riceverai più notifiche su { $name }.
follow-feed = Segui il { $feed } in un lettore di feed per sapere di ogni disservizio.
follow-email-label = Oppure via e-mail:
follow-email-which = Quali e-mail
follow-email-back = quando { $name } torna a funzionare
follow-email-problems = sui problemi con { $name }
follow-email-submit = Inviami un link di conferma
follow-email-note = Non viene inviato nulla prima della tua conferma. Il tuo indirizzo viene conservato solo finché sei iscritto.
follow-setting-up = Attivazione delle notifiche…
follow-blocked = le notifiche sono bloccate per questo sito; consentile nelle impostazioni del sito del browser, oppure usa il feed Atom
follow-no-push = il tuo browser non è riuscito a raggiungere il suo servizio di notifiche
follow-done-back = Fatto: riceverai una notifica quando tornerà a funzionare.
follow-done-problems = Fatto: riceverai avvisi sui problemi e sulla loro fine.
follow-failed = Impossibile attivare le notifiche:
follow-stopping = Disattivazione delle notifiche…
follow-stop-failed = Impossibile disattivare le notifiche:
follow-gone = questo browser non ha più l’iscrizione
follow-server-answered = il server ha risposto
followed-email = Controlla la posta: ti abbiamo inviato un link di conferma. Non inviamo altro finché non lo apri.
followed-email-invalid = Non sembra un indirizzo e-mail; controllalo, per favore.
followed-no-incident = Il disservizio è già finito; segui i problemi per sapere del prossimo.
followed-limited = Troppe iscrizioni in questo momento; riprova più tardi.
link-expired-title = Questo link è scaduto
link-expired-text = L’iscrizione non esiste più (non è stata confermata entro un giorno, o è stata annullata). Iscriviti di nuovo dalla pagina di stato.
confirmed-title = Iscrizione confermata
confirmed-problems = Ti scriveremo quando qualcuno segnalerà problemi con { $name } e quando saranno finiti. Ogni e-mail contiene un link per annullare l’iscrizione.
confirmed-back = Ti scriveremo una volta, quando { $name } tornerà a funzionare. Ogni e-mail contiene un link per annullare l’iscrizione.
unsubscribed-title = Iscrizione annullata
unsubscribed-text = Non riceverai più e-mail su questo servizio, e il tuo indirizzo è stato cancellato.

## La pagina di un indirizzo sconosciuto

not-found-service = Non conosciamo «{ $asked }»
not-found-no-service = Non c’è nessun servizio con questo nome.
did-you-mean = Forse cercavi

## Il feed Atom

feed-official-title = Pagina di stato di { $name }: { $text }
feed-outage = Disservizio di { $name }{ $place }
feed-possible = Possibili problemi con { $name }{ $place }
feed-resolved = Risolto: disservizio di { $name }{ $place }
feed-summary = Inizio { $started }, rilevato { $detected }{ $resolved }. Dati: { $observed } in { $window }, a fronte di circa { $expected } attese. Picco di { $peak } al minuto; { $total } in tutto.
feed-resolved-at = , risolto { $time }
feed-most-reported = I più segnalati: { $list }.
feed-suspect = La maggior parte delle segnalazioni arriva da una sola rete: forse segnalazioni coordinate.
feed-acknowledged = Confermato dal servizio { $time } ({ $lag }).
feed-official-update = Aggiornamento ufficiale ({ $status }, { $time }): { $message }

## Messaggi di errore dell’API (per codice di errore)

api-error-invalid_body = Il corpo della richiesta non è JSON (o un modulo) valido, oppure non è stato possibile leggerlo.
api-error-invalid_query = Un parametro della query è malformato o fuori intervallo.
api-error-invalid_path = Una parte dell’indirizzo è malformata.
api-error-invalid_api_key = La chiave API non è valida; invia una chiave configurata oppure nessuna.
api-error-missing_admin_token = L’API di amministrazione richiede un token (bearer).
api-error-invalid_admin_token = Il token di amministrazione è sbagliato.
api-error-admin_disabled = L’API di amministrazione è disattivata su questo server.
api-error-not_found = A questo indirizzo non c’è nulla.
api-error-unknown_service = Non c’è nessun servizio con questo nome.
api-error-unknown_outage = Questo servizio non ha un disservizio con questo identificativo.
api-error-unknown_webhook = Non c’è nessun webhook con questo identificativo.
api-error-unknown_follow = Nessuna iscrizione di questo tipo per questo endpoint.
api-error-email_unavailable = Gli avvisi via e-mail sono disattivati su questo server.
api-error-method_not_allowed = Questo indirizzo non accetta questo metodo.
api-error-request_timeout = Il corpo della richiesta è arrivato troppo tardi.
api-error-payload_too_large = Il corpo della richiesta supera la dimensione consentita.
api-error-unsupported_media_type = Questo indirizzo non accetta questo tipo di contenuto.
api-error-unknown_symptom = Questo servizio non prevede questo problema da segnalare.
api-error-unknown_platform = Questa piattaforma non esiste.
api-error-invalid_status = Non è uno stato di aggiornamento ufficiale.
api-error-invalid_message = Il messaggio è vuoto o troppo lungo.
api-error-invalid_url = L’indirizzo del webhook deve essere un URL http(s) assoluto, con host e senza credenziali.
api-error-internal_target = L’indirizzo del webhook punta a una rete interna.
api-error-invalid_secret = Il segreto del webhook deve avere da 16 a 256 caratteri.
api-error-invalid_region = Non è né un codice di paese (US) né di suddivisione (US-CA).
api-error-too_many_webhooks = Questo servizio ha già tutti i webhook che può avere.
api-error-invalid_endpoint = L’endpoint push non è un indirizzo https pubblico.
api-error-invalid_keys = Le chiavi dell’iscrizione push sono malformate.
api-error-invalid_email = Non è un indirizzo e-mail di un dominio pubblico.
api-error-no_active_incident = In questo momento non c’è nessun disservizio in corso di cui avvisarti la fine.
api-error-too_many_follows = La tua rete ha già fatto oggi tutte le iscrizioni consentite.
api-error-service_follows_full = Questo servizio ha già tutti gli iscritti che può avere.
api-error-follows_full = Il server al momento non accetta altri iscritti.
api-error-rate_limited = Troppe richieste; aspetta un momento e riprova.
api-error-too_many_failures = Troppi accessi di amministrazione falliti; aspetta e riprova.
api-error-too_many_streams = Hai già aperto tutti i flussi di eventi consentiti; chiudine prima uno.
api-error-internal_error = Qualcosa è andato storto sul server.
api-error-store_unavailable = L’archivio delle segnalazioni non è disponibile; riprova tra poco.
api-error-streams_full = Il server mantiene già tutti i flussi di eventi che può; riprova più tardi.

## Feed Atom: la causa comune di un disservizio

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Probabilmente non dipende da { $name }: le segnalazioni arrivano soprattutto dalla rete di { $subject } ({ $place }).
        [upstream] Probabilmente non dipende da { $name } in sé: diversi servizi che si appoggiano a { $subject } hanno problemi nello stesso momento.
       *[sympathy] Probabilmente segnalazioni di riflesso: { $subject } ha un disservizio esteso ({ $place }), e le segnalazioni per { $name } sono salite molto meno.
    }
