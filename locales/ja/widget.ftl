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
delivery-queued-seconds = Alcméon のレート制限により順番待ち · 約 { $count } 秒
delivery-queued-minutes = Alcméon のレート制限により順番待ち · 約 { $count } 分
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

mode-engagement = エンゲージメント
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = エンゲージメントを読み込んでいます…
engagement-recipient = 顧客
engagement-phone = 電話番号
engagement-channel = チャネル
engagement-sender = 送信元
engagement-consent = 同意
engagement-unknown = 不明

consent-opted-in = { $date } に同意済み
consent-opted-in-undated = 同意済み
consent-opted-out = { $date } に同意を撤回
consent-no-opt-in = 同意なし
consent-unknown = 確認できませんでした

engagement-blocked-several-environments = ここではエンゲージメントを利用できません。エンゲージメントには 1 つの Alcméon 環境だけに接続された Salesforce 組織が必要ですが、この組織は複数の環境 ({ $count }) に接続されています。管理者にお問い合わせください。
engagement-blocked-recipient-missing = 送信先の電話番号がありません。エンゲージメントにもケースの取引先責任者にも電話番号が登録されていません。
engagement-blocked-recipient-malformed = 顧客の電話番号が国際形式 (例: +33 6 12 34 56 78) ではないため、送信できません。
engagement-blocked-sender-missing = エンゲージメントに送信元の Alcméon アカウントが指定されていません。
engagement-blocked-sender-unknown = 送信元アカウントは、この Alcméon 環境がテンプレートを送信するアカウントではありません。
engagement-blocked-no-opt-in = 顧客がメッセージの受信に同意していないため、送信できません。
engagement-blocked-opted-out = 顧客が { $date } に同意を撤回したため、送信できません。
engagement-blocked-consent-unknown = 顧客の同意を確認できなかったため、送信できません。しばらくしてからもう一度お試しください。
engagement-blocked-already-sent = このエンゲージメントのメッセージは送信済みです。
engagement-blocked-not-permitted = Salesforce の権限では、メッセージを送信できません。

template-label = テンプレート
template-none = このアカウントで使用できるテンプレートはありません。
template-variables = 変数
template-optional = 任意
template-preview = プレビュー
template-preview-pending = すべての変数が有効になると、プレビューが表示されます。
template-send = メッセージを送信

variable-missing = 必須
variable-blank = スペース以外の文字を入力してください。
variable-too-long = 長すぎます。ここに入力できるのは { $count } 文字までです。
variable-line-break = 改行やタブを入れずに 1 行で入力してください。
variable-too-many-spaces = 連続して使用できるスペースは 4 つまでです。
variable-not-url-safe = この値はリンクに含まれます。半角英数字と - . _ ~ だけを使用してください。
variable-unknown = このテンプレートにはその名前の変数はありません。

failure-ongoing-conversation = この顧客には、このアカウントで進行中の会話がすでにあります
failure-invalid-phone = 電話番号がこのチャネルでは無効です
failure-template-not-found = このテンプレートは Alcméon に登録されていません
failure-missing-variable = テンプレートの変数が不足していました
failure-account-not-found = 送信元アカウントは Alcméon に登録されていません
failure-message-refused = Alcméon がメッセージを拒否しました

engagement-sent = 送信済み (Alcméon メッセージ { $id })
engagement-open-conversation = 進行中の会話を開く
engagement-waiting = 顧客が返信すると、ここで会話が開きます。
engagement-draft-label = 返信を準備
engagement-draft-hint = 顧客から返信があり次第、送信できます。
announce-conversation-started = { $customer } さんが返信しました。会話が開いています。

reply-window-closes-minutes = 返信可能期間は残り { $count } 分で終了します
reply-window-closes-seconds = 返信可能期間は残り { $count } 秒で終了します
reengage-intro = 返信可能期間が終了しました。テンプレートを送信して、顧客にもう一度連絡してください。

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = 顧客
customer-contact = Salesforce の取引先責任者:
customer-unlinked = Salesforce の取引先責任者にリンクされていません。
customer-unknown = Alcméon はまだこの顧客を特定していません。
customer-find = 取引先責任者を検索
customer-change = 変更
customer-search-label = Salesforce の取引先責任者を検索
customer-search = 検索
customer-no-results = 一致する取引先責任者はありません。
customer-link = リンク
customer-new-name = 名前
customer-new-phone = 電話
customer-create = 作成してリンク
customer-search-failed = Salesforce で取引先責任者を検索できませんでした: { $reason }
customer-create-failed = Salesforce で取引先責任者を作成できませんでした: { $reason }
customer-link-failed = 取引先責任者をリンクできませんでした: { $reason }
customer-others = この顧客の他の会話
error-no-customer = Alcméon はまだこの顧客を特定していないため、取引先責任者にリンクできません。
