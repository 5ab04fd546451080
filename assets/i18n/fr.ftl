# downwatch : textes en français. Mêmes identifiants que en.ftl (un test le
# vérifie) ; les noms des services ne sont jamais traduits.

-brand = downwatch

## Nombres et dates

date-time-format = %d/%m/%Y %H:%M
utc = UTC
times-in-utc = Heures en UTC.
times-in-your-zone = Heures dans votre fuseau horaire.

## Cadre des pages

meta-description = En panne, ou c’est juste moi ? Signalements de pannes en direct par les utilisateurs, pour les sites, les applis et les réseaux – chaque personne compte une fois.
skip-to-content = Aller au contenu
demo-banner-title = Démo.
demo-banner-text = Ces signalements et ces pannes sont simulés, pas réels ; la détection, elle, est réelle.
nav-label = Menu principal
nav-services = Services
nav-map = Carte des pannes
footer-counted = Signalements des utilisateurs, chaque personne compte une fois.
footer-api-docs = Documentation de l’API
footer-languages = Langue
footer-map-data = Données cartographiques : world-atlas (Natural Earth). Contient des informations de world-countries (mledoze/countries), disponibles sous licence Open Database License (ODbL) v1.0.
footer-network-data = Données réseau : RouteViews, les registres Internet régionaux (NRO) et { $name }, sous licence CC BY 4.0, via ip-location-db.
feed-title = Incidents { $name }
install-hint = Ajoutez downwatch à votre écran d’accueil pour vérifier une panne en un geste.
install-button = Installer
install-dismiss = Plus tard

## Mots d’état

status-outage = Panne
status-possible = Panne possible
status-ok = Aucun problème
reports = { $count ->
    [one] { $count } signalement
   *[other] { $count } signalements
}
in-15-min = en 15 min
about-usual = , environ { $count } d’habitude

## Accueil

home-title = Signalements de pannes
home-heading = En panne, ou c’est juste moi ?
search-label = Trouver un service
search-placeholder = Spotify, Steam, AWS…
category-label = Catégorie
all-categories = Toutes les catégories
search-button = Rechercher
problems-now = Problèmes en ce moment
no-problems-now = Aucun problème détecté sur les services en ce moment.
most-reported = Les plus signalés (15 dernières minutes)
no-reports-15m = Aucun signalement ces 15 dernières minutes.
all-services = Tous les services
no-match = Aucun service ne correspond à votre recherche.

## Page d’état

status-title = { $name } en panne ? Problèmes et pannes en cours
status-heading = { $name } : signalements de panne
reported-counted = Merci, votre signalement a été pris en compte.
reported-repeat = Vous avez déjà signalé ce problème récemment ; nous avons compté votre premier signalement.
reported-limited = Trop de signalements viennent de votre réseau en ce moment ; réessayez dans une minute.
reported-invalid = Choisissez ce qui ne fonctionne pas, puis renvoyez le signalement.
counts-15m = { $count ->
    [one] signalement ces 15 dernières minutes
   *[other] signalements ces 15 dernières minutes
}
counts-24h = ces dernières 24 heures
chart-heading = Signalements des dernières 24 heures
symptoms-heading = Problèmes les plus signalés
no-reports-span = Aucun signalement sur cette période.
share-of = Part : { $name }
related-heading = Services similaires
map-heading = D’où viennent les signalements
span-since = depuis { $time }
span-24h = 24 heures
map-showing-outage = Affichage : la panne jusqu’ici.
map-show-24h = Afficher les dernières 24 heures
map-showing-24h = Affichage : les dernières 24 heures.
map-show-outage = Afficher la panne jusqu’ici
map-label = Carte des signalements concernant { $name } par pays
usual-in-region = (environ { $count } d’habitude)
history-link = Historique des incidents de { $name }
atom-feed = Flux Atom
status-badge = Badge d’état
report-button = J’ai un problème avec { $name }
report-legend = Qu’est-ce qui ne fonctionne pas ?
platform-label = Plateforme (facultatif)
platform-none = Non précisée
send-report = Envoyer le signalement
active-incident = Incident en cours
active-incident-in = Incident en cours : { $region }
incident-times = Début { $started }, détecté { $detected }.
incident-peak = Pic de { $peak } par minute ; { $total } jusqu’ici.
affected-regions = Régions touchées :
incident-most-reported = Les plus signalés :
timeline-caption = Signalements par rapport au niveau habituel pendant l’incident
timeline-time = Heure
timeline-reports = Signalements
timeline-expected = Attendus

