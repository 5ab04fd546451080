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

## Feed Atom: la causa común de una incidencia

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Seguramente no es cosa de { $name }: los avisos llegan sobre todo desde la red de { $subject } ({ $place }).
        [upstream] Seguramente no es cosa de { $name } en sí: varios servicios que funcionan sobre { $subject } fallan a la vez.
       *[sympathy] Seguramente avisos por contagio: { $subject } tiene una caída importante ({ $place }) y los avisos sobre { $name } subieron mucho menos.
    }
