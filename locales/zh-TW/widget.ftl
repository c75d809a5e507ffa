# The widget's messages in Chinese (Traditional, Taiwan); the ids are exactly those of
# locales/en/widget.ftl. Chinese has no plural forms: count selectors keep only *[other].

widget-title = 對話
thread-loading = 正在載入對話…
thread-fetching = 正在從 Alcméon 取得對話…
thread-empty = 此對話中尚無訊息。
thread-count = { $count ->
   *[other] { $count } 則訊息
}
thread-label = 與 { $customer } 的訊息
message-from-customer = 客戶
message-from-agent = 客服專員
unknown-time-zone = 時區 { $zone } 不明；時間以 UTC 顯示。

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google 評論
channel-inmessage = 網頁聊天
channel-other = 社群媒體

conversations-label = 此案例的對話
conversation-status-open = 進行中
conversation-status-closed = 已封存
conversation-new-activity = 新動態

error-unauthenticated = 您的工作階段已過期。請重新載入頁面以再次登入。
error-forbidden = 您沒有執行此操作的權限。
error-not-found = 此對話尚無法使用。Alcméon 傳送後即會顯示。
error-bad-request = 要求無效。
error-payload-too-large = 內容過大，無法傳送。
error-rate-limited = Alcméon 忙碌中，稍後將自動重試。
error-upstream-unavailable = 目前無法連線至 Alcméon。
error-internal = 我們這邊發生問題。請稍後再試。
error-network = 無法連線至對話服務。請檢查您的網路連線。
error-session = Salesforce 無法為對話服務開啟工作階段。

thread-count-more = { $count ->
   *[other] 已載入 { $count } 則訊息，之前還有更多
}
thread-loading-older = 正在載入較早的訊息…
thread-beginning = 對話開頭
thread-retry = 重試
thread-jump-latest = 跳至最新
thread-unread = { $count ->
   *[other] { $count } 則新訊息
}
thread-new-messages = 新訊息
day-today = 今天
day-yesterday = 昨天
day-date = { $date }
delivery-sending = 傳送中…
delivery-sent = 已傳送
delivery-failed = 失敗：{ $reason }

composer-label = 回覆 { $customer }
composer-placeholder = 輸入回覆…
composer-send = 傳送
composer-hint = 按 Enter 傳送 · 按 Shift+Enter 換行
composer-left-chars = { $count ->
   *[other] 還可輸入 { $count } 個字元
}
composer-left-bytes = { $count ->
   *[other] 還剩 { $count } 個位元組
}
composer-over-chars = { $count ->
   *[other] 超出 { $count } 個字元
}
composer-over-bytes = { $count ->
   *[other] 超出 { $count } 個位元組
}
delivery-retry = 重試
delivery-retry-label = 重新傳送此回覆
error-conflict = 此回覆已透過其他方式傳送。請重新載入對話。

message-from-you = 您

failure-channel-refused = 管道拒絕了此回覆
failure-empty-message = Alcméon 拒絕了空白回覆
failure-message-too-long = 超出此管道的長度限制
failure-insufficient-permissions = 您的 Alcméon 帳戶無權回覆此對話
failure-task-not-found = Alcméon 中已不存在此對話
failure-alcmeon-refused = Alcméon 拒絕了此回覆
failure-alcmeon-unavailable = 無法連線至 Alcméon
failure-rate-limited = 受 Alcméon 速率限制，回覆一再遭拒
failure-unknown = 未送達，原因不明
failure-with-detail = { $reason }（{ $detail }）

reply-blocked-no-permission = 您可以檢視此對話，但您的 Salesforce 權限不允許回覆。
reply-blocked-closed = 此對話已封存。客戶再次傳送訊息後，您即可回覆。
reply-blocked-window = 此管道的回覆時限已過。客戶再次傳送訊息後，您即可回覆。

event-archived = { $author } 封存了對話
event-auto-archived = 對話已自動封存
event-assigned = { $author } 將對話指派給 { $to }
event-acquired = { $author } 接手了對話
event-released = { $author } 釋出了對話
event-taken-over = { $author } 從 { $from } 接管了對話
event-on-hold = { $author } 將對話設為保留
event-tagged = { $author } 將標籤 { $tag } 設為 { $value }
event-marked-vip = { $author } 將客戶標示為 VIP
event-unmarked-vip = { $author } 移除了客戶的 VIP 標示
event-anonymized = 對話已在保留期限結束時匿名化
event-other = { $author } 更新了對話

announce-customer-message = 來自 { $author } 的新訊息：{ $text }
announce-agent-reply = { $author } 已回覆：{ $text }
announce-reply-failed = 您的回覆傳送失敗：{ $reason }
announce-attachments = { $count ->
   *[other] { $count } 個附件
}

attachment-image = 訊息中附加的圖片
attachment-loading = 正在載入附件…
attachment-failed = 無法載入附件
attachment-download = 下載檔案（{ $size }）
attachment-download-typed = 下載 { $type } 檔案（{ $size }）
size-bytes = { $count ->
   *[other] { $count } 位元組
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = 對話
