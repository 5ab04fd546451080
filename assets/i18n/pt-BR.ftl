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

## Durações abreviadas (reconhecimentos oficiais)

dur-min = { $count } min
dur-h = { $count } h
dur-h-min = { $hours } h { $minutes } min
lag-as-surged = bem quando os relatos dispararam
lag-after = { $duration } depois que os relatos dispararam
lag-before = { $duration } antes de os relatos dispararem

## O gráfico

chart-summary = { $reports } nos últimos 15 minutos.
chart-summary-expected = { $reports } nos últimos 15 minutos; o esperado era { $expected }.
chart-day = { $total } nas últimas 24 horas.
chart-day-peak = { $total } nas últimas 24 horas; o máximo ({ $peak }) nos 15 minutos a partir das { $time }.
chart-title = Relatos sobre o { $name } nas últimas 24 horas, a cada 15 minutos, comparados ao nível habitual
chart-key-usual = Relatos dentro da faixa habitual
chart-key-excess = Relatos acima dela
chart-key-band = Faixa habitual
chart-key-incident = A falha até agora
chart-key-partial = Última barra: ainda contando (desde as { $time })
chart-table-summary = Os números do gráfico em uma tabela
chart-table-caption = Relatos sobre o { $name } a cada 15 minutos, comparados ao nível habitual
chart-table-from = 15 minutos a partir de
chart-table-usual = Nível habitual
chart-so-far = (até agora)

## Legenda e rótulos do mapa

map-legend-usual = Relatos comparados ao nível habitual de cada país:
map-legend-share = Ainda não há nível habitual aprendido; sombreado pela parcela dos relatos:
map-shade-1 = Nível habitual
map-shade-2 = Acima do habitual
map-shade-3 = 3× o habitual ou mais
map-shade-4 = 6× ou mais
map-shade-5 = 12× ou mais
map-fewest = menos
map-most = mais
map-no-reports = sem relatos
map-country = { $name }: { $reports }
map-country-usual = { $name }: { $reports }; o habitual é cerca de { $usual }
map-cell = { $reports } perto de { $place }

## Histórico de incidentes

history-heading = Histórico de incidentes do { $name }
history-current = Status atual do { $name }
history-no-source = O { $name } não tem uma página de status oficial que acompanhamos, então não há nota para a rapidez com que reconhece suas falhas.
history-source-unread = Ainda não foi possível ler a página de status oficial do { $name }, então não há nota para a rapidez com que reconhece suas falhas.
history-nothing-to-grade = Ainda não há falhas do { $name } para avaliar (últimos { $days } dias).
history-grade = Rapidez com que o { $name } reconhece suas falhas (últimos { $days } dias): nota { $grade }; { $lag }; { $unacknowledged } de { $outages ->
    [one] { $outages } falha nunca reconhecida
   *[other] { $outages } falhas nunca reconhecidas
}.
history-median-lag = atraso mediano de { $duration }
history-no-acknowledgement = nenhum reconhecimento
history-none = Nenhum incidente registrado para o { $name }.
history-caption = Falhas detectadas, das mais recentes para as mais antigas
history-started = Início
history-region = Região
history-resolved = Resolvida
history-peak = Pico por minuto
history-official = Status oficial
history-acknowledged = Reconhecida
history-everywhere = Em toda parte
history-ongoing = Em andamento
history-no-official-source = Sem fonte oficial
history-source-unreachable = Fonte oficial inacessível
history-not-acknowledged = Não reconhecida

## Status oficial (a página de status do serviço)

official-operational = operacional
official-unavailable-line = Status oficial indisponível.
official-unavailable-because = Status oficial indisponível ({ $reason }).
list-separator = {"; "}
official-not-read-yet = ainda não lido
official-page = Página de status do { $name }
official-silent = A página de status do { $name } ainda diz “{ $words }”, embora { $people } { $count ->
    [one] tenha relatado
   *[other] tenham relatado
} problemas na última hora.
official-says = O { $name } diz:
official-acknowledged = — reconhecido { $when }, { $lag }
official-since = — desde { $when }
official-checked = verificada { $when }
official-components = Componentes com problemas
official-incidents = Incidentes oficiais em aberto
official-affected = Afetados: { $list }
official-updates = Atualizações oficiais
official-resolved-early = O serviço informa que este incidente foi resolvido, mas os relatos dos usuários continuam acima do nível habitual.
official-ack = Reconhecido pelo { $name } às { $time }, { $lag }.
official-ack-title = Reconhecido pelo { $name } às { $time }, { $lag }: “{ $title }”.
official-not-ack = Ainda não reconhecido pelo { $name }.
official-ack-unknown = Ainda não foi possível ler a página de status do { $name }, então não se sabe se ele reconhece o problema.
official-level-ok = Operacional
official-level-maintenance = Em manutenção
official-level-minor = Problemas leves
official-level-major = Falha grave
official-state-investigating = Investigando
official-state-identified = Causa identificada
official-state-monitoring = Monitorando
official-state-resolved = Resolvido
official-state-postmortem = Análise pós-incidente
official-state-scheduled = Agendado
official-state-in_progress = Em andamento
official-state-verifying = Verificando
official-state-completed = Concluído
official-state-operational = Operacional
official-state-degraded_performance = Desempenho reduzido
official-state-partial_outage = Falha parcial
official-state-major_outage = Falha grave
official-state-under_maintenance = Em manutenção
incident-suspect = A maioria destes relatos vem de uma única rede ({ $share }); pode ser um relato combinado, e não uma falha.

