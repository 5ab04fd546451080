# downwatch: deutsche Texte. Gleiche IDs wie en.ftl (ein Test prüft das);
# Dienstnamen werden nie übersetzt.

-brand = downwatch

## Zahlen und Daten

date-time-format = %-d.%-m.%Y, %H:%M
utc = UTC
times-in-utc = Zeiten in UTC.
times-in-your-zone = Zeiten in deiner Zeitzone.

## Seitenrahmen

meta-description = Geht es nicht, oder liegt es an mir? Aktuelle Störungsmeldungen von Nutzern für Websites, Apps und Netze – jede Person zählt einmal.
skip-to-content = Zum Inhalt springen
demo-banner-title = Demo.
demo-banner-text = Diese Meldungen und Störungen sind simuliert, nicht echt; die Erkennung ist echt.
nav-label = Hauptmenü
nav-services = Dienste
nav-map = Störungskarte
footer-counted = Meldungen von Nutzern, jede Person zählt einmal.
footer-api-docs = API-Dokumentation
footer-languages = Sprache
footer-map-data = Kartendaten: world-atlas (Natural Earth). Enthält Informationen aus world-countries (mledoze/countries), bereitgestellt unter der Open Database License (ODbL) v1.0.
footer-network-data = Netzdaten: RouteViews, die regionalen Internet-Registrierungsstellen (NRO) und { $name }, unter CC BY 4.0, über ip-location-db.
feed-title = Vorfälle bei { $name }
install-hint = Leg downwatch auf deinen Startbildschirm, dann siehst du Störungen mit einem Tipp.
install-button = Installieren
install-dismiss = Nicht jetzt

## Statuswörter

status-outage = Störung
status-possible = Mögliche Störung
status-ok = Keine Störung
reports = { $count ->
    [one] { $count } Meldung
   *[other] { $count } Meldungen
}
in-15-min = in 15 Min.
about-usual = , üblich sind etwa { $count }

## Startseite

home-title = Störungsmeldungen
home-heading = Geht es nicht, oder liegt es an mir?
search-label = Dienst suchen
search-placeholder = Spotify, Steam, AWS …
category-label = Kategorie
all-categories = Alle Kategorien
search-button = Suchen
problems-now = Aktuelle Störungen
no-problems-now = Derzeit ist bei keinem Dienst eine Störung erkannt.
most-reported = Am häufigsten gemeldet (letzte 15 Minuten)
no-reports-15m = Keine Meldungen in den letzten 15 Minuten.
all-services = Alle Dienste
no-match = Kein Dienst passt zu deiner Suche.

## Statusseite

status-title = { $name } Störung? Aktuelle Probleme und Ausfälle
status-heading = { $name }: Störungsmeldungen
reported-counted = Danke – deine Meldung wurde gezählt.
reported-repeat = Du hast das vor Kurzem schon gemeldet; gezählt wird deine erste Meldung.
reported-limited = Aus deinem Netz kamen gerade zu viele Meldungen. Bitte versuch es in einer Minute noch einmal.
reported-invalid = Bitte wähle aus, was nicht funktioniert, und sende die Meldung dann noch einmal.
counts-15m = { $count ->
    [one] Meldung in den letzten 15 Minuten
   *[other] Meldungen in den letzten 15 Minuten
}
counts-24h = in den letzten 24 Stunden
chart-heading = Meldungen der letzten 24 Stunden
symptoms-heading = Häufigste Probleme
no-reports-span = Keine Meldungen in diesem Zeitraum.
share-of = Anteil { $name }
related-heading = Ähnliche Dienste
map-heading = Woher die Meldungen kommen
span-since = seit { $time }
span-24h = 24 Stunden
map-showing-outage = Angezeigt: die Störung bisher.
map-show-24h = Letzte 24 Stunden zeigen
map-showing-24h = Angezeigt: die letzten 24 Stunden.
map-show-outage = Störung bisher zeigen
map-label = Karte der Meldungen zu { $name } nach Land
usual-in-region = (üblich etwa { $count })
history-link = Frühere Störungen bei { $name }
atom-feed = Atom-Feed
status-badge = Status-Badge
report-button = Ich habe ein Problem mit { $name }
report-legend = Was funktioniert nicht?
platform-label = Plattform (optional)
platform-none = Keine Angabe
send-report = Meldung senden
active-incident = Laufende Störung
active-incident-in = Laufende Störung in { $region }
incident-times = Begonnen { $started }, erkannt { $detected }.
incident-peak = Spitze { $peak } pro Minute; bisher { $total }.
affected-regions = Betroffene Regionen:
incident-most-reported = Am häufigsten gemeldet:
timeline-caption = Meldungen im Vergleich zum üblichen Niveau, solange die Störung läuft
timeline-time = Zeit
timeline-reports = Meldungen
timeline-expected = Erwartet

