# downwatch: textos en español. Mismos identificadores que en.ftl (un test
# lo comprueba); los nombres de los servicios no se traducen nunca.

-brand = downwatch

## Números y fechas

date-time-format = %-d/%-m/%Y, %H:%M
utc = UTC
times-in-utc = Horas en UTC.
times-in-your-zone = Horas en tu zona horaria.

## Marco de las páginas

meta-description = ¿Se ha caído o solo me pasa a mí? Avisos de caídas en directo enviados por los usuarios, para webs, apps y redes; cada persona cuenta una vez.
skip-to-content = Saltar al contenido
demo-banner-title = Demo.
demo-banner-text = Estos avisos y caídas son simulados, no reales; la detección sí es real.
nav-label = Menú principal
nav-services = Servicios
nav-map = Mapa de caídas
footer-counted = Avisos de los usuarios; cada persona cuenta una vez.
footer-api-docs = Documentación de la API
footer-languages = Idioma
footer-map-data = Datos del mapa: world-atlas (Natural Earth). Contiene información de world-countries (mledoze/countries), disponible bajo la Open Database License (ODbL) v1.0.
footer-network-data = Datos de red: RouteViews, los registros regionales de internet (NRO) y { $name }, bajo CC BY 4.0, a través de ip-location-db.
feed-title = Incidencias de { $name }
install-hint = Añade downwatch a tu pantalla de inicio para comprobar una caída con un toque.
install-button = Instalar
install-dismiss = Ahora no

## Palabras de estado

status-outage = Problemas
status-possible = Posibles problemas
status-ok = Sin problemas
reports = { $count ->
    [one] { $count } aviso
   *[other] { $count } avisos
}
in-15-min = en 15 min
about-usual = , unos { $count } lo normal

## Inicio

home-title = Avisos de caídas
home-heading = ¿Se ha caído o solo me pasa a mí?
search-label = Buscar un servicio
search-placeholder = Spotify, Steam, AWS…
category-label = Categoría
all-categories = Todas las categorías
search-button = Buscar
problems-now = Problemas ahora mismo
no-problems-now = Ahora mismo no se ha detectado ningún problema.
most-reported = Los más avisados (últimos 15 minutos)
no-reports-15m = Ningún aviso en los últimos 15 minutos.
all-services = Todos los servicios
no-match = Ningún servicio coincide con tu búsqueda.

## Página de estado

status-title = ¿{ $name } caído? Problemas y caídas actuales
status-heading = { $name }: avisos de caídas
reported-counted = Gracias, hemos contado tu aviso.
reported-repeat = Ya nos avisaste de esto hace poco; contamos tu primer aviso.
reported-limited = Han llegado demasiados avisos desde tu red; vuelve a intentarlo dentro de un minuto.
reported-invalid = Elige qué es lo que no funciona y vuelve a enviar el aviso.
counts-15m = { $count ->
    [one] aviso en los últimos 15 minutos
   *[other] avisos en los últimos 15 minutos
}
counts-24h = en las últimas 24 horas
chart-heading = Avisos de las últimas 24 horas
symptoms-heading = Problemas más avisados
no-reports-span = Ningún aviso en este periodo.
share-of = Proporción de { $name }
related-heading = Servicios relacionados
map-heading = De dónde llegan los avisos
span-since = desde las { $time }
span-24h = 24 horas
map-showing-outage = Se muestra la caída hasta ahora.
map-show-24h = Ver las últimas 24 horas
map-showing-24h = Se muestran las últimas 24 horas.
map-show-outage = Ver la caída hasta ahora
map-label = Mapa de avisos sobre { $name } por país
usual-in-region = (unos { $count } lo normal)
history-link = Historial de incidencias de { $name }
atom-feed = Feed Atom
status-badge = Insignia de estado
report-button = Tengo un problema con { $name }
report-legend = ¿Qué es lo que no funciona?
platform-label = Plataforma (opcional)
platform-none = Sin indicar
send-report = Enviar aviso
active-incident = Incidencia en curso
active-incident-in = Incidencia en curso en { $region }
incident-times = Empezó a las { $started }, detectada a las { $detected }.
incident-peak = Máximo de { $peak } por minuto; { $total } hasta ahora.
affected-regions = Regiones afectadas:
incident-most-reported = Lo más avisado:
timeline-caption = Avisos frente al nivel normal mientras dura la incidencia
timeline-time = Hora
timeline-reports = Avisos
timeline-expected = Esperados

