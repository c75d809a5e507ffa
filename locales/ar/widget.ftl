# The widget's messages in Arabic (right to left); the ids are exactly those of
# locales/en/widget.ftl. Counts use CLDR's zero, one, two, few (3–10), many (11–99) and other
# (100, 101…). Events are phrased in the passive so the author's gender never shows.

widget-title = المحادثة
thread-loading = جارٍ تحميل المحادثة…
thread-fetching = جارٍ جلب المحادثة من Alcméon…
thread-empty = لا توجد رسائل في هذه المحادثة بعد.
thread-count = { $count ->
    [zero] لا توجد رسائل
    [one] رسالة واحدة
    [two] رسالتان
    [few] { $count } رسائل
    [many] { $count } رسالة
   *[other] { $count } رسالة
}
thread-label = الرسائل مع { $customer }
message-from-customer = العميل
message-from-agent = الوكيل
unknown-time-zone = المنطقة الزمنية { $zone } غير معروفة؛ تُعرض الأوقات بالتوقيت العالمي المنسق (UTC).

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = مراجعة Google
channel-inmessage = دردشة الويب
channel-other = وسائل التواصل الاجتماعي

conversations-label = محادثات هذه الحالة
conversation-status-open = مفتوحة
conversation-status-closed = مؤرشفة
conversation-new-activity = نشاط جديد

error-unauthenticated = انتهت صلاحية جلستك. أعد تحميل الصفحة لتسجيل الدخول مرة أخرى.
error-forbidden = ليس لديك إذن للقيام بذلك.
error-not-found = هذه المحادثة غير متاحة بعد. ستظهر بمجرد أن يرسلها Alcméon.
error-bad-request = الطلب غير صالح.
error-payload-too-large = الحجم كبير جدًا بحيث يتعذر إرساله.
error-rate-limited = خدمة Alcméon مشغولة حاليًا. ستتم إعادة المحاولة بعد قليل.
error-upstream-unavailable = يتعذر الوصول إلى Alcméon حاليًا.
error-internal = حدث خطأ من جانبنا. حاول مرة أخرى بعد لحظات.
error-network = يتعذر الوصول إلى خدمة المحادثات. تحقق من اتصالك.
error-session = تعذر على Salesforce فتح جلسة في خدمة المحادثات.

thread-count-more = { $count ->
    [zero] لم يتم تحميل أي رسالة، وتوجد رسائل أقدم
    [one] تم تحميل رسالة واحدة، وتوجد رسائل أقدم
    [two] تم تحميل رسالتين، وتوجد رسائل أقدم
    [few] تم تحميل { $count } رسائل، وتوجد رسائل أقدم
    [many] تم تحميل { $count } رسالة، وتوجد رسائل أقدم
   *[other] تم تحميل { $count } رسالة، وتوجد رسائل أقدم
}
thread-loading-older = جارٍ تحميل الرسائل السابقة…
thread-beginning = بداية المحادثة
thread-retry = إعادة المحاولة
thread-jump-latest = الانتقال إلى الأحدث
thread-unread = { $count ->
    [zero] لا توجد رسائل جديدة
    [one] رسالة جديدة واحدة
    [two] رسالتان جديدتان
    [few] { $count } رسائل جديدة
    [many] { $count } رسالة جديدة
   *[other] { $count } رسالة جديدة
}
thread-new-messages = رسائل جديدة
day-today = اليوم
day-yesterday = أمس
day-date = { $date }
delivery-sending = جارٍ الإرسال…
delivery-sent = تم الإرسال
delivery-queued-seconds = { $count ->
    [one] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو ثانية واحدة
    [two] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو ثانيتين
    [few] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو { $count } ثوانٍ
    [many] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو { $count } ثانية
   *[other] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو { $count } ثانية
}
delivery-queued-minutes = { $count ->
    [one] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو دقيقة واحدة
    [two] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو دقيقتين
    [few] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو { $count } دقائق
    [many] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو { $count } دقيقة
   *[other] في قائمة الانتظار بسبب حد الطلبات في Alcméon · بعد نحو { $count } دقيقة
}
delivery-failed = فشل الإرسال: { $reason }

composer-label = الرد على { $customer }
composer-placeholder = اكتب ردًا…
composer-send = إرسال
composer-hint = Enter للإرسال · Shift+Enter لإضافة سطر
composer-left-chars = { $count ->
    [zero] لم يتبق أي حرف
    [one] يتبقى حرف واحد
    [two] يتبقى حرفان
    [few] يتبقى { $count } أحرف
    [many] يتبقى { $count } حرفًا
   *[other] يتبقى { $count } حرف
}
composer-left-bytes = { $count ->
    [zero] لم يتبق أي بايت
    [one] يتبقى بايت واحد
    [two] يتبقى بايتان
   *[other] يتبقى { $count } بايت
}
composer-over-chars = { $count ->
    [one] حرف واحد زائد
    [two] حرفان زائدان
    [few] { $count } أحرف زائدة
    [many] { $count } حرفًا زائدًا
   *[other] { $count } حرف زائد
}
composer-over-bytes = { $count ->
    [one] بايت واحد زائد
    [two] بايتان زائدان
   *[other] { $count } بايت زائد
}
delivery-retry = إعادة المحاولة
delivery-retry-label = إعادة محاولة إرسال هذا الرد
error-conflict = تم إرسال هذا الرد بالفعل بطريقة أخرى. أعد تحميل المحادثة.