## L’essentiel : en panne, ou juste moi ?

line-problems-since = Les utilisateurs signalent des problèmes avec { $name }{ $place } depuis { $time }
line-problems = Les utilisateurs signalent des problèmes avec { $name }{ $place }
line-possible = Les utilisateurs signalent de possibles problèmes avec { $name }{ $place }
line-ok = Aucun problème en cours avec { $name }
not-just-you = Pas seulement vous :
maybe-not-just-you = Peut-être pas seulement vous :
probably-not-just-you = Sans doute pas seulement vous :
probably-just-you = Sans doute juste vous :

## Erreurs

page-not-found = Page introuvable
service-not-found = Service introuvable
no-page-here = Il n’y a pas de page à cette adresse.
unavailable-title = Momentanément indisponible
unavailable-text = Nous ne pouvons pas lire les signalements pour le moment. Réessayez dans un instant.
internal-title = Une erreur s’est produite
internal-text = La page n’a pas pu être générée.
too-many-title = Trop de requêtes
too-many-text = Vous avez chargé des pages très rapidement. Patientez un instant, puis réessayez.
back-to-services = Retour à tous les services

## Hors ligne (l’appli installée sans réseau)

offline-note = Vous êtes hors ligne. Cette page montre ce que downwatch savait lors de son enregistrement :

## Lieux, durées, niveaux