## Lo esencial: ¿caído, o solo yo?

line-problems-since = Los usuarios avisan de problemas con { $name }{ $place } desde las { $time }
line-problems = Los usuarios avisan de problemas con { $name }{ $place }
line-possible = Los usuarios avisan de posibles problemas con { $name }{ $place }
line-ok = Ningún problema actual con { $name }
not-just-you = No solo te pasa a ti:
maybe-not-just-you = Quizá no solo te pasa a ti:
probably-not-just-you = Seguramente no solo te pasa a ti:
probably-just-you = Seguramente solo te pasa a ti:

## Errores

page-not-found = Página no encontrada
service-not-found = Servicio no encontrado
no-page-here = No hay ninguna página en esta dirección.
unavailable-title = No disponible por el momento
unavailable-text = Ahora mismo no podemos leer los avisos. Vuelve a intentarlo en un momento.
internal-title = Algo ha fallado
internal-text = No se ha podido generar la página.
too-many-title = Demasiadas solicitudes
too-many-text = Has cargado páginas muy deprisa. Espera un momento y vuelve a intentarlo.
back-to-services = Volver a todos los servicios

## Sin conexión (la app instalada sin red)

offline-note = No tienes conexión. Esta página muestra lo que downwatch sabía cuando se guardó:

## Lugares, duraciones, niveles

place-worldwide = en todo el mundo
place-in = ({ $list })
place-mostly-in = (sobre todo { $list })
place-two = { $first } y { $second }
place-more = { $list } y { $count ->
    [one] { $count } país más
   *[other] { $count } países más
}
minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
hours-minutes = { $hours } y { $minutes }
people = { $count ->
    [one] { $count } persona
   *[other] { $count } personas
}
times-above = por encima de lo normal
times-twice = el doble de lo normal
times-n = { $count } veces lo normal
level-unknown = { $reports } en los últimos 15 minutos (aún no sabemos cuál es el nivel normal).
level-little-above = algo por encima de lo normal
level-usual = más o menos lo normal
level-sentence = { $reports } en los últimos 15 minutos, cuando lo normal son unos { $usual }: { $level }.
fold-since = Desde las { $time }
fold-so-far = ; { $duration } hasta ahora.
fold-people-since = { $count ->
    [one] ha avisado
   *[other] han avisado
} de problemas desde que empezó ({ $reports }).
fold-people-hour = { $count ->
    [one] ha avisado
   *[other] han avisado
} de problemas en la última hora.
fold-possible = «Posibles problemas»: los avisos{ $place } superan lo normal más de lo que explicaría el azar, pero aún no bastan para hablar de caída.
fold-no-official = { $name } no publica ninguna página de estado oficial que sigamos, así que solo se muestran los avisos de los usuarios.
fold-follow-link = Avísame cuando { $name } vuelva a funcionar
fold-follow-rest = : por notificación o correo, sin crear cuenta.
spark-label = { $count } avisos sobre { $name } en las últimas 6 horas

## Mapa de caídas

map-service = Servicio
map-all-services = todos los servicios
map-window = Periodo
window-15m = 15 minutos
window-1h = 1 hora
window-24h = 24 horas
map-show = Mostrar
map-outages-now = Caídas ahora
map-summary-15m = { $reports } sobre { $name } en los últimos 15 minutos.
map-summary-1h = { $reports } sobre { $name } en la última hora.
map-summary-24h = { $reports } sobre { $name } en las últimas 24 horas.

## Avisos a quienes siguen un servicio (push, correo)

