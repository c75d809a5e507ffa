# The widget's messages in Hebrew (right to left); the ids are exactly those of
# locales/en/widget.ftl. Wording avoids gendered verbs: the reader is addressed with
# "באפשרותך"/"יש ל…", and events are passive ("…על ידי { $author }").

widget-title = שיחה
thread-loading = טוען את השיחה…
thread-fetching = מביא את השיחה מ-Alcméon…
thread-empty = אין עדיין הודעות בשיחה זו.
thread-count = { $count ->
    [one] הודעה אחת
   *[other] { $count } הודעות
}
thread-label = הודעות עם { $customer }
message-from-customer = לקוח
message-from-agent = נציג
unknown-time-zone = אזור הזמן { $zone } אינו ידוע; השעות מוצגות לפי UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = ביקורת ב-Google
channel-inmessage = צ׳אט באתר
channel-other = רשתות חברתיות

conversations-label = השיחות של פנייה זו
conversation-status-open = פתוחה
conversation-status-closed = בארכיון
conversation-new-activity = פעילות חדשה

error-unauthenticated = תוקף ההפעלה שלך פג. יש לטעון מחדש את הדף כדי להתחבר שוב.
error-forbidden = אין לך הרשאה לבצע פעולה זו.
error-not-found = השיחה הזו עדיין אינה זמינה. היא תופיע ברגע ש-Alcméon ישלח אותה.
error-bad-request = הבקשה אינה חוקית.
error-payload-too-large = הגודל חורג מהמותר לשליחה.
error-rate-limited = יש עומס על Alcméon כרגע. ניסיון חוזר יתבצע בקרוב.
error-upstream-unavailable = אין אפשרות להתחבר ל-Alcméon כרגע.
error-internal = משהו השתבש אצלנו. יש לנסות שוב בעוד רגע.
error-network = אין אפשרות להתחבר לשירות השיחות. יש לבדוק את החיבור.
error-session = ל-Salesforce לא הייתה אפשרות לפתוח הפעלה בשירות השיחות.

thread-count-more = { $count ->
    [one] נטענה הודעה אחת, ויש הודעות קודמות
   *[other] נטענו { $count } הודעות, ויש הודעות קודמות
}
thread-loading-older = טוען הודעות קודמות…
thread-beginning = תחילת השיחה
thread-retry = ניסיון חוזר
thread-jump-latest = מעבר להודעות האחרונות
thread-unread = { $count ->
    [one] הודעה חדשה אחת
   *[other] { $count } הודעות חדשות
}
thread-new-messages = הודעות חדשות
day-today = היום
day-yesterday = אתמול
day-date = { $date }
delivery-sending = שולח…
delivery-sent = נשלחה
delivery-queued-seconds = { $count ->
    [one] בתור בגלל מגבלת הבקשות של Alcméon · בעוד כשנייה אחת
    [two] בתור בגלל מגבלת הבקשות של Alcméon · בעוד כשתי שניות
   *[other] בתור בגלל מגבלת הבקשות של Alcméon · בעוד כ־{ $count } שניות
}
delivery-queued-minutes = { $count ->
    [one] בתור בגלל מגבלת הבקשות של Alcméon · בעוד כדקה אחת
    [two] בתור בגלל מגבלת הבקשות של Alcméon · בעוד כשתי דקות
   *[other] בתור בגלל מגבלת הבקשות של Alcméon · בעוד כ־{ $count } דקות
}
delivery-failed = נכשלה: { $reason }

composer-label = תשובה ל-{ $customer }
composer-placeholder = כתיבת תשובה…
composer-send = שליחה
composer-hint = Enter לשליחה · Shift+Enter להוספת שורה
composer-left-chars = { $count ->
    [one] נותר תו אחד
   *[other] נותרו { $count } תווים
}
composer-left-bytes = { $count ->
    [one] נותר בייט אחד
   *[other] נותרו { $count } בתים
}
composer-over-chars = { $count ->
    [one] תו אחד מעבר למותר
   *[other] { $count } תווים מעבר למותר
}
composer-over-bytes = { $count ->
    [one] בייט אחד מעבר למותר
   *[other] { $count } בתים מעבר למותר
}
delivery-retry = ניסיון חוזר
delivery-retry-label = ניסיון חוזר לשלוח את התשובה
error-conflict = התשובה הזו כבר נשלחה בדרך אחרת. יש לטעון מחדש את השיחה.

message-from-you = את/ה

