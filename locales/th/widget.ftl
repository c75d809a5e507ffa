# The widget's messages in Thai; the ids are exactly those of locales/en/widget.ftl.
# Thai has no plural forms: every count selector keeps only its *[other] variant.

widget-title = การสนทนา
thread-loading = กำลังโหลดการสนทนา…
thread-fetching = กำลังดึงการสนทนาจาก Alcméon…
thread-empty = ยังไม่มีข้อความในการสนทนานี้
thread-count = { $count ->
   *[other] { $count } ข้อความ
}
thread-label = ข้อความในการสนทนากับ { $customer }
message-from-customer = ลูกค้า
message-from-agent = เจ้าหน้าที่
unknown-time-zone = ไม่รู้จักเขตเวลา { $zone } เวลาจะแสดงเป็น UTC

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = รีวิว Google
channel-inmessage = แชทบนเว็บ
channel-other = โซเชียลมีเดีย

conversations-label = การสนทนาของเคสนี้
conversation-status-open = เปิดอยู่
conversation-status-closed = เก็บถาวรแล้ว
conversation-new-activity = มีความเคลื่อนไหวใหม่

error-unauthenticated = เซสชันของคุณหมดอายุแล้ว โปรดโหลดหน้านี้ใหม่เพื่อลงชื่อเข้าใช้อีกครั้ง
error-forbidden = คุณไม่มีสิทธิ์ดำเนินการนี้
error-not-found = การสนทนานี้ยังไม่พร้อมใช้งาน และจะปรากฏขึ้นเมื่อ Alcméon ส่งมาแล้ว
error-bad-request = คำขอไม่ถูกต้อง
error-payload-too-large = มีขนาดใหญ่เกินกว่าจะส่งได้
error-rate-limited = Alcméon ไม่ว่างในขณะนี้ ระบบจะลองอีกครั้งในอีกสักครู่
error-upstream-unavailable = ไม่สามารถเชื่อมต่อ Alcméon ได้ในขณะนี้
error-internal = เกิดข้อผิดพลาดในระบบของเรา โปรดลองอีกครั้งในอีกสักครู่
error-network = ไม่สามารถเชื่อมต่อบริการการสนทนาได้ โปรดตรวจสอบการเชื่อมต่อของคุณ
error-session = Salesforce ไม่สามารถเปิดเซสชันสำหรับบริการการสนทนาได้

thread-count-more = { $count ->
   *[other] โหลดแล้ว { $count } ข้อความ ยังมีข้อความก่อนหน้านี้อีก
}
thread-loading-older = กำลังโหลดข้อความก่อนหน้า…
thread-beginning = จุดเริ่มต้นของการสนทนา
thread-retry = ลองอีกครั้ง
thread-jump-latest = ไปที่ข้อความล่าสุด
thread-unread = { $count ->
   *[other] ข้อความใหม่ { $count } ข้อความ
}
thread-new-messages = ข้อความใหม่
day-today = วันนี้
day-yesterday = เมื่อวาน
day-date = { $date }
delivery-sending = กำลังส่ง…
delivery-sent = ส่งแล้ว
delivery-queued-seconds = อยู่ในคิวเนื่องจากขีดจำกัดคำขอของ Alcméon · ประมาณ { $count } วินาที
delivery-queued-minutes = อยู่ในคิวเนื่องจากขีดจำกัดคำขอของ Alcméon · ประมาณ { $count } นาที
delivery-failed = ส่งไม่สำเร็จ: { $reason }

composer-label = ตอบกลับ { $customer }
composer-placeholder = เขียนคำตอบ…
composer-send = ส่ง
composer-hint = Enter เพื่อส่ง · Shift+Enter เพื่อขึ้นบรรทัดใหม่
composer-left-chars = { $count ->
   *[other] เหลืออีก { $count } อักขระ
}
composer-left-bytes = { $count ->
   *[other] เหลืออีก { $count } ไบต์
}
composer-over-chars = { $count ->
   *[other] เกิน { $count } อักขระ
}
composer-over-bytes = { $count ->
   *[other] เกิน { $count } ไบต์
}
delivery-retry = ลองใหม่
delivery-retry-label = ลองส่งคำตอบนี้อีกครั้ง
error-conflict = คำตอบนี้ถูกส่งไปแล้วด้วยวิธีอื่น โปรดโหลดการสนทนาใหม่

message-from-you = คุณ

