# The widget's messages in Japanese; the ids are exactly those of locales/en/widget.ftl.
# Japanese has no plural forms: every count selector keeps only its *[other] variant.

widget-title = 会話
thread-loading = 会話を読み込んでいます…
thread-fetching = Alcméon から会話を取得しています…
thread-empty = この会話にはまだメッセージがありません。
thread-count = { $count ->
   *[other] { $count } 件のメッセージ
}
thread-label = { $customer } とのメッセージ
message-from-customer = 顧客
message-from-agent = エージェント
unknown-time-zone = タイムゾーン { $zone } は不明です。時刻は UTC で表示されます。

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google のクチコミ
channel-inmessage = Web チャット
channel-other = ソーシャルメディア

conversations-label = このケースの会話
conversation-status-open = オープン
conversation-status-closed = アーカイブ済み
conversation-new-activity = 新しいアクティビティ

error-unauthenticated = セッションの有効期限が切れました。ページを再読み込みして、もう一度ログインしてください。
error-forbidden = この操作を行う権限がありません。
error-not-found = この会話はまだ利用できません。Alcméon から送信されると表示されます。
error-bad-request = 要求が無効です。
error-payload-too-large = サイズが大きすぎるため送信できません。
error-rate-limited = Alcméon が混み合っています。まもなく再試行します。
error-upstream-unavailable = 現在 Alcméon に接続できません。
error-internal = こちら側で問題が発生しました。しばらくしてからもう一度お試しください。
error-network = 会話サービスに接続できません。接続を確認してください。
error-session = Salesforce が会話サービスのセッションを開始できませんでした。

thread-count-more = { $count ->
   *[other] { $count } 件のメッセージを読み込みました（さらに前のメッセージがあります）
}
thread-loading-older = 以前のメッセージを読み込んでいます…
thread-beginning = 会話の先頭
thread-retry = 再試行
thread-jump-latest = 最新へ移動
thread-unread = { $count ->
   *[other] { $count } 件の新着メッセージ
}
thread-new-messages = 新着メッセージ
day-today = 今日
day-yesterday = 昨日
day-date = { $date }
delivery-sending = 送信中…
delivery-sent = 送信済み
delivery-failed = 失敗: { $reason }

composer-label = { $customer } への返信
composer-placeholder = 返信を入力…
composer-send = 送信
composer-hint = Enter で送信 · Shift+Enter で改行
composer-left-chars = { $count ->
   *[other] 残り { $count } 文字
}
composer-left-bytes = { $count ->
   *[other] 残り { $count } バイト
}
composer-over-chars = { $count ->
   *[other] { $count } 文字超過
}
composer-over-bytes = { $count ->
   *[other] { $count } バイト超過
}
delivery-retry = 再試行
delivery-retry-label = この返信を再送信
error-conflict = この返信は別の方法ですでに送信されています。会話を再読み込みしてください。

message-from-you = あなた

failure-channel-refused = チャネルが返信を拒否しました
failure-empty-message = Alcméon が空の返信を拒否しました
failure-message-too-long = このチャネルには長すぎます
failure-insufficient-permissions = お使いの Alcméon アカウントではこの会話に返信できません
failure-task-not-found = この会話は Alcméon にもう存在しません
failure-alcmeon-refused = Alcméon が返信を拒否しました
failure-alcmeon-unavailable = Alcméon に接続できませんでした
failure-rate-limited = Alcméon の送信レート制限により返信が拒否され続けました
failure-unknown = 不明な理由で配信されませんでした
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = この会話は閲覧できますが、Salesforce の権限では返信できません。
reply-blocked-closed = この会話はアーカイブされています。顧客からメッセージが届くと、再び返信できます。
reply-blocked-window = チャネルの返信可能期間が終了しました。顧客からメッセージが届くと、再び返信できます。

event-archived = { $author } が会話をアーカイブしました
event-auto-archived = 会話は自動的にアーカイブされました
event-assigned = { $author } が会話を { $to } に割り当てました
event-acquired = { $author } が会話を担当しました
event-released = { $author } が会話の担当を外れました
event-taken-over = { $author } が { $from } から会話を引き継ぎました
event-on-hold = { $author } が会話を保留にしました
event-tagged = { $author } がタグ { $tag } を { $value } に設定しました
event-marked-vip = { $author } が顧客を VIP に設定しました
event-unmarked-vip = { $author } が顧客の VIP 設定を解除しました
event-anonymized = 保存期間の終了に伴い、会話は匿名化されました
event-other = { $author } が会話を更新しました

announce-customer-message = { $author } からの新着メッセージ: { $text }
announce-agent-reply = { $author } が返信しました: { $text }
announce-reply-failed = 返信に失敗しました: { $reason }
announce-attachments = { $count ->
   *[other] 添付ファイル { $count } 件
}

attachment-image = メッセージに添付された画像
attachment-loading = 添付ファイルを読み込んでいます…
attachment-failed = 添付ファイルを読み込めませんでした
attachment-download = ファイルをダウンロード ({ $size })
attachment-download-typed = { $type } ファイルをダウンロード ({ $size })
size-bytes = { $count ->
   *[other] { $count } バイト
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = 会話
