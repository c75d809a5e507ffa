# The widget's messages in Russian; the ids are exactly those of locales/en/widget.ftl.
# Counts use CLDR's one (1, 21…), few (2–4, 22…), many (0, 5–20…) and other (fractions).

widget-title = Переписка
thread-loading = Загрузка переписки…
thread-fetching = Получение переписки из Alcméon…
thread-empty = В этой переписке пока нет сообщений.
thread-count = { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
    [many] { $count } сообщений
   *[other] { $count } сообщения
}
thread-label = Сообщения с клиентом { $customer }
message-from-customer = Клиент
message-from-agent = Оператор
unknown-time-zone = Часовой пояс { $zone } неизвестен; время указано в UTC.

channel-whatsapp = WhatsApp
channel-facebook = Messenger
channel-instagram = Instagram
channel-twitter = X
channel-gmb = Отзыв в Google
channel-inmessage = Веб-чат
channel-other = Социальные сети

conversations-label = Разговоры по этому обращению
conversation-status-open = Открыт
conversation-status-closed = В архиве
conversation-new-activity = Новая активность

error-unauthenticated = Срок действия сеанса истек. Перезагрузите страницу, чтобы войти снова.
error-forbidden = У вас нет разрешения на это действие.
error-not-found = Эта переписка пока недоступна. Она появится, как только Alcméon ее передаст.
error-bad-request = Недопустимый запрос.
error-payload-too-large = Слишком большой объем для отправки.
error-rate-limited = Alcméon занят. Скоро будет выполнена повторная попытка.
error-upstream-unavailable = Alcméon сейчас недоступен.
error-internal = На нашей стороне произошла ошибка. Повторите попытку через несколько секунд.
error-network = Служба переписки недоступна. Проверьте подключение.
error-session = Salesforce не удалось открыть сеанс в службе переписки.

thread-count-more = { $count ->
    [one] Загружено { $count } сообщение, есть более ранние
    [few] Загружено { $count } сообщения, есть более ранние
    [many] Загружено { $count } сообщений, есть более ранние
   *[other] Загружено { $count } сообщения, есть более ранние
}
thread-loading-older = Загрузка более ранних сообщений…
thread-beginning = Начало переписки
thread-retry = Повторить попытку
thread-jump-latest = К последним
thread-unread = { $count ->
    [one] { $count } новое сообщение
    [few] { $count } новых сообщения
    [many] { $count } новых сообщений
   *[other] { $count } нового сообщения
}
thread-new-messages = Новые сообщения
day-today = Сегодня
day-yesterday = Вчера
day-date = { $date }
delivery-sending = Отправка…
delivery-sent = Отправлено
delivery-failed = Ошибка: { $reason }

composer-label = Ответ клиенту { $customer }
composer-placeholder = Введите ответ…
composer-send = Отправить
composer-hint = Enter — отправить · Shift+Enter — новая строка
composer-left-chars = { $count ->
    [one] Остался { $count } символ
    [few] Осталось { $count } символа
    [many] Осталось { $count } символов
   *[other] Осталось { $count } символа
}
composer-left-bytes = { $count ->
    [one] Остался { $count } байт
    [few] Осталось { $count } байта
    [many] Осталось { $count } байт
   *[other] Осталось { $count } байта
}
composer-over-chars = { $count ->
    [one] { $count } лишний символ
    [few] { $count } лишних символа
    [many] { $count } лишних символов
   *[other] { $count } лишнего символа
}
composer-over-bytes = { $count ->
    [one] { $count } лишний байт
    [few] { $count } лишних байта
    [many] { $count } лишних байт
   *[other] { $count } лишнего байта
}
delivery-retry = Повторить
delivery-retry-label = Повторить отправку этого ответа
error-conflict = Этот ответ уже был отправлен другим способом. Перезагрузите переписку.

message-from-you = Вы

failure-channel-refused = Канал отклонил ответ
failure-empty-message = Alcméon отклонил пустой ответ
failure-message-too-long = Ответ слишком длинный для этого канала
failure-insufficient-permissions = Ваша учетная запись Alcméon не может отвечать в этой переписке
failure-task-not-found = В Alcméon больше нет этой переписки
failure-alcmeon-refused = Alcméon отклонил ответ
failure-alcmeon-unavailable = Alcméon был недоступен
failure-rate-limited = Alcméon несколько раз отклонил ответ из-за ограничения частоты отправки
failure-unknown = Не доставлено по неизвестной причине
failure-with-detail = { $reason } ({ $detail })

reply-blocked-no-permission = Вы можете читать эту переписку, но ваши разрешения Salesforce не позволяют отвечать.
reply-blocked-closed = Эта переписка в архиве. Вы сможете ответить, когда клиент снова напишет.
reply-blocked-window = Окно для ответа в этом канале закрыто. Вы сможете ответить, когда клиент снова напишет.

event-archived = { $author }: переписка перенесена в архив
event-auto-archived = Переписка автоматически перенесена в архив
event-assigned = { $author }: переписка назначена пользователю { $to }
event-acquired = { $author }: переписка взята в работу
event-released = { $author }: переписка освобождена
event-taken-over = { $author }: переписка перехвачена у пользователя { $from }
event-on-hold = { $author }: переписка отложена
event-tagged = { $author }: для тега { $tag } задано значение { $value }
event-marked-vip = { $author }: клиент отмечен как VIP
event-unmarked-vip = { $author }: с клиента снята отметка VIP
event-anonymized = Переписка обезличена по окончании срока хранения
event-other = { $author }: переписка обновлена

announce-customer-message = Новое сообщение от { $author }: { $text }
announce-agent-reply = Ответ от { $author }: { $text }
announce-reply-failed = Не удалось отправить ваш ответ: { $reason }
announce-attachments = { $count ->
    [one] { $count } вложение
    [few] { $count } вложения
    [many] { $count } вложений
   *[other] { $count } вложения
}

attachment-image = Изображение, вложенное в сообщение
attachment-loading = Загрузка вложения…
attachment-failed = Не удалось загрузить вложение
attachment-download = Скачать файл ({ $size })
attachment-download-typed = Скачать файл { $type } ({ $size })
size-bytes = { $count ->
    [one] { $count } байт
    [few] { $count } байта
    [many] { $count } байт
   *[other] { $count } байта
}
size-kb = { $size }{"\u00A0"}КБ
size-mb = { $size }{"\u00A0"}МБ
size-gb = { $size }{"\u00A0"}ГБ
# The header names the mode the widget is in: a conversation (its thread and replies).
mode-conversation = Беседа
