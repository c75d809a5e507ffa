# The widget's messages in Korean; the ids are exactly those of locales/en/widget.ftl.
# Korean has no plural forms: every count selector keeps only its *[other] variant.

widget-title = 대화
thread-loading = 대화를 불러오는 중…
thread-fetching = Alcméon에서 대화를 가져오는 중…
thread-empty = 이 대화에는 아직 메시지가 없습니다.
thread-count = { $count ->
   *[other] 메시지 { $count }개
}
thread-label = { $customer }님과의 메시지
message-from-customer = 고객
message-from-agent = 상담원
unknown-time-zone = 시간대 { $zone }을(를) 알 수 없어 시간을 UTC로 표시합니다.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Google 리뷰
channel-inmessage = 웹 채팅
channel-other = 소셜 미디어

conversations-label = 이 케이스의 대화
conversation-status-open = 열림
conversation-status-closed = 보관됨
conversation-new-activity = 새 활동

error-unauthenticated = 세션이 만료되었습니다. 다시 로그인하려면 페이지를 새로 고치십시오.
error-forbidden = 이 작업을 수행할 권한이 없습니다.
error-not-found = 이 대화는 아직 사용할 수 없습니다. Alcméon에서 전송하면 표시됩니다.
error-bad-request = 요청이 올바르지 않습니다.
error-payload-too-large = 크기가 너무 커서 보낼 수 없습니다.
error-rate-limited = Alcméon이 사용 중입니다. 잠시 후 다시 시도합니다.
error-upstream-unavailable = 지금은 Alcméon에 연결할 수 없습니다.
error-internal = 서비스에 문제가 발생했습니다. 잠시 후 다시 시도하십시오.
error-network = 대화 서비스에 연결할 수 없습니다. 연결 상태를 확인하십시오.
error-session = Salesforce에서 대화 서비스 세션을 열 수 없습니다.

thread-count-more = { $count ->
   *[other] 메시지 { $count }개를 불러왔습니다. 이전 메시지가 더 있습니다
}
thread-loading-older = 이전 메시지를 불러오는 중…
thread-beginning = 대화의 시작
thread-retry = 다시 시도
thread-jump-latest = 최신 메시지로 이동
thread-unread = { $count ->
   *[other] 새 메시지 { $count }개
}
thread-new-messages = 새 메시지
day-today = 오늘
day-yesterday = 어제
day-date = { $date }
delivery-sending = 보내는 중…
delivery-sent = 보냄
delivery-failed = 실패: { $reason }

composer-label = { $customer }님에게 답장
composer-placeholder = 답장 작성…
composer-send = 보내기
composer-hint = Enter 키로 보내기 · Shift+Enter 키로 줄 바꿈
composer-left-chars = { $count ->
   *[other] { $count }자 남음
}
composer-left-bytes = { $count ->
   *[other] { $count }바이트 남음
}
composer-over-chars = { $count ->
   *[other] { $count }자 초과
}
composer-over-bytes = { $count ->
   *[other] { $count }바이트 초과
}
delivery-retry = 다시 시도
delivery-retry-label = 이 답장 다시 보내기
error-conflict = 이 답장은 이미 다른 방식으로 전송되었습니다. 대화를 새로 고치십시오.

message-from-you = 나

failure-channel-refused = 채널에서 답장을 거부했습니다
failure-empty-message = Alcméon에서 빈 답장을 거부했습니다
failure-message-too-long = 이 채널에서 허용하는 길이를 초과했습니다
failure-insufficient-permissions = 사용자의 Alcméon 계정으로는 이 대화에 답장할 수 없습니다
failure-task-not-found = Alcméon에 이 대화가 더 이상 없습니다
failure-alcmeon-refused = Alcméon에서 답장을 거부했습니다
failure-alcmeon-unavailable = Alcméon에 연결할 수 없었습니다
failure-rate-limited = Alcméon의 전송 속도 제한으로 답장이 계속 거부되었습니다
failure-unknown = 알 수 없는 이유로 전달되지 않았습니다
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = 이 대화를 읽을 수는 있지만 Salesforce 권한으로는 답장할 수 없습니다.
reply-blocked-closed = 이 대화는 보관되었습니다. 고객이 메시지를 보내면 다시 답장할 수 있습니다.
reply-blocked-window = 채널의 답장 가능 시간이 끝났습니다. 고객이 메시지를 보내면 다시 답장할 수 있습니다.

event-archived = { $author }님이 대화를 보관했습니다
event-auto-archived = 대화가 자동으로 보관되었습니다
event-assigned = { $author }님이 대화를 { $to }님에게 할당했습니다
event-acquired = { $author }님이 대화를 맡았습니다
event-released = { $author }님이 대화 담당을 해제했습니다
event-taken-over = { $author }님이 { $from }님에게서 대화를 넘겨받았습니다
event-on-hold = { $author }님이 대화를 보류했습니다
event-tagged = { $author }님이 { $tag } 태그를 { $value }(으)로 설정했습니다
event-marked-vip = { $author }님이 고객을 VIP로 표시했습니다
event-unmarked-vip = { $author }님이 고객의 VIP 표시를 제거했습니다
event-anonymized = 보존 기간이 끝나 대화가 익명 처리되었습니다
event-other = { $author }님이 대화를 업데이트했습니다

announce-customer-message = { $author }님의 새 메시지: { $text }
announce-agent-reply = { $author }님의 답장: { $text }
announce-reply-failed = 답장을 보내지 못했습니다: { $reason }
announce-attachments = { $count ->
   *[other] 첨부 파일 { $count }개
}

attachment-image = 메시지에 첨부된 이미지
attachment-loading = 첨부 파일을 불러오는 중…
attachment-failed = 첨부 파일을 불러올 수 없습니다
attachment-download = 파일 다운로드({ $size })
attachment-download-typed = { $type } 파일 다운로드({ $size })
size-bytes = { $count ->
   *[other] { $count }바이트
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = 대화
