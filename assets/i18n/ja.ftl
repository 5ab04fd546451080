# downwatch: 日本語のテキスト。ID は en.ftl と同じです（テストで確認）。
# サービス名は翻訳しません。

-brand = downwatch

## 数と日付

date-time-format = %Y/%m/%d %H:%M
utc = UTC
times-in-utc = 時刻は UTC です。
times-in-your-zone = 時刻はお使いのタイムゾーンです。

## ページの枠

meta-description = 落ちている？それとも自分だけ？ウェブサイト、アプリ、回線の障害をユーザーの報告からリアルタイムで表示します（1 人 1 回として集計）。
skip-to-content = 本文へ移動
demo-banner-title = デモ：
demo-banner-text = ここに表示される報告と障害はシミュレーションで、実際のものではありません（検知の仕組みは本物です）。
nav-label = メイン
nav-services = サービス
nav-map = 障害マップ
footer-counted = ユーザーからの報告を 1 人 1 回として集計しています。
footer-api-docs = API ドキュメント
footer-languages = 言語
footer-map-data = 地図データ：world-atlas（Natural Earth）。world-countries（mledoze/countries）の情報を含み、Open Database License（ODbL）v1.0 の下で提供されています。
footer-network-data = ネットワークデータ：RouteViews、地域インターネットレジストリ（NRO）、{ $name }（CC BY 4.0、ip-location-db 経由）。
feed-title = { $name } の障害情報
install-hint = downwatch をホーム画面に追加すると、ワンタップで障害を確認できます。
install-button = インストール
install-dismiss = 今はしない

## 状態

status-outage = 障害
status-possible = 障害の可能性
status-ok = 問題なし
reports = { $count ->
   *[other] { $count }件の報告
}
in-15-min = （15分間）
about-usual = 、通常は約{ $count }件

## ホーム

home-title = 障害報告
home-heading = 落ちている？それとも自分だけ？
search-label = サービスを探す
search-placeholder = Spotify、Steam、AWS…
category-label = カテゴリ
all-categories = すべてのカテゴリ
search-button = 検索
problems-now = 現在の障害
no-problems-now = 現在、障害が検知されているサービスはありません。
most-reported = 報告の多いサービス（直近15分）
no-reports-15m = 直近15分間の報告はありません。
all-services = すべてのサービス
no-match = 検索に一致するサービスはありません。

## ステータスページ

status-title = { $name } が落ちている？現在の障害・不具合情報
status-heading = { $name } の障害報告
reported-counted = ご報告ありがとうございます。集計に加えました。
reported-repeat = 少し前に同じ報告をいただいています。最初の報告を集計しました。
reported-limited = お使いのネットワークからの報告が多すぎます。1分ほどしてからもう一度お試しください。
reported-invalid = 使えない機能を選んでから、もう一度送信してください。
counts-15m = { $count ->
   *[other] 件（直近15分）
}
counts-24h = 件（直近24時間）
chart-heading = 直近24時間の報告
symptoms-heading = 多く報告されている問題
no-reports-span = この期間の報告はありません。
share-of = { $name } の割合
related-heading = 関連サービス
map-heading = 報告の発信地
span-since = { $time }から
span-24h = 24時間
map-showing-outage = 障害発生からの報告を表示しています。
map-show-24h = 直近24時間を表示
map-showing-24h = 直近24時間を表示しています。
map-show-outage = 障害発生からを表示
map-label = { $name } に関する国別の報告マップ
usual-in-region = （通常は約{ $count }件）
history-link = { $name } の障害履歴
atom-feed = Atom フィード
status-badge = ステータスバッジ
report-button = { $name } で問題が起きている
report-legend = 何が使えませんか？
platform-label = プラットフォーム（任意）
platform-none = 指定しない
send-report = 報告を送信
active-incident = 発生中の障害
active-incident-in = { $region } で発生中の障害
incident-times = 発生 { $started }、検知 { $detected }。
incident-peak = ピーク時は毎分{ $peak }、これまでに{ $total }。
affected-regions = 影響を受けている地域：
incident-most-reported = 多い報告：
timeline-caption = 障害発生中の報告数と通常の水準
timeline-time = 時刻
timeline-reports = 報告
timeline-expected = 通常