date-short-format = %-d/%-m
notice-when = el { $date } a las { $time } UTC
notice-place = ({ $region })
notice-acknowledged-words = { $name } lo reconoció { $when }: «{ $words }»
notice-says = { $name } dice: «{ $words }»
notice-acknowledged = { $name } lo reconoció { $when }.
notice-cause = Seguramente no es cosa de { $name }: { $summary }
notice-shared-cause = una causa común
notice-cause-title = { $name }{ $place }: seguramente es { $subject }, no { $name }
notice-cause-body = Los usuarios avisan de problemas con { $name }{ $place } desde { $when }.{ $cause } El estado sigue basándose en los avisos.
notice-symptoms = : { $list }.
notice-no-symptoms = .
notice-problems-title = { $name }: avisos de problemas{ $place }
notice-again-title = { $name } vuelve a fallar{ $place }
notice-problems-body = Los usuarios avisan de problemas con { $name }{ $place } desde { $when }{ $what }{ $cause }{ $official }
notice-back-since = desde { $when }
notice-back-title = { $name } vuelve a funcionar{ $place }
notice-back-body = Los avisos sobre { $name }{ $place } han vuelto al nivel normal{ $back }. Hubo avisos de problemas desde { $when }.{ $official }

## Correo

mail-confirm-subject = Confirma: avisos sobre { $name }
mail-confirm-problems = Alguien, esperamos que tú, ha pedido que le avisemos de los problemas con { $name }.
mail-confirm-back = Alguien, esperamos que tú, ha pedido que le avisemos cuando terminen los problemas actuales de { $name }.
mail-confirm-link = Para confirmarlo, abre este enlace:
mail-confirm-ignore = Si no has sido tú, ignora este correo: no enviaremos nada más y la dirección se borrará en menos de un día.
mail-live-reports = Avisos en directo:
mail-why = Recibes este correo porque pediste seguir este servicio.
mail-unsubscribe = Darse de baja:

## Duraciones abreviadas (reconocimientos oficiales)

dur-min = { $count } min
dur-h = { $count } h
dur-h-min = { $hours } h { $minutes } min
lag-as-surged = justo cuando se dispararon los avisos
lag-after = { $duration } después de que se dispararan los avisos
lag-before = { $duration } antes de que se dispararan los avisos

## El gráfico

chart-summary = { $reports } en los últimos 15 minutos.
chart-summary-expected = { $reports } en los últimos 15 minutos; lo esperado eran { $expected }.
chart-day = { $total } en las últimas 24 horas.
chart-day-peak = { $total } en las últimas 24 horas; el máximo ({ $peak }), en los 15 minutos desde las { $time }.
chart-title = Avisos sobre { $name } en las últimas 24 horas, cada 15 minutos, frente al nivel habitual
chart-key-usual = Avisos dentro del margen habitual
chart-key-excess = Avisos por encima
chart-key-band = Margen habitual
chart-key-incident = La caída hasta ahora
chart-key-partial = Última barra: aún contando (desde las { $time })
chart-table-summary = Los datos del gráfico en una tabla
chart-table-caption = Avisos sobre { $name } cada 15 minutos, frente al nivel habitual
chart-table-from = 15 minutos desde
chart-table-usual = Nivel habitual
chart-so-far = (hasta ahora)

## Leyenda y etiquetas del mapa

map-legend-usual = Avisos frente al nivel habitual de cada país:
map-legend-share = Aún no hay un nivel habitual aprendido; sombreado según la proporción de avisos:
map-shade-1 = Nivel habitual
map-shade-2 = Por encima de lo habitual
map-shade-3 = 3× lo habitual o más
map-shade-4 = 6× o más
map-shade-5 = 12× o más
map-fewest = menos
map-most = más
map-no-reports = sin avisos
map-country = { $name }: { $reports }
map-country-usual = { $name }: { $reports }; lo habitual, unos { $usual }
map-cell = { $reports } cerca de { $place }

## Historial de incidencias

history-heading = Historial de incidencias de { $name }
history-current = Estado actual de { $name }
history-no-source = { $name } no tiene una página de estado oficial que sigamos, así que no hay nota sobre la rapidez con que reconoce sus caídas.
history-source-unread = Aún no se ha podido leer la página de estado oficial de { $name }, así que no hay nota sobre la rapidez con que reconoce sus caídas.
history-nothing-to-grade = Aún no hay caídas de { $name } que calificar (últimos { $days } días).
history-grade = Rapidez con que { $name } reconoce sus caídas (últimos { $days } días): nota { $grade }; { $lag }; { $unacknowledged } de { $outages ->
    [one] { $outages } caída nunca reconocida
   *[other] { $outages } caídas nunca reconocidas
}.
history-median-lag = retraso mediano de { $duration }
history-no-acknowledgement = sin reconocimiento
history-none = No hay incidencias registradas de { $name }.
history-caption = Caídas detectadas, de la más reciente a la más antigua
history-started = Inicio
history-region = Región
history-resolved = Resuelta
history-peak = Pico por minuto
history-official = Estado oficial
history-acknowledged = Reconocida
history-everywhere = En todas partes
history-ongoing = En curso
history-no-official-source = Sin fuente oficial
history-source-unreachable = Fuente oficial inaccesible
history-not-acknowledged = No reconocida

