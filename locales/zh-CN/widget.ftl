# The widget's messages in Chinese (Simplified); the ids are exactly those of locales/en/widget.ftl.
# Chinese has no plural forms: every count selector keeps only its *[other] variant.

widget-title = 对话
thread-loading = 正在加载对话…
thread-fetching = 正在从 Alcméon 获取对话…
thread-empty = 此对话中还没有消息。
thread-count = { $count ->
   *[other] { $count } 条消息
}
thread-label = 与 { $customer } 的消息
message-from-customer = 客户
message-from-agent = 客服代表
unknown-time-zone = 时区 { $zone } 未知；时间以 UTC 显示。

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google 评价
channel-inmessage = 网页聊天
channel-other = 社交媒体

conversations-label = 此个案的对话
conversation-status-open = 进行中
conversation-status-closed = 已归档
conversation-new-activity = 新动态

error-unauthenticated = 您的会话已过期。请重新加载页面以再次登录。
error-forbidden = 您无权执行此操作。
error-not-found = 此对话尚不可用。Alcméon 发送后即会显示。
error-bad-request = 请求无效。
error-payload-too-large = 内容过大，无法发送。
error-rate-limited = Alcméon 繁忙，稍后将自动重试。
error-upstream-unavailable = 目前无法连接到 Alcméon。
error-internal = 我们这边出现了问题。请稍后重试。
error-network = 无法连接到对话服务。请检查您的网络连接。
error-session = Salesforce 无法为对话服务打开会话。

thread-count-more = { $count ->
   *[other] 已加载 { $count } 条消息，之前还有更多
}
thread-loading-older = 正在加载更早的消息…
thread-beginning = 对话开始
thread-retry = 重试
thread-jump-latest = 跳到最新
thread-unread = { $count ->
   *[other] { $count } 条新消息
}
thread-new-messages = 新消息
day-today = 今天
day-yesterday = 昨天
day-date = { $date }
delivery-sending = 正在发送…
delivery-sent = 已发送
delivery-queued-seconds = 因 Alcméon 速率限制排队中 · 约 { $count } 秒
delivery-queued-minutes = 因 Alcméon 速率限制排队中 · 约 { $count } 分钟
delivery-failed = 失败：{ $reason }

composer-label = 回复 { $customer }
composer-placeholder = 输入回复…
composer-send = 发送
composer-hint = 按 Enter 发送 · 按 Shift+Enter 换行
composer-left-chars = { $count ->
   *[other] 还可输入 { $count } 个字符
}
composer-left-bytes = { $count ->
   *[other] 还剩 { $count } 个字节
}
composer-over-chars = { $count ->
   *[other] 超出 { $count } 个字符
}
composer-over-bytes = { $count ->
   *[other] 超出 { $count } 个字节
}
delivery-retry = 重试
delivery-retry-label = 重新发送此回复
error-conflict = 此回复已通过其他方式发送。请重新加载对话。

message-from-you = 您

failure-channel-refused = 渠道拒绝了此回复
failure-empty-message = Alcméon 拒绝了空回复
failure-message-too-long = 超出此渠道的长度限制
failure-insufficient-permissions = 您的 Alcméon 账户无权回复此对话
failure-task-not-found = Alcméon 中已不存在此对话
failure-alcmeon-refused = Alcméon 拒绝了此回复
failure-alcmeon-unavailable = 无法连接到 Alcméon
failure-rate-limited = 受 Alcméon 速率限制，回复被多次拒绝
failure-unknown = 未送达，原因未知
failure-with-detail = { $reason }（{ $detail }）

reply-blocked-no-permission = 您可以查看此对话，但您的 Salesforce 权限不允许回复。
reply-blocked-closed = 此对话已归档。客户再次发送消息后，您即可回复。
reply-blocked-window = 此渠道的回复时限已过。客户再次发送消息后，您即可回复。

event-archived = { $author } 归档了对话
event-auto-archived = 对话已自动归档
event-assigned = { $author } 将对话分配给了 { $to }
event-acquired = { $author } 接手了对话
event-released = { $author } 释放了对话
event-taken-over = { $author } 从 { $from } 处接管了对话
event-on-hold = { $author } 将对话设为暂挂
event-tagged = { $author } 将标签 { $tag } 设置为 { $value }
event-marked-vip = { $author } 将客户标记为 VIP
event-unmarked-vip = { $author } 取消了客户的 VIP 标记
event-anonymized = 对话已在保留期结束时匿名化
event-other = { $author } 更新了对话