## ひと目で：落ちている？自分だけ？

line-problems-since = { $time }から { $name }{ $place } で問題が報告されています
line-problems = { $name }{ $place } で問題が報告されています
line-possible = { $name }{ $place } で問題の可能性が報告されています
line-ok = 現在 { $name } に問題はありません
not-just-you = あなただけではありません：
maybe-not-just-you = あなただけではないかもしれません：
probably-not-just-you = おそらくあなただけではありません：
probably-just-you = おそらくあなただけです：

## エラー

page-not-found = ページが見つかりません
service-not-found = サービスが見つかりません
no-page-here = このアドレスにはページがありません。
unavailable-title = 一時的に利用できません
unavailable-text = 現在、報告数を読み込めません。しばらくしてからもう一度お試しください。
internal-title = 問題が発生しました
internal-text = ページを作成できませんでした。
too-many-title = リクエストが多すぎます
too-many-text = 短時間に多くのページが読み込まれました。少し待ってからもう一度お試しください。
back-to-services = すべてのサービスに戻る

## オフライン（ネットワークのないインストール済みアプリ）

offline-note = オフラインです。このページは保存した時点の downwatch の情報です：

## 場所、時間、水準

place-worldwide = 世界中
place-in = （{ $list }）
place-mostly-in = （主に { $list }）
place-two = { $first }、{ $second }
place-more = { $list } ほか{ $count }か国
minutes = { $count ->
   *[other] { $count }分
}
hours = { $count ->
   *[other] { $count }時間
}
hours-minutes = { $hours }{ $minutes }
people = { $count ->
   *[other] { $count }人
}
times-above = 通常より多い水準です
times-twice = 通常の約2倍です
times-n = 通常の約{ $count }倍です
level-unknown = 直近15分間で{ $reports }（通常の水準はまだ学習中です）。
level-little-above = 通常よりやや多い水準です
level-usual = ほぼ通常どおりです
level-sentence = 直近15分間で{ $reports }（通常は約{ $usual }件）：{ $level }。
fold-since = { $time }から
fold-so-far = 、発生から{ $duration }。
fold-people-since = が発生以来、問題を報告しています（{ $reports }）。
fold-people-hour = が直近1時間に問題を報告しています。
fold-possible = 「障害の可能性」：報告数{ $place }が偶然では説明できないほど通常より多いものの、障害と判断するほどではありません。
fold-no-official = { $name } にはこちらで確認している公式ステータスページがないため、ユーザーの報告のみを表示しています。
fold-follow-link = { $name } が復旧したら知らせる
fold-follow-rest = （通知またはメール、アカウント不要）
spark-label = 直近6時間の { $name } に関する報告 { $count }件

## 障害マップ

map-service = サービス
map-all-services = すべてのサービス
map-window = 期間
window-15m = 15分
window-1h = 1時間
window-24h = 24時間
map-show = 表示
map-outages-now = 現在の障害
map-summary-15m = 直近15分間の { $name } に関する{ $reports }。
map-summary-1h = 直近1時間の { $name } に関する{ $reports }。
map-summary-24h = 直近24時間の { $name } に関する{ $reports }。

## フォロワーへの通知（プッシュ、メール）

