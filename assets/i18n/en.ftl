# downwatch: English messages. Every other file in this folder has the
# same ids (a test checks); service names are never translated.

-brand = downwatch

## Numbers and dates

# chrono strftime pattern of a date and time (UTC) on the server-rendered
# page; the page script rewrites it in the reader's time zone.
date-time-format = %-d %b %Y, %H:%M
utc = UTC
times-in-utc = Times are in UTC.
times-in-your-zone = Times are in your time zone.

## Page shell

meta-description = Is it down, or is it just me? Live, crowd-sourced outage reports for websites, apps and networks, counted once per person.
skip-to-content = Skip to content
demo-banner-title = Demo.
demo-banner-text = These reports and outages are simulated, not real; the detection is real.
nav-label = Main
nav-services = Services
nav-map = Outage map
footer-counted = Crowd-sourced reports, counted once per person.
footer-api-docs = API documentation
footer-languages = Language
footer-map-data = Map data: world-atlas (Natural Earth). Contains information from world-countries (mledoze/countries), made available under the Open Database License (ODbL) v1.0.
footer-network-data = Network data: RouteViews, the regional internet registries (NRO) and { $name }, under CC BY 4.0, via ip-location-db.
feed-title = { $name } incidents
install-hint = Add downwatch to your home screen to check an outage in one tap.
install-button = Install
install-dismiss = Not now

## Status words

status-outage = Problems
status-possible = Possible problems
status-ok = No problems
reports = { $count ->
    [one] { $count } report
   *[other] { $count } reports
}
in-15-min = in 15 min
about-usual = , about { $count } usual

## Home page

home-title = Outage reports
home-heading = Is it down, or is it just me?
search-label = Find a service
search-placeholder = Spotify, Steam, AWS…
category-label = Category
all-categories = All categories
search-button = Search
problems-now = Problems right now
no-problems-now = No service has a detected problem right now.
most-reported = Most reported (last 15 minutes)
no-reports-15m = No reports in the last 15 minutes.
all-services = All services
no-match = No service matches your search.

## Status page

status-title = { $name } down? Current problems and outages
status-heading = { $name } outage reports
reported-counted = Thanks — your report was counted.
reported-repeat = You already reported this recently; we counted your first report.
reported-limited = Too many reports came from your network just now; please try again in a minute.
reported-invalid = Please pick what is not working, then send the report again.
counts-15m = { $count ->
    [one] report in the last 15 minutes
   *[other] reports in the last 15 minutes
}
counts-24h = in the last 24 hours
chart-heading = Reports in the last 24 hours
symptoms-heading = Most reported problems
no-reports-span = No reports in this time.
share-of = { $name } share
related-heading = Related services
map-heading = Where reports come from
span-since = since { $time }
span-24h = 24 hours
map-showing-outage = Showing the outage so far.
map-show-24h = Show the last 24 hours
map-showing-24h = Showing the last 24 hours.
map-show-outage = Show the outage so far
map-label = Map of reports about { $name } by country
usual-in-region = (about { $count } usual)
history-link = Incident history for { $name }
atom-feed = Atom feed
status-badge = Status badge
report-button = I have a problem with { $name }
report-legend = What is not working?
platform-label = Platform (optional)
platform-none = Not given
send-report = Send report
active-incident = Active incident
active-incident-in = Active incident in { $region }
incident-times = Started { $started }, detected { $detected }.
incident-peak = Peak { $peak } a minute; { $total } so far.
affected-regions = Affected regions:
incident-most-reported = Most reported:
timeline-caption = Reports against the usual level while the incident is open
timeline-time = Time
timeline-reports = Reports
timeline-expected = Expected

## The fold: is it down, is it just me

line-problems-since = User reports indicate problems at { $name }{ $place } since { $time }
line-problems = User reports indicate problems at { $name }{ $place }
line-possible = User reports indicate possible problems at { $name }{ $place }
line-ok = No current problems at { $name }
not-just-you = Not just you:
maybe-not-just-you = Maybe not just you:
probably-not-just-you = Probably not just you:
probably-just-you = Probably just you:

## Errors