place-worldwide = dans le monde entier
place-in = ({ $list })
place-mostly-in = (surtout { $list })
place-two = { $first } et { $second }
place-more = { $list } et { $count ->
    [one] { $count } autre pays
   *[other] { $count } autres pays
}
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
hours-minutes = { $hours } { $minutes }
people = { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
times-above = au-dessus du niveau habituel
times-twice = deux fois le niveau habituel
times-n = { $count } fois le niveau habituel
level-unknown = { $reports } ces 15 dernières minutes (niveau habituel pas encore appris).
level-little-above = un peu au-dessus du niveau habituel
level-usual = à peu près le niveau habituel
level-sentence = { $reports } ces 15 dernières minutes, pour environ { $usual } d’habitude : { $level }.
fold-since = Depuis { $time }
fold-so-far = , soit { $duration } jusqu’ici.
fold-people-since = { $count ->
    [one] a signalé
   *[other] ont signalé
} un problème depuis le début ({ $reports }).
fold-people-hour = { $count ->
    [one] a signalé
   *[other] ont signalé
} un problème au cours de la dernière heure.
fold-possible = « Panne possible » : les signalements{ $place } dépassent le niveau habituel plus que le hasard ne l’expliquerait, sans suffire encore à parler de panne.
fold-no-official = { $name } ne publie pas de page d’état officielle que nous suivons ; seuls les signalements des utilisateurs sont affichés.
fold-follow-link = Être prévenu quand { $name } refonctionne
fold-follow-rest = – par notification ou par e-mail, sans compte.
spark-label = { $count } signalements concernant { $name } ces 6 dernières heures

## Carte des pannes

map-service = Service
map-all-services = tous les services
map-window = Période
window-15m = 15 minutes
window-1h = 1 heure
window-24h = 24 heures
map-show = Afficher
map-outages-now = Pannes en cours
map-summary-15m = { $reports } concernant { $name } ces 15 dernières minutes.
map-summary-1h = { $reports } concernant { $name } au cours de la dernière heure.
map-summary-24h = { $reports } concernant { $name } ces dernières 24 heures.

## Notifications aux abonnés (push, e-mail)

date-short-format = %d/%m
notice-when = { $date } à { $time } UTC
notice-place = ({ $region })
notice-acknowledged-words = { $name } l’a reconnu le { $when } : « { $words } »
notice-says = { $name } indique : « { $words } »
notice-acknowledged = { $name } l’a reconnu le { $when }.
notice-cause = Sans doute pas la faute de { $name } : { $summary }
notice-shared-cause = une cause commune
notice-cause-title = { $name }{ $place } : sans doute { $subject }, pas { $name }
notice-cause-body = Des utilisateurs signalent des problèmes avec { $name }{ $place } depuis le { $when }.{ $cause } L’état suit toujours les signalements.
notice-symptoms = { " " }: { $list }.
notice-no-symptoms = .
notice-problems-title = { $name } : problèmes signalés{ $place }
notice-again-title = { $name } : de nouveau en panne{ $place }
notice-problems-body = Des utilisateurs signalent des problèmes avec { $name }{ $place } depuis le { $when }{ $what }{ $cause }{ $official }
notice-back-since = depuis le { $when }
notice-back-title = { $name } fonctionne à nouveau{ $place }
notice-back-body = Les signalements concernant { $name }{ $place } sont revenus au niveau habituel{ $back }. Des problèmes ont été signalés à partir du { $when }.{ $official }

## E-mail

mail-confirm-subject = À confirmer : notifications concernant { $name }
mail-confirm-problems = Quelqu’un, vous sans doute, a demandé à être prévenu des problèmes avec { $name }.
mail-confirm-back = Quelqu’un, vous sans doute, a demandé à être prévenu de la fin des problèmes actuels avec { $name }.
mail-confirm-link = Pour confirmer, ouvrez ce lien :
mail-confirm-ignore = Si ce n’était pas vous, ignorez cet e-mail : vous ne recevrez rien d’autre, et l’adresse sera effacée sous 24 heures.
mail-live-reports = Signalements en direct :
mail-why = Vous recevez cet e-mail car vous avez demandé à suivre ce service.
mail-unsubscribe = Se désabonner :

## Durées abrégées (confirmations officielles)

dur-min = { $count } min
dur-h = { $count } h
dur-h-min = { $hours } h { $minutes } min
lag-as-surged = au moment où les signalements ont bondi
lag-after = { $duration } après le bond des signalements
lag-before = { $duration } avant le bond des signalements

## Le graphique

chart-summary = { $reports } ces 15 dernières minutes.
chart-summary-expected = { $reports } ces 15 dernières minutes, pour { $expected } attendus.
chart-day = { $total } ces dernières 24 heures.
chart-day-peak = { $total } ces dernières 24 heures ; le maximum ({ $peak }) dans le quart d’heure commençant à { $time }.
chart-title = Signalements concernant { $name } ces dernières 24 heures, par quart d’heure, comparés au niveau habituel
chart-key-usual = Signalements dans la fourchette habituelle
chart-key-excess = Signalements au-delà
chart-key-band = Fourchette habituelle
chart-key-incident = La panne jusqu’ici
chart-key-partial = Dernière barre : décompte en cours (depuis { $time })
chart-table-summary = Les chiffres du graphique sous forme de tableau
chart-table-caption = Signalements concernant { $name } par quart d’heure, comparés au niveau habituel
chart-table-from = Quart d’heure à partir de
chart-table-usual = Niveau habituel
chart-so-far = (jusqu’ici)

## Légende et libellés de la carte

map-legend-usual = Signalements comparés au niveau habituel de chaque pays :
map-legend-share = Pas encore de niveau habituel appris ; nuances selon la part des signalements :
map-shade-1 = Niveau habituel
map-shade-2 = Au-dessus de l’habituel
map-shade-3 = 3× l’habituel ou plus
map-shade-4 = 6× ou plus
map-shade-5 = 12× ou plus
map-fewest = le moins
map-most = le plus
map-no-reports = aucun signalement
map-country = { $name } : { $reports }
map-country-usual = { $name } : { $reports }, environ { $usual } d’habitude
map-cell = { $reports } près de { $place }

## Historique des incidents

history-heading = Historique des incidents de { $name }
history-current = État actuel de { $name }
history-no-source = { $name } n’a pas de page d’état officielle que nous suivons : impossible de noter la rapidité avec laquelle ses pannes sont reconnues.
history-source-unread = La page d’état officielle de { $name } n’a pas encore pu être lue : impossible de noter la rapidité avec laquelle ses pannes sont reconnues.
history-nothing-to-grade = Aucune panne de { $name } à noter pour l’instant ({ $days } derniers jours).
history-grade = Rapidité avec laquelle { $name } reconnaît ses pannes ({ $days } derniers jours) : note { $grade } ; { $lag }, { $unacknowledged } { $outages ->
    [one] panne sur { $outages } jamais reconnue
   *[other] pannes sur { $outages } jamais reconnues
}.
history-median-lag = délai médian { $duration }
history-no-acknowledgement = aucune reconnaissance
history-none = Aucun incident enregistré pour { $name }.
history-caption = Pannes détectées, les plus récentes d’abord
history-started = Début
history-region = Région
history-resolved = Résolue
history-peak = Pic par minute
history-official = État officiel
history-acknowledged = Reconnue
history-everywhere = Partout
history-ongoing = En cours
history-no-official-source = Pas de source officielle
history-source-unreachable = Source officielle injoignable
history-not-acknowledged = Non reconnue

## État officiel (la page d’état du service)

official-operational = opérationnel
official-unavailable-line = État officiel indisponible.
official-unavailable-because = État officiel indisponible ({ $reason }).
list-separator = {" ; "}
official-not-read-yet = pas encore lu
official-page = Page d’état de { $name }
official-silent = La page d’état de { $name } indique toujours « { $words } » alors que { $people } { $count ->
    [one] a signalé
   *[other] ont signalé
} des problèmes au cours de la dernière heure.
official-says = { $name } indique :
official-acknowledged = — reconnu { $when }, { $lag }
official-since = — depuis { $when }
official-checked = vérifiée { $when }
official-components = Composants en difficulté
official-incidents = Incidents officiels en cours
official-affected = Concernés : { $list }
official-updates = Communications officielles
official-resolved-early = Le service indique que cet incident est résolu ; les signalements des utilisateurs restent pourtant au-dessus du niveau habituel.
official-ack = Reconnu par { $name } à { $time }, { $lag }.
official-ack-title = Reconnu par { $name } à { $time }, { $lag } : « { $title } ».
official-not-ack = Pas encore reconnu par { $name }.
official-ack-unknown = La page d’état de { $name } n’a pas encore pu être lue : on ne sait donc pas si la panne y est reconnue.
official-level-ok = Opérationnel
official-level-maintenance = Maintenance en cours
official-level-minor = Problèmes mineurs
official-level-major = Panne majeure
official-state-investigating = Analyse en cours
official-state-identified = Cause identifiée
official-state-monitoring = Sous surveillance
official-state-resolved = Résolu
official-state-postmortem = Analyse après incident
official-state-scheduled = Planifié
official-state-in_progress = En cours
official-state-verifying = Vérification en cours
official-state-completed = Terminé
official-state-operational = Opérationnel
official-state-degraded_performance = Performances dégradées
official-state-partial_outage = Panne partielle
official-state-major_outage = Panne majeure
official-state-under_maintenance = En maintenance
incident-suspect = La plupart de ces signalements viennent d’un seul réseau ({ $share }) : il pourrait s’agir de signalements concertés plutôt que d’une panne.

## Causes communes

cause-label = Cause probable
cause-several-countries = plusieurs pays
cause-isp = Probablement pas { $service } : les signalements viennent surtout du réseau de { $subject } ({ $place }) ; { $others }. Beaucoup de services y tombent en même temps : le problème vient probablement de la connexion, pas de { $service }.
cause-others-fine = les autres réseaux vont bien
cause-others-less = les signalements ont bien moins augmenté sur les autres réseaux
cause-upstream = Probablement pas { $service } lui-même : { $count } services hébergés chez { $subject } tombent en même temps, et { $subject } a aussi des problèmes.
cause-sympathy = Signalements probablement par ricochet : { $subject } connaît une grosse panne ({ $place }), et les signalements pour { $service } ont bien moins augmenté compte tenu de sa taille. Des gens signalent peut-être { $service } parce qu’ils n’arrivent pas à joindre les clients de { $subject }.
cause-share = { $share } des signalements viennent en ce moment du réseau de { $subject } (d’habitude { $usual })
cause-usual-unknown = pas encore connu
cause-rise = { $subject } a atteint { $rise }× son niveau habituel, les autres au plus { $others }×
cause-times = premier problème { $first }, attribué { $labelled }
cause-confidence = confiance { $share }
cause-note = L’état ci-dessus suit toujours les signalements pour { $name } ; ceci ne fait que les expliquer.
cause-summary-isp = Les signalements viennent surtout du réseau de { $subject } ({ $place }) ; { $others }. { $count } services y tombent en même temps : le problème vient probablement de la connexion, pas de chaque service.
cause-summary-upstream = { $count } services hébergés chez { $subject } tombent en même temps : { $subject } en est la cause probable.
cause-summary-sympathy = { $subject } connaît une grosse panne ({ $place }) ; les autres opérateurs du pays ont bien moins augmenté compte tenu de leur taille : leurs signalements viennent probablement de gens qui n’arrivent pas à joindre les clients de { $subject }.
big-picture = Vue d’ensemble
big-picture-count = ({ $count } attribués, confiance { $share })
networks-heading = Réseaux en panne
network-in = ({ $place })
network-share = : { $share } des signalements en ce moment
network-usual = (d’habitude { $share })
network-failing = . Services touchés :

## Être prévenu (le panneau de suivi)

follow-heading = Être prévenu
follow-back = Me prévenir quand { $name } remarche
follow-back-done = Vous serez prévenu quand { $name } remarchera
follow-problems = Me prévenir en cas de problème avec { $name }
follow-problems-done = Vous serez prévenu des problèmes avec { $name }
unfollow-back = Ne plus me prévenir quand { $name } remarche
unfollow-back-done = C’est arrêté : vous ne serez pas prévenu quand { $name } remarchera.
unfollow-problems = Ne plus me prévenir des problèmes avec { $name }
unfollow-problems-done = C’est arrêté : vous ne recevrez plus de notifications au sujet de { $name }.
follow-feed = Suivez le { $feed } dans un lecteur de flux pour être informé de chaque incident.
follow-email-label = Ou par e-mail :
follow-email-which = Quels e-mails
follow-email-back = quand { $name } remarche
follow-email-problems = en cas de problème avec { $name }
follow-email-submit = M’envoyer un lien de confirmation
follow-email-note = Rien n’est envoyé avant votre confirmation. Votre adresse n’est conservée que tant que vous êtes abonné.
follow-setting-up = Activation des notifications…
follow-blocked = les notifications sont bloquées pour ce site ; autorisez-les dans les paramètres du site de votre navigateur, ou utilisez le flux Atom
follow-no-push = votre navigateur n’a pas pu joindre son service de notifications
follow-done-back = C’est fait : vous recevrez une notification quand le service remarchera.
follow-done-problems = C’est fait : vous serez prévenu des problèmes, et de leur fin.
follow-failed = Impossible d’activer les notifications :
follow-stopping = Arrêt des notifications…
follow-stop-failed = Impossible d’arrêter les notifications :
follow-gone = ce navigateur ne détient plus l’abonnement
follow-server-answered = le serveur a répondu
followed-email = Consultez votre boîte de réception : nous vous avons envoyé un lien de confirmation. Rien d’autre n’est envoyé tant que vous ne l’avez pas ouvert.
followed-email-invalid = Cela ne ressemble pas à une adresse e-mail ; vérifiez-la.
followed-no-incident = L’incident est déjà terminé ; suivez les problèmes pour être prévenu du prochain.
followed-limited = Trop d’abonnements en ce moment ; réessayez plus tard.
link-expired-title = Ce lien a expiré
link-expired-text = L’abonnement n’existe plus (il n’a pas été confirmé dans la journée, ou il a été annulé). Abonnez-vous à nouveau depuis la page d’état.
confirmed-title = Abonnement confirmé
confirmed-problems = Nous vous écrirons quand des gens signaleront des problèmes avec { $name }, et quand ils seront terminés. Chaque e-mail contient un lien de désabonnement.
confirmed-back = Nous vous écrirons une fois, quand { $name } remarchera. Chaque e-mail contient un lien de désabonnement.
unsubscribed-title = Désabonné
unsubscribed-text = Vous ne recevrez plus d’e-mails au sujet de ce service, et votre adresse est supprimée.

## La page d’une adresse inconnue

not-found-service = Nous ne connaissons pas « { $asked } »
not-found-no-service = Aucun service ne porte ce nom.
did-you-mean = Vouliez-vous dire

## Le flux Atom

feed-official-title = Page d’état de { $name } : { $text }
feed-outage = Panne de { $name }{ $place }
feed-possible = Problèmes possibles avec { $name }{ $place }
feed-resolved = Résolu : panne de { $name }{ $place }
feed-summary = Début { $started }, détection { $detected }{ $resolved }. Éléments : { $observed } en { $window } pour environ { $expected } attendus. Pic de { $peak } par minute ; { $total } au total.
feed-resolved-at = , résolution { $time }
feed-most-reported = Les plus signalés : { $list }.
feed-suspect = La plupart des signalements viennent d’un seul réseau : signalements peut-être concertés.
feed-acknowledged = Reconnu par le service { $time } ({ $lag }).
feed-official-update = Communication officielle ({ $status }, { $time }) : { $message }

## Messages d’erreur de l’API (par code d’erreur)

api-error-invalid_body = Le corps de la requête n’est pas du JSON (ou un formulaire) valide, ou n’a pas pu être lu.
api-error-invalid_query = Un paramètre de requête est mal formé ou hors limites.
api-error-invalid_path = Une partie de l’adresse est mal formée.
api-error-invalid_api_key = La clé d’API n’est pas valide ; envoyez une clé configurée, ou aucune.
api-error-missing_admin_token = L’API d’administration demande un jeton (bearer token).
api-error-invalid_admin_token = Le jeton d’administration est incorrect.
api-error-admin_disabled = L’API d’administration est désactivée sur ce serveur.
api-error-not_found = Il n’y a rien à cette adresse.
api-error-unknown_service = Aucun service ne porte ce nom.
api-error-unknown_outage = Ce service n’a pas d’incident avec cet identifiant.
api-error-unknown_webhook = Aucun webhook n’a cet identifiant.
api-error-unknown_follow = Aucun suivi de ce type pour ce point de terminaison.
api-error-email_unavailable = Les notifications par e-mail sont désactivées sur ce serveur.
api-error-method_not_allowed = Cette adresse n’accepte pas cette méthode.
api-error-request_timeout = Le corps de la requête est arrivé trop tard.
api-error-payload_too_large = Le corps de la requête dépasse la taille autorisée.
api-error-unsupported_media_type = Cette adresse n’accepte pas ce type de contenu.
api-error-unknown_symptom = Ce service ne propose pas ce problème à signaler.
api-error-unknown_platform = Cette plateforme n’existe pas.
api-error-invalid_status = Ce n’est pas un état de communication officielle.
api-error-invalid_message = Le message est vide ou trop long.
api-error-invalid_url = L’adresse du webhook doit être une URL http(s) absolue, avec un hôte et sans identifiants.
api-error-internal_target = L’adresse du webhook pointe vers un réseau interne.
api-error-invalid_secret = Le secret du webhook doit faire entre 16 et 256 caractères.
api-error-invalid_region = Ce n’est ni un code de pays (US) ni un code de subdivision (US-CA).
api-error-too_many_webhooks = Ce service a déjà autant de webhooks qu’il peut en avoir.
api-error-invalid_endpoint = Le point de terminaison push n’est pas une adresse https publique.
api-error-invalid_keys = Les clés de l’abonnement push sont mal formées.
api-error-invalid_email = Ce n’est pas une adresse e-mail d’un domaine de messagerie public.
api-error-no_active_incident = Aucun incident n’est en cours : il n’y a pas de fin à vous annoncer.
api-error-too_many_follows = Votre réseau a déjà fait aujourd’hui autant d’abonnements qu’il le peut.
api-error-service_follows_full = Ce service a déjà autant d’abonnés qu’il peut en avoir.
api-error-follows_full = Le serveur n’accepte plus d’abonnés pour le moment.
api-error-rate_limited = Trop de requêtes ; patientez un instant, puis réessayez.
api-error-too_many_failures = Trop d’échecs de connexion à l’administration ; patientez, puis réessayez.
api-error-too_many_streams = Vous avez déjà ouvert autant de flux d’événements que possible ; fermez-en un d’abord.
api-error-internal_error = Une erreur s’est produite sur le serveur.
api-error-store_unavailable = La base des signalements est indisponible ; réessayez dans un instant.
api-error-streams_full = Le serveur a atteint son nombre maximal de flux d’événements ; réessayez plus tard.

## Flux Atom : la cause commune d'un incident

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Sans doute pas la faute de { $name } : les signalements viennent surtout du réseau de { $subject } ({ $place }).
        [upstream] Sans doute pas la faute de { $name } lui-même : des services hébergés chez { $subject } tombent en panne en même temps.
       *[sympathy] Signalements sans doute par ricochet : { $subject } subit une panne importante ({ $place }), et les signalements pour { $name } ont bien moins augmenté.
    }
