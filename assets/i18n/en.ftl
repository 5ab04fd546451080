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

## Durations in short (official acknowledgements)

dur-min = { $count } min
dur-h = { $count } h
dur-h-min = { $hours } h { $minutes } min
lag-as-surged = as reports surged
lag-after = { $duration } after reports surged
lag-before = { $duration } before reports surged

## The chart

chart-summary = { $reports } in the last 15 minutes.
chart-summary-expected = { $reports } in the last 15 minutes, { $expected } expected.
chart-day = { $total } in the last 24 hours.
chart-day-peak = { $total } in the last 24 hours; the most ({ $peak }) in the 15 minutes from { $time }.
chart-title = Reports about { $name } in the last 24 hours, per 15 minutes, against the usual level
chart-key-usual = Reports within the usual range
chart-key-excess = Reports above it
chart-key-band = Usual range
chart-key-incident = The outage so far
chart-key-partial = Last bar: still counting (since { $time })
chart-table-summary = The chart's numbers as a table
chart-table-caption = Reports about { $name } per 15 minutes, against the usual level
chart-table-from = 15 minutes from
chart-table-usual = Usual level
chart-so-far = (so far)

## The map's legend and labels

map-legend-usual = Reports against each country’s own usual level:
map-legend-share = No usual level learned yet; shaded by share of reports:
map-shade-1 = About usual
map-shade-2 = Above usual
map-shade-3 = 3× usual or more
map-shade-4 = 6× or more
map-shade-5 = 12× or more
map-fewest = fewest
map-most = most
map-no-reports = no reports
map-country = { $name }: { $reports }
map-country-usual = { $name }: { $reports }, about { $usual } usual
map-cell = { $reports } near { $place }

## Incident history

history-heading = { $name } incident history
history-current = Current status of { $name }
history-no-source = { $name } has no official status source that we follow, so there is no grade for how fast it admits outages.
history-source-unread = { $name }'s official status source could not be read yet, so there is no grade for how fast it admits outages.
history-nothing-to-grade = No outage of { $name } to grade yet (last { $days } days).
history-grade = How fast { $name } admits outages (last { $days } days): grade { $grade }; { $lag }, { $unacknowledged } of { $outages ->
    [one] { $outages } outage
   *[other] { $outages } outages
} never acknowledged.
history-median-lag = median lag { $duration }
history-no-acknowledgement = no acknowledgement
history-none = No incidents recorded for { $name }.
history-caption = Detected outages, newest first
history-started = Started
history-region = Region
history-resolved = Resolved
history-peak = Peak a minute
history-official = Official status
history-acknowledged = Acknowledged
history-everywhere = Everywhere
history-ongoing = Ongoing
history-no-official-source = No official source
history-source-unreachable = Official source not reachable
history-not-acknowledged = Not acknowledged

## Official status (the service's own status page)

official-operational = operational
official-unavailable-line = Official status unavailable.
official-unavailable-because = Official status unavailable ({ $reason }).
list-separator = {"; "}
official-not-read-yet = not read yet
official-page = { $name }'s status page
official-silent = { $name }'s status page still says { $words } while { $people } reported problems in the last hour.
official-says = { $name } says:
official-acknowledged = — acknowledged { $when }, { $lag }
official-since = — since { $when }
official-checked = checked { $when }
official-components = Components not operational
official-incidents = Open official incidents
official-affected = Affected: { $list }
official-updates = Official updates
official-resolved-early = The service reports this incident resolved; user reports are still above the usual level.
official-ack = Acknowledged by { $name } at { $time }, { $lag }.
official-ack-title = Acknowledged by { $name } at { $time }, { $lag }: “{ $title }”.
official-not-ack = Not acknowledged by { $name } yet.
official-ack-unknown = { $name }'s status page could not be read yet, so whether it acknowledges this is unknown.
official-level-ok = Operational
official-level-maintenance = Under maintenance
official-level-minor = Minor problems
official-level-major = Major outage
official-state-investigating = Investigating
official-state-identified = Identified
official-state-monitoring = Monitoring
official-state-resolved = Resolved
official-state-postmortem = Post-mortem
official-state-scheduled = Scheduled
official-state-in_progress = In progress
official-state-verifying = Verifying
official-state-completed = Completed
official-state-operational = Operational
official-state-degraded_performance = Degraded performance
official-state-partial_outage = Partial outage
official-state-major_outage = Major outage
official-state-under_maintenance = Under maintenance
incident-suspect = Most of these reports come from a single network ({ $share }), so this may be coordinated reporting rather than an outage.

