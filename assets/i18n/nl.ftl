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

## Korte tijdsduren (officiële bevestigingen)

dur-min = { $count } min
dur-h = { $count } u
dur-h-min = { $hours } u { $minutes } min
lag-as-surged = precies toen de meldingen omhoogschoten
lag-after = { $duration } nadat de meldingen omhoogschoten
lag-before = { $duration } voordat de meldingen omhoogschoten

## De grafiek

chart-summary = { $reports } in de afgelopen 15 minuten.
chart-summary-expected = { $reports } in de afgelopen 15 minuten, terwijl er { $expected } verwacht werden.
chart-day = { $total } in de afgelopen 24 uur.
chart-day-peak = { $total } in de afgelopen 24 uur; de meeste ({ $peak }) in het kwartier vanaf { $time }.
chart-title = Meldingen over { $name } in de afgelopen 24 uur, per kwartier, vergeleken met het gebruikelijke niveau
chart-key-usual = Meldingen binnen de gebruikelijke marge
chart-key-excess = Meldingen daarboven
chart-key-band = Gebruikelijke marge
chart-key-incident = De storing tot nu toe
chart-key-partial = Laatste balk: wordt nog geteld (sinds { $time })
chart-table-summary = De cijfers van de grafiek als tabel
chart-table-caption = Meldingen over { $name } per kwartier, vergeleken met het gebruikelijke niveau
chart-table-from = Kwartier vanaf
chart-table-usual = Gebruikelijk niveau
chart-so-far = (tot nu toe)

## Legenda en labels van de kaart

map-legend-usual = Meldingen vergeleken met het gebruikelijke niveau van elk land:
map-legend-share = Nog geen gebruikelijk niveau geleerd; gekleurd naar aandeel in de meldingen:
map-shade-1 = Zoals gebruikelijk
map-shade-2 = Boven het gebruikelijke
map-shade-3 = 3× het gebruikelijke of meer
map-shade-4 = 6× of meer
map-shade-5 = 12× of meer
map-fewest = minste
map-most = meeste
map-no-reports = geen meldingen
map-country = { $name }: { $reports }
map-country-usual = { $name }: { $reports }, gebruikelijk zo'n { $usual }
map-cell = { $reports } bij { $place }

## Storingsgeschiedenis

history-heading = Storingsgeschiedenis van { $name }
history-current = Huidige status van { $name }
history-no-source = { $name } heeft geen officiële statuspagina die wij volgen, dus er is geen cijfer voor hoe snel storingen worden erkend.
history-source-unread = De officiële statuspagina van { $name } kon nog niet worden gelezen, dus er is geen cijfer voor hoe snel storingen worden erkend.
history-nothing-to-grade = Nog geen storing van { $name } om te beoordelen (afgelopen { $days } dagen).
history-grade = Hoe snel { $name } storingen erkent (afgelopen { $days } dagen): cijfer { $grade }; { $lag }; { $unacknowledged } van de { $outages ->
    [one] { $outages } storing
   *[other] { $outages } storingen
} nooit erkend.
history-median-lag = mediane vertraging { $duration }
history-no-acknowledgement = geen erkenning
history-none = Geen storingen geregistreerd voor { $name }.
history-caption = Gedetecteerde storingen, nieuwste eerst
history-started = Begonnen
history-region = Regio
history-resolved = Opgelost
history-peak = Piek per minuut
history-official = Officiële status
history-acknowledged = Erkend
history-everywhere = Overal
history-ongoing = Nog bezig
history-no-official-source = Geen officiële bron
history-source-unreachable = Officiële bron niet bereikbaar
history-not-acknowledged = Niet erkend

## Officiële status (de statuspagina van de dienst)