date-short-format = %-m月%-d日
notice-when = { $date } { $time } UTC
notice-place = （{ $region }）
notice-acknowledged-words = { $name } は { $when } に障害を認めました：「{ $words }」
notice-says = { $name } の発表：「{ $words }」
notice-acknowledged = { $name } は { $when } に障害を認めました。
notice-cause = 原因はおそらく { $name } ではありません：{ $summary }
notice-shared-cause = 共通の原因
notice-cause-title = { $name }{ $place }：原因はおそらく { $subject } で、{ $name } ではありません
notice-cause-body = { $when } から { $name }{ $place } の問題が報告されています。{ $cause } ステータスは引き続き報告に基づいて表示します。
notice-symptoms = ：{ $list }。
notice-no-symptoms = 。
notice-problems-title = { $name }：問題が報告されています{ $place }
notice-again-title = { $name }：再び問題が報告されています{ $place }
notice-problems-body = { $when } から { $name }{ $place } の問題が報告されています{ $what }{ $cause }{ $official }
notice-back-since = （{ $when } から）
notice-back-title = { $name } が復旧しました{ $place }
notice-back-body = { $name }{ $place } に関する報告は通常の水準に戻りました{ $back }。問題は { $when } から報告されていました。{ $official }

## メール

mail-confirm-subject = 確認のお願い：{ $name } に関する通知
mail-confirm-problems = { $name } の障害の通知を受け取る登録がありました（おそらくご本人によるものです）。
mail-confirm-back = { $name } の現在の障害が終わったときの通知を受け取る登録がありました（おそらくご本人によるものです）。
mail-confirm-link = 確認するには、次のリンクを開いてください：
mail-confirm-ignore = お心当たりがない場合は、このメールを無視してください。今後メールは送信されず、アドレスは1日以内に削除されます。
mail-live-reports = リアルタイムの報告：
mail-why = このサービスのフォローを登録されたため、このメールをお送りしています。
mail-unsubscribe = 配信停止：

## 短い時間表記（公式の認知）

dur-min = { $count }分
dur-h = { $count }時間
dur-h-min = { $hours }時間{ $minutes }分
lag-as-surged = 報告の急増と同時
lag-after = 報告の急増から{ $duration }後
lag-before = 報告の急増の{ $duration }前

## グラフ

chart-summary = 直近15分間で{ $reports }。
chart-summary-expected = 直近15分間で{ $reports }（想定は{ $expected }件）。
chart-day = 直近24時間で{ $total }件。
chart-day-peak = 直近24時間で{ $total }件。最多は { $time } からの15分間（{ $peak }件）。
chart-title = 直近24時間の { $name } に関する報告（15分ごと、通常の水準との比較）
chart-key-usual = 通常の範囲内の報告
chart-key-excess = 通常の範囲を超えた報告
chart-key-band = 通常の範囲
chart-key-incident = 障害発生から現在まで
chart-key-partial = 最後の棒：集計中（{ $time } から）
chart-table-summary = グラフの数値を表で見る
chart-table-caption = { $name } に関する15分ごとの報告と通常の水準
chart-table-from = 15分間の開始時刻
chart-table-usual = 通常の水準
chart-so-far = （集計中）

## 地図の凡例とラベル

map-legend-usual = 各国の通常の水準と比べた報告数：
map-legend-share = 通常の水準はまだ学習中です。報告の割合で色分けしています：
map-shade-1 = ほぼ通常
map-shade-2 = 通常より多い
map-shade-3 = 通常の3倍以上
map-shade-4 = 6倍以上
map-shade-5 = 12倍以上
map-fewest = 少ない
map-most = 多い
map-no-reports = 報告なし
map-country = { $name }：{ $reports }
map-country-usual = { $name }：{ $reports }（通常は約{ $usual }件）
map-cell = { $place } 付近で{ $reports }

## 障害の履歴

history-heading = { $name } の障害履歴
history-current = { $name } の現在の状況
history-no-source = { $name } にはこちらで確認している公式ステータスページがないため、障害を認める速さの評価はありません。
history-source-unread = { $name } の公式ステータスページをまだ読み込めていないため、障害を認める速さの評価はありません。
history-nothing-to-grade = 評価できる { $name } の障害はまだありません（直近{ $days }日間）。
history-grade = { $name } が障害を認める速さ（直近{ $days }日間）：評価 { $grade }。{ $lag }。{ $outages }件中{ $unacknowledged }件の障害は認められませんでした。
history-median-lag = 遅れの中央値 { $duration }
history-no-acknowledgement = 認知なし
history-none = { $name } の障害の記録はありません。
history-caption = 検出された障害（新しい順）
history-started = 開始
history-region = 地域
history-resolved = 解消
history-peak = 1分あたりの最大
history-official = 公式ステータス
history-acknowledged = 公式の認知
history-everywhere = 全域
history-ongoing = 継続中
history-no-official-source = 公式の情報源なし
history-source-unreachable = 公式の情報源に接続できません
history-not-acknowledged = 認知されていません