## Auf einen Blick: Ist es gestört, liegt es an mir?

line-problems-since = Nutzer melden seit { $time } Probleme bei { $name }{ $place }
line-problems = Nutzer melden Probleme bei { $name }{ $place }
line-possible = Nutzer melden mögliche Probleme bei { $name }{ $place }
line-ok = Derzeit keine Probleme bei { $name }
not-just-you = Nicht nur bei dir:
maybe-not-just-you = Vielleicht nicht nur bei dir:
probably-not-just-you = Wahrscheinlich nicht nur bei dir:
probably-just-you = Wahrscheinlich nur bei dir:

## Fehler

page-not-found = Seite nicht gefunden
service-not-found = Dienst nicht gefunden
no-page-here = Unter dieser Adresse gibt es keine Seite.
unavailable-title = Vorübergehend nicht verfügbar
unavailable-text = Wir können die Meldungszahlen gerade nicht lesen. Bitte versuch es gleich noch einmal.
internal-title = Etwas ist schiefgelaufen
internal-text = Die Seite konnte nicht erstellt werden.
too-many-title = Zu viele Anfragen
too-many-text = Du hast sehr schnell viele Seiten geladen. Bitte warte einen Moment und versuch es dann noch einmal.
back-to-services = Zurück zu allen Diensten

## Offline (die installierte App ohne Netz)

offline-note = Du bist offline. Diese Seite zeigt, was downwatch beim Speichern wusste:

## Orte, Dauer, Niveau

