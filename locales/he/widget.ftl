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