page-not-found = Page not found
service-not-found = Service not found
no-page-here = There is no page at this address.
unavailable-title = Temporarily unavailable
unavailable-text = We cannot read the report counts right now. Please try again in a moment.
internal-title = Something went wrong
internal-text = The page could not be built.
too-many-title = Too many requests
too-many-text = You loaded pages very quickly. Please wait a moment and try again.
back-to-services = Back to all services

## Offline (the installed app without a network)

offline-note = You are offline. This page shows what downwatch knew when it was saved:

## Places, durations, levels

place-worldwide = worldwide
place-in = in { $list }
place-mostly-in = mostly in { $list }
place-two = { $first } and { $second }
place-more = { $list } and { $count ->
    [one] { $count } more country
   *[other] { $count } more countries
}
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
hours-minutes = { $hours } { $minutes }
people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
times-above = above the usual level
times-twice = twice the usual level
times-n = { $count } times the usual level
level-unknown = { $reports } in the last 15 minutes (no usual level learned yet).
level-little-above = a little above the usual level
level-usual = about the usual level
level-sentence = { $reports } in the last 15 minutes where about { $usual } are usual: { $level }.
fold-since = Since { $time }
fold-so-far = , { $duration } so far.
fold-people-since = reported problems since it started ({ $reports }).
fold-people-hour = reported problems in the last hour.
fold-possible = “Possible problems”: reports{ $place } are above the usual level by more than chance, not yet enough to call it an outage.
fold-no-official = { $name } publishes no official status page that we follow, so only user reports are shown.
fold-follow-link = Get told when { $name } is back
fold-follow-rest = — by notification or email, no account needed.
spark-label = { $count } reports about { $name } in the last 6 hours

## Outage map

map-service = Service
map-all-services = all services
map-window = Time window
window-15m = 15 minutes
window-1h = 1 hour
window-24h = 24 hours
map-show = Show
map-outages-now = Outages now
map-summary-15m = { $reports } about { $name } in the last 15 minutes.
map-summary-1h = { $reports } about { $name } in the last hour.
map-summary-24h = { $reports } about { $name } in the last 24 hours.

## Notices to followers (push, mail)

date-short-format = %-d %b
notice-when = { $time } UTC on { $date }
notice-place = in { $region }
notice-acknowledged-words = { $name } acknowledged it at { $when }: “{ $words }”
notice-says = { $name } says: “{ $words }”
notice-acknowledged = { $name } acknowledged it at { $when }.
notice-cause = Probably not { $name }: { $summary }
notice-shared-cause = a shared cause
notice-cause-title = { $name }{ $place }: probably { $subject }, not { $name }
notice-cause-body = People report problems with { $name }{ $place } since { $when }.{ $cause } The status still follows the reports.
notice-symptoms = : { $list }.
notice-no-symptoms = .
notice-problems-title = { $name }: problems reported{ $place }
notice-again-title = { $name } is down again{ $place }
notice-problems-body = People report problems with { $name }{ $place } since { $when }{ $what }{ $cause }{ $official }
notice-back-since = since { $when }
notice-back-title = { $name } is back{ $place }
notice-back-body = Reports about { $name }{ $place } are back to the usual level{ $back }. Problems were reported from { $when }.{ $official }

## Mail

mail-confirm-subject = Confirm: notices about { $name }
mail-confirm-problems = Someone, hopefully you, asked to be told about problems with { $name }.
mail-confirm-back = Someone, hopefully you, asked to be told when the current problems end at { $name }.
mail-confirm-link = To confirm, open this link:
mail-confirm-ignore = If it was not you, ignore this mail: nothing more will be sent, and the address is deleted within a day.
mail-live-reports = Live reports:
mail-why = You get this because you asked to follow this service.
mail-unsubscribe = Unsubscribe:

## Atom feed: an incident's shared cause

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Probably not { $name }: reports come mostly from { $subject }'s network in { $place }.
        [upstream] Probably not { $name } itself: services that run on { $subject } are failing at once.
       *[sympathy] Likely sympathy reports: { $subject } has a large outage in { $place }, and reports for { $name } rose far less.
    }