## Estado oficial (la página de estado del servicio)

official-operational = operativo
official-unavailable-line = Estado oficial no disponible.
official-unavailable-because = Estado oficial no disponible ({ $reason }).
list-separator = {"; "}
official-not-read-yet = aún sin leer
official-page = Página de estado de { $name }
official-silent = La página de estado de { $name } sigue diciendo «{ $words }», aunque { $people } { $count ->
    [one] ha avisado
   *[other] han avisado
} de problemas en la última hora.
official-says = { $name } dice:
official-acknowledged = — reconocido { $when }, { $lag }
official-since = — desde { $when }
official-checked = consultada { $when }
official-components = Componentes con problemas
official-incidents = Incidencias oficiales abiertas
official-affected = Afectados: { $list }
official-updates = Comunicados oficiales
official-resolved-early = El servicio da esta incidencia por resuelta, pero los avisos de los usuarios siguen por encima del nivel habitual.
official-ack = Reconocido por { $name } a las { $time }, { $lag }.
official-ack-title = Reconocido por { $name } a las { $time }, { $lag }: «{ $title }».
official-not-ack = { $name } aún no lo ha reconocido.
official-ack-unknown = Aún no se ha podido leer la página de estado de { $name }, así que no se sabe si lo reconoce.
official-level-ok = Operativo
official-level-maintenance = En mantenimiento
official-level-minor = Problemas menores
official-level-major = Caída grave
official-state-investigating = Investigando
official-state-identified = Causa identificada
official-state-monitoring = En observación
official-state-resolved = Resuelto
official-state-postmortem = Análisis posterior
official-state-scheduled = Programado
official-state-in_progress = En curso
official-state-verifying = Verificando
official-state-completed = Completado
official-state-operational = Operativo
official-state-degraded_performance = Rendimiento reducido
official-state-partial_outage = Caída parcial
official-state-major_outage = Caída grave
official-state-under_maintenance = En mantenimiento
incident-suspect = La mayoría de estos avisos vienen de una sola red ({ $share }), así que podría tratarse de avisos coordinados y no de una caída.

## Causas comunes

cause-label = Causa probable
cause-several-countries = varios países
cause-isp = Probablemente no es { $service }: los avisos vienen sobre todo de la red de { $subject } ({ $place }); { $others }. Allí fallan muchos servicios a la vez: lo más probable es que el problema sea la conexión, no { $service }.
cause-others-fine = las demás redes van bien
cause-others-less = en las demás redes los avisos subieron mucho menos
cause-upstream = Probablemente no es { $service } en sí: { $count } servicios alojados en { $subject } fallan a la vez, y { $subject } también tiene problemas.
cause-sympathy = Probablemente avisos por arrastre: { $subject } tiene una caída grande ({ $place }), y los avisos de { $service } subieron mucho menos para su tamaño. Puede que la gente avise de { $service } porque no consigue llegar a los clientes de { $subject }.
cause-share = el { $share } de los avisos viene ahora de la red de { $subject } (lo habitual: { $usual })
cause-usual-unknown = aún desconocido
cause-rise = { $subject } subió a { $rise }× su nivel habitual; los demás, como mucho a { $others }×
cause-times = primer problema { $first }, asignado { $labelled }
cause-confidence = confianza { $share }
cause-note = El estado de arriba sigue basándose en los avisos sobre { $name }; esto solo los explica.
cause-summary-isp = Los avisos vienen sobre todo de la red de { $subject } ({ $place }); { $others }. Allí fallan { $count } servicios a la vez: lo más probable es que el problema sea la conexión, no cada servicio.
cause-summary-upstream = { $count } servicios alojados en { $subject } fallan a la vez: lo más probable es que la causa sea { $subject }.
cause-summary-sympathy = { $subject } tiene una caída grande ({ $place }); en los demás operadores del país los avisos subieron mucho menos para su tamaño: seguramente son avisos de gente que no consigue llegar a los clientes de { $subject }.
big-picture = El panorama general
big-picture-count = ({ $count } asignados, confianza { $share })
networks-heading = Redes con fallos
network-in = ({ $place })
network-share = : el { $share } de los avisos ahora
network-usual = (lo habitual: { $share })
network-failing = . Servicios afectados:

## Recibir avisos (el panel de seguimiento)

follow-heading = Recibir avisos
follow-back = Avísame cuando { $name } vuelva a funcionar
follow-back-done = Te avisaremos cuando { $name } vuelva a funcionar
follow-problems = Avísame de problemas con { $name }
follow-problems-done = Te avisaremos de los problemas con { $name }
unfollow-back = Dejar de avisarme cuando { $name } vuelva
unfollow-back-done = Listo: no te avisaremos cuando { $name } vuelva a funcionar.
unfollow-problems = Dejar de avisarme de problemas con { $name }
unfollow-problems-done = Listo: ya no recibirás notificaciones sobre { $name }.
follow-feed = Sigue el { $feed } en un lector de feeds para enterarte de cada incidencia.
follow-email-label = O por correo:
follow-email-which = Qué correos
follow-email-back = cuando { $name } vuelva a funcionar
follow-email-problems = sobre problemas con { $name }
follow-email-submit = Enviarme un enlace de confirmación
follow-email-note = No se envía nada hasta que confirmes. Tu dirección solo se guarda mientras estés suscrito.
follow-setting-up = Activando las notificaciones…
follow-blocked = las notificaciones están bloqueadas para este sitio; permítelas en la configuración del sitio de tu navegador o usa el feed Atom
follow-no-push = tu navegador no pudo conectar con su servicio de notificaciones
follow-done-back = Listo: recibirás una notificación cuando vuelva a funcionar.
follow-done-problems = Listo: te avisaremos de los problemas y de cuándo terminen.
follow-failed = No se pudieron activar las notificaciones:
follow-stopping = Desactivando las notificaciones…
follow-stop-failed = No se pudieron desactivar las notificaciones:
follow-gone = este navegador ya no tiene la suscripción
follow-server-answered = el servidor respondió
followed-email = Revisa tu bandeja de entrada: te hemos enviado un enlace de confirmación. No se envía nada más hasta que lo abras.
followed-email-invalid = Eso no parece una dirección de correo; revísala.
followed-no-incident = La incidencia ya ha terminado; sigue los problemas para enterarte de la próxima.
followed-limited = Ahora mismo hay demasiadas suscripciones; vuelve a intentarlo más tarde.
link-expired-title = Este enlace ha caducado
link-expired-text = La suscripción ya no existe (no se confirmó en un día o se canceló). Vuelve a suscribirte en la página de estado.
confirmed-title = Suscripción confirmada
confirmed-problems = Te escribiremos cuando la gente avise de problemas con { $name } y cuando terminen. Cada correo incluye un enlace para darte de baja.
confirmed-back = Te escribiremos una vez, cuando { $name } vuelva a funcionar. Cada correo incluye un enlace para darte de baja.
unsubscribed-title = Baja confirmada
unsubscribed-text = Ya no recibirás correos sobre este servicio, y tu dirección se ha borrado.

## La página de una dirección desconocida

not-found-service = No conocemos «{ $asked }»
not-found-no-service = No hay ningún servicio con ese nombre.
did-you-mean = Quizá buscabas

## El feed Atom

feed-official-title = Página de estado de { $name }: { $text }
feed-outage = Caída de { $name }{ $place }
feed-possible = Posibles problemas con { $name }{ $place }
feed-resolved = Resuelta: caída de { $name }{ $place }
feed-summary = Inicio { $started }, detección { $detected }{ $resolved }. Datos: { $observed } en { $window }, cuando se esperaban unos { $expected }. Pico de { $peak } por minuto; { $total } en total.
feed-resolved-at = , resolución { $time }
feed-most-reported = Lo más avisado: { $list }.
feed-suspect = La mayoría de los avisos vienen de una sola red: quizá avisos coordinados.
feed-acknowledged = Reconocido por el servicio { $time } ({ $lag }).
feed-official-update = Comunicado oficial ({ $status }, { $time }): { $message }