## Shared causes

cause-label = Probable cause
cause-several-countries = several countries
cause-isp = Probably not { $service }: reports come mostly from { $subject }'s network in { $place }; { $others }. Many services there are failing at once: the problem is likely the connection, not { $service }.
cause-others-fine = other networks are fine
cause-others-less = other networks rose far less
cause-upstream = Probably not { $service } itself: { $count } services that run on { $subject } are failing at once, and { $subject } is having problems too.
cause-sympathy = Likely sympathy reports: { $subject } has a large outage in { $place }, and reports for { $service } rose far less for its size. People may be reporting { $service } because they cannot reach { $subject }'s customers.
cause-share = { $share } of the reports come from { $subject }'s network now (usually { $usual })
cause-usual-unknown = not known yet
cause-rise = { $subject } rose { $rise }x its usual level, the others at most { $others }x
cause-times = first problem { $first }, labelled { $labelled }
cause-confidence = confidence { $share }
cause-note = The status above still follows the reports for { $name }; this only explains them.
cause-summary-isp = Reports come mostly from { $subject }'s network in { $place }; { $others }. { $count } services there are failing at once: the problem is likely the connection, not each service.
cause-summary-upstream = { $count } services that run on { $subject } are failing at once: { $subject } is the likely cause.
cause-summary-sympathy = { $subject } has a large outage in { $place }; other carriers there rose far less for their size: their reports are likely sympathy reports from people who cannot reach { $subject }'s customers.
big-picture = The big picture
big-picture-count = ({ $count } labelled, confidence { $share })
networks-heading = Failing networks
network-in = in { $place }
network-share = : { $share } of the reports now
network-usual = (usually { $share })
network-failing = . Failing on it:

## Get notified (the follow panel)

follow-heading = Get notified
follow-back = Notify me when { $name } is back
follow-back-done = You will be notified when { $name } is back
follow-problems = Notify me about problems with { $name }
follow-problems-done = You will be notified about problems with { $name }
unfollow-back = Stop notifications when { $name } is back
unfollow-back-done = Stopped: you will not be notified when { $name } is back.
unfollow-problems = Stop notifications about problems with { $name }
unfollow-problems-done = Stopped: you will get no more notifications about { $name }.
follow-feed = Follow the { $feed } in a feed reader to hear of every incident.
follow-email-label = Or by email:
follow-email-which = Which mails
follow-email-back = when { $name } is back
follow-email-problems = about problems with { $name }
follow-email-submit = Send me a link to confirm
follow-email-note = Nothing is sent before you confirm. Your address is kept only while you are subscribed.
follow-setting-up = Setting up notifications…
follow-blocked = notifications are blocked for this site; allow them in the browser's site settings, or use the Atom feed
follow-no-push = your browser could not reach its push service
follow-done-back = Done: you will get one notification when it is back.
follow-done-problems = Done: you will be notified of problems, and when they are over.
follow-failed = Could not turn on notifications:
follow-stopping = Stopping notifications…
follow-stop-failed = Could not stop notifications:
follow-gone = this browser no longer holds the subscription
follow-server-answered = the server answered
followed-email = Check your inbox: we sent a link to confirm. Nothing else is sent until you open it.
followed-email-invalid = That does not look like an email address; please check it.
followed-no-incident = The incident is over already; follow problems to hear of the next one.
followed-limited = Too many subscriptions just now; please try again later.
link-expired-title = This link has expired
link-expired-text = The subscription is gone (it was not confirmed within a day, or was cancelled). Subscribe again on the status page.
confirmed-title = Subscription confirmed
confirmed-problems = We will mail you when people report problems with { $name }, and when they are over. Every mail has a link to unsubscribe.
confirmed-back = We will mail you once, when { $name } is back. Every mail has a link to unsubscribe.
unsubscribed-title = Unsubscribed
unsubscribed-text = You will get no more mail about this service, and your address is deleted.

