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
