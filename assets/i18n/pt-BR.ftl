# downwatch: textos em português do Brasil. Mesmos identificadores de
# en.ftl (um teste confere); nomes de serviços nunca são traduzidos.

-brand = downwatch

## Números e datas

date-time-format = %d/%m/%Y, %H:%M
utc = UTC
times-in-utc = Horários em UTC.
times-in-your-zone = Horários no seu fuso horário.

## Moldura das páginas

meta-description = Caiu ou é só comigo? Relatos de falhas ao vivo enviados pelos usuários, para sites, apps e redes; cada pessoa conta uma vez.
skip-to-content = Pular para o conteúdo
demo-banner-title = Demonstração.
demo-banner-text = Estes relatos e falhas são simulados, não reais; a detecção é real.
nav-label = Menu principal
nav-services = Serviços
nav-map = Mapa de falhas
footer-counted = Relatos dos usuários; cada pessoa conta uma vez.
footer-api-docs = Documentação da API
footer-languages = Idioma
footer-map-data = Dados do mapa: world-atlas (Natural Earth). Contém informações de world-countries (mledoze/countries), disponibilizadas sob a Open Database License (ODbL) v1.0.
footer-network-data = Dados de rede: RouteViews, os registros regionais de internet (NRO) e { $name }, sob CC BY 4.0, via ip-location-db.
feed-title = Incidentes de { $name }
install-hint = Adicione o downwatch à tela inicial para conferir uma falha com um toque.
install-button = Instalar
install-dismiss = Agora não

## Palavras de status

status-outage = Problemas
status-possible = Possíveis problemas
status-ok = Sem problemas
reports = { $count ->
    [one] { $count } relato
   *[other] { $count } relatos
}
in-15-min = em 15 min
about-usual = , normalmente cerca de { $count }

## Início

home-title = Relatos de falhas
home-heading = Caiu ou é só comigo?
search-label = Encontrar um serviço
search-placeholder = Spotify, Steam, AWS…
category-label = Categoria
all-categories = Todas as categorias
search-button = Buscar
problems-now = Problemas agora
no-problems-now = Nenhum serviço tem problema detectado agora.
most-reported = Mais relatados (últimos 15 minutos)
no-reports-15m = Nenhum relato nos últimos 15 minutos.
all-services = Todos os serviços
no-match = Nenhum serviço corresponde à sua busca.

## Página de status

status-title = { $name } fora do ar? Problemas e falhas agora
status-heading = { $name }: relatos de falhas
reported-counted = Obrigado, seu relato foi contado.
reported-repeat = Você já relatou isso há pouco; contamos o seu primeiro relato.
reported-limited = Chegaram relatos demais da sua rede agora; tente de novo daqui a um minuto.
reported-invalid = Escolha o que não está funcionando e envie o relato de novo.
counts-15m = { $count ->
    [one] relato nos últimos 15 minutos
   *[other] relatos nos últimos 15 minutos
}
counts-24h = nas últimas 24 horas
chart-heading = Relatos nas últimas 24 horas
symptoms-heading = Problemas mais relatados
no-reports-span = Nenhum relato neste período.
share-of = Parcela de { $name }
related-heading = Serviços relacionados
map-heading = De onde vêm os relatos
span-since = desde { $time }
span-24h = 24 horas
map-showing-outage = Mostrando a falha até agora.
map-show-24h = Ver as últimas 24 horas
map-showing-24h = Mostrando as últimas 24 horas.
map-show-outage = Ver a falha até agora
map-label = Mapa de relatos sobre { $name } por país
usual-in-region = (normalmente cerca de { $count })
history-link = Histórico de incidentes de { $name }
atom-feed = Feed Atom
status-badge = Selo de status
report-button = Estou com problema no { $name }
report-legend = O que não está funcionando?
platform-label = Plataforma (opcional)
platform-none = Não informada
send-report = Enviar relato
active-incident = Incidente em andamento
active-incident-in = Incidente em andamento em { $region }
incident-times = Começou às { $started }, detectado às { $detected }.
incident-peak = Pico de { $peak } por minuto; { $total } até agora.
affected-regions = Regiões afetadas:
incident-most-reported = Mais relatado:
timeline-caption = Relatos em relação ao nível normal enquanto o incidente está aberto
timeline-time = Horário
timeline-reports = Relatos
timeline-expected = Esperado

## O essencial: caiu ou é só comigo?

line-problems-since = Usuários relatam problemas no { $name }{ $place } desde { $time }
line-problems = Usuários relatam problemas no { $name }{ $place }
line-possible = Usuários relatam possíveis problemas no { $name }{ $place }
line-ok = Nenhum problema no { $name } agora
not-just-you = Não é só com você:
maybe-not-just-you = Talvez não seja só com você:
probably-not-just-you = Provavelmente não é só com você:
probably-just-you = Provavelmente é só com você:

## Erros