## The page of an unknown address

not-found-service = We don't know “{ $asked }”
not-found-no-service = There is no service by this name.
did-you-mean = Did you mean

## The Atom feed

feed-official-title = { $name }'s status page: { $text }
feed-outage = Outage at { $name }{ $place }
feed-possible = Possible problems at { $name }{ $place }
feed-resolved = Resolved: outage at { $name }{ $place }
feed-summary = Started { $started }, detected { $detected }{ $resolved }. Evidence: { $observed } in { $window } where about { $expected } were expected. Peak { $peak } a minute; { $total } in all.
feed-resolved-at = , resolved { $time }
feed-most-reported = Most reported: { $list }.
feed-suspect = Most reports come from one network: possibly coordinated reporting.
feed-acknowledged = Acknowledged by the service { $time } ({ $lag }).
feed-official-update = Official update ({ $status }, { $time }): { $message }

## API error messages (by error code; English answers keep their own,
## more detailed sentence)

api-error-invalid_body = The request body is not valid JSON (or form data), or could not be read.
api-error-invalid_query = A query parameter is malformed or out of range.
api-error-invalid_path = A part of the address is malformed.
api-error-invalid_api_key = The API key is not valid; send a configured key or none.
api-error-missing_admin_token = The admin API needs a bearer token.
api-error-invalid_admin_token = The admin token is wrong.
api-error-admin_disabled = The admin API is turned off on this server.
api-error-not_found = There is nothing at this address.
api-error-unknown_service = There is no service by this name.
api-error-unknown_outage = This service has no incident with that id.
api-error-unknown_webhook = There is no webhook with that id.
api-error-unknown_follow = Nothing is followed with that kind and endpoint.
api-error-email_unavailable = Notices by email are turned off on this server.
api-error-method_not_allowed = This address does not take that method.
api-error-request_timeout = The request body took too long to arrive.
api-error-payload_too_large = The request body is larger than allowed.
api-error-unsupported_media_type = The request body is of a type this address does not take.
api-error-unknown_symptom = This service offers no such problem to report.
api-error-unknown_platform = There is no such platform.
api-error-invalid_status = That is not a status of an official update.
api-error-invalid_message = The message is empty or too long.
api-error-invalid_url = The webhook address must be an absolute http(s) URL with a host and no credentials.
api-error-internal_target = The webhook address points at an internal network.
api-error-invalid_secret = The webhook secret must be 16 to 256 characters long.
api-error-invalid_region = That is not a country code (US) or a subdivision code (US-CA).
api-error-too_many_webhooks = This service has as many webhooks as it may have.
api-error-invalid_endpoint = The push endpoint is not a public https address.
api-error-invalid_keys = The keys of the push subscription are malformed.
api-error-invalid_email = That is not an email address at a public mail domain.
api-error-no_active_incident = There is no incident going on now whose end you could be told of.
api-error-too_many_follows = Your network has made as many subscriptions today as it may.
api-error-service_follows_full = This service has as many followers as it may have.
api-error-follows_full = The server takes no more followers right now.
api-error-rate_limited = Too many requests; please wait a moment and try again.
api-error-too_many_failures = Too many failed admin logins; please wait and try again.
api-error-too_many_streams = You already have as many event streams open as you may; close one first.
api-error-internal_error = Something went wrong on the server.
api-error-store_unavailable = The report store is unavailable; please try again shortly.
api-error-streams_full = The server holds as many event streams as it can; please try again later.

## Atom feed: an incident's shared cause

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Probably not { $name }: reports come mostly from { $subject }'s network in { $place }.
        [upstream] Probably not { $name } itself: services that run on { $subject } are failing at once.
       *[sympathy] Likely sympathy reports: { $subject } has a large outage in { $place }, and reports for { $name } rose far less.
    }