## 公式ステータス（サービスのステータスページ）

official-operational = 正常
official-unavailable-line = 公式ステータスを取得できません。
official-unavailable-because = 公式ステータスを取得できません（{ $reason }）。
list-separator = 、
official-not-read-yet = 未取得
official-page = { $name } のステータスページ
official-silent = 直近1時間に{ $people }が問題を報告していますが、{ $name } のステータスページは「{ $words }」のままです。
official-says = { $name } の発表：
official-acknowledged = — { $when } に認知（{ $lag }）
official-since = — { $when } から
official-checked = { $when } に確認
official-components = 正常に動作していないコンポーネント
official-incidents = 公式に発表されている障害
official-affected = 影響範囲：{ $list }
official-updates = 公式の更新情報
official-resolved-early = サービス側はこの障害を解消済みとしていますが、ユーザーの報告は通常の水準をまだ上回っています。
official-ack = { $name } は { $time } に障害を認めました（{ $lag }）。
official-ack-title = { $name } は { $time } に障害を認めました（{ $lag }）：「{ $title }」。
official-not-ack = { $name } はまだ障害を認めていません。
official-ack-unknown = { $name } のステータスページをまだ読み込めていないため、障害が認められているかは不明です。
official-level-ok = 正常
official-level-maintenance = メンテナンス中
official-level-minor = 軽微な問題
official-level-major = 大規模な障害
official-state-investigating = 調査中
official-state-identified = 原因特定
official-state-monitoring = 経過観察中
official-state-resolved = 解決済み
official-state-postmortem = 事後分析
official-state-scheduled = 予定
official-state-in_progress = 実施中
official-state-verifying = 確認中
official-state-completed = 完了
official-state-operational = 正常
official-state-degraded_performance = パフォーマンス低下
official-state-partial_outage = 一部障害
official-state-major_outage = 大規模障害
official-state-under_maintenance = メンテナンス中
incident-suspect = これらの報告の大半（{ $share }）が単一のネットワークから来ているため、障害ではなく組織的な報告の可能性があります。

## 共通の原因

cause-label = 考えられる原因
cause-several-countries = 複数の国
cause-isp = 原因はおそらく { $service } ではありません。報告は主に { $place } の { $subject } のネットワークから来ています。{ $others }。そこでは多くのサービスが同時に不調になっており、問題は { $service } ではなく接続にある可能性が高いです。
cause-others-fine = 他のネットワークは正常です
cause-others-less = 他のネットワークでは報告の増加がずっと小さいです
cause-upstream = 原因はおそらく { $service } 自体ではありません。{ $subject } 上で動く{ $count }件のサービスが同時に不調で、{ $subject } 自体にも問題が出ています。
cause-sympathy = つられた報告の可能性があります。{ $subject } で大規模な障害が起きており（{ $place }）、{ $service } の報告は規模の割にずっと少ない増加です。{ $subject } の利用者に接続できないために、{ $service } を報告している人がいるのかもしれません。
cause-share = 現在、報告の{ $share }が { $subject } のネットワークから来ています（通常は{ $usual }）
cause-usual-unknown = まだ不明
cause-rise = { $subject } は通常の{ $rise }倍に増加、他は最大{ $others }倍
cause-times = 最初の問題 { $first }、判定 { $labelled }
cause-confidence = 確度 { $share }
cause-note = 上のステータスは引き続き { $name } に関する報告に基づいています。これは報告の理由を説明するものです。
cause-summary-isp = 報告は主に { $place } の { $subject } のネットワークから来ています。{ $others }。そこでは{ $count }件のサービスが同時に不調で、問題は個々のサービスではなく接続にある可能性が高いです。
cause-summary-upstream = { $subject } 上で動く{ $count }件のサービスが同時に不調です。原因はおそらく { $subject } です。
cause-summary-sympathy = { $subject } で大規模な障害が起きています（{ $place }）。同じ国の他の事業者の報告は規模の割にずっと少ない増加で、{ $subject } の利用者に接続できない人からの報告と考えられます。
big-picture = 全体の状況
big-picture-count = （{ $count }件を判定、確度 { $share }）
networks-heading = 障害が起きているネットワーク
network-in = （{ $place }）
network-share = ：現在、報告の{ $share }
network-usual = （通常は{ $share }）
network-failing = 。影響を受けているサービス：