official-operational = operationeel
official-unavailable-line = Officiële status niet beschikbaar.
official-unavailable-because = Officiële status niet beschikbaar ({ $reason }).
list-separator = {"; "}
official-not-read-yet = nog niet gelezen
official-page = Statuspagina van { $name }
official-silent = De statuspagina van { $name } zegt nog steeds ‘{ $words }’, terwijl { $people } in het afgelopen uur problemen { $count ->
    [one] heeft
   *[other] hebben
} gemeld.
official-says = { $name } zegt:
official-acknowledged = — erkend { $when }, { $lag }
official-since = — sinds { $when }
official-checked = gecontroleerd { $when }
official-components = Onderdelen met problemen
official-incidents = Openstaande officiële incidenten
official-affected = Getroffen: { $list }
official-updates = Officiële updates
official-resolved-early = De dienst meldt dit incident als opgelost, maar de meldingen van gebruikers liggen nog boven het gebruikelijke niveau.
official-ack = Erkend door { $name } om { $time }, { $lag }.
official-ack-title = Erkend door { $name } om { $time }, { $lag }: ‘{ $title }’.
official-not-ack = Nog niet erkend door { $name }.
official-ack-unknown = De statuspagina van { $name } kon nog niet worden gelezen, dus het is onbekend of de storing daar wordt erkend.
official-level-ok = Operationeel
official-level-maintenance = Onderhoud
official-level-minor = Kleine problemen
official-level-major = Grote storing
official-state-investigating = Wordt onderzocht
official-state-identified = Oorzaak gevonden
official-state-monitoring = Wordt gevolgd
official-state-resolved = Opgelost
official-state-postmortem = Nabeschouwing
official-state-scheduled = Gepland
official-state-in_progress = Bezig
official-state-verifying = Wordt gecontroleerd
official-state-completed = Afgerond
official-state-operational = Operationeel
official-state-degraded_performance = Verminderde prestaties
official-state-partial_outage = Gedeeltelijke storing
official-state-major_outage = Grote storing
official-state-under_maintenance = Onderhoud
incident-suspect = De meeste van deze meldingen komen uit één netwerk ({ $share }), dus het kan om afgesproken meldingen gaan in plaats van een storing.

## Gedeelde oorzaken

cause-label = Waarschijnlijke oorzaak
cause-several-countries = meerdere landen
cause-isp = Waarschijnlijk niet { $service }: de meldingen komen vooral uit het netwerk van { $subject } ({ $place }); { $others }. Daar werken veel diensten tegelijk niet: het probleem zit waarschijnlijk in de verbinding, niet bij { $service }.
cause-others-fine = andere netwerken werken gewoon
cause-others-less = bij andere netwerken stegen de meldingen veel minder
cause-upstream = Waarschijnlijk niet { $service } zelf: { $count } diensten die op { $subject } draaien, werken tegelijk niet, en ook { $subject } heeft problemen.
cause-sympathy = Waarschijnlijk meeliftende meldingen: { $subject } heeft een grote storing ({ $place }), en de meldingen voor { $service } stegen naar verhouding veel minder. Misschien melden mensen { $service } omdat ze de klanten van { $subject } niet kunnen bereiken.
cause-share = { $share } van de meldingen komt nu uit het netwerk van { $subject } (gebruikelijk: { $usual })
cause-usual-unknown = nog onbekend
cause-rise = { $subject } steeg tot { $rise }× het gebruikelijke niveau, de andere tot hooguit { $others }×
cause-times = eerste probleem { $first }, toegewezen { $labelled }
cause-confidence = zekerheid { $share }
cause-note = De status hierboven volgt nog steeds de meldingen over { $name }; dit verklaart ze alleen.
cause-summary-isp = De meldingen komen vooral uit het netwerk van { $subject } ({ $place }); { $others }. Daar werken { $count } diensten tegelijk niet: het probleem zit waarschijnlijk in de verbinding, niet bij elke dienst afzonderlijk.
cause-summary-upstream = { $count } diensten die op { $subject } draaien, werken tegelijk niet: { $subject } is de waarschijnlijke oorzaak.
cause-summary-sympathy = { $subject } heeft een grote storing ({ $place }); bij andere providers daar stegen de meldingen naar verhouding veel minder: waarschijnlijk melden mensen ze omdat ze de klanten van { $subject } niet kunnen bereiken.
big-picture = Het grote geheel
big-picture-count = ({ $count } toegewezen, zekerheid { $share })
networks-heading = Netwerken met storingen
network-in = ({ $place })
network-share = : nu { $share } van de meldingen
network-usual = (gebruikelijk { $share })
network-failing = . Getroffen diensten:

## Op de hoogte blijven (het volgpaneel)

follow-heading = Op de hoogte blijven
follow-back = Laat me weten wanneer { $name } weer werkt
follow-back-done = Je krijgt bericht wanneer { $name } weer werkt
follow-problems = Laat me weten als er problemen zijn met { $name }
follow-problems-done = Je krijgt bericht bij problemen met { $name }
unfollow-back = Geen bericht meer wanneer { $name } weer werkt
unfollow-back-done = Gestopt: je krijgt geen bericht wanneer { $name } weer werkt.
unfollow-problems = Geen berichten meer bij problemen met { $name }
unfollow-problems-done = Gestopt: je krijgt geen meldingen meer over { $name }.
follow-feed = Volg de { $feed } in een feedlezer om van elk incident te horen.
follow-email-label = Of per e-mail:
follow-email-which = Welke e-mails
follow-email-back = wanneer { $name } weer werkt
follow-email-problems = bij problemen met { $name }
follow-email-submit = Stuur me een bevestigingslink
follow-email-note = Er wordt niets verstuurd voordat je bevestigt. Je adres wordt alleen bewaard zolang je bent aangemeld.
follow-setting-up = Meldingen worden ingesteld…
follow-blocked = meldingen zijn geblokkeerd voor deze site; sta ze toe in de site-instellingen van je browser, of gebruik de Atom-feed
follow-no-push = je browser kon zijn pushdienst niet bereiken
follow-done-back = Klaar: je krijgt één melding wanneer het weer werkt.
follow-done-problems = Klaar: je krijgt bericht bij problemen, en wanneer ze voorbij zijn.
follow-failed = Meldingen konden niet worden aangezet:
follow-stopping = Meldingen worden uitgezet…
follow-stop-failed = Meldingen konden niet worden uitgezet:
follow-gone = deze browser heeft het abonnement niet meer
follow-server-answered = de server antwoordde
followed-email = Kijk in je inbox: we hebben een bevestigingslink gestuurd. Er wordt niets anders verstuurd tot je die opent.
followed-email-invalid = Dat lijkt geen e-mailadres; controleer het even.
followed-no-incident = De storing is al voorbij; volg de problemen om van de volgende te horen.
followed-limited = Er zijn nu te veel aanmeldingen; probeer het later opnieuw.
link-expired-title = Deze link is verlopen
link-expired-text = Het abonnement bestaat niet meer (het is niet binnen een dag bevestigd, of het is opgezegd). Meld je opnieuw aan op de statuspagina.
confirmed-title = Abonnement bevestigd
confirmed-problems = We mailen je wanneer mensen problemen met { $name } melden, en wanneer ze voorbij zijn. Elke e-mail bevat een link om je af te melden.
confirmed-back = We mailen je één keer, wanneer { $name } weer werkt. Elke e-mail bevat een link om je af te melden.
unsubscribed-title = Afgemeld
unsubscribed-text = Je krijgt geen e-mail meer over deze dienst, en je adres is verwijderd.

## De pagina van een onbekend adres

not-found-service = We kennen ‘{ $asked }’ niet
not-found-no-service = Er is geen dienst met deze naam.
did-you-mean = Bedoelde je

## De Atom-feed

feed-official-title = Statuspagina van { $name }: { $text }
feed-outage = Storing bij { $name }{ $place }
feed-possible = Mogelijke problemen bij { $name }{ $place }
feed-resolved = Opgelost: storing bij { $name }{ $place }
feed-summary = Begonnen { $started }, gedetecteerd { $detected }{ $resolved }. Bewijs: { $observed } in { $window }, waar zo'n { $expected } verwacht werden. Piek { $peak } per minuut; { $total } in totaal.
feed-resolved-at = , opgelost { $time }
feed-most-reported = Het vaakst gemeld: { $list }.
feed-suspect = De meeste meldingen komen uit één netwerk: mogelijk afgesproken meldingen.
feed-acknowledged = Erkend door de dienst { $time } ({ $lag }).
feed-official-update = Officiële update ({ $status }, { $time }): { $message }

