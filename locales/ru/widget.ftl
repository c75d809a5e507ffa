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
delivery-queued-seconds = { $count ->
    [one] В очереди из-за ограничения запросов Alcméon · примерно { $count } секунда
    [few] В очереди из-за ограничения запросов Alcméon · примерно { $count } секунды
    [many] В очереди из-за ограничения запросов Alcméon · примерно { $count } секунд
   *[other] В очереди из-за ограничения запросов Alcméon · примерно { $count } секунды
}
delivery-queued-minutes = { $count ->
    [one] В очереди из-за ограничения запросов Alcméon · примерно { $count } минута
    [few] В очереди из-за ограничения запросов Alcméon · примерно { $count } минуты
    [many] В очереди из-за ограничения запросов Alcméon · примерно { $count } минут
   *[other] В очереди из-за ограничения запросов Alcméon · примерно { $count } минуты
}
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

mode-engagement = Проактивное сообщение
channel-rcs = RCS
channel-kakaotalk = KakaoTalk
engagement-loading = Загрузка проактивного сообщения…
engagement-recipient = Клиент
engagement-phone = Номер телефона
engagement-channel = Канал
engagement-sender = Отправитель
engagement-consent = Согласие
engagement-unknown = Неизвестно

consent-opted-in = Согласие получено { $date }
consent-opted-in-undated = Согласие получено
consent-opted-out = Согласие отозвано { $date }
consent-no-opt-in = Согласия нет
consent-unknown = Не удалось проверить

engagement-blocked-several-environments = Проактивные сообщения здесь недоступны: для них организация Salesforce должна быть подключена только к одной среде Alcméon, а эта организация подключена к нескольким ({ $count }). Обратитесь к администратору.
engagement-blocked-recipient-missing = Нет номера телефона для отправки: его нет ни в проактивном сообщении, ни у контакта обращения.
engagement-blocked-recipient-malformed = Номер телефона клиента указан не в международном формате (например, +33 6 12 34 56 78), поэтому отправить ничего нельзя.
engagement-blocked-sender-missing = В проактивном сообщении не указан аккаунт Alcméon для отправки.
engagement-blocked-sender-unknown = Аккаунт отправителя не входит в число аккаунтов, с которых эта среда Alcméon отправляет шаблоны.
engagement-blocked-no-opt-in = Клиент не давал согласия на получение сообщений, поэтому отправить ничего нельзя.
engagement-blocked-opted-out = Клиент отозвал согласие { $date }, поэтому отправить ничего нельзя.
engagement-blocked-consent-unknown = Не удалось проверить согласие клиента, поэтому отправить ничего нельзя. Повторите попытку позже.
engagement-blocked-already-sent = Это проактивное сообщение уже отправлено.
engagement-blocked-not-permitted = Ваши разрешения Salesforce не позволяют отправлять сообщения.

template-label = Шаблон
template-none = Для этого аккаунта нет доступных шаблонов.
template-variables = Переменные
template-optional = необязательно
template-preview = Предпросмотр
template-preview-pending = Предпросмотр появится, когда все переменные будут заполнены правильно.
template-send = Отправить сообщение

variable-missing = Обязательное поле
variable-blank = Введите что-нибудь, кроме пробелов.
variable-too-long = { $count ->
    [one] Слишком длинно: здесь помещается не более { $count } символа.
    [few] Слишком длинно: здесь помещается не более { $count } символов.
    [many] Слишком длинно: здесь помещается не более { $count } символов.
   *[other] Слишком длинно: здесь помещается не более { $count } символа.
}
variable-line-break = Значение должно быть в одну строку, без табуляции.
variable-too-many-spaces = Не более 4 пробелов подряд.
variable-not-url-safe = Это значение попадает в ссылку: используйте только латинские буквы, цифры и - . _ ~
variable-unknown = В шаблоне нет переменной с таким именем.

failure-ongoing-conversation = У клиента уже есть открытая переписка в этом аккаунте
failure-invalid-phone = Номер телефона недействителен для этого канала
failure-template-not-found = Alcméon не знает этот шаблон
failure-missing-variable = Не хватало переменной шаблона
failure-account-not-found = Alcméon не знает аккаунт отправителя
failure-message-refused = Alcméon отклонил сообщение

engagement-sent = Отправлено (сообщение Alcméon { $id })
engagement-open-conversation = Открыть текущую переписку
engagement-waiting = Когда клиент ответит, переписка откроется здесь.
engagement-draft-label = Подготовьте ответ
engagement-draft-hint = Вы сможете отправить его, как только клиент ответит.
announce-conversation-started = Ответ от клиента { $customer }: переписка открыта.

reply-window-closes-minutes = { $count ->
    [one] Окно для ответа закроется через { $count } минуту
    [few] Окно для ответа закроется через { $count } минуты
    [many] Окно для ответа закроется через { $count } минут
   *[other] Окно для ответа закроется через { $count } минуты
}
reply-window-closes-seconds = { $count ->
    [one] Окно для ответа закроется через { $count } секунду
    [few] Окно для ответа закроется через { $count } секунды
    [many] Окно для ответа закроется через { $count } секунд
   *[other] Окно для ответа закроется через { $count } секунды
}
reengage-intro = Окно для ответа закрыто. Отправьте шаблон, чтобы снова связаться с клиентом.

# The customer above a conversation: their Salesforce Contact, the search, the other conversations.
# $reason is Salesforce's own text (search, create) or a whole error-* sentence (link).
customer-heading = Клиент
customer-contact = Контакт Salesforce:
customer-unlinked = Не связан с контактом Salesforce.
customer-unknown = Alcméon ещё не определил этого клиента.
customer-find = Найти контакт
customer-change = Изменить
customer-search-label = Поиск контактов Salesforce
customer-search = Найти
customer-no-results = Подходящих контактов нет.
customer-link = Связать
customer-new-name = Имя
customer-new-phone = Телефон
customer-create = Создать и связать
customer-search-failed = Salesforce не удалось выполнить поиск контактов: { $reason }
customer-create-failed = Salesforce не удалось создать контакт: { $reason }
customer-link-failed = Не удалось связать контакт: { $reason }
customer-others = Другие разговоры этого клиента
error-no-customer = Alcméon ещё не определил этого клиента, поэтому его нельзя связать с контактом.
