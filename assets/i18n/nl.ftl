# downwatch: Nederlandse teksten. Dezelfde id's als en.ftl (een test
# controleert dat); namen van diensten worden nooit vertaald.

-brand = downwatch

## Getallen en datums

date-time-format = %-d-%-m-%Y, %H:%M
utc = UTC
times-in-utc = Tijden in UTC.
times-in-your-zone = Tijden in je eigen tijdzone.

## Paginakader

meta-description = Ligt het eruit, of ligt het aan mij? Live storingsmeldingen van gebruikers voor websites, apps en netwerken; elke persoon telt één keer.
skip-to-content = Naar de inhoud
demo-banner-title = Demo.
demo-banner-text = Deze meldingen en storingen zijn gesimuleerd, niet echt; de detectie is wel echt.
nav-label = Hoofdmenu
nav-services = Diensten
nav-map = Storingskaart
footer-counted = Meldingen van gebruikers; elke persoon telt één keer.
footer-api-docs = API-documentatie
footer-languages = Taal
footer-map-data = Kaartgegevens: world-atlas (Natural Earth). Bevat informatie uit world-countries (mledoze/countries), beschikbaar onder de Open Database License (ODbL) v1.0.
footer-network-data = Netwerkgegevens: RouteViews, de regionale internetregisters (NRO) en { $name }, onder CC BY 4.0, via ip-location-db.
feed-title = Storingen bij { $name }
install-hint = Zet downwatch op je beginscherm, dan check je een storing met één tik.
install-button = Installeren
install-dismiss = Niet nu

## Statuswoorden

status-outage = Storing
status-possible = Mogelijke storing
status-ok = Geen problemen
reports = { $count ->
    [one] { $count } melding
   *[other] { $count } meldingen
}
in-15-min = in 15 min
about-usual = , normaal zo'n { $count }

## Startpagina

home-title = Storingsmeldingen
home-heading = Ligt het eruit, of ligt het aan mij?
search-label = Zoek een dienst
search-placeholder = Spotify, Steam, AWS…
category-label = Categorie
all-categories = Alle categorieën
search-button = Zoeken
problems-now = Nu problemen
no-problems-now = Er is nu bij geen enkele dienst een probleem gedetecteerd.
most-reported = Meest gemeld (laatste 15 minuten)
no-reports-15m = Geen meldingen in de laatste 15 minuten.
all-services = Alle diensten
no-match = Geen dienst gevonden voor je zoekopdracht.

## Statuspagina

