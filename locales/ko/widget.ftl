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
delivery-queued-seconds = Alcméon 요청 한도로 인해 대기 중 · 약 { $count }초
delivery-queued-minutes = Alcméon 요청 한도로 인해 대기 중 · 약 { $count }분
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

mode-engagement = 발신 메시지
channel-rcs = RCS
channel-kakaotalk = 카카오톡
engagement-loading = 발신 메시지를 불러오는 중…
engagement-recipient = 고객
engagement-phone = 전화번호
engagement-channel = 채널
engagement-sender = 보내는 계정
engagement-consent = 수신 동의
engagement-unknown = 알 수 없음

consent-opted-in = { $date }에 수신 동의함
consent-opted-in-undated = 수신 동의함
consent-opted-out = { $date }에 수신 동의 철회
consent-no-opt-in = 수신 동의 없음
consent-unknown = 확인할 수 없음

engagement-blocked-several-environments = 여기서는 발신 메시지를 사용할 수 없습니다. 발신 메시지를 사용하려면 Salesforce 조직이 Alcméon 환경 하나에만 연결되어 있어야 하는데, 이 조직은 여러 환경({ $count }개)에 연결되어 있습니다. 관리자에게 문의하십시오.
engagement-blocked-recipient-missing = 보낼 전화번호가 없습니다. 발신 메시지와 케이스 연락처 모두에 전화번호가 없습니다.
engagement-blocked-recipient-malformed = 고객 전화번호가 국제 형식(예: +33 6 12 34 56 78)이 아니어서 보낼 수 없습니다.
engagement-blocked-sender-missing = 발신 메시지에 보낼 Alcméon 계정이 지정되어 있지 않습니다.
engagement-blocked-sender-unknown = 보내는 계정이 이 Alcméon 환경에서 템플릿을 보내는 계정이 아닙니다.
engagement-blocked-no-opt-in = 고객이 메시지 수신에 동의하지 않아 보낼 수 없습니다.
engagement-blocked-opted-out = 고객이 { $date }에 수신 동의를 철회하여 보낼 수 없습니다.
engagement-blocked-consent-unknown = 고객의 수신 동의를 확인할 수 없어 보낼 수 없습니다. 나중에 다시 시도하십시오.
engagement-blocked-already-sent = 이 발신 메시지는 이미 보냈습니다.
engagement-blocked-not-permitted = Salesforce 권한으로는 메시지를 보낼 수 없습니다.

template-label = 템플릿
template-none = 이 계정에서 사용할 수 있는 템플릿이 없습니다.
template-variables = 변수
template-optional = 선택 사항
template-preview = 미리 보기
template-preview-pending = 모든 변수가 올바르면 미리 보기가 표시됩니다.
template-send = 메시지 보내기

variable-missing = 필수 항목
variable-blank = 공백 외의 내용을 입력하십시오.
variable-too-long = 너무 깁니다. 여기에는 최대 { $count }자까지 입력할 수 있습니다.
variable-line-break = 줄 바꿈이나 탭 없이 한 줄로 입력하십시오.
variable-too-many-spaces = 공백은 연속으로 4개까지만 사용할 수 있습니다.
variable-not-url-safe = 이 값은 링크에 들어갑니다. 영문자, 숫자 및 - . _ ~ 만 사용하십시오.
variable-unknown = 템플릿에 그런 이름의 변수가 없습니다.

failure-ongoing-conversation = 이 고객은 이 계정에서 이미 진행 중인 대화가 있습니다
failure-invalid-phone = 이 채널에서 사용할 수 없는 전화번호입니다
failure-template-not-found = Alcméon에 등록되지 않은 템플릿입니다
failure-missing-variable = 템플릿 변수가 누락되었습니다
failure-account-not-found = Alcméon에 등록되지 않은 보내는 계정입니다
failure-message-refused = Alcméon에서 메시지를 거부했습니다

engagement-sent = 보냄(Alcméon 메시지 { $id })
engagement-open-conversation = 진행 중인 대화 열기
engagement-waiting = 고객이 답장하면 여기에서 대화가 열립니다.
engagement-draft-label = 답장 준비
engagement-draft-hint = 고객이 답장하는 즉시 보낼 수 있습니다.
announce-conversation-started = { $customer }님이 답장했습니다. 대화가 열렸습니다.

reply-window-closes-minutes = 답장 가능 시간이 { $count }분 후에 끝납니다
reply-window-closes-seconds = 답장 가능 시간이 { $count }초 후에 끝납니다
reengage-intro = 답장 가능 시간이 끝났습니다. 템플릿을 보내 고객에게 다시 연락하십시오.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = 고객
customer-contact = Salesforce 연락처:
customer-unlinked = Salesforce 연락처에 연결되지 않았습니다.
customer-unknown = Alcméon이 아직 이 고객을 식별하지 못했습니다.
customer-find = 연락처 찾기
customer-change = 변경
customer-search-label = Salesforce 연락처 검색
customer-search = 검색
customer-no-results = 일치하는 연락처가 없습니다.
customer-link = 연결
customer-new-name = 이름
customer-new-phone = 전화
customer-create = 만들고 연결
customer-search-failed = Salesforce에서 연락처를 검색할 수 없습니다: { $reason }
customer-create-failed = Salesforce에서 연락처를 만들 수 없습니다: { $reason }
customer-link-failed = 연락처를 연결할 수 없습니다: { $reason }
customer-others = 이 고객의 다른 대화
error-no-customer = Alcméon이 아직 이 고객을 식별하지 못해 연락처에 연결할 수 없습니다.