## Causas em comum

cause-label = Causa provável
cause-several-countries = vários países
cause-isp = Provavelmente não é o { $service }: os relatos vêm principalmente da rede de { $subject } ({ $place }); { $others }. Muitos serviços estão falhando ao mesmo tempo por lá: o problema provavelmente é a conexão, não o { $service }.
cause-others-fine = as outras redes estão normais
cause-others-less = nas outras redes os relatos subiram bem menos
cause-upstream = Provavelmente não é o próprio { $service }: { $count } serviços hospedados em { $subject } estão falhando ao mesmo tempo, e { $subject } também está com problemas.
cause-sympathy = Provavelmente relatos por tabela: { $subject } está com uma grande falha ({ $place }), e os relatos do { $service } subiram bem menos para o seu tamanho. Talvez as pessoas relatem o { $service } porque não conseguem acessar os clientes de { $subject }.
cause-share = { $share } dos relatos vêm agora da rede de { $subject } (o habitual é { $usual })
cause-usual-unknown = ainda desconhecido
cause-rise = { $subject } subiu para { $rise }× o nível habitual; os outros, no máximo { $others }×
cause-times = primeiro problema { $first }, atribuído { $labelled }
cause-confidence = confiança { $share }
cause-note = O status acima continua seguindo os relatos sobre o { $name }; isto apenas os explica.
cause-summary-isp = Os relatos vêm principalmente da rede de { $subject } ({ $place }); { $others }. { $count } serviços estão falhando ao mesmo tempo por lá: o problema provavelmente é a conexão, não cada serviço.
cause-summary-upstream = { $count } serviços hospedados em { $subject } estão falhando ao mesmo tempo: { $subject } é a causa provável.
cause-summary-sympathy = { $subject } está com uma grande falha ({ $place }); nas outras operadoras do país os relatos subiram bem menos para o seu tamanho: provavelmente são relatos de pessoas que não conseguem acessar os clientes de { $subject }.
big-picture = O quadro geral
big-picture-count = ({ $count } atribuídos, confiança { $share })
networks-heading = Redes com falhas
network-in = ({ $place })
network-share = : { $share } dos relatos agora
network-usual = (o habitual é { $share })
network-failing = . Serviços afetados:

## Receber avisos (o painel de acompanhamento)

follow-heading = Receber avisos
follow-back = Avise-me quando o { $name } voltar
follow-back-done = Você será avisado quando o { $name } voltar
follow-problems = Avise-me sobre problemas com o { $name }
follow-problems-done = Você será avisado sobre problemas com o { $name }
unfollow-back = Parar de avisar quando o { $name } voltar
unfollow-back-done = Pronto: você não será avisado quando o { $name } voltar.
unfollow-problems = Parar os avisos sobre problemas com o { $name }
unfollow-problems-done = Pronto: você não receberá mais notificações sobre o { $name }.
follow-feed = Acompanhe o { $feed } em um leitor de feeds para saber de cada incidente.
follow-email-label = Ou por e-mail:
follow-email-which = Quais e-mails
follow-email-back = quando o { $name } voltar
follow-email-problems = sobre problemas com o { $name }
follow-email-submit = Enviar um link de confirmação
follow-email-note = Nada é enviado antes de você confirmar. Seu endereço só fica guardado enquanto você estiver inscrito.
follow-setting-up = Ativando as notificações…
follow-blocked = as notificações estão bloqueadas para este site; permita-as nas configurações do site no navegador ou use o feed Atom
follow-no-push = seu navegador não conseguiu acessar o serviço de notificações
follow-done-back = Pronto: você receberá uma notificação quando voltar.
follow-done-problems = Pronto: você será avisado sobre problemas e quando eles acabarem.
follow-failed = Não foi possível ativar as notificações:
follow-stopping = Desativando as notificações…
follow-stop-failed = Não foi possível desativar as notificações:
follow-gone = este navegador não tem mais a inscrição
follow-server-answered = o servidor respondeu
followed-email = Confira sua caixa de entrada: enviamos um link de confirmação. Nada mais é enviado até você abri-lo.
followed-email-invalid = Isso não parece um endereço de e-mail; confira, por favor.
followed-no-incident = O incidente já acabou; acompanhe os problemas para saber do próximo.
followed-limited = Muitas inscrições agora; tente de novo mais tarde.
link-expired-title = Este link expirou
link-expired-text = A inscrição não existe mais (não foi confirmada em um dia ou foi cancelada). Inscreva-se de novo na página de status.
confirmed-title = Inscrição confirmada
confirmed-problems = Vamos escrever quando as pessoas relatarem problemas com o { $name } e quando eles acabarem. Todo e-mail traz um link para cancelar a inscrição.
confirmed-back = Vamos escrever uma vez, quando o { $name } voltar. Todo e-mail traz um link para cancelar a inscrição.
unsubscribed-title = Inscrição cancelada
unsubscribed-text = Você não receberá mais e-mails sobre este serviço, e seu endereço foi apagado.