failure-channel-refused = הערוץ דחה את התשובה
failure-empty-message = תשובה ריקה נדחתה על ידי Alcméon
failure-message-too-long = ארוכה מדי עבור ערוץ זה
failure-insufficient-permissions = לחשבון ה-Alcméon שלך אין הרשאה להשיב בשיחה זו
failure-task-not-found = השיחה הזו כבר אינה קיימת ב-Alcméon
failure-alcmeon-refused = התשובה נדחתה על ידי Alcméon
failure-alcmeon-unavailable = לא הייתה אפשרות להתחבר ל-Alcméon
failure-rate-limited = מגבלת קצב השליחה של Alcméon דחתה את התשובה שוב ושוב
failure-unknown = לא נמסרה, מסיבה לא ידועה
failure-with-detail = {"\u200F"}{ $reason } ({ $detail })

reply-blocked-no-permission = באפשרותך לקרוא שיחה זו, אך הרשאות ה-Salesforce שלך אינן מאפשרות להשיב.
reply-blocked-closed = שיחה זו הועברה לארכיון. באפשרותך להשיב שוב כשהלקוח יכתוב.
reply-blocked-window = חלון התגובה של הערוץ נסגר. באפשרותך להשיב שוב כשהלקוח יכתוב.

event-archived = השיחה הועברה לארכיון על ידי { $author }
event-auto-archived = השיחה הועברה לארכיון באופן אוטומטי
event-assigned = השיחה הוקצתה ל-{ $to } על ידי { $author }
event-acquired = השיחה נלקחה לטיפול על ידי { $author }
event-released = השיחה שוחררה על ידי { $author }
event-taken-over = השיחה הועברה מ-{ $from } אל { $author }
event-on-hold = השיחה הועברה להמתנה על ידי { $author }
event-tagged = התגית { $tag } הוגדרה לערך { $value } על ידי { $author }
event-marked-vip = הלקוח סומן כ-VIP על ידי { $author }
event-unmarked-vip = סימון ה-VIP של הלקוח הוסר על ידי { $author }
event-anonymized = פרטי הזיהוי הוסרו מהשיחה בתום תקופת השמירה
event-other = השיחה עודכנה על ידי { $author }

announce-customer-message = הודעה חדשה מ-{ $author }: { $text }
announce-agent-reply = תשובה מ-{ $author }: { $text }
announce-reply-failed = שליחת התשובה שלך נכשלה: { $reason }
announce-attachments = { $count ->
    [one] קובץ מצורף אחד
   *[other] { $count } קבצים מצורפים
}

attachment-image = תמונה שצורפה להודעה
attachment-loading = טוען את הקובץ המצורף…
attachment-failed = לא ניתן לטעון את הקובץ המצורף
attachment-download = הורדת הקובץ ({ $size })
attachment-download-typed = הורדת קובץ { $type } ({ $size })
size-bytes = { $count ->
    [one] בייט אחד
   *[other] { $count } בתים
}
size-kb = { $size }{"\u00A0"}KB
size-mb = { $size }{"\u00A0"}MB
size-gb = { $size }{"\u00A0"}GB
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = שיחה

mode-engagement = הודעה יזומה
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = טוען את ההודעה היזומה…
engagement-recipient = לקוח
engagement-phone = מספר טלפון
engagement-channel = ערוץ
engagement-sender = נשלחת מהחשבון
engagement-consent = הסכמה
engagement-unknown = לא ידוע

consent-opted-in = הסכמה ניתנה ב-{ $date }
consent-opted-in-undated = הסכמה ניתנה
consent-opted-out = ההסכמה בוטלה ב-{ $date }
consent-no-opt-in = אין הסכמה
consent-unknown = לא ניתן לבדוק