message-from-you = أنت

failure-channel-refused = رفضت القناة الرد
failure-empty-message = رفض Alcméon ردًا فارغًا
failure-message-too-long = الرد طويل جدًا بالنسبة لهذه القناة
failure-insufficient-permissions = لا يُسمح لحسابك في Alcméon بالرد على هذه المحادثة
failure-task-not-found = لم تعد هذه المحادثة موجودة في Alcméon
failure-alcmeon-refused = رفض Alcméon الرد
failure-alcmeon-unavailable = تعذر الوصول إلى Alcméon
failure-rate-limited = رفض Alcméon الرد مرارًا بسبب تجاوز حد معدل الإرسال
failure-unknown = لم يتم التسليم لسبب غير معروف
failure-with-detail = {"\u200F"}{ $reason } ({ $detail })

reply-blocked-no-permission = يمكنك قراءة هذه المحادثة، لكن أذوناتك في Salesforce لا تسمح بالرد.
reply-blocked-closed = هذه المحادثة مؤرشفة. يمكنك الرد مرة أخرى عندما يكتب العميل.
reply-blocked-window = انتهت مهلة الرد في هذه القناة. يمكنك الرد مرة أخرى عندما يكتب العميل.

event-archived = تمت أرشفة المحادثة بواسطة { $author }
event-auto-archived = تمت أرشفة المحادثة تلقائيًا
event-assigned = تم إسناد المحادثة إلى { $to } بواسطة { $author }
event-acquired = تم تولي المحادثة بواسطة { $author }
event-released = تم إلغاء تولي المحادثة بواسطة { $author }
event-taken-over = تم نقل المحادثة من { $from } إلى { $author }
event-on-hold = تم وضع المحادثة قيد الانتظار بواسطة { $author }
event-tagged = تم تعيين قيمة الوسم { $tag } إلى { $value } بواسطة { $author }
event-marked-vip = تم تمييز العميل كعميل VIP بواسطة { $author }
event-unmarked-vip = تمت إزالة تمييز VIP عن العميل بواسطة { $author }
event-anonymized = تمت إزالة بيانات الهوية من المحادثة عند انتهاء فترة الاحتفاظ بها
event-other = تم تحديث المحادثة بواسطة { $author }

announce-customer-message = رسالة جديدة من { $author }: { $text }
announce-agent-reply = رد من { $author }: { $text }
announce-reply-failed = فشل إرسال ردك: { $reason }
announce-attachments = { $count ->
    [zero] لا توجد مرفقات
    [one] مرفق واحد
    [two] مرفقان
    [few] { $count } مرفقات
    [many] { $count } مرفقًا
   *[other] { $count } مرفق
}

attachment-image = صورة مرفقة بالرسالة
attachment-loading = جارٍ تحميل المرفق…
attachment-failed = تعذر تحميل المرفق
attachment-download = تنزيل الملف ({ $size })
attachment-download-typed = تنزيل ملف { $type } ({ $size })
size-bytes = { $count ->
    [one] بايت واحد
    [two] بايتان
   *[other] { $count } بايت
}
size-kb = { $size }{"\u00A0"}كيلوبايت
size-mb = { $size }{"\u00A0"}ميغابايت
size-gb = { $size }{"\u00A0"}غيغابايت
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = محادثة

mode-engagement = تواصل استباقي
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = جارٍ تحميل التواصل الاستباقي…
engagement-recipient = العميل
engagement-phone = رقم الهاتف
engagement-channel = القناة
engagement-sender = مرسَل من
engagement-consent = الموافقة
engagement-unknown = غير معروف

consent-opted-in = تمت الموافقة في { $date }
consent-opted-in-undated = تمت الموافقة
consent-opted-out = سُحبت الموافقة في { $date }
consent-no-opt-in = لا توجد موافقة
consent-unknown = تعذر التحقق