## Foutmeldingen van de API (per foutcode)

api-error-invalid_body = De inhoud van het verzoek is geen geldige JSON (of formulier), of kon niet worden gelezen.
api-error-invalid_query = Een queryparameter is ongeldig of valt buiten het bereik.
api-error-invalid_path = Een deel van het adres is ongeldig.
api-error-invalid_api_key = De API-sleutel is ongeldig; stuur een ingestelde sleutel of geen.
api-error-missing_admin_token = De beheer-API vraagt om een bearer-token.
api-error-invalid_admin_token = Het beheertoken klopt niet.
api-error-admin_disabled = De beheer-API staat uit op deze server.
api-error-not_found = Op dit adres staat niets.
api-error-unknown_service = Er is geen dienst met deze naam.
api-error-unknown_outage = Deze dienst heeft geen storing met deze id.
api-error-unknown_webhook = Er is geen webhook met deze id.
api-error-unknown_follow = Er wordt niets gevolgd met dit soort en dit endpoint.
api-error-email_unavailable = Berichten per e-mail staan uit op deze server.
api-error-method_not_allowed = Dit adres accepteert deze methode niet.
api-error-request_timeout = De inhoud van het verzoek kwam te laat binnen.
api-error-payload_too_large = De inhoud van het verzoek is groter dan toegestaan.
api-error-unsupported_media_type = Dit adres accepteert dit soort inhoud niet.
api-error-unknown_symptom = Dit probleem kun je voor deze dienst niet melden.
api-error-unknown_platform = Dit platform bestaat niet.
api-error-invalid_status = Dat is geen status van een officiële update.
api-error-invalid_message = Het bericht is leeg of te lang.
api-error-invalid_url = Het webhookadres moet een absolute http(s)-URL zijn, met host en zonder inloggegevens.
api-error-internal_target = Het webhookadres wijst naar een intern netwerk.
api-error-invalid_secret = Het webhookgeheim moet 16 tot 256 tekens lang zijn.
api-error-invalid_region = Dat is geen landcode (US) en geen code van een deelgebied (US-CA).
api-error-too_many_webhooks = Deze dienst heeft al zoveel webhooks als toegestaan.
api-error-invalid_endpoint = Het push-endpoint is geen openbaar https-adres.
api-error-invalid_keys = De sleutels van het pushabonnement zijn ongeldig.
api-error-invalid_email = Dat is geen e-mailadres bij een openbaar maildomein.
api-error-no_active_incident = Er is nu geen storing bezig waarvan we je het einde kunnen melden.
api-error-too_many_follows = Vanuit je netwerk zijn vandaag al zoveel aanmeldingen gedaan als toegestaan.
api-error-service_follows_full = Deze dienst heeft al zoveel volgers als toegestaan.
api-error-follows_full = De server neemt nu geen volgers meer aan.
api-error-rate_limited = Te veel verzoeken; wacht even en probeer het opnieuw.
api-error-too_many_failures = Te veel mislukte beheeraanmeldingen; wacht even en probeer het opnieuw.
api-error-too_many_streams = Je hebt al zoveel eventstreams open als toegestaan; sluit er eerst een.
api-error-internal_error = Er ging iets mis op de server.
api-error-store_unavailable = De opslag van meldingen is niet bereikbaar; probeer het zo opnieuw.
api-error-streams_full = De server heeft al zoveel eventstreams open als hij kan; probeer het later opnieuw.

## Atom-feed: de gedeelde oorzaak van een storing

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Waarschijnlijk ligt het niet aan { $name }: de meldingen komen vooral van het netwerk van { $subject } ({ $place }).
        [upstream] Waarschijnlijk ligt het niet aan { $name } zelf: diensten die op { $subject } draaien, vallen tegelijk uit.
       *[sympathy] Waarschijnlijk meldingen uit sympathie: { $subject } heeft een grote storing ({ $place }), en de meldingen over { $name } stegen veel minder.
    }
