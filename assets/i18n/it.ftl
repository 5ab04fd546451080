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

## Feed Atom: la causa comune di un disservizio

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Probabilmente non dipende da { $name }: le segnalazioni arrivano soprattutto dalla rete di { $subject } ({ $place }).
        [upstream] Probabilmente non dipende da { $name } in sé: diversi servizi che si appoggiano a { $subject } hanno problemi nello stesso momento.
       *[sympathy] Probabilmente segnalazioni di riflesso: { $subject } ha un disservizio esteso ({ $place }), e le segnalazioni per { $name } sono salite molto meno.
    }
