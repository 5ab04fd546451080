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

## Flux Atom : la cause commune d'un incident

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Sans doute pas la faute de { $name } : les signalements viennent surtout du réseau de { $subject } ({ $place }).
        [upstream] Sans doute pas la faute de { $name } lui-même : des services hébergés chez { $subject } tombent en panne en même temps.
       *[sympathy] Signalements sans doute par ricochet : { $subject } subit une panne importante ({ $place }), et les signalements pour { $name } ont bien moins augmenté.
    }
