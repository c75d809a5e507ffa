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
delivery-queued-seconds = 因 Alcméon 速率限制排隊中 · 約 { $count } 秒
delivery-queued-minutes = 因 Alcméon 速率限制排隊中 · 約 { $count } 分鐘
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

mode-engagement = 主動聯繫
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = 正在載入主動聯繫…
engagement-recipient = 客戶
engagement-phone = 電話號碼
engagement-channel = 管道
engagement-sender = 傳送帳號
engagement-consent = 同意狀態
engagement-unknown = 不明

consent-opted-in = 已於 { $date } 同意接收
consent-opted-in-undated = 已同意接收
consent-opted-out = 已於 { $date } 取消訂閱
consent-no-opt-in = 未同意接收
consent-unknown = 無法確認

engagement-blocked-several-environments = 此處無法使用主動聯繫：主動聯繫需要 Salesforce 組織只連線一個 Alcméon 環境，但此組織連線了多個環境（{ $count } 個）。請洽詢您的管理員。
engagement-blocked-recipient-missing = 沒有可傳送的電話號碼：主動聯繫記錄和案例聯絡人都沒有電話號碼。
engagement-blocked-recipient-malformed = 客戶的電話號碼不是國際格式（例如 +33 6 12 34 56 78），因此無法傳送。
engagement-blocked-sender-missing = 主動聯繫記錄未指定用於傳送的 Alcméon 帳號。
engagement-blocked-sender-unknown = 傳送帳號不是此 Alcméon 環境用來傳送範本的帳號。
engagement-blocked-no-opt-in = 客戶未同意接收訊息，因此無法傳送。
engagement-blocked-opted-out = 客戶已於 { $date } 取消訂閱，因此無法傳送。
engagement-blocked-consent-unknown = 無法確認客戶是否同意接收訊息，因此無法傳送。請稍後再試。
engagement-blocked-already-sent = 此主動聯繫的訊息已傳送。
engagement-blocked-not-permitted = 您的 Salesforce 權限不允許傳送訊息。

template-label = 範本
template-none = 此帳號沒有可用的範本。
template-variables = 變數
template-optional = 選填
template-preview = 預覽
template-preview-pending = 所有變數都有效後就會顯示預覽。
template-send = 傳送訊息

variable-missing = 必填
variable-blank = 請輸入空格以外的內容。
variable-too-long = 過長：此處最多可輸入 { $count } 個字元。
variable-line-break = 請在一行內填寫，不要使用換行或定位字元。
variable-too-many-spaces = 最多只能連續使用 4 個空格。
variable-not-url-safe = 此值會放入連結中：只能使用英文字母、數字和 - . _ ~
variable-unknown = 範本中沒有此名稱的變數。

failure-ongoing-conversation = 該客戶在此帳號上已有進行中的對話
failure-invalid-phone = 此電話號碼不適用於此管道
failure-template-not-found = Alcméon 中沒有此範本
failure-missing-variable = 缺少範本變數
failure-account-not-found = Alcméon 中沒有此傳送帳號
failure-message-refused = Alcméon 拒絕了此訊息

engagement-sent = 已傳送（Alcméon 訊息 { $id }）
engagement-open-conversation = 開啟進行中的對話
engagement-waiting = 客戶回覆後，對話會在此處開啟。
engagement-draft-label = 準備回覆
engagement-draft-hint = 客戶回覆後即可傳送。
announce-conversation-started = { $customer } 已回覆：對話已開啟。

reply-window-closes-minutes = 回覆時限將在 { $count } 分鐘後結束
reply-window-closes-seconds = 回覆時限將在 { $count } 秒後結束
reengage-intro = 回覆時限已過。請傳送範本以再次聯繫客戶。

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = 客戶
customer-contact = Salesforce 連絡人：
customer-unlinked = 未連結 Salesforce 連絡人。
customer-unknown = Alcméon 尚未識別此客戶。
customer-find = 尋找連絡人
customer-change = 變更
customer-search-label = 搜尋 Salesforce 連絡人
customer-search = 搜尋
customer-no-results = 沒有相符的連絡人。
customer-link = 連結
customer-new-name = 姓名
customer-new-phone = 電話
customer-create = 建立並連結
customer-search-failed = Salesforce 無法搜尋連絡人：{ $reason }
customer-create-failed = Salesforce 無法建立連絡人：{ $reason }
customer-link-failed = 無法連結連絡人：{ $reason }
customer-others = 此客戶的其他對話
error-no-customer = Alcméon 尚未識別此客戶，因此無法將其連結到連絡人。