announce-customer-message = 来自 { $author } 的新消息：{ $text }
announce-agent-reply = { $author } 已回复：{ $text }
announce-reply-failed = 您的回复发送失败：{ $reason }
announce-attachments = { $count ->
   *[other] { $count } 个附件
}

attachment-image = 消息中附带的图片
attachment-loading = 正在加载附件…
attachment-failed = 无法加载附件
attachment-download = 下载文件（{ $size }）
attachment-download-typed = 下载 { $type } 文件（{ $size }）
size-bytes = { $count ->
   *[other] { $count } 字节
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = 会话

mode-engagement = 主动联系
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = 正在加载主动联系…
engagement-recipient = 客户
engagement-phone = 电话号码
engagement-channel = 渠道
engagement-sender = 发送账号
engagement-consent = 同意状态
engagement-unknown = 未知

consent-opted-in = 已于 { $date } 同意接收
consent-opted-in-undated = 已同意接收
consent-opted-out = 已于 { $date } 退订
consent-no-opt-in = 未同意接收
consent-unknown = 无法确认

engagement-blocked-several-environments = 此处无法使用主动联系：主动联系要求 Salesforce 组织只连接一个 Alcméon 环境，而此组织连接了多个环境（{ $count } 个）。请联系您的管理员。
engagement-blocked-recipient-missing = 没有可发送的电话号码：主动联系记录和个案联系人都没有电话号码。
engagement-blocked-recipient-malformed = 客户的电话号码不是国际格式（例如 +33 6 12 34 56 78），因此无法发送。
engagement-blocked-sender-missing = 主动联系记录未指定用于发送的 Alcméon 账号。
engagement-blocked-sender-unknown = 发送账号不是此 Alcméon 环境用于发送模板的账号。
engagement-blocked-no-opt-in = 客户未同意接收消息，因此无法发送。
engagement-blocked-opted-out = 客户已于 { $date } 退订，因此无法发送。
engagement-blocked-consent-unknown = 无法确认客户是否同意接收消息，因此无法发送。请稍后重试。
engagement-blocked-already-sent = 此主动联系的消息已发送。
engagement-blocked-not-permitted = 您的 Salesforce 权限不允许发送消息。

template-label = 模板
template-none = 此账号没有可用的模板。
template-variables = 变量
template-optional = 可选
template-preview = 预览
template-preview-pending = 所有变量都有效后将显示预览。
template-send = 发送消息

variable-missing = 必填
variable-blank = 请输入空格以外的内容。
variable-too-long = 过长：此处最多可输入 { $count } 个字符。
variable-line-break = 请在一行内填写，不要使用换行或制表符。
variable-too-many-spaces = 最多只能连续使用 4 个空格。
variable-not-url-safe = 此值会放入链接中：只能使用英文字母、数字和 - . _ ~
variable-unknown = 模板中没有此名称的变量。

failure-ongoing-conversation = 该客户在此账号上已有进行中的对话
failure-invalid-phone = 此电话号码不适用于此渠道
failure-template-not-found = Alcméon 中不存在此模板
failure-missing-variable = 缺少模板变量
failure-account-not-found = Alcméon 中不存在此发送账号
failure-message-refused = Alcméon 拒绝了此消息

engagement-sent = 已发送（Alcméon 消息 { $id }）
engagement-open-conversation = 打开进行中的对话
engagement-waiting = 客户回复后，对话将在此处打开。
engagement-draft-label = 准备回复
engagement-draft-hint = 客户回复后即可发送。
announce-conversation-started = { $customer } 已回复：对话已打开。

reply-window-closes-minutes = 回复时限将在 { $count } 分钟后结束
reply-window-closes-seconds = 回复时限将在 { $count } 秒后结束
reengage-intro = 回复时限已过。请发送模板以再次联系客户。

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = 客户
customer-contact = Salesforce 联系人：
customer-unlinked = 未关联 Salesforce 联系人。
customer-unknown = Alcméon 尚未识别此客户。
customer-find = 查找联系人
customer-change = 更改
customer-search-label = 搜索 Salesforce 联系人
customer-search = 搜索
customer-no-results = 没有匹配的联系人。
customer-link = 关联
customer-new-name = 姓名
customer-new-phone = 电话
customer-create = 创建并关联
customer-search-failed = Salesforce 无法搜索联系人：{ $reason }
customer-create-failed = Salesforce 无法创建联系人：{ $reason }
customer-link-failed = 无法关联联系人：{ $reason }
customer-others = 此客户的其他会话
error-no-customer = Alcméon 尚未识别此客户，因此无法将其关联到联系人。
