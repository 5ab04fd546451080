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

## Atom フィード：障害の共通の原因

# $kind: isp, upstream or sympathy; $subject: the operator, upstream or
# carrier named as the cause; $place: its country.
feed-cause = { $kind ->
        [isp] 原因はおそらく { $name } ではありません：報告の多くは { $place } の { $subject } のネットワークから来ています。
        [upstream] 原因はおそらく { $name } 自体ではありません：{ $subject } 上で動く複数のサービスが同時に障害を起こしています。
       *[sympathy] 便乗した報告の可能性があります：{ $subject } が { $place } で大規模な障害を起こしており、{ $name } への報告の増え方はずっと小さいです。
    }