## 通知を受け取る（フォロー欄）

follow-heading = 通知を受け取る
follow-back = { $name } が復旧したら通知する
follow-back-done = { $name } が復旧したら通知します
follow-problems = { $name } に問題が起きたら通知する
follow-problems-done = { $name } の問題を通知します
unfollow-back = { $name } の復旧通知を止める
unfollow-back-done = 停止しました：{ $name } の復旧は通知されません。
unfollow-problems = { $name } の問題の通知を止める
unfollow-problems-done = 停止しました：{ $name } に関する通知はもう届きません。
follow-feed = フィードリーダーで { $feed } を購読すると、すべての障害を知ることができます。
follow-email-label = またはメールで：
follow-email-which = 受け取るメール
follow-email-back = { $name } が復旧したとき
follow-email-problems = { $name } に問題が起きたとき
follow-email-submit = 確認用リンクを送る
follow-email-note = 確認するまで何も送信されません。アドレスは登録中のみ保存されます。
follow-setting-up = 通知を設定しています…
follow-blocked = このサイトの通知はブロックされています。ブラウザのサイト設定で許可するか、Atom フィードをご利用ください
follow-no-push = ブラウザがプッシュサービスに接続できませんでした
follow-done-back = 完了：復旧したときに一度だけ通知します。
follow-done-problems = 完了：問題の発生と解消を通知します。
follow-failed = 通知をオンにできませんでした：
follow-stopping = 通知を停止しています…
follow-stop-failed = 通知を停止できませんでした：
follow-gone = このブラウザには登録情報が残っていません
follow-server-answered = サーバーの応答
followed-email = 受信トレイをご確認ください。確認用リンクを送りました。リンクを開くまで、ほかには何も送信されません。
followed-email-invalid = メールアドレスの形式ではないようです。ご確認ください。
followed-no-incident = この障害はすでに終わっています。次の障害を知るには、問題の通知を登録してください。
followed-limited = 現在登録が集中しています。しばらくしてからもう一度お試しください。
link-expired-title = このリンクは期限切れです
link-expired-text = 登録はすでにありません（1日以内に確認されなかったか、解除されました）。ステータスページからもう一度登録してください。
confirmed-title = 登録を確認しました
confirmed-problems = { $name } の問題が報告されたときと、それが解消したときにメールでお知らせします。どのメールにも登録解除のリンクがあります。
confirmed-back = { $name } が復旧したときに一度だけメールでお知らせします。どのメールにも登録解除のリンクがあります。
unsubscribed-title = 登録を解除しました
unsubscribed-text = このサービスに関するメールはもう届きません。アドレスは削除されました。

## 不明なアドレスのページ

not-found-service = 「{ $asked }」は見つかりません
not-found-no-service = この名前のサービスはありません。
did-you-mean = もしかして

## Atom フィード

feed-official-title = { $name } のステータスページ：{ $text }
feed-outage = { $name } の障害{ $place }
feed-possible = { $name } で問題の可能性{ $place }
feed-resolved = 解消：{ $name } の障害{ $place }
feed-summary = 開始 { $started }、検出 { $detected }{ $resolved }。根拠：{ $window }で{ $observed }（想定は約{ $expected }件）。1分あたり最大{ $peak }、合計{ $total }。
feed-resolved-at = 、解消 { $time }
feed-most-reported = 多かった報告：{ $list }。
feed-suspect = 報告の大半が単一のネットワークから来ています：組織的な報告の可能性があります。
feed-acknowledged = サービスが { $time } に障害を認めました（{ $lag }）。
feed-official-update = 公式の更新（{ $status }、{ $time }）：{ $message }