failure-channel-refused = ช่องทางปฏิเสธคำตอบ
failure-empty-message = Alcméon ปฏิเสธคำตอบที่ว่างเปล่า
failure-message-too-long = ยาวเกินไปสำหรับช่องทางนี้
failure-insufficient-permissions = บัญชี Alcméon ของคุณไม่ได้รับอนุญาตให้ตอบการสนทนานี้
failure-task-not-found = Alcméon ไม่มีการสนทนานี้แล้ว
failure-alcmeon-refused = Alcméon ปฏิเสธคำตอบ
failure-alcmeon-unavailable = ไม่สามารถเชื่อมต่อ Alcméon ได้
failure-rate-limited = Alcméon ปฏิเสธคำตอบซ้ำหลายครั้งเนื่องจากเกินขีดจำกัดอัตราการส่ง
failure-unknown = ส่งไม่ถึงปลายทางโดยไม่ทราบสาเหตุ
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = คุณอ่านการสนทนานี้ได้ แต่สิทธิ์ Salesforce ของคุณไม่อนุญาตให้ตอบกลับ
reply-blocked-closed = การสนทนานี้ถูกเก็บถาวรแล้ว คุณจะตอบกลับได้อีกครั้งเมื่อลูกค้าส่งข้อความมา
reply-blocked-window = ช่วงเวลาตอบกลับของช่องทางนี้สิ้นสุดแล้ว คุณจะตอบกลับได้อีกครั้งเมื่อลูกค้าส่งข้อความมา

event-archived = { $author } เก็บถาวรการสนทนา
event-auto-archived = การสนทนาถูกเก็บถาวรโดยอัตโนมัติ
event-assigned = { $author } มอบหมายการสนทนาให้ { $to }
event-acquired = { $author } รับการสนทนา
event-released = { $author } ปล่อยการสนทนา
event-taken-over = { $author } รับช่วงการสนทนาต่อจาก { $from }
event-on-hold = { $author } พักการสนทนาไว้
event-tagged = { $author } ตั้งค่าแท็ก { $tag } เป็น { $value }
event-marked-vip = { $author } ทำเครื่องหมายลูกค้าเป็น VIP
event-unmarked-vip = { $author } นำเครื่องหมาย VIP ของลูกค้าออก
event-anonymized = การสนทนาถูกทำให้เป็นข้อมูลนิรนามเมื่อสิ้นสุดระยะเวลาการเก็บรักษา
event-other = { $author } อัปเดตการสนทนา

announce-customer-message = ข้อความใหม่จาก { $author }: { $text }
announce-agent-reply = { $author } ตอบกลับ: { $text }
announce-reply-failed = ส่งคำตอบของคุณไม่สำเร็จ: { $reason }
announce-attachments = { $count ->
   *[other] ไฟล์แนบ { $count } ไฟล์
}