page-not-found = Página não encontrada
service-not-found = Serviço não encontrado
no-page-here = Não há página neste endereço.
unavailable-title = Indisponível no momento
unavailable-text = Não conseguimos ler os relatos agora. Tente de novo em instantes.
internal-title = Algo deu errado
internal-text = Não foi possível montar a página.
too-many-title = Solicitações demais
too-many-text = Você carregou páginas muito rápido. Espere um pouco e tente de novo.
back-to-services = Voltar para todos os serviços

## Offline (o app instalado sem rede)

offline-note = Você está offline. Esta página mostra o que o downwatch sabia quando foi salva:

## Lugares, durações, níveis

place-worldwide = no mundo todo
place-in = ({ $list })
place-mostly-in = (principalmente { $list })
place-two = { $first } e { $second }
place-more = { $list } e mais { $count ->
    [one] { $count } país
   *[other] { $count } países
}
minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
hours-minutes = { $hours } e { $minutes }
people = { $count ->
    [one] { $count } pessoa
   *[other] { $count } pessoas
}
times-above = acima do normal
times-twice = o dobro do normal
times-n = { $count } vezes o normal
level-unknown = { $reports } nos últimos 15 minutos (ainda não aprendemos o nível normal).
level-little-above = um pouco acima do normal
level-usual = mais ou menos o normal
level-sentence = { $reports } nos últimos 15 minutos, quando o normal é cerca de { $usual }: { $level }.
fold-since = Desde { $time }
fold-so-far = ; { $duration } até agora.
fold-people-since = { $count ->
    [one] relatou
   *[other] relataram
} problemas desde o início ({ $reports }).
fold-people-hour = { $count ->
    [one] relatou
   *[other] relataram
} problemas na última hora.
fold-possible = “Possíveis problemas”: os relatos{ $place } estão acima do normal mais do que o acaso explicaria, mas ainda não o bastante para chamar de falha.
fold-no-official = { $name } não publica uma página de status oficial que acompanhamos; por isso mostramos só os relatos dos usuários.
fold-follow-link = Avise-me quando o { $name } voltar
fold-follow-rest = : por notificação ou e-mail, sem criar conta.
spark-label = { $count } relatos sobre { $name } nas últimas 6 horas

## Mapa de falhas

map-service = Serviço
map-all-services = todos os serviços
map-window = Período
window-15m = 15 minutos
window-1h = 1 hora
window-24h = 24 horas
map-show = Mostrar
map-outages-now = Falhas agora
map-summary-15m = { $reports } sobre { $name } nos últimos 15 minutos.
map-summary-1h = { $reports } sobre { $name } na última hora.
map-summary-24h = { $reports } sobre { $name } nas últimas 24 horas.

## Avisos para quem segue um serviço (push, e-mail)

date-short-format = %d/%m
notice-when = { $date } às { $time } UTC
notice-place = ({ $region })
notice-acknowledged-words = { $name } reconheceu o problema em { $when }: “{ $words }”
notice-says = { $name } diz: “{ $words }”
notice-acknowledged = { $name } reconheceu o problema em { $when }.
notice-cause = Provavelmente não é o { $name }: { $summary }
notice-shared-cause = uma causa em comum
notice-cause-title = { $name }{ $place }: provavelmente { $subject }, não o { $name }
notice-cause-body = Usuários relatam problemas no { $name }{ $place } desde { $when }.{ $cause } O status continua acompanhando os relatos.
notice-symptoms = : { $list }.
notice-no-symptoms = .
notice-problems-title = { $name }: problemas relatados{ $place }
notice-again-title = { $name } caiu de novo{ $place }
notice-problems-body = Usuários relatam problemas no { $name }{ $place } desde { $when }{ $what }{ $cause }{ $official }
notice-back-since = desde { $when }
notice-back-title = { $name } voltou{ $place }
notice-back-body = Os relatos sobre o { $name }{ $place } voltaram ao nível normal{ $back }. Houve relatos de problemas a partir de { $when }.{ $official }

## E-mail

mail-confirm-subject = Confirme: avisos sobre o { $name }
mail-confirm-problems = Alguém, esperamos que você, pediu para ser avisado sobre problemas no { $name }.
mail-confirm-back = Alguém, esperamos que você, pediu para ser avisado quando os problemas atuais do { $name } acabarem.
mail-confirm-link = Para confirmar, abra este link:
mail-confirm-ignore = Se não foi você, ignore este e-mail: nada mais será enviado, e o endereço será apagado em até um dia.
mail-live-reports = Relatos ao vivo:
mail-why = Você recebe este e-mail porque pediu para seguir este serviço.
mail-unsubscribe = Cancelar inscrição:

## Feed Atom: a causa comum de um incidente

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Provavelmente não é o { $name }: os relatos vêm principalmente da rede da { $subject } ({ $place }).
        [upstream] Provavelmente não é o { $name } em si: serviços que rodam na { $subject } estão falhando ao mesmo tempo.
       *[sympathy] Provavelmente relatos por tabela: a { $subject } está com uma falha grande ({ $place }), e os relatos sobre o { $name } subiram bem menos.
    }