## API のエラーメッセージ（エラーコード別）

api-error-invalid_body = リクエスト本文が正しい JSON（またはフォーム）ではないか、読み取れませんでした。
api-error-invalid_query = クエリパラメーターの形式が正しくないか、範囲外です。
api-error-invalid_path = アドレスの一部の形式が正しくありません。
api-error-invalid_api_key = API キーが無効です。設定済みのキーを送るか、キーなしで送ってください。
api-error-missing_admin_token = 管理 API には Bearer トークンが必要です。
api-error-invalid_admin_token = 管理トークンが正しくありません。
api-error-admin_disabled = このサーバーでは管理 API が無効になっています。
api-error-not_found = このアドレスには何もありません。
api-error-unknown_service = この名前のサービスはありません。
api-error-unknown_outage = このサービスにはその ID の障害がありません。
api-error-unknown_webhook = その ID の Webhook はありません。
api-error-unknown_follow = その種類とエンドポイントのフォローはありません。
api-error-email_unavailable = このサーバーではメール通知が無効になっています。
api-error-method_not_allowed = このアドレスはそのメソッドに対応していません。
api-error-request_timeout = リクエスト本文が時間内に届きませんでした。
api-error-payload_too_large = リクエスト本文が上限を超えています。
api-error-unsupported_media_type = このアドレスはその種類の本文に対応していません。
api-error-unknown_symptom = このサービスではその問題を報告できません。
api-error-unknown_platform = そのプラットフォームはありません。
api-error-invalid_status = 公式の更新情報のステータスではありません。
api-error-invalid_message = メッセージが空か、長すぎます。
api-error-invalid_url = Webhook のアドレスは、ホストを含み認証情報を含まない絶対 http(s) URL にしてください。
api-error-internal_target = Webhook のアドレスが内部ネットワークを指しています。
api-error-invalid_secret = Webhook のシークレットは16〜256文字にしてください。
api-error-invalid_region = 国コード（US）でも地域コード（US-CA）でもありません。
api-error-too_many_webhooks = このサービスの Webhook は上限に達しています。
api-error-invalid_endpoint = プッシュのエンドポイントが公開 https アドレスではありません。
api-error-invalid_keys = プッシュ登録のキーの形式が正しくありません。
api-error-invalid_email = 公開メールドメインのメールアドレスではありません。
api-error-no_active_incident = 現在、終了を通知できる障害は発生していません。
api-error-too_many_follows = お使いのネットワークからの今日の登録数が上限に達しました。
api-error-service_follows_full = このサービスのフォロワーは上限に達しています。
api-error-follows_full = 現在、サーバーは新しいフォロワーを受け付けていません。
api-error-rate_limited = リクエストが多すぎます。少し待ってからもう一度お試しください。
api-error-too_many_failures = 管理ログインの失敗が多すぎます。少し待ってからもう一度お試しください。
api-error-too_many_streams = 開けるイベントストリームの上限に達しています。先に一つ閉じてください。
api-error-internal_error = サーバーで問題が発生しました。
api-error-store_unavailable = 報告の保存先に接続できません。しばらくしてからもう一度お試しください。
api-error-streams_full = サーバーのイベントストリームが上限に達しています。しばらくしてからもう一度お試しください。

## Atom フィード：障害の共通の原因

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] 原因はおそらく { $name } ではありません：報告の多くは { $place } の { $subject } のネットワークから来ています。
        [upstream] 原因はおそらく { $name } 自体ではありません：{ $subject } 上で動く複数のサービスが同時に障害を起こしています。
       *[sympathy] 便乗した報告の可能性があります：{ $subject } が { $place } で大規模な障害を起こしており、{ $name } への報告の増え方はずっと小さいです。
    }