## A página de um endereço desconhecido

not-found-service = Não conhecemos “{ $asked }”
not-found-no-service = Não há nenhum serviço com esse nome.
did-you-mean = Você quis dizer

## O feed Atom

feed-official-title = Página de status do { $name }: { $text }
feed-outage = Falha no { $name }{ $place }
feed-possible = Possíveis problemas no { $name }{ $place }
feed-resolved = Resolvida: falha no { $name }{ $place }
feed-summary = Início { $started }, detecção { $detected }{ $resolved }. Indícios: { $observed } em { $window }, quando o esperado era cerca de { $expected }. Pico de { $peak } por minuto; { $total } no total.
feed-resolved-at = , resolução { $time }
feed-most-reported = Mais relatados: { $list }.
feed-suspect = A maioria dos relatos vem de uma única rede: talvez relatos combinados.
feed-acknowledged = Reconhecido pelo serviço { $time } ({ $lag }).
feed-official-update = Atualização oficial ({ $status }, { $time }): { $message }

## Mensagens de erro da API (por código de erro)

api-error-invalid_body = O corpo da requisição não é um JSON (ou formulário) válido, ou não pôde ser lido.
api-error-invalid_query = Um parâmetro da consulta está malformado ou fora do intervalo.
api-error-invalid_path = Uma parte do endereço está malformada.
api-error-invalid_api_key = A chave de API não é válida; envie uma chave configurada ou nenhuma.
api-error-missing_admin_token = A API de administração precisa de um token (bearer).
api-error-invalid_admin_token = O token de administração está errado.
api-error-admin_disabled = A API de administração está desativada neste servidor.
api-error-not_found = Não há nada neste endereço.
api-error-unknown_service = Não há nenhum serviço com esse nome.
api-error-unknown_outage = Este serviço não tem incidente com esse identificador.
api-error-unknown_webhook = Não há webhook com esse identificador.
api-error-unknown_follow = Não há acompanhamento desse tipo para esse endpoint.
api-error-email_unavailable = Os avisos por e-mail estão desativados neste servidor.
api-error-method_not_allowed = Este endereço não aceita esse método.
api-error-request_timeout = O corpo da requisição demorou demais para chegar.
api-error-payload_too_large = O corpo da requisição é maior que o permitido.
api-error-unsupported_media_type = Este endereço não aceita esse tipo de conteúdo.
api-error-unknown_symptom = Este serviço não oferece esse problema para relatar.
api-error-unknown_platform = Essa plataforma não existe.
api-error-invalid_status = Isso não é um status de atualização oficial.
api-error-invalid_message = A mensagem está vazia ou é longa demais.
api-error-invalid_url = O endereço do webhook deve ser uma URL http(s) absoluta, com host e sem credenciais.
api-error-internal_target = O endereço do webhook aponta para uma rede interna.
api-error-invalid_secret = O segredo do webhook deve ter de 16 a 256 caracteres.
api-error-invalid_region = Isso não é um código de país (US) nem de subdivisão (US-CA).
api-error-too_many_webhooks = Este serviço já tem tantos webhooks quanto pode ter.
api-error-invalid_endpoint = O endpoint de push não é um endereço https público.
api-error-invalid_keys = As chaves da inscrição push estão malformadas.
api-error-invalid_email = Isso não é um endereço de e-mail de um domínio público.
api-error-no_active_incident = Não há nenhum incidente em andamento agora cujo fim possamos avisar.
api-error-too_many_follows = Sua rede já fez hoje todas as inscrições permitidas.
api-error-service_follows_full = Este serviço já tem tantos seguidores quanto pode ter.
api-error-follows_full = O servidor não aceita mais seguidores no momento.
api-error-rate_limited = Muitas requisições; espere um pouco e tente de novo.
api-error-too_many_failures = Muitas tentativas de acesso de administração falharam; espere e tente de novo.
api-error-too_many_streams = Você já tem abertos todos os fluxos de eventos permitidos; feche um antes.
api-error-internal_error = Algo deu errado no servidor.
api-error-store_unavailable = O armazenamento de relatos está indisponível; tente de novo daqui a pouco.
api-error-streams_full = O servidor já mantém todos os fluxos de eventos que pode; tente de novo mais tarde.

## Feed Atom: a causa comum de um incidente

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] Provavelmente não é o { $name }: os relatos vêm principalmente da rede da { $subject } ({ $place }).
        [upstream] Provavelmente não é o { $name } em si: serviços que rodam na { $subject } estão falhando ao mesmo tempo.
       *[sympathy] Provavelmente relatos por tabela: a { $subject } está com uma falha grande ({ $place }), e os relatos sobre o { $name } subiram bem menos.
    }