place-worldwide = weltweit
place-in = ({ $list })
place-mostly-in = (vor allem { $list })
place-two = { $first } und { $second }
place-more = { $list } und { $count ->
    [one] { $count } weiteren Land
   *[other] { $count } weiteren Ländern
}
minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
hours-minutes = { $hours } { $minutes }
people = { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
times-above = über dem üblichen Niveau
times-twice = doppelt so viele wie üblich
times-n = { $count }-mal so viele wie üblich
level-unknown = { $reports } in den letzten 15 Minuten (noch kein übliches Niveau gelernt).
level-little-above = etwas mehr als üblich
level-usual = etwa so viele wie üblich
level-sentence = { $reports } in den letzten 15 Minuten, üblich sind etwa { $usual }: { $level }.
fold-since = Seit { $time }
fold-so-far = , bisher { $duration }.
fold-people-since = { $count ->
    [one] hat
   *[other] haben
} seit Beginn Probleme gemeldet ({ $reports }).
fold-people-hour = { $count ->
    [one] hat
   *[other] haben
} in der letzten Stunde Probleme gemeldet.
fold-possible = „Mögliche Störung“: Die Meldungen{ $place } liegen mehr als zufällig über dem üblichen Niveau, aber noch nicht genug für eine Störung.
fold-no-official = { $name } hat keine offizielle Statusseite, die wir verfolgen; hier stehen nur Meldungen von Nutzern.
fold-follow-link = Benachrichtigen, wenn { $name } wieder geht
fold-follow-rest = – per Mitteilung oder E-Mail, ohne Konto.
spark-label = { $count } Meldungen zu { $name } in den letzten 6 Stunden

## Störungskarte

map-service = Dienst
map-all-services = alle Dienste
map-window = Zeitraum
window-15m = 15 Minuten
window-1h = 1 Stunde
window-24h = 24 Stunden
map-show = Anzeigen
map-outages-now = Aktuelle Störungen
map-summary-15m = { $reports } zu { $name } in den letzten 15 Minuten.
map-summary-1h = { $reports } zu { $name } in der letzten Stunde.
map-summary-24h = { $reports } zu { $name } in den letzten 24 Stunden.

## Benachrichtigungen (Push, E-Mail)

date-short-format = %-d.%-m.
notice-when = { $date } um { $time } UTC
notice-place = ({ $region })
notice-acknowledged-words = { $name } hat die Störung am { $when } bestätigt: „{ $words }“
notice-says = { $name } schreibt: „{ $words }“
notice-acknowledged = { $name } hat die Störung am { $when } bestätigt.
notice-cause = Wahrscheinlich liegt es nicht an { $name }: { $summary }
notice-shared-cause = einer gemeinsamen Ursache
notice-cause-title = { $name }{ $place }: wahrscheinlich wegen { $subject }, nicht wegen { $name }
notice-cause-body = Nutzer melden seit { $when } Probleme bei { $name }{ $place }.{ $cause } Der Status richtet sich weiter nach den Meldungen.
notice-symptoms = : { $list }.
notice-no-symptoms = .
notice-problems-title = { $name }: Probleme gemeldet{ $place }
notice-again-title = { $name }: wieder Probleme{ $place }
notice-problems-body = Nutzer melden seit { $when } Probleme bei { $name }{ $place }{ $what }{ $cause }{ $official }
notice-back-since = seit { $when }
notice-back-title = { $name } läuft wieder{ $place }
notice-back-body = Die Meldungen zu { $name }{ $place } sind{ $back } wieder auf dem üblichen Niveau. Probleme wurden ab { $when } gemeldet.{ $official }

## E-Mail

mail-confirm-subject = Bitte bestätigen: Benachrichtigungen zu { $name }
mail-confirm-problems = Jemand – hoffentlich du – möchte über Probleme bei { $name } informiert werden.
mail-confirm-back = Jemand – hoffentlich du – möchte erfahren, wann die aktuellen Probleme bei { $name } vorbei sind.
mail-confirm-link = Zum Bestätigen öffne diesen Link:
mail-confirm-ignore = Warst du das nicht, ignoriere diese E-Mail einfach: Es kommt nichts weiter, und die Adresse wird innerhalb eines Tages gelöscht.
mail-live-reports = Aktuelle Meldungen:
mail-why = Du bekommst diese E-Mail, weil du diesem Dienst folgst.
mail-unsubscribe = Abbestellen:

## Kurze Zeitangaben (offizielle Bestätigungen)

dur-min = { $count } Min.
dur-h = { $count } Std.
dur-h-min = { $hours } Std. { $minutes } Min.
lag-as-surged = als die Meldungen sprunghaft stiegen
lag-after = { $duration } nach dem Anstieg der Meldungen
lag-before = { $duration } vor dem Anstieg der Meldungen

## Das Diagramm

chart-summary = { $reports } in den letzten 15 Minuten.
chart-summary-expected = { $reports } in den letzten 15 Minuten, erwartet waren { $expected }.
chart-day = { $total } in den letzten 24 Stunden.
chart-day-peak = { $total } in den letzten 24 Stunden; die meisten ({ $peak }) in den 15 Minuten ab { $time }.
chart-title = Meldungen zu { $name } in den letzten 24 Stunden, je 15 Minuten, im Vergleich zum üblichen Niveau
chart-key-usual = Meldungen im üblichen Bereich
chart-key-excess = Meldungen darüber
chart-key-band = Üblicher Bereich
chart-key-incident = Die Störung bisher
chart-key-partial = Letzter Balken: wird noch gezählt (seit { $time })
chart-table-summary = Die Zahlen des Diagramms als Tabelle
chart-table-caption = Meldungen zu { $name } je 15 Minuten, im Vergleich zum üblichen Niveau
chart-table-from = 15 Minuten ab
chart-table-usual = Übliches Niveau
chart-so-far = (bisher)

## Legende und Beschriftungen der Karte

map-legend-usual = Meldungen im Vergleich zum üblichen Niveau des jeweiligen Landes:
map-legend-share = Noch kein übliches Niveau gelernt; schattiert nach Anteil der Meldungen:
map-shade-1 = Etwa wie üblich
map-shade-2 = Über dem Üblichen
map-shade-3 = 3× so viel wie üblich oder mehr
map-shade-4 = 6× oder mehr
map-shade-5 = 12× oder mehr
map-fewest = am wenigsten
map-most = am meisten
map-no-reports = keine Meldungen
map-country = { $name }: { $reports }
map-country-usual = { $name }: { $reports }, üblich etwa { $usual }
map-cell = { $reports } nahe { $place }

## Frühere Störungen

history-heading = Frühere Störungen bei { $name }
history-current = Aktueller Status von { $name }
history-no-source = { $name } hat keine offizielle Statusseite, die wir verfolgen; daher gibt es keine Note dafür, wie schnell Störungen eingeräumt werden.
history-source-unread = Die offizielle Statusseite von { $name } konnte noch nicht gelesen werden; daher gibt es keine Note dafür, wie schnell Störungen eingeräumt werden.
history-nothing-to-grade = Noch keine Störung von { $name }, die sich bewerten ließe (letzte { $days } Tage).
history-grade = Wie schnell { $name } Störungen einräumt (letzte { $days } Tage): Note { $grade }; { $lag }, { $unacknowledged } von { $outages ->
    [one] { $outages } Störung
   *[other] { $outages } Störungen
} nie bestätigt.
history-median-lag = Verzögerung im Median { $duration }
history-no-acknowledgement = keine Bestätigung
history-none = Für { $name } sind keine Störungen verzeichnet.
history-caption = Erkannte Störungen, neueste zuerst
history-started = Beginn
history-region = Region
history-resolved = Behoben
history-peak = Spitze pro Minute
history-official = Offizieller Status
history-acknowledged = Bestätigt
history-everywhere = Überall
history-ongoing = Läuft noch
history-no-official-source = Keine offizielle Quelle
history-source-unreachable = Offizielle Quelle nicht erreichbar
history-not-acknowledged = Nicht bestätigt

## Offizieller Status (die Statusseite des Dienstes)

official-operational = in Betrieb
official-unavailable-line = Offizieller Status nicht verfügbar.
official-unavailable-because = Offizieller Status nicht verfügbar ({ $reason }).
list-separator = {"; "}
official-not-read-yet = noch nicht gelesen
official-page = Statusseite von { $name }
official-silent = Die Statusseite von { $name } meldet weiterhin „{ $words }“, obwohl in der letzten Stunde { $people } Probleme gemeldet { $count ->
    [one] hat
   *[other] haben
}.
official-says = { $name } meldet:
official-acknowledged = – bestätigt { $when }, { $lag }
official-since = – seit { $when }
official-checked = geprüft { $when }
official-components = Komponenten mit Störungen
official-incidents = Offene offizielle Vorfälle
official-affected = Betroffen: { $list }
official-updates = Offizielle Meldungen
official-resolved-early = Der Dienst meldet diesen Vorfall als behoben; die Nutzermeldungen liegen aber noch über dem üblichen Niveau.
official-ack = Von { $name } bestätigt um { $time }, { $lag }.
official-ack-title = Von { $name } bestätigt um { $time }, { $lag }: „{ $title }“.
official-not-ack = Von { $name } noch nicht bestätigt.
official-ack-unknown = Die Statusseite von { $name } konnte noch nicht gelesen werden; ob die Störung dort bestätigt wird, ist daher unbekannt.
official-level-ok = In Betrieb
official-level-maintenance = Wartungsarbeiten
official-level-minor = Leichte Störungen
official-level-major = Schwere Störung
official-state-investigating = Wird untersucht
official-state-identified = Ursache gefunden
official-state-monitoring = Wird beobachtet
official-state-resolved = Behoben
official-state-postmortem = Nachbetrachtung
official-state-scheduled = Geplant
official-state-in_progress = Läuft
official-state-verifying = Wird überprüft
official-state-completed = Abgeschlossen
official-state-operational = In Betrieb
official-state-degraded_performance = Eingeschränkte Leistung
official-state-partial_outage = Teilweiser Ausfall
official-state-major_outage = Schwerer Ausfall
official-state-under_maintenance = Wartungsarbeiten
incident-suspect = Die meisten dieser Meldungen kommen aus einem einzigen Netz ({ $share }); es könnte sich also um abgesprochene Meldungen statt um eine Störung handeln.

## Gemeinsame Ursachen

cause-label = Wahrscheinliche Ursache
cause-several-countries = mehreren Ländern
cause-isp = Wahrscheinlich nicht { $service }: Die Meldungen kommen vor allem aus dem Netz von { $subject } in { $place }; { $others }. Dort fallen viele Dienste gleichzeitig aus: Das Problem ist wahrscheinlich die Verbindung, nicht { $service }.
cause-others-fine = andere Netze sind unauffällig
cause-others-less = in anderen Netzen stiegen die Meldungen viel weniger
cause-upstream = Wahrscheinlich nicht { $service } selbst: { $count } Dienste, die auf { $subject } laufen, fallen gleichzeitig aus, und auch { $subject } hat Probleme.
cause-sympathy = Wahrscheinlich Mitläufer-Meldungen: { $subject } hat eine große Störung in { $place }, und die Meldungen zu { $service } stiegen gemessen an seiner Größe viel weniger. Vielleicht melden Leute { $service }, weil sie die Kunden von { $subject } nicht erreichen.
cause-share = { $share } der Meldungen kommen gerade aus dem Netz von { $subject } (üblich: { $usual })
cause-usual-unknown = noch unbekannt
cause-rise = { $subject } stieg auf das { $rise }-Fache des Üblichen, die anderen höchstens auf das { $others }-Fache
cause-times = erstes Problem { $first }, zugeordnet { $labelled }
cause-confidence = Sicherheit { $share }
cause-note = Der Status oben folgt weiterhin den Meldungen zu { $name }; dies erklärt sie nur.
cause-summary-isp = Die Meldungen kommen vor allem aus dem Netz von { $subject } in { $place }; { $others }. Dort fallen { $count } Dienste gleichzeitig aus: Das Problem ist wahrscheinlich die Verbindung, nicht der einzelne Dienst.
cause-summary-upstream = { $count } Dienste, die auf { $subject } laufen, fallen gleichzeitig aus: Wahrscheinliche Ursache ist { $subject }.
cause-summary-sympathy = { $subject } hat eine große Störung in { $place }; bei anderen Anbietern dort stiegen die Meldungen gemessen an ihrer Größe viel weniger: Wahrscheinlich melden Leute sie, weil sie die Kunden von { $subject } nicht erreichen.
big-picture = Das große Ganze
big-picture-count = ({ $count } zugeordnet, Sicherheit { $share })
networks-heading = Gestörte Netze
network-in = in { $place }
network-share = : gerade { $share } der Meldungen
network-usual = (üblich { $share })
network-failing = . Betroffene Dienste:

## Benachrichtigen (das Folgen-Feld)

follow-heading = Benachrichtigt werden
follow-back = Benachrichtige mich, wenn { $name } wieder geht
follow-back-done = Du wirst benachrichtigt, wenn { $name } wieder geht
follow-problems = Benachrichtige mich bei Problemen mit { $name }
follow-problems-done = Du wirst bei Problemen mit { $name } benachrichtigt
unfollow-back = Keine Benachrichtigung mehr, wenn { $name } wieder geht
unfollow-back-done = Beendet: Du wirst nicht benachrichtigt, wenn { $name } wieder geht.
unfollow-problems = Keine Benachrichtigungen mehr bei Problemen mit { $name }
unfollow-problems-done = Beendet: Du bekommst keine Benachrichtigungen mehr zu { $name }.
follow-feed = Abonniere den { $feed } in einem Feedreader, um von jeder Störung zu erfahren.
follow-email-label = Oder per E-Mail:
follow-email-which = Welche E-Mails
follow-email-back = wenn { $name } wieder geht
follow-email-problems = bei Problemen mit { $name }
follow-email-submit = Bestätigungslink schicken
follow-email-note = Vor deiner Bestätigung wird nichts verschickt. Deine Adresse wird nur gespeichert, solange du angemeldet bist.
follow-setting-up = Benachrichtigungen werden eingerichtet …
follow-blocked = Benachrichtigungen sind für diese Seite blockiert; erlaube sie in den Website-Einstellungen des Browsers oder nutze den Atom-Feed
follow-no-push = dein Browser hat seinen Push-Dienst nicht erreicht
follow-done-back = Fertig: Du bekommst eine Benachrichtigung, wenn es wieder geht.
follow-done-problems = Fertig: Du wirst bei Problemen benachrichtigt und wenn sie vorbei sind.
follow-failed = Benachrichtigungen konnten nicht eingeschaltet werden:
follow-stopping = Benachrichtigungen werden beendet …
follow-stop-failed = Benachrichtigungen konnten nicht beendet werden:
follow-gone = dieser Browser hat das Abo nicht mehr
follow-server-answered = der Server antwortete mit
followed-email = Schau in dein Postfach: Wir haben dir einen Bestätigungslink geschickt. Bis du ihn öffnest, wird nichts weiter verschickt.
followed-email-invalid = Das sieht nicht nach einer E-Mail-Adresse aus; bitte prüfe sie.
followed-no-incident = Die Störung ist schon vorbei; folge den Problemen, um von der nächsten zu erfahren.
followed-limited = Gerade gibt es zu viele Anmeldungen; bitte versuch es später noch einmal.
link-expired-title = Dieser Link ist abgelaufen
link-expired-text = Das Abo besteht nicht mehr (es wurde nicht innerhalb eines Tages bestätigt oder wurde gekündigt). Melde dich auf der Statusseite neu an.
confirmed-title = Abo bestätigt
confirmed-problems = Wir schreiben dir, wenn Leute Probleme mit { $name } melden und wenn sie vorbei sind. Jede E-Mail enthält einen Link zum Abmelden.
confirmed-back = Wir schreiben dir einmal, wenn { $name } wieder geht. Jede E-Mail enthält einen Link zum Abmelden.
unsubscribed-title = Abgemeldet
unsubscribed-text = Du bekommst keine E-Mails mehr zu diesem Dienst, und deine Adresse ist gelöscht.

## Die Seite einer unbekannten Adresse

not-found-service = „{ $asked }“ kennen wir nicht
not-found-no-service = Einen Dienst mit diesem Namen gibt es nicht.
did-you-mean = Meintest du

## Der Atom-Feed

feed-official-title = Statusseite von { $name }: { $text }
feed-outage = Störung bei { $name }{ $place }
feed-possible = Mögliche Probleme bei { $name }{ $place }
feed-resolved = Behoben: Störung bei { $name }{ $place }
feed-summary = Begonnen { $started }, erkannt { $detected }{ $resolved }. Beleg: { $observed } in { $window }, wo etwa { $expected } erwartet waren. Spitze { $peak } pro Minute; insgesamt { $total }.
feed-resolved-at = , behoben { $time }
feed-most-reported = Am häufigsten gemeldet: { $list }.
feed-suspect = Die meisten Meldungen kommen aus einem Netz: möglicherweise abgesprochen.
feed-acknowledged = Vom Dienst bestätigt { $time } ({ $lag }).
feed-official-update = Offizielle Meldung ({ $status }, { $time }): { $message }

## Fehlermeldungen der API (nach Fehlercode)

api-error-invalid_body = Der Inhalt der Anfrage ist kein gültiges JSON (oder Formular) oder konnte nicht gelesen werden.
api-error-invalid_query = Ein Abfrageparameter ist fehlerhaft oder außerhalb des erlaubten Bereichs.
api-error-invalid_path = Ein Teil der Adresse ist fehlerhaft.
api-error-invalid_api_key = Der API-Schlüssel ist ungültig; sende einen eingerichteten Schlüssel oder keinen.
api-error-missing_admin_token = Die Admin-API braucht ein Bearer-Token.
api-error-invalid_admin_token = Das Admin-Token ist falsch.
api-error-admin_disabled = Die Admin-API ist auf diesem Server ausgeschaltet.
api-error-not_found = Unter dieser Adresse gibt es nichts.
api-error-unknown_service = Einen Dienst mit diesem Namen gibt es nicht.
api-error-unknown_outage = Dieser Dienst hat keine Störung mit dieser Kennung.
api-error-unknown_webhook = Es gibt keinen Webhook mit dieser Kennung.
api-error-unknown_follow = Zu dieser Art und diesem Endpunkt gibt es kein Abo.
api-error-email_unavailable = Benachrichtigungen per E-Mail sind auf diesem Server ausgeschaltet.
api-error-method_not_allowed = Diese Adresse nimmt diese Methode nicht an.
api-error-request_timeout = Der Inhalt der Anfrage kam nicht rechtzeitig an.
api-error-payload_too_large = Der Inhalt der Anfrage ist größer als erlaubt.
api-error-unsupported_media_type = Diese Adresse nimmt Inhalte dieses Typs nicht an.
api-error-unknown_symptom = Dieses Problem lässt sich für diesen Dienst nicht melden.
api-error-unknown_platform = Diese Plattform gibt es nicht.
api-error-invalid_status = Das ist kein Status einer offiziellen Meldung.
api-error-invalid_message = Die Nachricht ist leer oder zu lang.
api-error-invalid_url = Die Webhook-Adresse muss eine absolute http(s)-URL mit Host und ohne Zugangsdaten sein.
api-error-internal_target = Die Webhook-Adresse zeigt in ein internes Netz.
api-error-invalid_secret = Das Webhook-Geheimnis muss 16 bis 256 Zeichen lang sein.
api-error-invalid_region = Das ist weder ein Ländercode (US) noch der Code eines Landesteils (US-CA).
api-error-too_many_webhooks = Dieser Dienst hat schon so viele Webhooks, wie er haben darf.
api-error-invalid_endpoint = Der Push-Endpunkt ist keine öffentliche https-Adresse.
api-error-invalid_keys = Die Schlüssel des Push-Abos sind fehlerhaft.
api-error-invalid_email = Das ist keine E-Mail-Adresse bei einer öffentlichen Mail-Domain.
api-error-no_active_incident = Gerade läuft keine Störung, über deren Ende wir dich benachrichtigen könnten.
api-error-too_many_follows = Aus deinem Netz kamen heute schon so viele Anmeldungen, wie erlaubt sind.
api-error-service_follows_full = Dieser Dienst hat schon so viele Abonnenten, wie er haben darf.
api-error-follows_full = Der Server nimmt gerade keine weiteren Abos an.
api-error-rate_limited = Zu viele Anfragen; bitte warte einen Moment und versuch es dann noch einmal.
api-error-too_many_failures = Zu viele fehlgeschlagene Admin-Anmeldungen; bitte warte und versuch es dann noch einmal.
api-error-too_many_streams = Du hast schon so viele Ereignis-Streams offen, wie erlaubt sind; schließe zuerst einen.
api-error-internal_error = Auf dem Server ist etwas schiefgelaufen.
api-error-store_unavailable = Der Meldungsspeicher ist nicht erreichbar; bitte versuch es gleich noch einmal.
api-error-streams_full = Der Server hält so viele Ereignis-Streams, wie er kann; bitte versuch es später noch einmal.

## Atom-Feed: gemeinsame Ursache einer Störung

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Wahrscheinlich liegt es nicht an { $name }: Die Meldungen kommen vor allem aus dem Netz von { $subject } ({ $place }).
        [upstream] Wahrscheinlich liegt es nicht an { $name } selbst: Dienste, die auf { $subject } laufen, fallen gleichzeitig aus.
       *[sympathy] Wahrscheinlich Folgemeldungen: { $subject } hat eine große Störung ({ $place }), die Meldungen zu { $name } sind weit weniger gestiegen.
    }