engagement-blocked-several-environments = הודעה יזומה אינה זמינה כאן: היא דורשת ארגון Salesforce שמחובר לסביבת Alcméon אחת בלבד, וארגון זה מחובר לכמה סביבות ({ $count }). יש לפנות למנהל המערכת.
engagement-blocked-recipient-missing = אין מספר טלפון לשליחה: אין מספר לא בהודעה היזומה ולא אצל איש הקשר של הפנייה.
engagement-blocked-recipient-malformed = מספר הטלפון של הלקוח אינו בפורמט בינלאומי (לדוגמה {"\u2066"}+33 6 12 34 56 78{"\u2069"}), ולכן לא ניתן לשלוח דבר.
engagement-blocked-sender-missing = בהודעה היזומה לא צוין חשבון Alcméon שממנו יש לשלוח.
engagement-blocked-sender-unknown = חשבון השולח אינו חשבון שממנו סביבת Alcméon זו שולחת תבניות.
engagement-blocked-no-opt-in = הלקוח לא הסכים לקבל הודעות, ולכן לא ניתן לשלוח דבר.
engagement-blocked-opted-out = הלקוח ביטל את הסכמתו ב-{ $date }, ולכן לא ניתן לשלוח דבר.
engagement-blocked-consent-unknown = לא ניתן היה לבדוק את הסכמת הלקוח, ולכן לא ניתן לשלוח דבר. יש לנסות שוב מאוחר יותר.
engagement-blocked-already-sent = ההודעה היזומה הזו כבר נשלחה.
engagement-blocked-not-permitted = הרשאות ה-Salesforce שלך אינן מאפשרות לשלוח הודעות.

template-label = תבנית
template-none = אין תבנית זמינה לחשבון זה.
template-variables = משתנים
template-optional = אופציונלי
template-preview = תצוגה מקדימה
template-preview-pending = התצוגה המקדימה תופיע כשכל המשתנים יהיו תקינים.
template-send = שליחת הודעה

variable-missing = שדה חובה
variable-blank = יש להזין תוכן שאינו רווחים בלבד.
variable-too-long = ארוך מדי: מספר התווים המרבי כאן הוא { $count }.
variable-line-break = יש לכתוב בשורה אחת, ללא טאבים.
variable-too-many-spaces = אפשר להשתמש בעד 4 רווחים ברצף.
variable-not-url-safe = הערך הזה נכנס לקישור: יש להשתמש רק באותיות לטיניות, בספרות ובתווים {"\u2066"}- . _ ~{"\u2069"}.
variable-unknown = אין בתבנית משתנה בשם הזה.

failure-ongoing-conversation = ללקוח כבר יש שיחה פעילה בחשבון זה
failure-invalid-phone = מספר הטלפון אינו תקין לערוץ זה
failure-template-not-found = התבנית אינה מוכרת ל-Alcméon
failure-missing-variable = חסר משתנה של התבנית
failure-account-not-found = חשבון השולח אינו מוכר ל-Alcméon
failure-message-refused = ההודעה נדחתה על ידי Alcméon

engagement-sent = נשלחה (הודעת Alcméon { $id })
engagement-open-conversation = פתיחת השיחה הפעילה
engagement-waiting = כשהלקוח ישיב, השיחה תיפתח כאן.
engagement-draft-label = הכנת התשובה שלך
engagement-draft-hint = אפשר יהיה לשלוח אותה ברגע שהלקוח ישיב.
announce-conversation-started = התקבלה תשובה מ-{ $customer }: השיחה פתוחה.

reply-window-closes-minutes = { $count ->
    [one] חלון התגובה ייסגר בעוד דקה אחת
    [two] חלון התגובה ייסגר בעוד שתי דקות
   *[other] חלון התגובה ייסגר בעוד { $count } דקות
}
reply-window-closes-seconds = { $count ->
    [one] חלון התגובה ייסגר בעוד שנייה אחת
    [two] חלון התגובה ייסגר בעוד שתי שניות
   *[other] חלון התגובה ייסגר בעוד { $count } שניות
}
reengage-intro = חלון התגובה נסגר. יש לשלוח תבנית כדי לפנות שוב ללקוח.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = לקוח
customer-contact = איש קשר ב-Salesforce:
customer-unlinked = לא מקושר לאיש קשר ב-Salesforce.
customer-unknown = הלקוח הזה עדיין לא זוהה ב-Alcméon.
customer-find = חיפוש איש קשר
customer-change = שינוי
customer-search-label = חיפוש אנשי קשר ב-Salesforce
customer-search = חיפוש
customer-no-results = אין אנשי קשר תואמים.
customer-link = קישור
customer-new-name = שם
customer-new-phone = טלפון
customer-create = יצירה וקישור
customer-search-failed = החיפוש באנשי הקשר ב-Salesforce נכשל: { $reason }
customer-create-failed = יצירת איש הקשר ב-Salesforce נכשלה: { $reason }
customer-link-failed = לא ניתן היה לקשר את איש הקשר: { $reason }
customer-others = שיחות אחרות של הלקוח הזה
error-no-customer = הלקוח הזה עדיין לא זוהה ב-Alcméon, ולכן אי אפשר לקשר אותו לאיש קשר.