status-title = { $name } storing? Actuele problemen en storingen
status-heading = { $name }: storingsmeldingen
reported-counted = Bedankt, je melding is meegeteld.
reported-repeat = Je hebt dit kortgeleden al gemeld; we hebben je eerste melding meegeteld.
reported-limited = Er kwamen net te veel meldingen van jouw netwerk; probeer het over een minuut opnieuw.
reported-invalid = Kies wat er niet werkt en verstuur de melding dan opnieuw.
counts-15m = { $count ->
    [one] melding in de laatste 15 minuten
   *[other] meldingen in de laatste 15 minuten
}
counts-24h = in de laatste 24 uur
chart-heading = Meldingen in de laatste 24 uur
symptoms-heading = Meest gemelde problemen
no-reports-span = Geen meldingen in deze periode.
share-of = Aandeel { $name }
related-heading = Vergelijkbare diensten
map-heading = Waar de meldingen vandaan komen
span-since = sinds { $time }
span-24h = 24 uur
map-showing-outage = Je ziet de storing tot nu toe.
map-show-24h = Toon de laatste 24 uur
map-showing-24h = Je ziet de laatste 24 uur.
map-show-outage = Toon de storing tot nu toe
map-label = Kaart van meldingen over { $name } per land
usual-in-region = (normaal zo'n { $count })
history-link = Eerdere storingen bij { $name }
atom-feed = Atom-feed
status-badge = Statusbadge
report-button = Ik heb een probleem met { $name }
report-legend = Wat werkt er niet?
platform-label = Platform (optioneel)
platform-none = Niet opgegeven
send-report = Melding versturen
active-incident = Lopende storing
active-incident-in = Lopende storing in { $region }
incident-times = Begonnen om { $started }, gedetecteerd om { $detected }.
incident-peak = Piek van { $peak } per minuut; tot nu toe { $total }.
affected-regions = Getroffen regio's:
incident-most-reported = Meest gemeld:
timeline-caption = Meldingen tegenover het normale niveau zolang de storing loopt
timeline-time = Tijd
timeline-reports = Meldingen
timeline-expected = Verwacht

## In één oogopslag: ligt het eruit, of ligt het aan mij?

line-problems-since = Gebruikers melden sinds { $time } problemen met { $name }{ $place }
line-problems = Gebruikers melden problemen met { $name }{ $place }
line-possible = Gebruikers melden mogelijke problemen met { $name }{ $place }
line-ok = Geen actuele problemen met { $name }
not-just-you = Niet alleen bij jou:
maybe-not-just-you = Misschien niet alleen bij jou:
probably-not-just-you = Waarschijnlijk niet alleen bij jou:
probably-just-you = Waarschijnlijk alleen bij jou:

## Fouten

page-not-found = Pagina niet gevonden
service-not-found = Dienst niet gevonden
no-page-here = Op dit adres staat geen pagina.
unavailable-title = Tijdelijk niet beschikbaar
unavailable-text = We kunnen de meldingen nu niet lezen. Probeer het zo opnieuw.
internal-title = Er ging iets mis
internal-text = De pagina kon niet worden gemaakt.
too-many-title = Te veel verzoeken
too-many-text = Je hebt heel snel pagina's geladen. Wacht even en probeer het opnieuw.
back-to-services = Terug naar alle diensten

## Offline (de geïnstalleerde app zonder netwerk)

offline-note = Je bent offline. Deze pagina laat zien wat downwatch wist toen ze werd bewaard:

## Plaatsen, duur, niveaus

place-worldwide = wereldwijd
place-in = ({ $list })
place-mostly-in = (vooral { $list })
place-two = { $first } en { $second }
place-more = { $list } en nog { $count ->
    [one] { $count } land
   *[other] { $count } landen
}
minutes = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
hours = { $count ->
    [one] { $count } uur
   *[other] { $count } uur
}
hours-minutes = { $hours } en { $minutes }
people = { $count ->
    [one] { $count } persoon
   *[other] { $count } mensen
}
times-above = boven het normale niveau
times-twice = twee keer zoveel als normaal
times-n = { $count } keer zoveel als normaal
level-unknown = { $reports } in de laatste 15 minuten (nog geen normaal niveau geleerd).
level-little-above = iets meer dan normaal
level-usual = ongeveer zoveel als normaal
level-sentence = { $reports } in de laatste 15 minuten, waar zo'n { $usual } normaal is: { $level }.
fold-since = Sinds { $time }
fold-so-far = , nu { $duration }.
fold-people-since = { $count ->
    [one] meldde
   *[other] meldden
} problemen sinds het begin ({ $reports }).
fold-people-hour = { $count ->
    [one] meldde
   *[other] meldden
} problemen in het afgelopen uur.
fold-possible = "Mogelijke storing": de meldingen{ $place } liggen meer dan toevallig boven het normale niveau, maar nog niet genoeg om van een storing te spreken.
fold-no-official = { $name } heeft geen officiële statuspagina die wij volgen; je ziet hier alleen meldingen van gebruikers.
fold-follow-link = Laat me weten wanneer { $name } weer werkt
fold-follow-rest = – via een melding of e-mail, zonder account.
spark-label = { $count } meldingen over { $name } in de laatste 6 uur

## Storingskaart

map-service = Dienst
map-all-services = alle diensten
map-window = Periode
window-15m = 15 minuten
window-1h = 1 uur
window-24h = 24 uur
map-show = Tonen
map-outages-now = Nu storingen
map-summary-15m = { $reports } over { $name } in de laatste 15 minuten.
map-summary-1h = { $reports } over { $name } in het afgelopen uur.
map-summary-24h = { $reports } over { $name } in de laatste 24 uur.

## Meldingen aan volgers (push, e-mail)

date-short-format = %-d-%-m
notice-when = { $date } om { $time } UTC
notice-place = ({ $region })
notice-acknowledged-words = { $name } erkende de storing op { $when }: "{ $words }"
notice-says = { $name } meldt: "{ $words }"
notice-acknowledged = { $name } erkende de storing op { $when }.
notice-cause = Waarschijnlijk ligt het niet aan { $name }: { $summary }
notice-shared-cause = een gedeelde oorzaak
notice-cause-title = { $name }{ $place }: waarschijnlijk { $subject }, niet { $name }
notice-cause-body = Gebruikers melden sinds { $when } problemen met { $name }{ $place }.{ $cause } De status blijft de meldingen volgen.
notice-symptoms = : { $list }.
notice-no-symptoms = .
notice-problems-title = { $name }: problemen gemeld{ $place }
notice-again-title = { $name }: opnieuw problemen{ $place }
notice-problems-body = Gebruikers melden sinds { $when } problemen met { $name }{ $place }{ $what }{ $cause }{ $official }
notice-back-since = sinds { $when }
notice-back-title = { $name } werkt weer{ $place }
notice-back-body = De meldingen over { $name }{ $place } zijn terug op het normale niveau{ $back }. Er werden problemen gemeld vanaf { $when }.{ $official }

## E-mail

mail-confirm-subject = Bevestig: meldingen over { $name }
mail-confirm-problems = Iemand, hopelijk jij, wil bericht krijgen over problemen met { $name }.
mail-confirm-back = Iemand, hopelijk jij, wil bericht krijgen wanneer de huidige problemen bij { $name } voorbij zijn.
mail-confirm-link = Open deze link om te bevestigen:
mail-confirm-ignore = Was jij het niet? Negeer deze e-mail dan: je krijgt verder niets, en het adres wordt binnen een dag verwijderd.
mail-live-reports = Live meldingen:
mail-why = Je krijgt deze e-mail omdat je deze dienst volgt.
mail-unsubscribe = Afmelden:

## Atom-feed: de gedeelde oorzaak van een storing

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Waarschijnlijk ligt het niet aan { $name }: de meldingen komen vooral van het netwerk van { $subject } ({ $place }).
        [upstream] Waarschijnlijk ligt het niet aan { $name } zelf: diensten die op { $subject } draaien, vallen tegelijk uit.
       *[sympathy] Waarschijnlijk meldingen uit sympathie: { $subject } heeft een grote storing ({ $place }), en de meldingen over { $name } stegen veel minder.
    }
