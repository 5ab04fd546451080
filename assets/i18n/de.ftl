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

## Atom-Feed: gemeinsame Ursache einer Störung

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Wahrscheinlich liegt es nicht an { $name }: Die Meldungen kommen vor allem aus dem Netz von { $subject } ({ $place }).
        [upstream] Wahrscheinlich liegt es nicht an { $name } selbst: Dienste, die auf { $subject } laufen, fallen gleichzeitig aus.
       *[sympathy] Wahrscheinlich Folgemeldungen: { $subject } hat eine große Störung ({ $place }), die Meldungen zu { $name } sind weit weniger gestiegen.
    }