## Mensajes de error de la API (por código de error)

api-error-invalid_body = El cuerpo de la petición no es JSON (ni un formulario) válido, o no se pudo leer.
api-error-invalid_query = Un parámetro de la consulta está mal formado o fuera de rango.
api-error-invalid_path = Una parte de la dirección está mal formada.
api-error-invalid_api_key = La clave de la API no es válida; envía una clave configurada o ninguna.
api-error-missing_admin_token = La API de administración necesita un token (bearer).
api-error-invalid_admin_token = El token de administración es incorrecto.
api-error-admin_disabled = La API de administración está desactivada en este servidor.
api-error-not_found = No hay nada en esta dirección.
api-error-unknown_service = No hay ningún servicio con ese nombre.
api-error-unknown_outage = Este servicio no tiene ninguna incidencia con ese identificador.
api-error-unknown_webhook = No hay ningún webhook con ese identificador.
api-error-unknown_follow = No hay ningún seguimiento de ese tipo para ese endpoint.
api-error-email_unavailable = Los avisos por correo están desactivados en este servidor.
api-error-method_not_allowed = Esta dirección no admite ese método.
api-error-request_timeout = El cuerpo de la petición tardó demasiado en llegar.
api-error-payload_too_large = El cuerpo de la petición supera el tamaño permitido.
api-error-unsupported_media_type = Esta dirección no admite ese tipo de contenido.
api-error-unknown_symptom = Este servicio no ofrece ese problema para avisar.
api-error-unknown_platform = No existe esa plataforma.
api-error-invalid_status = Ese no es un estado de comunicado oficial.
api-error-invalid_message = El mensaje está vacío o es demasiado largo.
api-error-invalid_url = La dirección del webhook debe ser una URL http(s) absoluta, con host y sin credenciales.
api-error-internal_target = La dirección del webhook apunta a una red interna.
api-error-invalid_secret = El secreto del webhook debe tener entre 16 y 256 caracteres.
api-error-invalid_region = No es un código de país (US) ni de subdivisión (US-CA).
api-error-too_many_webhooks = Este servicio ya tiene tantos webhooks como puede tener.
api-error-invalid_endpoint = El endpoint de notificaciones no es una dirección https pública.
api-error-invalid_keys = Las claves de la suscripción push están mal formadas.
api-error-invalid_email = No es una dirección de correo de un dominio público.
api-error-no_active_incident = Ahora no hay ninguna incidencia en curso de cuyo final podamos avisarte.
api-error-too_many_follows = Tu red ya ha hecho hoy todas las suscripciones permitidas.
api-error-service_follows_full = Este servicio ya tiene tantos seguidores como puede tener.
api-error-follows_full = El servidor no admite más seguidores por ahora.
api-error-rate_limited = Demasiadas peticiones; espera un momento y vuelve a intentarlo.
api-error-too_many_failures = Demasiados intentos fallidos de acceso de administración; espera y vuelve a intentarlo.
api-error-too_many_streams = Ya tienes abiertos todos los flujos de eventos permitidos; cierra uno primero.
api-error-internal_error = Algo ha fallado en el servidor.
api-error-store_unavailable = El almacén de avisos no está disponible; vuelve a intentarlo en un momento.
api-error-streams_full = El servidor tiene abiertos todos los flujos de eventos que puede; vuelve a intentarlo más tarde.

## Feed Atom: la causa común de una incidencia

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Seguramente no es cosa de { $name }: los avisos llegan sobre todo desde la red de { $subject } ({ $place }).
        [upstream] Seguramente no es cosa de { $name } en sí: varios servicios que funcionan sobre { $subject } fallan a la vez.
       *[sympathy] Seguramente avisos por contagio: { $subject } tiene una caída importante ({ $place }) y los avisos sobre { $name } subieron mucho menos.
    }