attachment-image = รูปภาพที่แนบมากับข้อความ
attachment-loading = กำลังโหลดไฟล์แนบ…
attachment-failed = ไม่สามารถโหลดไฟล์แนบได้
attachment-download = ดาวน์โหลดไฟล์ ({ $size })
attachment-download-typed = ดาวน์โหลดไฟล์ { $type } ({ $size })
size-bytes = { $count ->
   *[other] { $count } ไบต์
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = การสนทนา

mode-engagement = การติดต่อเชิงรุก
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = กำลังโหลดการติดต่อเชิงรุก…
engagement-recipient = ลูกค้า
engagement-phone = หมายเลขโทรศัพท์
engagement-channel = ช่องทาง
engagement-sender = ส่งจากบัญชี
engagement-consent = ความยินยอม
engagement-unknown = ไม่ทราบ

consent-opted-in = ให้ความยินยอมเมื่อ { $date }
consent-opted-in-undated = ให้ความยินยอมแล้ว
consent-opted-out = ถอนความยินยอมเมื่อ { $date }
consent-no-opt-in = ไม่มีความยินยอม
consent-unknown = ตรวจสอบไม่ได้

engagement-blocked-several-environments = ใช้การติดต่อเชิงรุกที่นี่ไม่ได้ เนื่องจากต้องใช้องค์กร Salesforce ที่เชื่อมต่อกับสภาพแวดล้อม Alcméon เพียงแห่งเดียว แต่องค์กรนี้เชื่อมต่อกับหลายแห่ง ({ $count }) โปรดติดต่อผู้ดูแลระบบของคุณ
engagement-blocked-recipient-missing = ไม่มีหมายเลขโทรศัพท์สำหรับส่ง ทั้งการติดต่อเชิงรุกและผู้ติดต่อของเคสไม่มีหมายเลขโทรศัพท์
engagement-blocked-recipient-malformed = หมายเลขโทรศัพท์ของลูกค้าไม่อยู่ในรูปแบบสากล (เช่น +33 6 12 34 56 78) จึงส่งไม่ได้
engagement-blocked-sender-missing = การติดต่อเชิงรุกไม่ได้ระบุบัญชี Alcméon ที่จะใช้ส่ง
engagement-blocked-sender-unknown = บัญชีผู้ส่งไม่ใช่บัญชีที่สภาพแวดล้อม Alcméon นี้ใช้ส่งเทมเพลต
engagement-blocked-no-opt-in = ลูกค้ายังไม่ได้ยินยอมรับข้อความ จึงส่งไม่ได้
engagement-blocked-opted-out = ลูกค้าถอนความยินยอมเมื่อ { $date } จึงส่งไม่ได้
engagement-blocked-consent-unknown = ตรวจสอบความยินยอมของลูกค้าไม่ได้ จึงส่งไม่ได้ โปรดลองอีกครั้งในภายหลัง
engagement-blocked-already-sent = ส่งข้อความของการติดต่อเชิงรุกนี้ไปแล้ว
engagement-blocked-not-permitted = สิทธิ์ Salesforce ของคุณไม่อนุญาตให้ส่งข้อความ

template-label = เทมเพลต
template-none = ไม่มีเทมเพลตสำหรับบัญชีนี้
template-variables = ตัวแปร
template-optional = ไม่บังคับ
template-preview = ตัวอย่าง
template-preview-pending = ตัวอย่างจะแสดงเมื่อตัวแปรทั้งหมดถูกต้อง
template-send = ส่งข้อความ

variable-missing = จำเป็น
variable-blank = โปรดป้อนข้อความที่ไม่ใช่แค่การเว้นวรรค
variable-too-long = ยาวเกินไป: ช่องนี้ใส่ได้ไม่เกิน { $count } อักขระ
variable-line-break = โปรดเขียนในบรรทัดเดียว ไม่มีแท็บ
variable-too-many-spaces = เว้นวรรคติดกันได้ไม่เกิน 4 ครั้ง
variable-not-url-safe = ค่านี้จะอยู่ในลิงก์: ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และ - . _ ~
variable-unknown = เทมเพลตไม่มีตัวแปรชื่อนี้

failure-ongoing-conversation = ลูกค้ามีการสนทนาที่ยังดำเนินอยู่ในบัญชีนี้แล้ว
failure-invalid-phone = หมายเลขโทรศัพท์ใช้กับช่องทางนี้ไม่ได้
failure-template-not-found = ไม่พบเทมเพลตนี้ใน Alcméon
failure-missing-variable = ตัวแปรของเทมเพลตขาดหายไป
failure-account-not-found = ไม่พบบัญชีผู้ส่งใน Alcméon
failure-message-refused = Alcméon ปฏิเสธข้อความ

engagement-sent = ส่งแล้ว (ข้อความ Alcméon { $id })
engagement-open-conversation = เปิดการสนทนาที่ดำเนินอยู่
engagement-waiting = เมื่อลูกค้าตอบกลับ การสนทนาจะเปิดขึ้นที่นี่
engagement-draft-label = เตรียมคำตอบของคุณ
engagement-draft-hint = คุณจะส่งได้ทันทีที่ลูกค้าตอบกลับ
announce-conversation-started = { $customer } ตอบกลับแล้ว: การสนทนาเปิดอยู่

reply-window-closes-minutes = ช่วงเวลาตอบกลับจะสิ้นสุดในอีก { $count } นาที
reply-window-closes-seconds = ช่วงเวลาตอบกลับจะสิ้นสุดในอีก { $count } วินาที
reengage-intro = ช่วงเวลาตอบกลับสิ้นสุดแล้ว ส่งเทมเพลตเพื่อติดต่อลูกค้าอีกครั้ง

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = ลูกค้า
customer-contact = ผู้ติดต่อ Salesforce:
customer-unlinked = ยังไม่ได้เชื่อมโยงกับผู้ติดต่อ Salesforce
customer-unknown = Alcméon ยังไม่ได้ระบุตัวลูกค้ารายนี้
customer-find = ค้นหาผู้ติดต่อ
customer-change = เปลี่ยน
customer-search-label = ค้นหาผู้ติดต่อใน Salesforce
customer-search = ค้นหา
customer-no-results = ไม่มีผู้ติดต่อที่ตรงกัน
customer-link = เชื่อมโยง
customer-new-name = ชื่อ
customer-new-phone = โทรศัพท์
customer-create = สร้างและเชื่อมโยง
customer-search-failed = Salesforce ค้นหาผู้ติดต่อไม่ได้: { $reason }
customer-create-failed = Salesforce สร้างผู้ติดต่อไม่ได้: { $reason }
customer-link-failed = เชื่อมโยงผู้ติดต่อไม่ได้: { $reason }
customer-others = การสนทนาอื่นของลูกค้ารายนี้
error-no-customer = Alcméon ยังไม่ได้ระบุตัวลูกค้ารายนี้ จึงเชื่อมโยงกับผู้ติดต่อไม่ได้