engagement-blocked-several-environments = التواصل الاستباقي غير متاح هنا: فهو يتطلب مؤسسة Salesforce متصلة ببيئة Alcméon واحدة فقط، وهذه المؤسسة متصلة بعدة بيئات ({ $count }). تواصل مع المسؤول.
engagement-blocked-recipient-missing = لا يوجد رقم هاتف للإرسال إليه: لا يحتوي التواصل الاستباقي ولا جهة اتصال الحالة على رقم.
engagement-blocked-recipient-malformed = رقم هاتف العميل ليس بالتنسيق الدولي (مثل {"\u2066"}+33 6 12 34 56 78{"\u2069"})، لذا لا يمكن إرسال أي شيء.
engagement-blocked-sender-missing = لا يحدد التواصل الاستباقي أي حساب في Alcméon للإرسال منه.
engagement-blocked-sender-unknown = حساب المرسل ليس من الحسابات التي ترسل منها بيئة Alcméon هذه القوالب.
engagement-blocked-no-opt-in = لم يوافق العميل على تلقي الرسائل، لذا لا يمكن إرسال أي شيء.
engagement-blocked-opted-out = سحب العميل موافقته في { $date }، لذا لا يمكن إرسال أي شيء.
engagement-blocked-consent-unknown = تعذر التحقق من موافقة العميل، لذا لا يمكن إرسال أي شيء. حاول مرة أخرى لاحقًا.
engagement-blocked-already-sent = تم إرسال رسالة هذا التواصل الاستباقي بالفعل.
engagement-blocked-not-permitted = لا تسمح أذوناتك في Salesforce بإرسال الرسائل.

template-label = القالب
template-none = لا يوجد قالب متاح لهذا الحساب.
template-variables = المتغيرات
template-optional = اختياري
template-preview = معاينة
template-preview-pending = تظهر المعاينة عندما تصبح جميع المتغيرات صالحة.
template-send = إرسال الرسالة

variable-missing = مطلوب
variable-blank = أدخل شيئًا غير المسافات.
variable-too-long = طويل جدًا: الحد الأقصى لعدد الأحرف هنا هو { $count }.
variable-line-break = اكتبه في سطر واحد دون علامات جدولة.
variable-too-many-spaces = لا تستخدم أكثر من 4 مسافات متتالية.
variable-not-url-safe = تدخل هذه القيمة في رابط: استخدم الأحرف اللاتينية والأرقام و{"\u2066"}- . _ ~{"\u2069"} فقط.
variable-unknown = لا يحتوي القالب على متغير بهذا الاسم.

failure-ongoing-conversation = لدى العميل بالفعل محادثة جارية على هذا الحساب
failure-invalid-phone = رقم الهاتف غير صالح لهذه القناة
failure-template-not-found = هذا القالب غير معروف لدى Alcméon
failure-missing-variable = كان أحد متغيرات القالب مفقودًا
failure-account-not-found = حساب المرسل غير معروف لدى Alcméon
failure-message-refused = رفض Alcméon الرسالة

engagement-sent = تم الإرسال (رسالة Alcméon رقم { $id })
engagement-open-conversation = فتح المحادثة الجارية
engagement-waiting = عندما يرد العميل، تُفتح المحادثة هنا.
engagement-draft-label = جهّز ردك
engagement-draft-hint = يمكنك إرساله فور رد العميل.
announce-conversation-started = ردّ { $customer }: المحادثة مفتوحة الآن.

reply-window-closes-minutes = { $count ->
    [one] ستنتهي مهلة الرد بعد دقيقة واحدة
    [two] ستنتهي مهلة الرد بعد دقيقتين
    [few] ستنتهي مهلة الرد بعد { $count } دقائق
    [many] ستنتهي مهلة الرد بعد { $count } دقيقة
   *[other] ستنتهي مهلة الرد بعد { $count } دقيقة
}
reply-window-closes-seconds = { $count ->
    [one] ستنتهي مهلة الرد بعد ثانية واحدة
    [two] ستنتهي مهلة الرد بعد ثانيتين
    [few] ستنتهي مهلة الرد بعد { $count } ثوانٍ
    [many] ستنتهي مهلة الرد بعد { $count } ثانية
   *[other] ستنتهي مهلة الرد بعد { $count } ثانية
}
reengage-intro = انتهت مهلة الرد. أرسل قالبًا للتواصل مع العميل مرة أخرى.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = العميل
customer-contact = جهة اتصال Salesforce:
customer-unlinked = غير مرتبط بجهة اتصال في Salesforce.
customer-unknown = لم يتعرّف Alcméon على هذا العميل بعد.
customer-find = البحث عن جهة اتصال
customer-change = تغيير
customer-search-label = البحث في جهات اتصال Salesforce
customer-search = بحث
customer-no-results = لا توجد جهة اتصال مطابقة.
customer-link = ربط
customer-new-name = الاسم
customer-new-phone = الهاتف
customer-create = إنشاء وربط
customer-search-failed = تعذّر على Salesforce البحث في جهات الاتصال: { $reason }
customer-create-failed = تعذّر على Salesforce إنشاء جهة الاتصال: { $reason }
customer-link-failed = تعذّر ربط جهة الاتصال: { $reason }
customer-others = محادثات أخرى لهذا العميل
error-no-customer = لم يتعرّف Alcméon على هذا العميل بعد، لذا لا يمكن ربطه بجهة اتصال.
