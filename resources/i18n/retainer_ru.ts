<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name></name>
    <message>
        <source>Retainer keeps the customers you already have.</source>
        <translation>Retainer помогает сохранить клиентов, которые у вас уже есть.</translation>
    </message>
    <message>
        <source>Run &apos;retainer COMMAND --help&apos; for what each command takes. With no command, the window opens.</source>
        <translation>Что принимает каждая команда: &apos;retainer КОМАНДА --help&apos;. Без команды открывается окно программы.</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>команды</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>использование: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>позиционные аргументы</translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: ошибка: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>не хватает обязательных аргументов: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>непонятные аргументы: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>нет такого варианта: %(value)r (можно: %(choices)s)</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>аргумент %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>нужно одно значение</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>нужно хотя бы одно значение</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>нужно не больше одного значения</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>неверное значение %(type)s: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>неоднозначный параметр: %(option)s может означать %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>нельзя вместе с аргументом %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>нужен один из аргументов %s</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>не удаётся открыть &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
    <message>
        <source>customer base: a file or a database address (default: RETAINER_DB, then your data folder, as the window)</source>
        <translation>клиентская база: файл или адрес базы данных (по умолчанию: RETAINER_DB, затем папка данных, как у окна программы)</translation>
    </message>
    <message>
        <source>make a demo base with made-up customers</source>
        <translation>создать демо-базу с вымышленными клиентами</translation>
    </message>
    <message>
        <source>Make a demo customer base.</source>
        <translation>Создать демо-базу клиентов.</translation>
    </message>
    <message>
        <source>file to create; it must not exist yet</source>
        <translation>файл, который будет создан; его ещё не должно быть</translation>
    </message>
    <message>
        <source>--customers and --years must be more than zero.</source>
        <translation>--customers и --years должны быть больше нуля.</translation>
    </message>
    <message>
        <source>Demo base ready: {path}</source>
        <translation>Демо-база готова: {path}</translation>
    </message>
    <message>
        <source>export the whole base to Excel</source>
        <translation>выгрузить всю базу в Excel</translation>
    </message>
    <message>
        <source>Export the whole base to one Excel workbook.</source>
        <translation>Выгрузить всю базу в одну книгу Excel.</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>Не удалось записать {file}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln control characters that Excel does not accept were removed.</source>
        <translation>
            <numerusform>Убран %Ln управляющий символ, который Excel не принимает.</numerusform>
            <numerusform>Убраны %Ln управляющих символа, которые Excel не принимает.</numerusform>
            <numerusform>Убрано %Ln управляющих символов, которые Excel не принимает.</numerusform>
        </translation>
    </message>
    <message>
        <source>import customers from a spreadsheet</source>
        <translation>загрузить клиентов из таблицы</translation>
    </message>
    <message>
        <source>Import customers (and purchases) from .xlsx, .xls, .ods or .csv.</source>
        <translation>Загрузить клиентов (и покупки) из .xlsx, .xls, .ods или .csv.</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first)</source>
        <translation>какой лист читать (по умолчанию первый)</translation>
    </message>
    <message>
        <source>map a column by its header, e.g. --map &quot;Моб.=phone&quot;; field &apos;&apos; skips the column</source>
        <translation>сопоставить столбец по заголовку, например --map &quot;Моб.=phone&quot;; пустое поле &apos;&apos; пропускает столбец</translation>
    </message>
    <message>
        <source>what to do with customers already in the base (default: skip)</source>
        <translation>что делать с клиентами, которые уже есть в базе (по умолчанию пропустить)</translation>
    </message>
    <message>
        <source>the country of phone numbers written without + and a country code, such as RU or LT; it becomes the base&apos;s setting, as in the window&apos;s import (default: the base&apos;s setting)</source>
        <translation>страна номеров, записанных без + и кода страны, например RU или LT; она становится настройкой базы, как при загрузке в окне программы (по умолчанию настройка базы)</translation>
    </message>
    <message>
        <source>check everything, save nothing</source>
        <translation>проверить всё, ничего не сохранять</translation>
    </message>
    <message>
        <source>Unknown country “{code}”. Countries: {codes}.</source>
        <translation>Неизвестная страна «{code}». Страны: {codes}.</translation>
    </message>
    <message>
        <source>Unknown field “{field}”. Fields: {fields}.</source>
        <translation>Неизвестное поле «{field}». Поля: {fields}.</translation>
    </message>
    <message>
        <source>No column “{header}” in the header row ({headers}).</source>
        <translation>В строке заголовков нет столбца «{header}» ({headers}).</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header on row {row}:</source>
        <translation>Лист «{sheet}», заголовки в строке {row}:</translation>
    </message>
    <message>
        <source>To read them so, run the import again with --country {code}.</source>
        <translation>Чтобы прочитать их так, запустите загрузку ещё раз с --country {code}.</translation>
    </message>
    <message>
        <source>row {row}, {column}: {message} ({value})</source>
        <translation>строка {row}, {column}: {message} ({value})</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more problems.</source>
        <translation>
            <numerusform>… и ещё %Ln ошибка.</numerusform>
            <numerusform>… и ещё %Ln ошибки.</numerusform>
            <numerusform>… и ещё %Ln ошибок.</numerusform>
        </translation>
    </message>
    <message>
        <source>{verb}: {rows}; {outcome}; {problems}.</source>
        <translation>{verb}: {rows}; {outcome}; {problems}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln строка</numerusform>
            <numerusform>%Ln строки</numerusform>
            <numerusform>%Ln строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with problems</source>
        <translation>
            <numerusform>%Ln строка с ошибками</numerusform>
            <numerusform>%Ln строки с ошибками</numerusform>
            <numerusform>%Ln строк с ошибками</numerusform>
        </translation>
    </message>
    <message>
        <source>Test run, nothing saved</source>
        <translation>Пробная загрузка, ничего не сохранено</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Загружено</translation>
    </message>
    <message>
        <source>print the retention figures for a period</source>
        <translation>показать показатели удержания за период</translation>
    </message>
    <message>
        <source>Print the retention figures for a period.</source>
        <translation>Показать показатели удержания за период.</translation>
    </message>
    <message>
        <source>first day of the period (default: the first day of last month)</source>
        <translation>первый день периода (по умолчанию первое число прошлого месяца)</translation>
    </message>
    <message>
        <source>the day after the period (default: the first day of this month)</source>
        <translation>день после конца периода (по умолчанию первое число этого месяца)</translation>
    </message>
    <message>
        <source>the day for figures &apos;as of&apos; (default: today); a past day gives the figures as they stood that morning, with the model fitted on the purchases before it</source>
        <translation>день, на который считать показатели (по умолчанию сегодня); для прошедшего дня — так, как они выглядели тем утром, с моделью по покупкам до него</translation>
    </message>
    <message>
        <source>--from must be before --to.</source>
        <translation>--from должен быть раньше --to.</translation>
    </message>
    <message>
        <source>Period {start} – {end} (the day after), as of {as_of}</source>
        <translation>Период {start} – {end} (следующий день), на {as_of}</translation>
    </message>
    <message>
        <source>CRR {crr}  (S {s}, E {e}, N {n}, churned {churned}, came back {back});  churn {churn}</source>
        <translation>CRR {crr}  (S {s}, E {e}, N {n}, ушли {churned}, вернулись {back});  отток {churn}</translation>
    </message>
    <message>
        <source>Purchases in the period: {n} for {revenue}; in all: {total} for {all_revenue}</source>
        <translation>Покупок за период: {n} на {revenue}; всего: {total} на {all_revenue}</translation>
    </message>
    <message>
        <source>NPS {score}  (promoters {p}, passives {pa}, detractors {d})</source>
        <translation>NPS {score}  (промоутеры {p}, нейтральные {pa}, критики {d})</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Active now</source>
        <translation>Активны сейчас</translation>
    </message>
    <message>
        <source>Repeat-purchase rate</source>
        <translation>Доля повторных покупок</translation>
    </message>
    <message>
        <source>Purchases per customer (365 days)</source>
        <translation>Покупок на клиента (365 дней)</translation>
    </message>
    <message>
        <source>Average order (365 days)</source>
        <translation>Средний чек (365 дней)</translation>
    </message>
    <message>
        <source>Average lifetime (days)</source>
        <translation>Средний срок жизни клиента (дней)</translation>
    </message>
    <message>
        <source>Share of regulars</source>
        <translation>Доля постоянных</translation>
    </message>
    <message>
        <source>Statuses: </source>
        <translation>Статусы: </translation>
    </message>
    <message>
        <source>RFM segments: </source>
        <translation>Сегменты RFM: </translation>
    </message>
    <message>
        <source>Who brings new customers: </source>
        <translation>Кто приводит новых клиентов: </translation>
    </message>
    <message>
        <source>{name} {n} ({spent})</source>
        <translation>{name} {n} ({spent})</translation>
    </message>
    <message>
        <source>{back} of {n} ({share})</source>
        <translation>{back} из {n} ({share})</translation>
    </message>
    <message>
        <source>, {n} still waiting</source>
        <translation>, ещё ждём: {n}</translation>
    </message>
    <message>
        <source>Did it work (bought again within {days} days): reached {reached}; not reached {not_reached}</source>
        <translation>Сработало ли (купили снова в течение {days} дней): дозвонились или написали — {reached}; не связались — {not_reached}</translation>
    </message>
    <message>
        <source>  Messages to {segment}: written to {reached}; left out {not_reached}</source>
        <translation>  Сообщения сегменту {segment}: получили — {reached}; не получили — {not_reached}</translation>
    </message>
    <message>
        <source>customers shown</source>
        <translation>показанные клиенты</translation>
    </message>
    <message>
        <source>BG/NBD (days): r={r:.3f} alpha={alpha:.2f} a={a:.3f} b={b:.3f}</source>
        <translation>BG/NBD (дни): r={r:.3f} alpha={alpha:.2f} a={a:.3f} b={b:.3f}</translation>
    </message>
    <message>
        <source>BG/NBD: not fitted yet (too few repeat customers, or the window has not run).</source>
        <translation>BG/NBD: модель ещё не рассчитана (мало повторных покупателей или окно программы ещё не запускалось).</translation>
    </message>
    <message>
        <source>print whom to call today</source>
        <translation>показать, кому позвонить сегодня</translation>
    </message>
    <message>
        <source>Print whom to call today, most worth calling first.</source>
        <translation>Показать, кому позвонить сегодня, сначала самых важных.</translation>
    </message>
    <message>
        <source>the day to list, like 2026-12-31 (default: today); reminders are made only for today</source>
        <translation>день для списка, например 2026-12-31 (по умолчанию сегодня); напоминания создаются только на сегодня</translation>
    </message>
    <message>
        <source>print JSON instead of a table</source>
        <translation>вывести JSON вместо таблицы</translation>
    </message>
    <message>
        <source>Nobody to call on {date}.</source>
        <translation>Звонить некому на {date}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers to call on {date}:</source>
        <translation>
            <numerusform>%Ln клиент для звонка на {date}:</numerusform>
            <numerusform>%Ln клиента для звонка на {date}:</numerusform>
            <numerusform>%Ln клиентов для звонка на {date}:</numerusform>
        </translation>
    </message>
    <message>
        <source>customer base to open: a file or a database address (default: RETAINER_DB, then your data folder)</source>
        <translation>какую клиентскую базу открыть: файл или адрес базы данных (по умолчанию RETAINER_DB, затем папка данных)</translation>
    </message>
    <message>
        <source>open a demo base with made-up customers, to look around</source>
        <translation>открыть демо-базу с вымышленными клиентами, чтобы осмотреться</translation>
    </message>
    <message>
        <source>open, wait for the first page of customers, print the milliseconds since start and quit (for tests)</source>
        <translation>открыть, дождаться первой страницы клиентов, вывести миллисекунды с запуска и выйти (для тестов)</translation>
    </message>
    <message>
        <source>check this installation offscreen, in every language, in a temporary folder: a new base, an import, an export, every room and the dashboard; exit 0 only if all of it works</source>
        <translation>проверить эту установку без экрана, на каждом языке, во временной папке: новая база, загрузка, выгрузка, все разделы и показатели; код выхода 0, только если всё работает</translation>
    </message>
    <message>
        <source>The customer base {path} is damaged ({reason}). Nothing was changed in it. A backup can be put in its place: File → Restore from a backup, or retainer restore.</source>
        <translation>База клиентов {path} повреждена ({reason}). В ней ничего не изменено. На её место можно поставить резервную копию: Файл → Восстановить из резервной копии или retainer restore.</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached ({reason}). Check that the server computer is on and connected to the shop&apos;s network, then try again.</source>
        <translation>Не удаётся связаться с сервером базы данных {server} ({reason}). Проверьте, что компьютер-сервер включён и подключён к сети магазина, и попробуйте снова.</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached just now, so nothing was saved; what you typed is still there. Try again in a moment. If it goes on, check that the server computer is on and connected to the shop&apos;s network.</source>
        <translation>Сервер базы данных {server} сейчас недоступен, поэтому ничего не сохранено; введённое осталось на месте. Попробуйте ещё раз через минуту. Если не пройдёт, проверьте, что компьютер-сервер включён и подключён к сети магазина.</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached just now; try again in a moment. If it goes on, check that the server computer is on and connected to the shop&apos;s network.</source>
        <translation>Сервер базы данных {server} сейчас недоступен; попробуйте ещё раз через минуту. Если не пройдёт, проверьте, что компьютер-сервер включён и подключён к сети магазина.</translation>
    </message>
    <message>
        <source>“{location}” is neither a file nor a database address.</source>
        <translation>«{location}» — это не файл и не адрес базы данных.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a customer base file.</source>
        <translation>{path} — это папка, а не файл клиентской базы.</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the customer base: {reason}</source>
        <translation>Не удаётся создать папку {folder} для клиентской базы: {reason}</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder is read-only.</source>
        <translation>Не удаётся создать {path}: папка только для чтения.</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation>Не удаётся прочитать {path}: нет доступа.</translation>
    </message>
    <message>
        <source>{path} is read-only. Retainer needs to save changes there: copy the file to a folder you can write to, or ask for write permission.</source>
        <translation>{path} открыт только для чтения, а Retainer нужно сохранять в нём изменения: скопируйте файл в папку, куда можно записывать, или попросите право на запись.</translation>
    </message>
    <message>
        <source>{path} is not a Retainer customer base (it is some other kind of file).</source>
        <translation>{path} — не клиентская база Retainer (это файл другого рода).</translation>
    </message>
    <message>
        <source>the file is shorter than its contents</source>
        <translation>файл короче, чем должен быть</translation>
    </message>
    <message>
        <source>{location} is a database, but not a Retainer customer base. Nothing was changed in it.</source>
        <translation>{location} — база данных, но не клиентская база Retainer. В ней ничего не изменено.</translation>
    </message>
    <message>
        <source>{location} cannot be opened as a customer base: {reason}</source>
        <translation>{location} не открывается как клиентская база: {reason}</translation>
    </message>
    <message>
        <source>{location} has a damaged version stamp; nothing was changed.</source>
        <translation>У {location} повреждена отметка версии; ничего не изменено.</translation>
    </message>
    <message>
        <source>{location} was not upgraded, because no backup could be made first: {reason}</source>
        <translation>{location} не обновлена: сначала не удалось сделать резервную копию: {reason}</translation>
    </message>
    <message>
        <source>the upgrade would leave rows of {table} without their customer</source>
        <translation>после обновления в таблице {table} остались бы записи без клиента</translation>
    </message>
    <message>
        <source>Cannot open {location}: {reason}</source>
        <translation>Не удаётся открыть {location}: {reason}</translation>
    </message>
    <message>
        <source>{location} was saved by a newer version of Retainer. Install the newer version to open it; nothing was changed.</source>
        <translation>{location} сохранена более новой версией Retainer. Установите новую версию, чтобы её открыть; ничего не изменено.</translation>
    </message>
    <message>
        <source>{location} needs an upgrade first.</source>
        <translation>{location} сначала нужно обновить.</translation>
    </message>
    <message>
        <source>Could not upgrade {location}: {reason}. A copy was kept at {backup}.</source>
        <translation>Не удалось обновить {location}: {reason}. Копия сохранена в {backup}.</translation>
    </message>
    <message>
        <source>{location} already holds customers; the demo needs an empty base.</source>
        <translation>В {location} уже есть клиенты; для демо нужна пустая база.</translation>
    </message>
    <message>
        <source>— do not import —</source>
        <translation>— не загружать —</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Второй телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер карты</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>Откуда узнал</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Agreed to messages</source>
        <translation>Согласен на рассылку</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Не звонить</translation>
    </message>
    <message>
        <source>Customer code (links purchases)</source>
        <translation>Код клиента (связывает покупки)</translation>
    </message>
    <message>
        <source>Referred by (customer code)</source>
        <translation>Кто порекомендовал (код клиента)</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Клиент с</translation>
    </message>
    <message>
        <source>Spent before Retainer (total)</source>
        <translation>Потрачено до Retainer (итого)</translation>
    </message>
    <message>
        <source>Purchases before Retainer (count)</source>
        <translation>Покупок до Retainer (количество)</translation>
    </message>
    <message>
        <source>First purchase (date)</source>
        <translation>Первая покупка (дата)</translation>
    </message>
    <message>
        <source>Last purchase (date)</source>
        <translation>Последняя покупка (дата)</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>Дата покупки</translation>
    </message>
    <message>
        <source>Code in the Retainer export</source>
        <translation>Код в выгрузке Retainer</translation>
    </message>
    <message>
        <source>Purchase amount</source>
        <translation>Сумма покупки</translation>
    </message>
    <message>
        <source>What they bought</source>
        <translation>Что купил</translation>
    </message>
    <message>
        <source>{file}: the sheet “{sheet}” cannot be read ({reason}).</source>
        <translation>{file}: лист «{sheet}» не читается ({reason}).</translation>
    </message>
    <message numerus="yes">
        <source>{file}: the sheet “{sheet}” has %Ln rows; at most {max} can be imported at once. Split the file.</source>
        <translation>
            <numerusform>{file}: на листе «{sheet}» %Ln строка; за один раз можно загрузить не больше {max}. Разделите файл.</numerusform>
            <numerusform>{file}: на листе «{sheet}» %Ln строки; за один раз можно загрузить не больше {max}. Разделите файл.</numerusform>
            <numerusform>{file}: на листе «{sheet}» %Ln строк; за один раз можно загрузить не больше {max}. Разделите файл.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}. Save it again from Excel and retry.</source>
        <translation>{file}, строка {line}: {reason}. Сохраните файл в Excel ещё раз и попробуйте снова.</translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}”. Its sheets: {names}.</source>
        <translation>В {file} нет листа «{sheet}». Листы в файле: {names}.</translation>
    </message>
    <message>
        <source>{file} claims to unpack to {size} MB, far more than any real workbook; it was refused without opening it.</source>
        <translation>{file} после распаковки занял бы {size} МБ — намного больше любой настоящей книги; он отклонён без открытия.</translation>
    </message>
    <message>
        <source>{file} contains XML with entity declarations, which real workbooks never have and which can be used to attack the computer; it was refused.</source>
        <translation>В {file} есть XML с объявлениями сущностей: в настоящих книгах их не бывает, а с их помощью можно атаковать компьютер; файл отклонён.</translation>
    </message>
    <message>
        <source>{file} is damaged or cut short (it cannot be unpacked). Save it again from Excel and retry.</source>
        <translation>{file} повреждён или записан не до конца (не распаковывается). Сохраните его в Excel ещё раз и попробуйте снова.</translation>
    </message>
    <message>
        <source>{file} is damaged or cut short (its size does not fit an Excel 97–2003 workbook). Save it again from Excel and retry.</source>
        <translation>{file} повреждён или записан не до конца (его размер не подходит для книги Excel 97–2003). Сохраните его в Excel ещё раз и попробуйте снова.</translation>
    </message>
    <message>
        <source>back up the customer base</source>
        <translation>сделать резервную копию клиентской базы</translation>
    </message>
    <message>
        <source>Back up the customer base: a checked copy in the backups folder beside it (or --to), kept in rotation: 7 daily, 4 weekly and 12 monthly unless Settings say otherwise.</source>
        <translation>Сделать резервную копию базы клиентов: проверенная копия в папке backups рядом с базой (или --to). Хранятся 7 ежедневных, 4 еженедельных и 12 ежемесячных, если в настройках не указано иначе.</translation>
    </message>
    <message>
        <source>the folder for the backup (default: the backups folder beside the base)</source>
        <translation>папка для копии (по умолчанию папка backups рядом с базой)</translation>
    </message>
    <message>
        <source>put a backup in place of the customer base</source>
        <translation>восстановить клиентскую базу из резервной копии</translation>
    </message>
    <message>
        <source>Put a backup in place of the customer base. The base as it is now is backed up first; a damaged or foreign file is refused and the base left as it was. Close the window first.</source>
        <translation>Восстановить клиентскую базу из резервной копии. Сначала сохраняется копия базы в нынешнем виде; повреждённый или чужой файл не принимается, и база остаётся как была. Сначала закройте окно программы.</translation>
    </message>
    <message>
        <source>{location} is not a SQLite file; back up a database server with its own tools.</source>
        <translation>{location} — не файл SQLite; копии сервера баз данных делаются его собственными средствами.</translation>
    </message>
    <message>
        <source>There is no customer base at {path}.</source>
        <translation>По адресу {path} нет клиентской базы.</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size} MB, {customers}).</source>
        <translation>Копия сохранена: {path} ({size} МБ, {customers}).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>backed up …</comment>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} does not exist.</source>
        <translation>Файла {file} нет.</translation>
    </message>
    <message>
        <source>{file} cannot be restored: {reason} Your base was not changed.</source>
        <translation>Из {file} восстановить нельзя: {reason} Ваша база не изменена.</translation>
    </message>
    <message>
        <source>Restored {file} ({customers}). The base as it was is kept in {before}.</source>
        <translation>Восстановлено из {file} ({customers}). Прежняя база сохранена в {before}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>restored …</comment>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} — это папка, а не файл.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} пуст.</translation>
    </message>
    <message>
        <source>{file} is a workbook saved with a .csv name; rename it to .xlsx (or .xls) and try again.</source>
        <translation>{file} — книга Excel, сохранённая с расширением .csv; переименуйте её в .xlsx (или .xls) и попробуйте снова.</translation>
    </message>
    <message>
        <source>{file} is larger than 512 MB; split it.</source>
        <translation>{file} больше 512 МБ; разделите его.</translation>
    </message>
    <message>
        <source>{file} is not a text file, whatever its name says.</source>
        <translation>{file} — не текстовый файл, что бы ни говорило его имя.</translation>
    </message>
    <message numerus="yes">
        <source>{file} has %Ln rows; at most {max} can be imported at once. Split the file.</source>
        <translation>
            <numerusform>В {file} %Ln строка; за один раз можно загрузить не больше {max}. Разделите файл.</numerusform>
            <numerusform>В {file} %Ln строки; за один раз можно загрузить не больше {max}. Разделите файл.</numerusform>
            <numerusform>В {file} %Ln строк; за один раз можно загрузить не больше {max}. Разделите файл.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: Retainer imports .xlsx, .xls, .ods and .csv files, not “{suffix}”.</source>
        <translation>{file}: Retainer загружает файлы .xlsx, .xls, .ods и .csv, а не «{suffix}».</translation>
    </message>
    <message>
        <source>no extension</source>
        <translation>без расширения</translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.</source>
        <translation>{file} защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защитить книгу) и сохраните снова.</translation>
    </message>
    <message>
        <source>{file} is not a spreadsheet, whatever its name says (or it is damaged).</source>
        <translation>{file} — не таблица, что бы ни говорило его имя (или он повреждён).</translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel, remove the password and save it again.</source>
        <translation>{file} защищён паролем. Откройте его в Excel, снимите пароль и сохраните снова.</translation>
    </message>
    <message>
        <source>{file} is damaged or cut short and cannot be read ({reason}). Save it again from Excel and retry.</source>
        <translation>{file} повреждён или записан не до конца и не читается ({reason}). Сохраните его в Excel ещё раз и попробуйте снова.</translation>
    </message>
    <message>
        <source>{file} has no sheets with data.</source>
        <translation>В {file} нет листов с данными.</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«{value}» — не адрес электронной почты.</translation>
    </message>
    <message>
        <source>A birthday cannot be {date}.</source>
        <translation>День рождения не может быть {date}.</translation>
    </message>
    <message>
        <source>The purchase does not say whose it is.</source>
        <translation>Не указано, чья это покупка.</translation>
    </message>
    <message>
        <source>The purchase has no amount.</source>
        <translation>У покупки нет суммы.</translation>
    </message>
    <message>
        <source>The row has no name, phone, e-mail, code or card number.</source>
        <translation>В строке нет ни имени, ни телефона, ни почты, ни кода, ни номера карты.</translation>
    </message>
    <message>
        <source>The total spent is below zero.</source>
        <translation>Потраченная сумма меньше нуля.</translation>
    </message>
    <message>
        <source>The total is too large; check for an extra zero.</source>
        <translation>Сумма слишком большая; проверьте, нет ли лишнего нуля.</translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation>Дата {date} ещё не наступила.</translation>
    </message>
    <message>
        <source>The date {date} is too far in the past.</source>
        <translation>Дата {date} слишком давняя.</translation>
    </message>
    <message>
        <source>The first purchase is after the last one.</source>
        <translation>Первая покупка позже последней.</translation>
    </message>
    <message>
        <source>The amount is below zero, like a return; only purchases and visits are imported.</source>
        <translation>Сумма меньше нуля, как у возврата; загружаются только покупки и визиты.</translation>
    </message>
    <message>
        <source>The amount is too large; check for an extra zero.</source>
        <translation>Сумма слишком большая; проверьте, нет ли лишнего нуля.</translation>
    </message>
    <message>
        <source>The purchase date is in the future.</source>
        <translation>Дата покупки ещё не наступила.</translation>
    </message>
    <message>
        <source>The purchase date is too far in the past.</source>
        <translation>Дата покупки слишком давняя.</translation>
    </message>
    <message>
        <source>The purchase has an amount but no date.</source>
        <translation>У покупки есть сумма, но нет даты.</translation>
    </message>
    <message>
        <source>{value} is not a date.</source>
        <translation>{value} — не дата.</translation>
    </message>
    <message>
        <source>Empty date.</source>
        <translation>Пустая дата.</translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money.</source>
        <translation>«{value}» — не денежная сумма.</translation>
    </message>
    <message>
        <source>“{value}” is not a number of purchases.</source>
        <translation>«{value}» — не число покупок.</translation>
    </message>
    <message>
        <source>“{value}” is neither yes nor no.</source>
        <translation>«{value}» — ни «да», ни «нет».</translation>
    </message>
    <message>
        <source>“{text}” is not a date; type it like 31.12.1990.</source>
        <translation>«{text}» — не дата; пишите так: 31.12.1990.</translation>
    </message>
    <message>
        <source>“{text}” is not a real date.</source>
        <translation>Даты «{text}» не существует.</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Дозвонились</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Не ответил</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Перезвонить</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Неверный номер</translation>
    </message>
    <message>
        <source>Refused to talk</source>
        <translation>Не стал говорить</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>Сообщение отправлено</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Давно не покупает</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <source>Unhappy answer</source>
        <translation>Недоволен</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>Новый уровень</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Отложено</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Сделано</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Снято</translation>
    </message>
    <message>
        <source>Poor service</source>
        <translation>Плохое обслуживание</translation>
    </message>
    <message>
        <source>Poor product</source>
        <translation>Плохой товар</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Went to a competitor</source>
        <translation>Ушёл к конкуренту</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Переехал</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Больше не нужно</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Customer {code}</source>
        <translation>Клиент {code}</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>Чемпионы</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Лояльные</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>Будущие лояльные</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Перспективные</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>Требуют внимания</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>Засыпают</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>Нельзя потерять</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>Спящие</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Потерянные</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Введите сумму.</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money.</source>
        <translation>«{text}» — не денежная сумма.</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Россия</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Литва</translation>
    </message>
    <message>
        <source>the United Kingdom</source>
        <translation>Великобритания</translation>
    </message>
    <message>
        <source>the United States</source>
        <translation>США</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Латвия</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>Эстония</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Польша</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Германия</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Беларусь</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Украина</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Казахстан</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>Номер телефона пуст.</translation>
    </message>
    <message>
        <source>“{phone}” does not look like a phone number.</source>
        <translation>«{phone}» не похоже на номер телефона.</translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number.</source>
        <translation>«{phone}» — неверный номер телефона.</translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number for {country}. Numbers from abroad start with + and the country code.</source>
        <translation>«{phone}» — неверный номер для страны {country}. Номера из-за границы начинаются с + и кода страны.</translation>
    </message>
    <message>
        <source>{key} must be a {kind}.</source>
        <translation>{key} должно быть типа {kind}.</translation>
    </message>
    <message>
        <source>{key} must be at least {min}.</source>
        <translation>{key} должно быть не меньше {min}.</translation>
    </message>
    <message>
        <source>{key} must be at most {max}.</source>
        <translation>{key} должно быть не больше {max}.</translation>
    </message>
    <message>
        <source>{key} cannot be {value}.</source>
        <translation>{key} не может быть {value}.</translation>
    </message>
    <message>
        <source>Prospect</source>
        <comment>a customer&apos;s status</comment>
        <translation>Без покупок</translation>
    </message>
    <message>
        <source>New</source>
        <comment>a customer&apos;s status</comment>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>a customer&apos;s status</comment>
        <translation>Активный</translation>
    </message>
    <message>
        <source>At risk</source>
        <comment>a customer&apos;s status</comment>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <comment>a customer&apos;s status</comment>
        <translation>Пропал</translation>
    </message>
    <message>
        <source>Lost</source>
        <comment>a customer&apos;s status</comment>
        <translation>Ушёл</translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>usually every …</comment>
        <translation>
            <numerusform>%Ln день</numerusform>
            <numerusform>%Ln дня</numerusform>
            <numerusform>%Ln дней</numerusform>
        </translation>
    </message>
    <message>
        <source>{gap} days</source>
        <comment>usually every … (a fraction of a day)</comment>
        <translation>{gap} дня</translation>
    </message>
    <message>
        <source>No purchase yet.</source>
        <translation>Покупок пока нет.</translation>
    </message>
    <message>
        <source>Marked as lost.</source>
        <translation>Отмечен как ушедший.</translation>
    </message>
    <message>
        <source>First purchase today.</source>
        <translation>Первая покупка сегодня.</translation>
    </message>
    <message numerus="yes">
        <source>First purchase %Ln days ago.</source>
        <translation>
            <numerusform>Первая покупка %Ln день назад.</numerusform>
            <numerusform>Первая покупка %Ln дня назад.</numerusform>
            <numerusform>Первая покупка %Ln дней назад.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No purchase for %Ln days; usually every {gap}.</source>
        <translation>
            <numerusform>Нет покупок %Ln день; обычно раз в {gap}.</numerusform>
            <numerusform>Нет покупок %Ln дня; обычно раз в {gap}.</numerusform>
            <numerusform>Нет покупок %Ln дней; обычно раз в {gap}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No purchase for %Ln days.</source>
        <translation>
            <numerusform>Нет покупок %Ln день.</numerusform>
            <numerusform>Нет покупок %Ln дня.</numerusform>
            <numerusform>Нет покупок %Ln дней.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Введите имя клиента.</translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation>Имя слишком длинное (не больше 200 символов).</translation>
    </message>
    <message>
        <source>“{email}” is not an e-mail address (like name@example.com).</source>
        <translation>«{email}» — не адрес электронной почты (пример: name@example.com).</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>День рождения не может быть в будущем.</translation>
    </message>
    <message>
        <source>The birthday is too far in the past.</source>
        <translation>День рождения слишком давний.</translation>
    </message>
    <message>
        <source>A tag is too long (at most 60 characters): “{tag}”.</source>
        <translation>Метка слишком длинная (не больше 60 символов): «{tag}».</translation>
    </message>
    <message>
        <source>The card number is too long.</source>
        <translation>Номер карты слишком длинный.</translation>
    </message>
    <message>
        <source>The amount cannot be below zero; 0 records a free visit.</source>
        <translation>Сумма не может быть меньше нуля; 0 — это визит без покупки.</translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation>Выберите, чем закончился звонок.</translation>
    </message>
    <message>
        <source>Choose how you contacted them.</source>
        <translation>Выберите, как вы связались с клиентом.</translation>
    </message>
    <message>
        <source>The score is from 0 to 10.</source>
        <translation>Оценка — от 0 до 10.</translation>
    </message>
    <message>
        <source>The next call must be after today.</source>
        <translation>Следующий звонок должен быть позже сегодняшнего дня.</translation>
    </message>
    <message>
        <source>When should you call back?</source>
        <translation>Когда перезвонить?</translation>
    </message>
    <message>
        <source>Write the name of the person they recommended.</source>
        <translation>Напишите имя человека, которого порекомендовали.</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>Этого клиента больше нет.</translation>
    </message>
    <message>
        <source>Undo call with {name}</source>
        <translation>Отменить звонок: {name}</translation>
    </message>
    <message>
        <source>recommended by {name}</source>
        <translation>по рекомендации: {name}</translation>
    </message>
    <message>
        <source>Undo adding {name}</source>
        <translation>Отменить добавление: {name}</translation>
    </message>
    <message>
        <source>Undo changes to {name}</source>
        <translation>Отменить изменения: {name}</translation>
    </message>
    <message>
        <source>Undo delete of {name}</source>
        <translation>Отменить удаление: {name}</translation>
    </message>
    <message numerus="yes">
        <source>Undo delete of %Ln customers</source>
        <translation>
            <numerusform>Отменить удаление %Ln клиента</numerusform>
            <numerusform>Отменить удаление %Ln клиентов</numerusform>
            <numerusform>Отменить удаление %Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo restore</source>
        <translation>Отменить восстановление</translation>
    </message>
    <message>
        <source>A customer cannot refer themselves.</source>
        <translation>Клиент не может порекомендовать сам себя.</translation>
    </message>
    <message>
        <source>The referring customer no longer exists.</source>
        <translation>Клиента, который порекомендовал, больше нет.</translation>
    </message>
    <message>
        <source>Card {card} already belongs to {name}.</source>
        <translation>Карта {card} уже принадлежит клиенту {name}.</translation>
    </message>
    <message>
        <source>{tier}, {discount} off</source>
        <translation>{tier}, скидка {discount}</translation>
    </message>
    <message>
        <source>Retainer: summary on {date}</source>
        <translation>Retainer: сводка на {date}</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>everyone in the base, outside the trash</source>
        <translation>все в базе, кроме корзины</translation>
    </message>
    <message>
        <source>of customers who bought once, the share who came back</source>
        <translation>из купивших один раз — доля тех, кто вернулся</translation>
    </message>
    <message>
        <source>purchases in the last year / customers who bought in it</source>
        <translation>покупки за последний год / клиенты, покупавшие в нём</translation>
    </message>
    <message numerus="yes">
        <source>bought something in the last %Ln days</source>
        <translation>
            <numerusform>покупали что-нибудь за последний %Ln день</numerusform>
            <numerusform>покупали что-нибудь за последние %Ln дня</numerusform>
            <numerusform>покупали что-нибудь за последние %Ln дней</numerusform>
        </translation>
    </message>
    <message>
        <source>revenue / purchases, last 365 days</source>
        <translation>выручка / покупки, последние 365 дней</translation>
    </message>
    <message>
        <source>first to last purchase of customers who lapsed or were lost</source>
        <translation>от первой до последней покупки у пропавших и ушедших клиентов</translation>
    </message>
    <message>
        <source>2+ purchases in the last year / customers who bought in it</source>
        <translation>2+ покупки за последний год / клиенты, покупавшие в нём</translation>
    </message>
    <message>
        <source>Retention by month</source>
        <translation>Удержание по месяцам</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Active at start (S)</source>
        <translation>Активных на начало (S)</translation>
    </message>
    <message>
        <source>New (N)</source>
        <translation>Новых (N)</translation>
    </message>
    <message>
        <source>Active at end (E)</source>
        <translation>Активных на конец (E)</translation>
    </message>
    <message>
        <source>CRR</source>
        <translation>CRR</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Отток</translation>
    </message>
    <message>
        <source>CRR = (E − N) / S: of the customers you had at the start of the month, the share you still had at its end, not counting new ones.</source>
        <translation>CRR = (E − N) / S: из клиентов, что были у вас в начале месяца, доля тех, кто остался к его концу, без учёта новых.</translation>
    </message>
    <message>
        <source>Customer retention and churn by month</source>
        <translation>Удержание и отток клиентов по месяцам</translation>
    </message>
    <message>
        <source>NPS by month</source>
        <translation>NPS по месяцам</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>Промоутеры (9–10)</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>Нейтральные (7–8)</translation>
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation>Критики (0–6)</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>NPS = % promoters − % detractors, from each customer&apos;s latest answer in the month.</source>
        <translation>NPS = % промоутеров − % критиков, по последнему ответу каждого клиента за месяц.</translation>
    </message>
    <message>
        <source>NPS answers by month</source>
        <translation>Ответы NPS по месяцам</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>ответы</translation>
    </message>
    <message>
        <source>Saved {file}: {customers}, {purchases}.</source>
        <translation>Сохранено: {file}: {customers}, {purchases}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>saved …</comment>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>saved …</comment>
        <translation>
            <numerusform>%Ln покупка</numerusform>
            <numerusform>%Ln покупки</numerusform>
            <numerusform>%Ln покупок</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Сохранение</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Покупки</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>Потрачено всего</translation>
    </message>
    <message>
        <source>{field}: “{theirs}” there, “{mine}” here</source>
        <translation>{field}: там «{theirs}», здесь «{mine}»</translation>
    </message>
    <message>
        <source>While this card was open, {name} was changed and saved on another terminal. Both of you changed:
{lines}
Nothing was saved yet.</source>
        <translation>Пока эта карточка была открыта, данные клиента {name} изменили и сохранили на другом терминале. Вы оба изменили:
{lines}
Пока ничего не сохранено.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Referred by (code)</source>
        <translation>Кто порекомендовал (код)</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>Первая покупка</translation>
    </message>
    <message>
        <source>Churn reason</source>
        <translation>Причина ухода</translation>
    </message>
    <message>
        <source>Code in your files</source>
        <translation>Код в ваших файлах</translation>
    </message>
    <message>
        <source>Purchases before Retainer</source>
        <translation>Покупок до Retainer</translation>
    </message>
    <message>
        <source>Spent before Retainer</source>
        <translation>Потрачено до Retainer</translation>
    </message>
    <message>
        <source>First purchase before Retainer</source>
        <translation>Первая покупка до Retainer</translation>
    </message>
    <message>
        <source>Last purchase before Retainer</source>
        <translation>Последняя покупка до Retainer</translation>
    </message>
    <message>
        <source>Tier</source>
        <comment>a loyalty tier</comment>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>Код клиента</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Доволен</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Почему нет</translation>
    </message>
    <message>
        <source>Could offer</source>
        <translation>Что можно предложить</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Порекомендовал</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Отзывы</translation>
    </message>
    <message>
        <source>Score (0–10)</source>
        <translation>Оценка (0–10)</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Жалоба</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>Отложено до</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Answered {score} of 10: ask what went wrong.</source>
        <translation>Оценка {score} из 10: спросите, что пошло не так.</translation>
    </message>
    <message>
        <source>Give a score or write what the customer said.</source>
        <translation>Поставьте оценку или запишите, что сказал клиент.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Дата ещё не наступила.</translation>
    </message>
    <message>
        <source>Undo feedback</source>
        <translation>Отменить отзыв</translation>
    </message>
    <message>
        <source>Write how the complaint was resolved.</source>
        <translation>Запишите, как решили жалобу.</translation>
    </message>
    <message>
        <source>This feedback no longer exists.</source>
        <translation>Этого отзыва больше нет.</translation>
    </message>
    <message>
        <source>Undo resolution</source>
        <translation>Отменить решение</translation>
    </message>
    <message>
        <source>Choose why the customer left.</source>
        <translation>Выберите, почему клиент ушёл.</translation>
    </message>
    <message>
        <source>Undo marking as lost</source>
        <translation>Отменить отметку «ушёл»</translation>
    </message>
    <message>
        <source>Undo won back</source>
        <translation>Отменить возвращение</translation>
    </message>
    <message>
        <source>No customer with this code, card number, phone or e-mail.</source>
        <translation>Нет клиента с таким кодом, номером карты, телефоном или почтой.</translation>
    </message>
    <message>
        <source>This card number already belongs to another customer; the customer was imported without it.</source>
        <translation>Этот номер карты уже у другого клиента; клиент загружен без него.</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {file} is empty.</source>
        <translation>Лист «{sheet}» в {file} пуст.</translation>
    </message>
    <message>
        <source>{file}: all the columns are in one, their values joined by “{separator}” (for example “{example}…”), so nothing can be told apart. In Excel, select the column and use Data → Text to Columns with “{separator}” as the separator, save, and import again.</source>
        <translation>{file}: все столбцы слиты в один, значения разделены «{separator}» (например, «{example}…»), поэтому их не различить. В Excel выделите столбец, выберите Данные → Текст по столбцам с разделителем «{separator}», сохраните и загрузите снова.</translation>
    </message>
    <message>
        <source>{added}, {updated}, {skipped}; {purchases}</source>
        <translation>{added}, {updated}, {skipped}; {purchases}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers added</source>
        <translation>
            <numerusform>добавлен %Ln клиент</numerusform>
            <numerusform>добавлено %Ln клиента</numerusform>
            <numerusform>добавлено %Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <comment>customers …</comment>
        <translation>
            <numerusform>обновлён %Ln</numerusform>
            <numerusform>обновлено %Ln</numerusform>
            <numerusform>обновлено %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <comment>customers …</comment>
        <translation>
            <numerusform>пропущен %Ln</numerusform>
            <numerusform>пропущено %Ln</numerusform>
            <numerusform>пропущено %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases added</source>
        <translation>
            <numerusform>добавлена %Ln покупка</numerusform>
            <numerusform>добавлено %Ln покупки</numerusform>
            <numerusform>добавлено %Ln покупок</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose which column holds the name, the phone, the e-mail, the customer&apos;s code or the card number.</source>
        <translation>Выберите столбец с именем, телефоном, почтой, кодом клиента или номером карты.</translation>
    </message>
    <message>
        <source>Purchases need a date: choose the column with the purchase date, or do not import the amount.</source>
        <translation>Покупкам нужна дата: выберите столбец с датой покупки или не загружайте сумму.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Не дата.</translation>
    </message>
    <message>
        <source>{file} cannot be read: it is damaged or written in a way Retainer does not understand ({reason}). Nothing was imported. Open it in Excel, save it again as .xlsx and retry.</source>
        <translation>{file} не читается: файл повреждён или записан так, как Retainer не понимает ({reason}). Ничего не загружено. Откройте его в Excel, сохраните как .xlsx и попробуйте снова.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>This import is not in the history.</source>
        <translation>Этой загрузки нет в истории.</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>Эта загрузка уже отменена.</translation>
    </message>
    <message numerus="yes">
        <source>Customers added by this import have %Ln purchases recorded since; undoing it would lose them. Delete those customers one by one instead.</source>
        <translation>
            <numerusform>У клиентов из этой загрузки с тех пор записана %Ln покупка; отмена её удалит. Удалите этих клиентов по одному.</numerusform>
            <numerusform>У клиентов из этой загрузки с тех пор записаны %Ln покупки; отмена их удалит. Удалите этих клиентов по одному.</numerusform>
            <numerusform>У клиентов из этой загрузки с тех пор записано %Ln покупок; отмена их удалит. Удалите этих клиентов по одному.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo purchase of {amount}</source>
        <translation>Отменить покупку на {amount}</translation>
    </message>
    <message>
        <source>Undo purchase change</source>
        <translation>Отменить изменение покупки</translation>
    </message>
    <message>
        <source>Undo purchase delete</source>
        <translation>Отменить удаление покупки</translation>
    </message>
    <message>
        <source>This purchase no longer exists.</source>
        <translation>Этой покупки больше нет.</translation>
    </message>
    <message>
        <source>Birthday on {date}</source>
        <translation>День рождения {date}</translation>
    </message>
    <message>
        <source>The reminder date is in the past.</source>
        <translation>Дата напоминания уже прошла.</translation>
    </message>
    <message>
        <source>Undo new reminder</source>
        <translation>Отменить новое напоминание</translation>
    </message>
    <message>
        <source>Snooze until a day after today.</source>
        <translation>Отложите хотя бы до завтра.</translation>
    </message>
    <message>
        <source>Undo snooze</source>
        <translation>Отменить «отложить»</translation>
    </message>
    <message>
        <source>Undo dismiss</source>
        <translation>Отменить «снять»</translation>
    </message>
    <message>
        <source> — {tier}: {discount} off</source>
        <translation> — {tier}: скидка {discount}</translation>
    </message>
    <message>
        <source>You planned this call: it comes first.</source>
        <translation>Вы обещали этот звонок: он первый.</translation>
    </message>
    <message>
        <source>A birthday: a short call keeps you in mind.</source>
        <translation>День рождения: короткий звонок напомнит о вас.</translation>
    </message>
    <message>
        <source>Spends about {amount} a year</source>
        <translation>Тратит около {amount} в год</translation>
    </message>
    <message>
        <source>too little history yet to estimate who is still a customer</source>
        <translation>пока мало истории, чтобы оценить, кто ещё остаётся клиентом</translation>
    </message>
    <message numerus="yes">
        <source>%Ln days past their usual rhythm</source>
        <translation>
            <numerusform>на %Ln день дольше обычного</numerusform>
            <numerusform>на %Ln дня дольше обычного</numerusform>
            <numerusform>на %Ln дней дольше обычного</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more wait their turn, most worth calling first.</source>
        <translation>
            <numerusform>Ещё %Ln ждёт своей очереди, сначала самые важные.</numerusform>
            <numerusform>Ещё %Ln ждут своей очереди, сначала самые важные.</numerusform>
            <numerusform>Ещё %Ln ждут своей очереди, сначала самые важные.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done for today: %Ln calls to customers drifting away are logged, as many as Today holds in a day.</source>
        <translation>
            <numerusform>На сегодня всё: записан %Ln звонок клиентам, которые отдаляются, — столько вмещает список «Сегодня» за день.</numerusform>
            <numerusform>На сегодня всё: записано %Ln звонка клиентам, которые отдаляются, — столько вмещает список «Сегодня» за день.</numerusform>
            <numerusform>На сегодня всё: записано %Ln звонков клиентам, которые отдаляются, — столько вмещает список «Сегодня» за день.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings changes how many calls a day.</source>
        <translation>Сколько звонков в день — меняется в настройках.</translation>
    </message>
    <message numerus="yes">
        <source>Today holds %Ln calls a day to customers drifting away.</source>
        <translation>
            <numerusform>Список «Сегодня» вмещает %Ln звонок в день клиентам, которые отдаляются.</numerusform>
            <numerusform>Список «Сегодня» вмещает %Ln звонка в день клиентам, которые отдаляются.</numerusform>
            <numerusform>Список «Сегодня» вмещает %Ln звонков в день клиентам, которые отдаляются.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings changes how many.</source>
        <translation>Это меняется в настройках.</translation>
    </message>
    <message numerus="yes">
        <source>None of your %Ln customers has a purchase recorded yet. Record or import their purchases: Retainer learns each one&apos;s rhythm from them and tells you who falls behind.</source>
        <translation>
            <numerusform>Ни у одного из ваших %Ln клиента пока нет покупок. Запишите или загрузите их покупки: по ним Retainer узнаёт ритм каждого и подскажет, кто отстаёт.</numerusform>
            <numerusform>Ни у одного из ваших %Ln клиентов пока нет покупок. Запишите или загрузите их покупки: по ним Retainer узнаёт ритм каждого и подскажет, кто отстаёт.</numerusform>
            <numerusform>Ни у одного из ваших %Ln клиентов пока нет покупок. Запишите или загрузите их покупки: по ним Retainer узнаёт ритм каждого и подскажет, кто отстаёт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{prospects} of your %Ln customers have no purchase recorded, so Retainer cannot yet tell whether they are drifting away: import or record their purchases.</source>
        <translation>
            <numerusform>У {prospects} из ваших %Ln клиента нет ни одной покупки, поэтому Retainer пока не может сказать, отдаляются ли они: загрузите или запишите их покупки.</numerusform>
            <numerusform>У {prospects} из ваших %Ln клиентов нет ни одной покупки, поэтому Retainer пока не может сказать, отдаляются ли они: загрузите или запишите их покупки.</numerusform>
            <numerusform>У {prospects} из ваших %Ln клиентов нет ни одной покупки, поэтому Retainer пока не может сказать, отдаляются ли они: загрузите или запишите их покупки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers are drifting away, but each was called or dismissed in the last {cooldown}, is marked do not call, or has been silent for over {winback}.</source>
        <translation>
            <numerusform>%Ln клиент отдаляется, но ему звонили или напоминание сняли за последние {cooldown}, он отмечен «не звонить» или молчит больше {winback}.</numerusform>
            <numerusform>%Ln клиента отдаляются, но каждому звонили или напоминание сняли за последние {cooldown}, они отмечены «не звонить» или молчат больше {winback}.</numerusform>
            <numerusform>%Ln клиентов отдаляются, но каждому звонили или напоминание сняли за последние {cooldown}, они отмечены «не звонить» или молчат больше {winback}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>in the last …</comment>
        <translation>
            <numerusform>%Ln день</numerusform>
            <numerusform>%Ln дня</numerusform>
            <numerusform>%Ln дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>for over …</comment>
        <translation>
            <numerusform>%Ln дня</numerusform>
            <numerusform>%Ln дней</numerusform>
            <numerusform>%Ln дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Higher spend, a better chance they are still yours and a longer delay put a customer higher.</source>
        <translation>Выше те, кто больше тратит, с большей вероятностью ещё ваш и дольше не появлялся.</translation>
    </message>
    <message>
        <source>{p} likely still a customer</source>
        <translation>{p} — вероятность, что ещё клиент</translation>
    </message>
    <message>
        <source>{n} purchases expected in 90 days</source>
        <translation>ожидается покупок за 90 дней: {n}</translation>
    </message>
    <message>
        <source>There are no customers yet. Import your list or add customers, with their purchases: Retainer learns each one&apos;s rhythm and tells you who falls behind.</source>
        <translation>Клиентов пока нет. Загрузите свой список или добавьте клиентов вместе с покупками: Retainer узнаёт ритм каждого и подскажет, кто отстаёт.</translation>
    </message>
    <message>
        <source>Everyone who buys is keeping to their usual pace.</source>
        <translation>Все, кто покупает, держатся своего обычного ритма.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Still a customer</source>
        <translation>Ещё клиент</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Последний звонок</translation>
    </message>
    <message>
        <source>Calls {date}</source>
        <translation>Звонки {date}</translation>
    </message>
    <message>
        <source>Making a demo base…</source>
        <translation>Создаю демо-базу…</translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation>Retainer</translation>
    </message>
    <message>
        <source>The server cannot be reached</source>
        <translation>Сервер недоступен</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Попробовать снова</translation>
    </message>
    <message>
        <source>The customer base could not be opened: {reason}</source>
        <translation>Не удалось открыть клиентскую базу: {reason}</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Восстановление из резервной копии…</translation>
    </message>
    <message>
        <source>Restored the backup of {when}. The base as it was is kept in {before}.</source>
        <translation>Восстановлена копия от {when}. База в прежнем виде сохранена в {before}.</translation>
    </message>
    <message>
        <source>Retainer is already open on {location}: its window was brought forward.</source>
        <translation>Retainer уже открыт с базой {location}: его окно выведено на передний план.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source> Details were saved in {path}.</source>
        <translation> Подробности сохранены в {path}.</translation>
    </message>
    <message>
        <source>Something went wrong: {reason}.</source>
        <translation>Что-то пошло не так: {reason}.</translation>
    </message>
    <message>
        <source>Call {name}</source>
        <translation>Звонок: {name}</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>нет номера телефона</translation>
    </message>
    <message>
        <source>did not agree to messages</source>
        <translation>нет согласия на сообщения</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>нет эл. почты</translation>
    </message>
    <message>
        <source>contacted lately</source>
        <translation>недавно связывались</translation>
    </message>
    <message>
        <source>No customer is in this segment right now, so there is nobody to write to. Change the filters, or choose another segment.</source>
        <translation>Сейчас в этом сегменте нет ни одного клиента — писать некому. Измените фильтры или выберите другой сегмент.</translation>
    </message>
    <message>
        <source>Nobody in this segment can be sent the message: {why}.</source>
        <translation>Никому в этом сегменте нельзя отправить сообщение: {why}.</translation>
    </message>
    <message numerus="yes">
        <source>Undo the message to %Ln customers</source>
        <translation>
            <numerusform>Отменить сообщение %Ln клиенту</numerusform>
            <numerusform>Отменить сообщение %Ln клиентам</numerusform>
            <numerusform>Отменить сообщение %Ln клиентам</numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Could not save the recipients to {path}: {why}. Nothing was logged as sent; choose a folder you can write to, such as Documents.</source>
        <translation>Не удалось сохранить получателей в {path}: {why}. Ничего не записано как отправленное; выберите папку, в которую можно писать, например «Документы».</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Скопировать номер</translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation>Как прошёл разговор?</translation>
    </message>
    <message>
        <source>The three questions</source>
        <translation>Три вопроса</translation>
    </message>
    <message>
        <source>didn&apos;t say</source>
        <translation>не сказал</translation>
    </message>
    <message>
        <source>yes, fully</source>
        <translation>да, полностью</translation>
    </message>
    <message>
        <source>what went wrong</source>
        <translation>что было не так</translation>
    </message>
    <message>
        <source>a product or service that would help them</source>
        <translation>товар или услуга, которые бы пригодились</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>phone (optional)</source>
        <translation>телефон (необязательно)</translation>
    </message>
    <message>
        <source>1. Are you 100 % satisfied with us? If not, why?</source>
        <translation>1. Вы довольны нами на все 100 %? Если нет, то почему?</translation>
    </message>
    <message>
        <source>2. Anything else we could offer you?</source>
        <translation>2. Что ещё мы могли бы вам предложить?</translation>
    </message>
    <message>
        <source>3. Someone who might be interested in us?</source>
        <translation>3. Кому из знакомых мы могли бы быть интересны?</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>не спрашивали</translation>
    </message>
    <message>
        <source>“How likely are you to recommend us to a friend, from 0 to 10?”</source>
        <translation>«Насколько вероятно, что вы порекомендуете нас другу, от 0 до 10?»</translation>
    </message>
    <message>
        <source>dd.mm.yyyy, optional</source>
        <translation>дд.мм.гггг, необязательно</translation>
    </message>
    <message>
        <source>Don&apos;t call this customer again</source>
        <translation>Больше не звонить этому клиенту</translation>
    </message>
    <message>
        <source>Would recommend us (0–10)</source>
        <translation>Порекомендует нас (0–10)</translation>
    </message>
    <message>
        <source>Call again on</source>
        <translation>Позвонить снова</translation>
    </message>
    <message>
        <source>Save call</source>
        <translation>Сохранить звонок</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>You changed {name}&apos;s details. Save the changes before Retainer closes?</source>
        <translation>Вы изменили данные клиента {name}. Сохранить изменения перед закрытием Retainer?</translation>
    </message>
    <message>
        <source>You were editing {name} when Retainer closed: restore your changes?</source>
        <translation>Когда Retainer закрылся, вы редактировали клиента {name}: вернуть ваши изменения?</translation>
    </message>
    <message>
        <source>a new customer</source>
        <translation>новый клиент</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Открываю…</translation>
    </message>
    <message>
        <source>Fill in at least the name.</source>
        <translation>Заполните хотя бы имя.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Log a call…</source>
        <translation>Записать звонок…</translation>
    </message>
    <message>
        <source>Remind me to call…</source>
        <translation>Напомнить позвонить…</translation>
    </message>
    <message>
        <source>Add an answer or complaint…</source>
        <translation>Добавить отзыв или жалобу…</translation>
    </message>
    <message>
        <source>No calls yet. Calls logged from the Today list appear here.</source>
        <translation>Звонков пока нет. Здесь появятся звонки, записанные из списка «Сегодня».</translation>
    </message>
    <message>
        <source>No feedback yet. Answers to “how likely are you to recommend us” and complaints appear here.</source>
        <translation>Отзывов пока нет. Здесь появятся ответы на вопрос «порекомендуете ли вы нас» и жалобы.</translation>
    </message>
    <message>
        <source>No reminders for this customer.</source>
        <translation>У этого клиента нет напоминаний.</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Лояльность</translation>
    </message>
    <message>
        <source>No moves between loyalty tiers yet.</source>
        <translation>Уровень лояльности пока не менялся.</translation>
    </message>
    <message>
        <source>Mark as lost…</source>
        <translation>Отметить, что ушёл…</translation>
    </message>
    <message>
        <source>The customer has left: record why</source>
        <translation>Клиент ушёл: запишите почему</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save the customer first (Ctrl+S), then add purchases here.</source>
        <translation>Сначала сохраните клиента (Ctrl+S), потом добавляйте покупки здесь.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>What they bought (optional)</source>
        <translation>Что купил (необязательно)</translation>
    </message>
    <message>
        <source>Add purchase</source>
        <translation>Добавить покупку</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>No purchases yet. Type an amount above and press Enter.</source>
        <translation>Покупок пока нет. Введите сумму выше и нажмите Enter.</translation>
    </message>
    <message>
        <source>Ctrl+P: type an amount, Enter to save. Double-click a purchase to correct it; Del removes it.</source>
        <translation>Ctrl+P: введите сумму, Enter — сохранить. Двойной щелчок по покупке — исправить; Del — удалить.</translation>
    </message>
    <message>
        <source> (in the trash)</source>
        <translation> (в корзине)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases, {total} in all</source>
        <translation>
            <numerusform>%Ln покупка, всего {total}</numerusform>
            <numerusform>%Ln покупки, всего {total}</numerusform>
            <numerusform>%Ln покупок, всего {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>customer since {date}</source>
        <translation>клиент с {date}</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>Вернулся</translation>
    </message>
    <message>
        <source>{p} likely still a customer, {n} purchases expected in 90 days</source>
        <translation>{p} — вероятность, что ещё клиент; ожидается покупок за 90 дней: {n}</translation>
    </message>
    <message>
        <source>Your changes from before Retainer closed are back; they are not saved yet.</source>
        <translation>Ваши изменения, сделанные до закрытия Retainer, вернулись; они ещё не сохранены.</translation>
    </message>
    <message>
        <source>Save purchase</source>
        <translation>Сохранить покупку</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Что-то пошло не так.</translation>
    </message>
    <message>
        <source>You changed this customer&apos;s details. Save the changes?</source>
        <translation>Вы изменили данные этого клиента. Сохранить изменения?</translation>
    </message>
    <message>
        <source>e.g. +370 612 34567 or 8 916 123-45-67</source>
        <translation>например, +7 916 123-45-67 или 8 916 123-45-67</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <source>comma-separated, e.g. VIP, coffee</source>
        <translation>через запятую, например: VIP, кофе</translation>
    </message>
    <message>
        <source>how they found you</source>
        <translation>как он узнал о вас</translation>
    </message>
    <message>
        <source>Agreed to receive messages (on {date})</source>
        <translation>Согласие на рассылку ({date})</translation>
    </message>
    <message>
        <source>Agreed to receive messages</source>
        <translation>Согласен получать сообщения</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>По рекомендации</translation>
    </message>
    <message>
        <source>type a name or phone</source>
        <translation>введите имя или телефон</translation>
    </message>
    <message>
        <source>Nobody referred this customer</source>
        <translation>Этого клиента никто не рекомендовал</translation>
    </message>
    <message>
        <source>Pick the customer from the list that opens as you type, or clear the field.</source>
        <translation>Выберите клиента из списка, который открывается при вводе, или очистите поле.</translation>
    </message>
    <message>
        <source>Buying much less often than usual: worth a call.</source>
        <translation>Покупает намного реже обычного: стоит позвонить.</translation>
    </message>
    <message>
        <source>No purchase for longer than the lapse period.</source>
        <translation>Не покупает дольше, чем срок «пропал».</translation>
    </message>
    <message>
        <source>One purchase so far, recently.</source>
        <translation>Пока одна покупка, недавно.</translation>
    </message>
    <message>
        <source>Buying at their usual pace.</source>
        <translation>Покупает в своём обычном ритме.</translation>
    </message>
    <message>
        <source>Has not bought anything yet.</source>
        <translation>Ещё ничего не покупал.</translation>
    </message>
    <message>
        <source>Import my Excel list</source>
        <translation>Загрузить мой список из Excel</translation>
    </message>
    <message>
        <source>Start empty: add a customer</source>
        <translation>Начать с пустой базы: добавить клиента</translation>
    </message>
    <message>
        <source>Look around a demo base</source>
        <translation>Осмотреться в демо-базе</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Find by name, phone, e-mail, card or tag (Ctrl+F)</source>
        <translation>Поиск по имени, телефону, почте, карте или метке (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>RFM segment: how recently and how often they buy</source>
        <translation>Сегмент RFM: как давно и как часто покупает</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>Все сегменты</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>Loyalty tier (Settings → Loyalty tiers)</source>
        <translation>Уровень лояльности (Настройки → Уровни лояльности)</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Все уровни</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Ещё фильтры</translation>
    </message>
    <message>
        <source>When they last bought, what they spent, consent, city, source</source>
        <translation>Когда покупали последний раз, сколько потратили, согласие, город, источник</translation>
    </message>
    <message>
        <source>Message…</source>
        <translation>Сообщение…</translation>
    </message>
    <message>
        <source>Write to the customers shown: a text for each, for your SMS or e-mail service</source>
        <translation>Написать показанным клиентам: текст для каждого, для вашего SMS- или почтового сервиса</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Show customers moved to the trash, to restore them</source>
        <translation>Показать клиентов в корзине, чтобы восстановить их</translation>
    </message>
    <message>
        <source>Add a customer (Ctrl+N)</source>
        <translation>Добавить клиента (Ctrl+N)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>Выгрузить список…</translation>
    </message>
    <message>
        <source>Save the customers shown, as filtered, to Excel</source>
        <translation>Сохранить показанных клиентов, с фильтрами, в Excel</translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation>Клиентов пока нет</translation>
    </message>
    <message>
        <source>Your customers will be listed here with their status, so you can see who is drifting away. Bring in the list you keep in Excel, start with an empty base, or look around a demo base first.</source>
        <translation>Здесь будут ваши клиенты с их статусом — видно, кто отдаляется. Загрузите список, который вы ведёте в Excel, начните с пустой базы или сначала осмотритесь в демо-базе.</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Никого не нашлось</translation>
    </message>
    <message>
        <source>The trash is empty. Customers you delete go here, and can be restored.</source>
        <translation>Корзина пуста. Сюда попадают удалённые клиенты, и их можно восстановить.</translation>
    </message>
    <message>
        <source>No customer matches “{text}”. Check the spelling, or type fewer letters or digits.</source>
        <translation>Нет клиентов, подходящих под «{text}». Проверьте написание или введите меньше букв или цифр.</translation>
    </message>
    <message>
        <source>No customer matches these filters right now. Clear a filter, or choose another segment.</source>
        <translation>Сейчас под эти фильтры не подходит ни один клиент. Снимите какой-нибудь фильтр или выберите другой сегмент.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Считаю…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln in the trash</source>
        <translation>
            <numerusform>%Ln в корзине</numerusform>
            <numerusform>%Ln в корзине</numerusform>
            <numerusform>%Ln в корзине</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln to the trash. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%Ln перемещён в корзину. Ctrl+Z вернёт.</numerusform>
            <numerusform>%Ln перемещено в корзину. Ctrl+Z вернёт.</numerusform>
            <numerusform>%Ln перемещено в корзину. Ctrl+Z вернёт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln.</source>
        <translation>
            <numerusform>Восстановлен %Ln.</numerusform>
            <numerusform>Восстановлено %Ln.</numerusform>
            <numerusform>Восстановлено %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Сохранить как PNG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Сохранить диаграмму</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to {path}: {reason}</source>
        <translation>Не удалось сохранить диаграмму в {path}: {reason}</translation>
    </message>
    <message>
        <source>months after the first purchase</source>
        <translation>месяцы после первой покупки</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>клиенты</translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation>Этот месяц до сегодня</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Прошлый квартал</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Даты…</translation>
    </message>
    <message>
        <source>no earlier period to compare</source>
        <translation>нет прошлого периода для сравнения</translation>
    </message>
    <message>
        <source>{amount}{unit} against the period before</source>
        <translation>{amount}{unit} к прошлому периоду</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Retention (CRR)</source>
        <translation>Удержание (CRR)</translation>
    </message>
    <message>
        <source>Of the customers you had at the start of the period, how many you still had at its end, not counting new ones.</source>
        <translation>Из клиентов, что были у вас в начале периода, сколько осталось к его концу, без учёта новых.</translation>
    </message>
    <message>
        <source>Customers active at the start and not at the end, out of those active at the start.</source>
        <translation>Клиенты, активные в начале, но не в конце периода, из всех активных в начале.</translation>
    </message>
    <message>
        <source>% promoters (9–10) − % detractors (0–6), from each customer&apos;s latest answer in the period.</source>
        <translation>% промоутеров (9–10) − % критиков (0–6), по последнему ответу каждого клиента за период.</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>Активные клиенты</translation>
    </message>
    <message>
        <source>Bought something in the lapse period before the period&apos;s end.</source>
        <translation>Покупали что-нибудь в течение срока «пропал» до конца периода.</translation>
    </message>
    <message>
        <source>Of customers who bought once, the share who came back.</source>
        <translation>Из купивших один раз — доля тех, кто вернулся.</translation>
    </message>
    <message numerus="yes">
        <source>Needs at least %Ln customers with purchases: each one is scored against the others, and with fewer the scores would say little.</source>
        <translation>
            <numerusform>Нужно хотя бы %Ln клиент с покупками: каждого сравнивают с остальными, а при меньшем числе оценки мало что скажут.</numerusform>
            <numerusform>Нужно хотя бы %Ln клиента с покупками: каждого сравнивают с остальными, а при меньшем числе оценки мало что скажут.</numerusform>
            <numerusform>Нужно хотя бы %Ln клиентов с покупками: каждого сравнивают с остальными, а при меньшем числе оценки мало что скажут.</numerusform>
        </translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Revenue / purchases over the last 365 days.</source>
        <translation>Выручка / покупки за последние 365 дней.</translation>
    </message>
    <message>
        <source>New customers they brought</source>
        <translation>Привёл новых клиентов</translation>
    </message>
    <message>
        <source>Of them, bought</source>
        <translation>Из них купили</translation>
    </message>
    <message>
        <source>What those customers spent</source>
        <translation>Сколько они потратили</translation>
    </message>
    <message>
        <source>Nobody has been referred yet. Note who recommended a new customer on the card (Referred by), or ask during a call whom they would recommend.</source>
        <translation>Пока никого не приводили по рекомендации. Отмечайте на карточке, кто порекомендовал нового клиента («По рекомендации»), или спрашивайте во время звонка, кого клиент мог бы посоветовать.</translation>
    </message>
    <message>
        <source>Who brings new customers</source>
        <translation>Кто приводит новых клиентов</translation>
    </message>
    <message>
        <source>Retention and churn by month</source>
        <translation>Удержание и отток по месяцам</translation>
    </message>
    <message>
        <source>Needs purchases from at least two months: retention compares the start and the end of each month.</source>
        <translation>Нужны покупки хотя бы за два месяца: удержание сравнивает начало и конец каждого месяца.</translation>
    </message>
    <message>
        <source>Needs 0–10 answers: record them on a card or during a call.</source>
        <translation>Нужны оценки 0–10: записывайте их в карточке или во время звонка.</translation>
    </message>
    <message>
        <source>Cohorts: share still buying, by month of first purchase</source>
        <translation>Когорты: доля всё ещё покупающих, по месяцу первой покупки</translation>
    </message>
    <message>
        <source>Needs purchases: each month&apos;s new customers become a row.</source>
        <translation>Нужны покупки: новые клиенты каждого месяца становятся строкой.</translation>
    </message>
    <message>
        <source>Customers by status (click a bar to list them)</source>
        <translation>Клиенты по статусам (щёлкните столбец, чтобы увидеть список)</translation>
    </message>
    <message>
        <source>Needs customers.</source>
        <translation>Нужны клиенты.</translation>
    </message>
    <message>
        <source>RFM segments (click a bar to list them)</source>
        <translation>Сегменты RFM (щёлкните столбец, чтобы увидеть список)</translation>
    </message>
    <message>
        <source>Why customers left</source>
        <translation>Почему клиенты ушли</translation>
    </message>
    <message>
        <source>Needs customers marked as lost, with the reason.</source>
        <translation>Нужны клиенты, отмеченные как ушедшие, с причиной.</translation>
    </message>
    <message>
        <source>pp</source>
        <comment>percentage points, after a number</comment>
        <translation>п. п.</translation>
    </message>
    <message>
        <source>S = {s} active at the start, E = {e} at the end, N = {n} new: (E − N) / S.</source>
        <translation>S = {s} активных в начале, E = {e} в конце, N = {n} новых: (E − N) / S.</translation>
    </message>
    <message>
        <source>{s} at the start − {churned} left + {back} came back + {n} new = {e} at the end</source>
        <translation>{s} в начале − {churned} ушли + {back} вернулись + {n} новых = {e} в конце</translation>
    </message>
    <message>
        <source>{amount}{unit} during the period</source>
        <translation>{amount}{unit} за период</translation>
    </message>
    <message>
        <source>of all buying customers</source>
        <translation>из всех покупающих клиентов</translation>
    </message>
    <message>
        <source>over the last 365 days</source>
        <translation>за последние 365 дней</translation>
    </message>
    <message>
        <source>what they said, in their words</source>
        <translation>что сказал клиент, его словами</translation>
    </message>
    <message>
        <source>This is a complaint</source>
        <translation>Это жалоба</translation>
    </message>
    <message>
        <source>How likely are you to recommend us to a friend, from 0 to 10?</source>
        <translation>Насколько вероятно, что вы порекомендуете нас другу, от 0 до 10?</translation>
    </message>
    <message>
        <source>Resolve the complaint</source>
        <translation>Решить жалобу</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(без комментария)</translation>
    </message>
    <message>
        <source>what you did about it</source>
        <translation>что вы сделали</translation>
    </message>
    <message>
        <source>The customer has left</source>
        <translation>Клиент ушёл</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <source>Their status becomes Lost and their waiting calls are closed. If they come back, press “Won back” on the card.</source>
        <translation>Его статус станет «Ушёл», а ожидающие звонки закроются. Если клиент вернётся, нажмите «Вернулся» в карточке.</translation>
    </message>
    <message>
        <source>Why did they leave?</source>
        <translation>Почему ушёл?</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Последние 90 дней</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>All answers</source>
        <translation>Все ответы</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>Что сказал</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>решена</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>Resolution or reason</source>
        <translation>Решение или причина</translation>
    </message>
    <message>
        <source>NPS = % promoters − % detractors, from each customer&apos;s latest answer in the period; from −100 to +100.</source>
        <translation>NPS = % промоутеров − % критиков, по последнему ответу каждого клиента за период; от −100 до +100.</translation>
    </message>
    <message>
        <source>Unresolved complaints only</source>
        <translation>Только нерешённые жалобы</translation>
    </message>
    <message>
        <source>Open the customer</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <source>Open the card to resolve a complaint or call back (Enter)</source>
        <translation>Открыть карточку, чтобы решить жалобу или перезвонить (Enter)</translation>
    </message>
    <message>
        <source>No 0–10 answers in this period yet.</source>
        <translation>За этот период оценок 0–10 пока нет.</translation>
    </message>
    <message>
        <source>NPS {score} — promoters: {p}, passives: {pa}, detractors: {d}</source>
        <translation>NPS {score} — промоутеры: {p}, нейтральные: {pa}, критики: {d}</translation>
    </message>
    <message>
        <source>No feedback here</source>
        <translation>Здесь нет отзывов</translation>
    </message>
    <message>
        <source>Answers to “how likely are you to recommend us”, complaints and why customers left appear here. Record them on a customer&apos;s card or in the call dialog.</source>
        <translation>Здесь появятся ответы на вопрос «порекомендуете ли вы нас», жалобы и причины ухода. Записывайте их в карточке клиента или в окне звонка.</translation>
    </message>
    <message>
        <source>Nothing matches these filters. Choose a longer period or all answers.</source>
        <translation>Под эти фильтры ничего не подходит. Выберите период длиннее или все ответы.</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>История загрузок</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Nothing imported yet. Files you import with File → Import from Excel are listed here, and each can be undone.</source>
        <translation>Загрузок пока не было. Здесь появятся файлы, загруженные через Файл → Загрузить из Excel, и каждую загрузку можно отменить.</translation>
    </message>
    <message>
        <source>Undo the selected import</source>
        <translation>Отменить выбранную загрузку</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Отменить загрузку</translation>
    </message>
    <message>
        <source>Remove the {customers} and {purchases} this import added, and put back the {updated} it changed?</source>
        <translation>Убрать {customers} и {purchases}, добавленные этой загрузкой, и вернуть прежние данные {updated}?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>remove the …</comment>
        <translation>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>remove the …</comment>
        <translation>
            <numerusform>%Ln покупку</numerusform>
            <numerusform>%Ln покупки</numerusform>
            <numerusform>%Ln покупок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>put back the …</comment>
        <translation>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>as chosen above</source>
        <translation>как выбрано выше</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>пропустить</translation>
    </message>
    <message>
        <source>update</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>fill in what is missing</source>
        <translation>дополнить недостающее</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>Already there as</source>
        <translation>Уже есть как</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>in the base</source>
        <translation>в базе</translation>
    </message>
    <message>
        <source>earlier in the file</source>
        <translation>выше в файле</translation>
    </message>
    <message>
        <source>Which file?</source>
        <translation>Какой файл?</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx, .xls), a LibreOffice sheet (.ods) or a .csv file with your customers — and their purchases, if you have them.</source>
        <translation>Книга Excel (.xlsx, .xls), таблица LibreOffice (.ods) или файл .csv с вашими клиентами — и их покупками, если они есть.</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>файл не выбран</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>A sheet of purchases that names each customer by phone, e-mail or code</source>
        <translation>Лист покупок, где каждый клиент указан телефоном, почтой или кодом</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Column titles on row</source>
        <translation>Заголовки в строке</translation>
    </message>
    <message>
        <source>Purchases from the sheet</source>
        <translation>Покупки с листа</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>Загрузить клиентов</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Таблицы (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <source>A workbook exported by Retainer: customers, purchases, calls and feedback will be imported together.</source>
        <translation>Книга, выгруженная из Retainer: клиенты, покупки, звонки и отзывы загрузятся вместе.</translation>
    </message>
    <message numerus="yes">
        <source>Column titles found on row {row}; {n} of %Ln columns recognised.</source>
        <translation>
            <numerusform>Заголовки найдены в строке {row}; распознано {n} из %Ln столбца.</numerusform>
            <numerusform>Заголовки найдены в строке {row}; распознано {n} из %Ln столбцов.</numerusform>
            <numerusform>Заголовки найдены в строке {row}; распознано {n} из %Ln столбцов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sheet “{sheet}” has no columns for the customer (phone, e-mail or code), the date and the amount.</source>
        <translation>На листе «{sheet}» нет столбцов для клиента (телефон, почта или код), даты и суммы.</translation>
    </message>
    <message>
        <source>What is in each column?</source>
        <translation>Что в каждом столбце?</translation>
    </message>
    <message>
        <source>Retainer guessed from the titles; change anything it got wrong. Columns set to “do not import” are left out.</source>
        <translation>Retainer угадал по заголовкам; исправьте, где он ошибся. Столбцы «не загружать» будут пропущены.</translation>
    </message>
    <message>
        <source>Remembered from the last file with these columns.</source>
        <translation>Запомнено по прошлому файлу с такими же столбцами.</translation>
    </message>
    <message>
        <source>Each kind of value can come from one column only: {fields}.</source>
        <translation>Каждый вид данных может браться только из одного столбца: {fields}.</translation>
    </message>
    <message>
        <source>Spent before</source>
        <translation>Потрачено до</translation>
    </message>
    <message>
        <source>Purchases before</source>
        <translation>Покупок до</translation>
    </message>
    <message>
        <source>This is how the first rows will be saved</source>
        <translation>Так будут сохранены первые строки</translation>
    </message>
    <message>
        <source>Rows in red have a problem and will be left out; hover for why.</source>
        <translation>Строки, выделенные красным, с ошибкой и будут пропущены; наведите указатель, чтобы узнать почему.</translation>
    </message>
    <message>
        <source>Phone numbers without + and a country code are from:</source>
        <translation>Номера без + и кода страны — из страны:</translation>
    </message>
    <message>
        <source>The file names its customers only by a code or a card number: each one becomes a customer, shown as “Customer 00123” until you import a list with their names (matched by the same code) or type a name on the card.</source>
        <translation>В файле клиенты указаны только кодом или номером карты: каждый станет клиентом с именем «Клиент 00123», пока вы не загрузите список с именами (по тому же коду) или не впишете имя в карточке.</translation>
    </message>
    <message>
        <source>Totals instead of purchases: each customer&apos;s total, number of purchases and dates become their history before Retainer, so tomorrow&apos;s call list already shows who has drifted away. No purchase is made up from them.</source>
        <translation>Итоги вместо покупок: сумма, число покупок и даты каждого клиента станут его историей до Retainer, так что уже завтрашний список звонков покажет, кто отдалился. Ни одна покупка из них не выдумывается.</translation>
    </message>
    <message>
        <source>Read them as numbers from {country}</source>
        <translation>Читать их как номера страны {country}</translation>
    </message>
    <message>
        <source>Everything held exported</source>
        <translation>Выданы все данные</translation>
    </message>
    <message>
        <source>Erased on request</source>
        <translation>Удалён по просьбе</translation>
    </message>
    <message>
        <source>Consent to messages given</source>
        <translation>Дано согласие на рассылку</translation>
    </message>
    <message>
        <source>Consent to messages withdrawn</source>
        <translation>Согласие на рассылку отозвано</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Calls and visits</source>
        <translation>Звонки и визиты</translation>
    </message>
    <message>
        <source>Personal-data requests</source>
        <translation>Запросы о личных данных</translation>
    </message>
    <message>
        <source>Could not write to {folder}: {reason}</source>
        <translation>Не удалось записать в {folder}: {reason}</translation>
    </message>
    <message>
        <source>Erased customer {number}</source>
        <translation>Удалённый клиент {number}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Test run</source>
        <translation>Пробная загрузка</translation>
    </message>
    <message>
        <source>Reads the whole file and lists every problem and every customer you already have, without saving anything.</source>
        <translation>Читает весь файл и показывает все ошибки и всех клиентов, которые у вас уже есть, ничего не сохраняя.</translation>
    </message>
    <message>
        <source>Customers already in the base (same phone or e-mail)</source>
        <translation>Клиенты, которые уже есть в базе (тот же телефон или почта)</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>пропустить</translation>
    </message>
    <message>
        <source>update them from the file</source>
        <translation>обновить из файла</translation>
    </message>
    <message>
        <source>only fill in what is missing</source>
        <translation>только дополнить недостающее</translation>
    </message>
    <message>
        <source>Run the test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Press “Run the test” to check the whole file.</source>
        <translation>Нажмите «Проверить», чтобы проверить весь файл.</translation>
    </message>
    <message>
        <source>Save the problem list…</source>
        <translation>Сохранить список ошибок…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows read.</source>
        <translation>
            <numerusform>Прочитана %Ln строка.</numerusform>
            <numerusform>Прочитано %Ln строки.</numerusform>
            <numerusform>Прочитано %Ln строк.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import would add {customers} and {purchases}, and find {in_base} you already have and {in_file}.</source>
        <translation>Будет добавлено: {customers} и {purchases}; найдено {in_base}, которые у вас уже есть, и {in_file}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>the import would add …</comment>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>the import would add …</comment>
        <translation>
            <numerusform>%Ln покупка</numerusform>
            <numerusform>%Ln покупки</numerusform>
            <numerusform>%Ln покупок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>find … you already have</comment>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeated rows</source>
        <comment>and find …</comment>
        <translation>
            <numerusform>%Ln повтор строки</numerusform>
            <numerusform>%Ln повтора строк</numerusform>
            <numerusform>%Ln повторов строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows have problems and would be left out.</source>
        <translation>
            <numerusform>%Ln строка с ошибками будет пропущена.</numerusform>
            <numerusform>%Ln строки с ошибками будут пропущены.</numerusform>
            <numerusform>%Ln строк с ошибками будут пропущены.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: {outcome}.</source>
        <translation>Готово: {outcome}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with problems were left out.</source>
        <translation>
            <numerusform>%Ln строка с ошибками пропущена.</numerusform>
            <numerusform>%Ln строки с ошибками пропущены.</numerusform>
            <numerusform>%Ln строк с ошибками пропущены.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this import later from File → Import history.</source>
        <translation>Эту загрузку можно отменить позже: Файл → История загрузок.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Проверяю файл…</translation>
    </message>
    <message>
        <source>Saving when the test run finishes…</source>
        <translation>Сохраню, когда закончится проверка…</translation>
    </message>
    <message>
        <source>Save the problem list</source>
        <translation>Сохранить список ошибок</translation>
    </message>
    <message>
        <source>import problems.xlsx</source>
        <translation>ошибки загрузки.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Сохранено в {path}.</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Отменить эту загрузку</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Загружаю…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Отменено: ничего не загружено.</translation>
    </message>
    <message>
        <source>The import failed and nothing was saved: {reason}</source>
        <translation>Загрузка не удалась, ничего не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Saving when the import finishes…</source>
        <translation>Сохраню, когда загрузка закончится…</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Загрузка из Excel</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message numerus="yes">
        <source>Today (%Ln)</source>
        <translation>
            <numerusform>Сегодня (%Ln)</numerusform>
            <numerusform>Сегодня (%Ln)</numerusform>
            <numerusform>Сегодня (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retainer — %Ln to call today</source>
        <translation>
            <numerusform>Retainer — сегодня %Ln звонок</numerusform>
            <numerusform>Retainer — сегодня %Ln звонка</numerusform>
            <numerusform>Retainer — сегодня %Ln звонков</numerusform>
        </translation>
    </message>
    <message>
        <source>An import is still running. Stop it and quit? Nothing of it will be saved.</source>
        <translation>Загрузка ещё идёт. Остановить её и выйти? Из неё ничего не сохранится.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>&amp;Новый клиент</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Загрузить из Excel…</translation>
    </message>
    <message>
        <source>&amp;Export everything to Excel</source>
        <translation>&amp;Выгрузить всё в Excel</translation>
    </message>
    <message>
        <source>Save the whole base as one Excel workbook in your Documents folder (Ctrl+E)</source>
        <translation>Сохранить всю базу одной книгой Excel в папку «Документы» (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export everything &amp;as…</source>
        <translation>Выгрузить всё &amp;как…</translation>
    </message>
    <message>
        <source>Export this &amp;list…</source>
        <translation>Выгрузить этот &amp;список…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>&amp;История загрузок…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Сделать резервную копию</translation>
    </message>
    <message>
        <source>A checked copy of the base in the backups folder beside it</source>
        <translation>Проверенная копия базы в папке backups рядом с ней</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>The shop&apos;s server keeps the backups of a base on it</source>
        <translation>Резервные копии базы на сервере делает сам сервер магазина</translation>
    </message>
    <message>
        <source>Open the &amp;demo base</source>
        <translation>Открыть &amp;демо-базу</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation>&amp;Найти клиента</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>В &amp;корзину</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>Найти &amp;дубликаты…</translation>
    </message>
    <message>
        <source>Two cards of one person: review them side by side and merge</source>
        <translation>Две карточки одного человека: сравните рядом и объедините</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>Открыть &amp;папку данных</translation>
    </message>
    <message>
        <source>&amp;About Retainer</source>
        <translation>&amp;О программе Retainer</translation>
    </message>
    <message>
        <source>About Retainer</source>
        <translation>О программе Retainer</translation>
    </message>
    <message>
        <source>Retainer {version}</source>
        <translation>Retainer {version}</translation>
    </message>
    <message>
        <source>Keep the customers you already have.</source>
        <translation>Сохраните клиентов, которые у вас уже есть.</translation>
    </message>
    <message>
        <source>Customer base: {base}
Data folder: {folder}</source>
        <translation>Клиентская база: {base}
Папка данных: {folder}</translation>
    </message>
    <message>
        <source>Python {python}, Qt for Python {qt}</source>
        <translation>Python {python}, Qt for Python {qt}</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Открыть папку данных</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Копия сохранена: {path}.</translation>
    </message>
    <message>
        <source>Done: {what}.</source>
        <translation>Сделано: {what}.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Нечего отменять.</translation>
    </message>
    <message>
        <source>Open Retainer</source>
        <translation>Открыть Retainer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message numerus="yes">
        <source>Retainer: %Ln to call today</source>
        <translation>
            <numerusform>Retainer: сегодня %Ln звонок</numerusform>
            <numerusform>Retainer: сегодня %Ln звонка</numerusform>
            <numerusform>Retainer: сегодня %Ln звонков</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers to call today</source>
        <translation>
            <numerusform>Сегодня позвонить %Ln клиенту</numerusform>
            <numerusform>Сегодня позвонить %Ln клиентам</numerusform>
            <numerusform>Сегодня позвонить %Ln клиентам</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more customers to call today</source>
        <translation>
            <numerusform>Сегодня позвонить ещё %Ln клиенту</numerusform>
            <numerusform>Сегодня позвонить ещё %Ln клиентам</numerusform>
            <numerusform>Сегодня позвонить ещё %Ln клиентам</numerusform>
        </translation>
    </message>
    <message>
        <source>Retainer: nobody to call today</source>
        <translation>Retainer: сегодня звонить некому</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливаю…</translation>
    </message>
    <message>
        <source>Remind me to call</source>
        <translation>Напомнить позвонить</translation>
    </message>
    <message>
        <source>what the call is about, e.g. the new menu</source>
        <translation>о чём звонок, например: новое меню</translation>
    </message>
    <message>
        <source>On which day?</source>
        <translation>В какой день?</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>A customer with no purchase for longer than this is lapsed.</source>
        <translation>Клиент, который не покупает дольше этого срока, считается пропавшим.</translation>
    </message>
    <message>
        <source>A regular (three purchases or more) is at risk when the time since their last purchase is this many times their usual gap.</source>
        <translation>Постоянный клиент (от трёх покупок) под угрозой, когда со дня последней покупки прошло во столько раз больше его обычного промежутка.</translation>
    </message>
    <message>
        <source>After a call or a dismissed reminder, no automatic reminder for this long.</source>
        <translation>После звонка или снятого напоминания столько времени нет автоматических напоминаний.</translation>
    </message>
    <message>
        <source>Remind this many days before a birthday; 0 turns birthday reminders off.</source>
        <translation>За сколько дней до дня рождения напомнить; 0 — не напоминать о днях рождения.</translation>
    </message>
    <message>
        <source>Customers silent for longer than this are no longer put on the call list.</source>
        <translation>Клиентов, которые молчат дольше этого срока, больше не ставят в список звонков.</translation>
    </message>
    <message>
        <source>How many customers drifting away Today lists a day, most worth calling first; the others wait their turn. Promised calls and birthdays are always listed.</source>
        <translation>Скольких отдаляющихся клиентов список «Сегодня» показывает в день, сначала самых важных; остальные ждут своей очереди. Обещанные звонки и дни рождения показываются всегда.</translation>
    </message>
    <message>
        <source>How many backups the rotation keeps: every one of the last day, then the newest of each day, week and month this far back.</source>
        <translation>Сколько резервных копий хранить: все за последние сутки, затем самую новую за каждый день, неделю и месяц на столько назад.</translation>
    </message>
    <message>
        <source> daily</source>
        <translation> ежедневных</translation>
    </message>
    <message>
        <source> weekly</source>
        <translation> еженедельных</translation>
    </message>
    <message>
        <source> monthly</source>
        <translation> ежемесячных</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Хранить копии</translation>
    </message>
    <message>
        <source>Edit the tiers…</source>
        <translation>Изменить уровни…</translation>
    </message>
    <message>
        <source>Loyalty tiers: what a customer needs for each, and its discount</source>
        <translation>Уровни лояльности: что нужно клиенту для каждого и какая скидка</translation>
    </message>
    <message>
        <source>Loyalty tiers</source>
        <translation>Уровни лояльности</translation>
    </message>
    <message>
        <source>Retainer speaks {language}, reads phone numbers without a country code as numbers from {country}, and counts money in {currency}.</source>
        <translation>Язык: {language}. Номера телефонов без кода страны — из страны: {country}. Валюта: {currency}.</translation>
    </message>
    <message>
        <source>The language of the window and the command line on this computer.</source>
        <translation>Язык окна программы и командной строки на этом компьютере.</translation>
    </message>
    <message>
        <source>Phone numbers typed without + and a country code are read as numbers of this country.</source>
        <translation>Номера, набранные без + и кода страны, читаются как номера этой страны.</translation>
    </message>
    <message>
        <source>Retainer will speak {language} from its next start. Restart now?</source>
        <translation>Язык «{language}» включится при следующем запуске Retainer. Перезапустить сейчас?</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Ваш магазин</translation>
    </message>
    <message>
        <source>Lapsed after</source>
        <translation>Пропал, если нет покупок</translation>
    </message>
    <message>
        <source>At risk after their usual gap</source>
        <translation>Под угрозой, если перерыв дольше обычного в</translation>
    </message>
    <message>
        <source>Quiet time after a call</source>
        <translation>Пауза после звонка</translation>
    </message>
    <message>
        <source>Birthday reminders ahead</source>
        <translation>Напомнить о дне рождения за</translation>
    </message>
    <message>
        <source>Stop calling after</source>
        <translation>Перестать звонить через</translation>
    </message>
    <message>
        <source>Calls a day on Today</source>
        <translation>Звонков в день в «Сегодня»</translation>
    </message>
    <message>
        <source>Phone numbers from</source>
        <translation>Номера телефонов из страны</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Why call</source>
        <translation>Почему позвонить</translation>
    </message>
    <message>
        <source>Still buying</source>
        <translation>Ещё покупает</translation>
    </message>
    <message>
        <source>How likely the customer still buys from you, from their own purchase history and the whole base&apos;s (the BG/NBD model).</source>
        <translation>Насколько вероятно, что клиент ещё покупает у вас, — по его собственной истории покупок и по всей базе (модель BG/NBD).</translation>
    </message>
    <message>
        <source>Call…</source>
        <translation>Звонок…</translation>
    </message>
    <message>
        <source>Log a call with the selected customer (Enter)</source>
        <translation>Записать звонок выбранному клиенту (Enter)</translation>
    </message>
    <message>
        <source>Copy the phone number (Ctrl+C)</source>
        <translation>Скопировать номер телефона (Ctrl+C)</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>Набрать</translation>
    </message>
    <message>
        <source>Open the number in your phone app (a tel: link)</source>
        <translation>Открыть номер в приложении телефона (ссылка tel:)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>До завтра</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>На неделю</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>До даты…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Снять</translation>
    </message>
    <message>
        <source>No call needed (Del); Ctrl+Z brings it back</source>
        <translation>Звонок не нужен (Del); Ctrl+Z вернёт</translation>
    </message>
    <message>
        <source>Save today&apos;s calls as an Excel file</source>
        <translation>Сохранить сегодняшние звонки в файл Excel</translation>
    </message>
    <message numerus="yes">
        <source>Today: %Ln to call</source>
        <translation>
            <numerusform>Сегодня: %Ln звонок</numerusform>
            <numerusform>Сегодня: %Ln звонка</numerusform>
            <numerusform>Сегодня: %Ln звонков</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ranked by spend and delay. Once %Ln or more customers have bought twice, Retainer also estimates how likely each one still buys from you (now: {have}).</source>
        <translation>
            <numerusform>Порядок — по тратам и задержке. Когда %Ln клиент и больше купят дважды, Retainer будет ещё оценивать, насколько вероятно, что каждый ещё покупает у вас (сейчас: {have}).</numerusform>
            <numerusform>Порядок — по тратам и задержке. Когда %Ln клиента и больше купят дважды, Retainer будет ещё оценивать, насколько вероятно, что каждый ещё покупает у вас (сейчас: {have}).</numerusform>
            <numerusform>Порядок — по тратам и задержке. Когда %Ln клиентов и больше купят дважды, Retainer будет ещё оценивать, насколько вероятно, что каждый ещё покупает у вас (сейчас: {have}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snoozed %Ln until {date}.</source>
        <translation>
            <numerusform>Отложен %Ln до {date}.</numerusform>
            <numerusform>Отложено %Ln до {date}.</numerusform>
            <numerusform>Отложено %Ln до {date}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dismissed %Ln. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Снят %Ln. Ctrl+Z вернёт.</numerusform>
            <numerusform>Снято %Ln. Ctrl+Z вернёт.</numerusform>
            <numerusform>Снято %Ln. Ctrl+Z вернёт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln calls to {path}.</source>
        <translation>
            <numerusform>Сохранён %Ln звонок в {path}.</numerusform>
            <numerusform>Сохранено %Ln звонка в {path}.</numerusform>
            <numerusform>Сохранено %Ln звонков в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Most worth calling first: promised calls, birthdays, then customers drifting away, by what they spend, how likely they still buy from you and how overdue they are. Hover over a row for its reasons.</source>
        <translation>Сначала самые важные: обещанные звонки, дни рождения, затем отдаляющиеся клиенты — по тратам, вероятности, что они ещё покупают у вас, и по тому, насколько они задержались. Наведите указатель на строку, чтобы увидеть причины.</translation>
    </message>
    <message>
        <source>Done for today</source>
        <translation>На сегодня всё</translation>
    </message>
    <message>
        <source>Nobody to call today</source>
        <translation>Сегодня звонить некому</translation>
    </message>
    <message>
        <source>Here you will find customers who buy less often than usual or have stopped coming, birthdays a few days ahead, and calls you promised.</source>
        <translation>Здесь будут клиенты, которые стали покупать реже обычного или перестали приходить, дни рождения на ближайшие дни и звонки, которые вы обещали.</translation>
    </message>
    <message>
        <source>Call with {name} saved. Ctrl+Z undoes it.</source>
        <translation>Звонок клиенту {name} сохранён. Ctrl+Z отменит.</translation>
    </message>
    <message>
        <source>Copied {phone}.</source>
        <translation>Скопировано: {phone}.</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Отложить до</translation>
    </message>
    <message>
        <source>calls-{date}.xlsx</source>
        <translation>звонки-{date}.xlsx</translation>
    </message>
    <message>
        <source>Save today&apos;s calls</source>
        <translation>Сохранить сегодняшние звонки</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>Не удалось сохранить {path}: {reason}</translation>
    </message>
    <message>
        <source>Retainer {date}</source>
        <translation>Retainer {date}</translation>
    </message>
    <message>
        <source>Export everything to Excel</source>
        <translation>Выгрузить всё в Excel</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation>Не удалось сохранить {file}: {reason}</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>Выгружаю в Excel…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Выгрузка отменена; файл не записан.</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Выгрузить этот список</translation>
    </message>
    <message>
        <source>Customers {date}</source>
        <translation>Клиенты {date}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln customers to {file}.</source>
        <translation>
            <numerusform>Сохранён %Ln клиент в {file}.</numerusform>
            <numerusform>Сохранено %Ln клиента в {file}.</numerusform>
            <numerusform>Сохранено %Ln клиентов в {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{bad} of %Ln phone numbers written without a country code are not valid for {current}; read as numbers from {country}, {valid} of them are.</source>
        <translation>
            <numerusform>{bad} из %Ln номера без кода страны не подходят для страны {current}; если читать их как номера страны {country}, подходят {valid}.</numerusform>
            <numerusform>{bad} из %Ln номеров без кода страны не подходят для страны {current}; если читать их как номера страны {country}, подходят {valid}.</numerusform>
            <numerusform>{bad} из %Ln номеров без кода страны не подходят для страны {current}; если читать их как номера страны {country}, подходят {valid}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} cannot be opened: {reason}</source>
        <translation>{file} не открывается: {reason}</translation>
    </message>
    <message>
        <source>{file} is damaged ({reason}).</source>
        <translation>{file} повреждён ({reason}).</translation>
    </message>
    <message>
        <source>{file} is not a Retainer customer base.</source>
        <translation>{file} — не клиентская база Retainer.</translation>
    </message>
    <message>
        <source>{file} has purchases or calls of customers it does not hold.</source>
        <translation>В {file} есть покупки или звонки клиентов, которых в нём нет.</translation>
    </message>
    <message>
        <source>{file} is not a Retainer customer base ({reason}).</source>
        <translation>{file} — не клиентская база Retainer ({reason}).</translation>
    </message>
    <message>
        <source>{file} is no longer there</source>
        <translation>файла {file} больше нет</translation>
    </message>
    <message>
        <source>The backup came out damaged and was not kept: {reason}</source>
        <translation>Копия получилась повреждённой и не сохранена: {reason}</translation>
    </message>
    <message>
        <source>Could not write a backup to {folder}: {reason}. The earlier backups are as they were.</source>
        <translation>Не удалось записать копию в {folder}: {reason}. Прежние копии не тронуты.</translation>
    </message>
    <message>
        <source>{file} could not be copied whole ({reason}); your base was not changed.</source>
        <translation>{file} не удалось скопировать целиком ({reason}); ваша база не изменена.</translation>
    </message>
    <message>
        <source>Could not set the damaged base {file} aside: {reason}.</source>
        <translation>Не удалось отложить повреждённую базу {file}: {reason}.</translation>
    </message>
    <message>
        <source>Could not restore {file}: {reason}. Your base was not changed.</source>
        <translation>Не удалось восстановить из {file}: {reason}. Ваша база не изменена.</translation>
    </message>
    <message>
        <source>Only a base kept in a file can be restored from a backup.</source>
        <translation>Из резервной копии восстанавливается только база, которая хранится в файле.</translation>
    </message>
    <message>
        <source>The customer base is damaged</source>
        <translation>База клиентов повреждена</translation>
    </message>
    <message>
        <source>The customer base {path} is damaged: {reason}</source>
        <translation>База клиентов {path} повреждена: {reason}</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <source>The newest backup that passes the check was taken {when} and holds {customers}. Retainer can put it in place; the damaged file is kept beside it under a new name, exactly as it is.</source>
        <translation>Самая новая исправная резервная копия сделана {when}, в ней {customers}. Retainer может поставить её на место базы; повреждённый файл останется рядом под новым именем, без изменений.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>a backup with …</comment>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Восстановить эту копию</translation>
    </message>
    <message>
        <source>No backup of it passes the check. Retainer can keep the damaged file beside it under a new name, exactly as it is, and start an empty base; the file can then be taken to someone who repairs SQLite files.</source>
        <translation>Ни одна резервная копия не прошла проверку. Retainer может сохранить повреждённый файл рядом под новым именем, без изменений, и начать пустую базу; файл потом можно отдать специалисту по восстановлению файлов SQLite.</translation>
    </message>
    <message>
        <source>Set it aside and start empty</source>
        <translation>Отложить и начать пустую</translation>
    </message>
    <message>
        <source>The damaged base was kept as {aside}.</source>
        <translation>Повреждённая база сохранена как {aside}.</translation>
    </message>
    <message>
        <source>The base is on a network drive</source>
        <translation>База на сетевом диске</translation>
    </message>
    <message>
        <source>The customer base {path} is on a network drive ({kind}). A base file there can be damaged when the connection drops or when two computers write to it at once.

Keep the base on this computer&apos;s own disk, or, for several tills, on a shared PostgreSQL server.</source>
        <translation>База клиентов {path} лежит на сетевом диске ({kind}). Там файл базы может повредиться, если связь прервётся или два компьютера запишут в него одновременно.

Храните базу на диске этого компьютера, а для нескольких касс — на общем сервере PostgreSQL.</translation>
    </message>
    <message>
        <source>First start of the day</source>
        <translation>Первый запуск за день</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>Сделана вручную</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Перед импортом</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Перед восстановлением</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Перед обновлением</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Сделана</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>The newest first. Restoring puts the chosen backup in place of the base; the base as it is now is backed up first, so nothing is lost.</source>
        <translation>Сначала самые новые. Восстановление ставит выбранную копию на место базы; перед этим текущая база сохраняется в копию, так что ничего не теряется.</translation>
    </message>
    <message>
        <source>No backups yet. Retainer keeps one on the first start of each day, before every import and whenever you choose File → Back up now.</source>
        <translation>Резервных копий пока нет. Retainer делает копию при первом запуске за день, перед каждым импортом и по команде Файл → Сделать резервную копию.</translation>
    </message>
    <message>
        <source>&amp;Restore the selected backup…</source>
        <translation>&amp;Восстановить выбранную копию…</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>Открыть папку с копиями</translation>
    </message>
    <message>
        <source>an unknown number of customers</source>
        <translation>неизвестное число клиентов</translation>
    </message>
    <message>
        <source>Put the backup of {when} ({customers}) in place of the base? What was changed since then leaves the window; the base as it is now is backed up first, so you can come back to it.</source>
        <translation>Поставить копию от {when} ({customers}) на место базы? Изменения, сделанные после неё, исчезнут из окна; текущая база сначала сохраняется в копию, так что к ней можно вернуться.</translation>
    </message>
    <message>
        <source>Changed on another terminal</source>
        <translation>Изменено на другом терминале</translation>
    </message>
    <message>
        <source>Which values should stay? Every other change, here and there, is kept either way.</source>
        <translation>Какие значения оставить? Все остальные изменения, и здесь, и там, сохранятся в любом случае.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить мои</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Оставить их</translation>
    </message>
    <message>
        <source>Go on editing</source>
        <translation>Продолжить правку</translation>
    </message>
    <message>
        <source>move the customer base onto a PostgreSQL server</source>
        <translation>перенести базу клиентов на сервер PostgreSQL</translation>
    </message>
    <message>
        <source>Copy the customer base into a new database on a PostgreSQL server, check that every table arrived whole, and open the server from now on on this computer. The file is only read and stays as it is. Close the window first.</source>
        <translation>Скопировать базу клиентов в новую базу данных на сервере PostgreSQL, проверить, что каждая таблица перенесена целиком, и дальше открывать сервер на этом компьютере. Файл только читается и остаётся как был. Сначала закройте окно.</translation>
    </message>
    <message>
        <source>the database on the server, e.g. postgresql+psycopg://retainer:password@192.168.1.10/retainer</source>
        <translation>база данных на сервере, например postgresql+psycopg://retainer:password@192.168.1.10/retainer</translation>
    </message>
    <message>
        <source>choose the customer base this computer opens</source>
        <translation>выбрать базу клиентов, которую открывает этот компьютер</translation>
    </message>
    <message>
        <source>Check that the customer base opens, then open it from now on on this computer: a file, or a database address on the shop&apos;s server (each till runs this once).</source>
        <translation>Проверить, что база клиентов открывается, и дальше открывать её на этом компьютере: файл или адрес базы данных на сервере магазина (на каждой кассе один раз).</translation>
    </message>
    <message>
        <source>a file, or a database address</source>
        <translation>файл или адрес базы данных</translation>
    </message>
    <message>
        <source>  {table}: {done} of {total}</source>
        <translation>  {table}: {done} из {total}</translation>
    </message>
    <message>
        <source>{location} is not a SQLite file; only a SQLite base is moved to a server.</source>
        <translation>{location} — не файл SQLite; на сервер переносится только база SQLite.</translation>
    </message>
    <message>
        <source>Moved {customers} to {server}; every table was checked: {rows} rows in all.</source>
        <translation>Перенесено на {server}: {customers}; каждая таблица проверена, всего строк: {rows}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>moved …</comment>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer opens the server from now on. On each other till, install Retainer and run once:
    retainer use &quot;{url}&quot;
(or set RETAINER_DB to that address). The file {file} was left as it was: keep it as a copy, but do not work in it any more.</source>
        <translation>Теперь этот компьютер открывает сервер. На каждой другой кассе установите Retainer и выполните один раз:
    retainer use &quot;{url}&quot;
(или задайте этот адрес в RETAINER_DB). Файл {file} остался как был: сохраните его как копию, но больше в нём не работайте.</translation>
    </message>
    <message>
        <source>This computer opens {base} from now on.</source>
        <translation>Теперь этот компьютер открывает {base}.</translation>
    </message>
    <message>
        <source>“{url}” is not the address of a database on a PostgreSQL server. It looks like postgresql+psycopg://user:password@server/retainer</source>
        <translation>«{url}» — не адрес базы данных на сервере PostgreSQL. Адрес выглядит так: postgresql+psycopg://пользователь:пароль@сервер/retainer</translation>
    </message>
    <message>
        <source>The server has no database “{name}”, and it could not be created: {reason}</source>
        <translation>На сервере нет базы данных «{name}», и создать её не удалось: {reason}</translation>
    </message>
    <message>
        <source>The database {location} already holds customers ({count}). Move the base to a new, empty database; nothing was copied.</source>
        <translation>В базе данных {location} уже есть клиенты ({count}). Переносите базу в новую, пустую базу данных; ничего не скопировано.</translation>
    </message>
    <message>
        <source>The copy of {table} holds {copied} rows instead of {expected}; nothing was kept on the server.</source>
        <translation>В копии {table} {copied} строк вместо {expected}; на сервере ничего не сохранено.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Личные данные</translation>
    </message>
    <message>
        <source>The customer&apos;s requests about their data: a copy of everything, or erasure</source>
        <translation>Запросы клиента о его данных: копия всего или удаление</translation>
    </message>
    <message>
        <source>Export everything held…</source>
        <translation>Выгрузить все данные…</translation>
    </message>
    <message>
        <source>Erase on request…</source>
        <translation>Удалить по просьбе…</translation>
    </message>
    <message>
        <source>Log of requests…</source>
        <translation>Журнал запросов…</translation>
    </message>
    <message>
        <source>Where should the customer&apos;s files go?</source>
        <translation>Куда сохранить файлы клиента?</translation>
    </message>
    <message>
        <source>Everything held about {name} was saved as
{workbook}
and
{json}
The export is noted in the log of requests.</source>
        <translation>Все данные клиента {name} сохранены в
{workbook}
и
{json}
Выгрузка записана в журнал запросов.</translation>
    </message>
    <message>
        <source>Erase {name}?</source>
        <translation>Удалить клиента {name}?</translation>
    </message>
    <message>
        <source>{name}&apos;s name, phones, e-mail, birthday, address, card number, tags and notes, and the notes of their purchases, calls and feedback, will be erased for good. There is no undo.

What stays, anonymous, are the dates and amounts of the purchases and the scores of the feedback, so that the figures of the past stay right. Backups taken before today still hold the customer until they are rotated out.</source>
        <translation>Имя клиента {name}, телефоны, e-mail, день рождения, адрес, номер карты, теги и заметки, а также заметки к его покупкам, звонкам и отзывам будут удалены навсегда. Отменить это нельзя.

Останутся, без имени, даты и суммы покупок и оценки в отзывах, чтобы показатели прошлого не изменились. Резервные копии, сделанные до сегодняшнего дня, хранят клиента, пока не будут заменены по очереди.</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Удалить навсегда</translation>
    </message>
    <message>
        <source>{name} was erased on request; the figures keep their purchases, anonymous.</source>
        <translation>{name}: данные удалены по просьбе; покупки остаются в показателях без имени.</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Запросов пока нет.</translation>
    </message>
    <message>
        <source>Log of requests</source>
        <translation>Журнал запросов</translation>
    </message>
    <message>
        <source>total spent</source>
        <translation>сумма покупок</translation>
    </message>
    <message>
        <source>purchases</source>
        <translation>покупки</translation>
    </message>
    <message>
        <source>days with us</source>
        <translation>дней с нами</translation>
    </message>
    <message>
        <source>Give the tier a name.</source>
        <translation>Дайте уровню название.</translation>
    </message>
    <message>
        <source>Another tier is already called “{name}”.</source>
        <translation>Уровень «{name}» уже есть.</translation>
    </message>
    <message>
        <source>The discount must be between 0 and 100 %.</source>
        <translation>Скидка должна быть от 0 до 100 %.</translation>
    </message>
    <message>
        <source>The amounts cannot be below zero.</source>
        <translation>Значения не могут быть меньше нуля.</translation>
    </message>
    <message>
        <source>Set at least one of: total spent, purchases, days with us.</source>
        <translation>Задайте хотя бы одно: сумма покупок, число покупок, дней с нами.</translation>
    </message>
    <message>
        <source>{tier} is above {lower} but asks for less ({measure}): ask for at least as much, or move it below.</source>
        <translation>«{tier}» выше уровня «{lower}», но требует меньше ({measure}): требуйте не меньше или переместите уровень ниже.</translation>
    </message>
    <message>
        <source>{tier} asks for the same as {lower}: ask for more in one measure.</source>
        <translation>«{tier}» требует того же, что и «{lower}»: поднимите хотя бы одно условие.</translation>
    </message>
    <message>
        <source>Silver</source>
        <comment>a loyalty tier</comment>
        <translation>Серебро</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>a loyalty tier</comment>
        <translation>Золото</translation>
    </message>
    <message>
        <source>Tell {name}: now {tier}, {discount} off</source>
        <translation>Сообщите клиенту {name}: теперь уровень «{tier}», скидка {discount}</translation>
    </message>
    <message>
        <source>Undo the change of loyalty tiers</source>
        <translation>Отменить изменение уровней лояльности</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number of {what}.</source>
        <translation>«{value}» — не целое число ({what}).</translation>
    </message>
    <message>
        <source>A customer is in the highest tier whose every condition they meet. Leave a condition empty to not ask for it. Purchases and spending from imported totals count too.</source>
        <translation>Клиент получает самый высокий уровень, все условия которого выполняет. Оставьте условие пустым, чтобы его не требовать. Покупки и суммы из загруженных итогов тоже учитываются.</translation>
    </message>
    <message>
        <source>Discount, %</source>
        <translation>Скидка, %</translation>
    </message>
    <message>
        <source>Spent at least</source>
        <translation>Потратил не меньше</translation>
    </message>
    <message>
        <source>Purchases at least</source>
        <translation>Покупок не меньше</translation>
    </message>
    <message>
        <source>Days with us at least</source>
        <translation>Дней с нами не меньше</translation>
    </message>
    <message>
        <source>Customers now</source>
        <translation>Клиентов сейчас</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>Добавить уровень</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>“{value}” is not a discount in per cent.</source>
        <translation>«{value}» — не скидка в процентах.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дней</translation>
    </message>
    <message numerus="yes">
        <source>Loyalty tiers saved: %Ln customers changed tier (Ctrl+Z undoes it).</source>
        <translation>
            <numerusform>Уровни лояльности сохранены: уровень сменил %Ln клиент (Ctrl+Z отменяет).</numerusform>
            <numerusform>Уровни лояльности сохранены: уровень сменили %Ln клиента (Ctrl+Z отменяет).</numerusform>
            <numerusform>Уровни лояльности сохранены: уровень сменили %Ln клиентов (Ctrl+Z отменяет).</numerusform>
        </translation>
    </message>
    <message>
        <source>no tier</source>
        <translation>без уровня</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Был</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Стал</translation>
    </message>
    <message>
        <source>the first word of the customer&apos;s name</source>
        <translation>первое слово имени клиента</translation>
    </message>
    <message>
        <source>the customer&apos;s whole name</source>
        <translation>полное имя клиента</translation>
    </message>
    <message>
        <source>their loyalty tier, e.g. Gold</source>
        <translation>уровень лояльности, например «Золото»</translation>
    </message>
    <message>
        <source>their tier&apos;s discount, e.g. 10 %</source>
        <translation>скидка их уровня, например 10 %</translation>
    </message>
    <message>
        <source>how long since their last purchase: 45 days</source>
        <translation>сколько прошло с последней покупки: 45 дней</translation>
    </message>
    <message>
        <source>the date of their last purchase</source>
        <translation>дата последней покупки</translation>
    </message>
    <message>
        <source>Write the message first.</source>
        <translation>Сначала напишите сообщение.</translation>
    </message>
    <message>
        <source>A brace {open} or {close} has no partner. Placeholders are written like {example}; to write a brace itself, type it twice.</source>
        <translation>У скобки {open} или {close} нет пары. Подстановки пишутся так: {example}; чтобы написать саму скобку, наберите её дважды.</translation>
    </message>
    <message>
        <source>“{{{field}}}” is not a placeholder Retainer knows. It knows: {known}.</source>
        <translation>«{{{field}}}» — такой подстановки Retainer не знает. Он знает: {known}.</translation>
    </message>
    <message>
        <source>Write “{{{field}}}” without anything after the name.</source>
        <translation>Пишите «{{{field}}}» без ничего после названия.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>since the last purchase</comment>
        <translation>
            <numerusform>%Ln день</numerusform>
            <numerusform>%Ln дня</numerusform>
            <numerusform>%Ln дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the segment a name.</source>
        <translation>Дайте сегменту название.</translation>
    </message>
    <message>
        <source>A segment&apos;s name is at most {n} letters long.</source>
        <translation>Название сегмента — не длиннее {n} знаков.</translation>
    </message>
    <message>
        <source>Choose at least one filter first: a segment of every customer is the whole list.</source>
        <translation>Сначала выберите хотя бы один фильтр: сегмент из всех клиентов — это весь список.</translation>
    </message>
    <message>
        <source>Undo saving the segment “{name}”</source>
        <translation>Отменить сохранение сегмента «{name}»</translation>
    </message>
    <message>
        <source>Undo deleting the segment “{name}”</source>
        <translation>Отменить удаление сегмента «{name}»</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>Bought last at least this many days ago</source>
        <translation>Последняя покупка не меньше стольких дней назад</translation>
    </message>
    <message>
        <source>Bought last at most this many days ago</source>
        <translation>Последняя покупка не больше стольких дней назад</translation>
    </message>
    <message>
        <source>Spent at least this much in all</source>
        <translation>Всего потратил не меньше</translation>
    </message>
    <message>
        <source>Spent at most this much in all</source>
        <translation>Всего потратил не больше</translation>
    </message>
    <message>
        <source>Messages: either</source>
        <translation>Сообщения: все</translation>
    </message>
    <message>
        <source>Did not agree to messages</source>
        <translation>Без согласия на сообщения</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Все города</translation>
    </message>
    <message>
        <source>Where they came from</source>
        <translation>Откуда пришли</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>days ago</source>
        <translation>дн. назад</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Потратил</translation>
    </message>
    <message>
        <source>Segments:</source>
        <translation>Сегменты:</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>Choose filters, then save them as a segment</source>
        <translation>Выберите фильтры и сохраните их как сегмент</translation>
    </message>
    <message>
        <source>Save as segment…</source>
        <translation>Сохранить как сегмент…</translation>
    </message>
    <message>
        <source>Keep the filters on screen under a name, one click away</source>
        <translation>Сохранить фильтры на экране под названием — на расстоянии одного щелчка</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers today. Right-click to delete.</source>
        <translation>
            <numerusform>Сегодня %Ln клиент. Правый щелчок — удалить.</numerusform>
            <numerusform>Сегодня %Ln клиента. Правый щелчок — удалить.</numerusform>
            <numerusform>Сегодня %Ln клиентов. Правый щелчок — удалить.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the segment “{name}”</source>
        <translation>Удалить сегмент «{name}»</translation>
    </message>
    <message>
        <source>Save as segment</source>
        <translation>Сохранить как сегмент</translation>
    </message>
    <message>
        <source>e.g. Lapsed regulars</source>
        <translation>например, Ушедшие постоянные</translation>
    </message>
    <message>
        <source>A name for the filters on screen. The segment keeps the filters, so it names today&apos;s customers each time.</source>
        <translation>Название для фильтров на экране. Сегмент хранит фильтры, поэтому каждый раз показывает сегодняшних клиентов.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers match them today.</source>
        <translation>
            <numerusform>Сегодня под них подходит %Ln клиент.</numerusform>
            <numerusform>Сегодня под них подходят %Ln клиента.</numerusform>
            <numerusform>Сегодня под них подходят %Ln клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hello, {first_name}! We have not seen you for {days_since_last_purchase}. Come by this week, we will be glad to see you.</source>
        <translation>Здравствуйте, {first_name}! Мы не видели вас уже {days_since_last_purchase}. Заходите на этой неделе — будем рады вас видеть.</translation>
    </message>
    <message>
        <source>Left out because</source>
        <translation>Не получит, потому что</translation>
    </message>
    <message>
        <source>Message to “{segment}”</source>
        <translation>Сообщение сегменту «{segment}»</translation>
    </message>
    <message>
        <source>Message to the customers shown</source>
        <translation>Сообщение показанным клиентам</translation>
    </message>
    <message>
        <source>Send by:</source>
        <translation>Отправить как:</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>Вставить:</translation>
    </message>
    <message>
        <source>Reading the customers…</source>
        <translation>Читаю клиентов…</translation>
    </message>
    <message>
        <source>Retainer does not send the messages itself: it saves the recipients and their texts to a file for your SMS or e-mail service. Only customers who agreed to messages are in it.</source>
        <translation>Retainer не отправляет сообщения сам: он сохраняет получателей и их тексты в файл для вашего SMS- или почтового сервиса. В файл попадают только клиенты, согласившиеся на сообщения.</translation>
    </message>
    <message>
        <source>Save recipients…</source>
        <translation>Сохранить получателей…</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message>
        <source>{name} gets: {text}</source>
        <translation>{name} получит: {text}</translation>
    </message>
    <message>
        <source>{name} gets nothing: {why}.</source>
        <translation>{name} не получит ничего: {why}.</translation>
    </message>
    <message numerus="yes">
        <source>Goes to %Ln customers.</source>
        <translation>
            <numerusform>Получит %Ln клиент.</numerusform>
            <numerusform>Получат %Ln клиента.</numerusform>
            <numerusform>Получат %Ln клиентов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %Ln ({why}).</source>
        <translation>
            <numerusform>Не получит: %Ln ({why}).</numerusform>
            <numerusform>Не получат: %Ln ({why}).</numerusform>
            <numerusform>Не получат: %Ln ({why}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them were contacted within the quiet time; you will be asked about them.</source>
        <translation>
            <numerusform>С %Ln из них уже связывались за время паузы — перед сохранением Retainer спросит о нём.</numerusform>
            <numerusform>С %Ln из них уже связывались за время паузы — перед сохранением Retainer спросит о них.</numerusform>
            <numerusform>С %Ln из них уже связывались за время паузы — перед сохранением Retainer спросит о них.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody here can be sent this message.</source>
        <translation>Никому здесь нельзя отправить это сообщение.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of these customers were called or written to within the quiet time (Settings → Quiet time after a call). Another message so soon can annoy them.</source>
        <translation>
            <numerusform>С %Ln из этих клиентов уже связывались за время паузы (Настройки → Пауза после звонка). Ещё одно сообщение так скоро может раздражать.</numerusform>
            <numerusform>С %Ln из этих клиентов уже связывались за время паузы (Настройки → Пауза после звонка). Ещё одно сообщение так скоро может раздражать.</numerusform>
            <numerusform>С %Ln из этих клиентов уже связывались за время паузы (Настройки → Пауза после звонка). Ещё одно сообщение так скоро может раздражать.</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to lately</source>
        <translation>Недавно уже связывались</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>Не писать им</translation>
    </message>
    <message>
        <source>Write to them too</source>
        <translation>Написать и им</translation>
    </message>
    <message>
        <source>Everybody here was contacted within the quiet time, so nobody is left to write to.</source>
        <translation>Со всеми здесь уже связывались за время паузы — писать больше некому.</translation>
    </message>
    <message>
        <source>Recipients {date}</source>
        <translation>Получатели {date}</translation>
    </message>
    <message>
        <source>CSV for an SMS or e-mail service (*.csv)</source>
        <translation>CSV для SMS- или почтового сервиса (*.csv)</translation>
    </message>
    <message>
        <source>Save the recipients</source>
        <translation>Сохранить получателей</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln recipients to {file} and logged the message on their cards. Ctrl+Z takes the log back.</source>
        <translation>
            <numerusform>%Ln получатель сохранён в {file}, сообщение записано в карточку. Ctrl+Z отменит запись.</numerusform>
            <numerusform>%Ln получателя сохранены в {file}, сообщение записано в их карточки. Ctrl+Z отменит запись.</numerusform>
            <numerusform>%Ln получателей сохранены в {file}, сообщение записано в их карточки. Ctrl+Z отменит запись.</numerusform>
        </translation>
    </message>
    <message>
        <source>{amount} pp against those not reached</source>
        <translation>{amount} п. п. по сравнению с теми, с кем не связались</translation>
    </message>
    <message>
        <source>Did it work?</source>
        <translation>Сработало ли?</translation>
    </message>
    <message numerus="yes">
        <source>Of the customers put on the Today list in the period for drifting away, how many bought again within %Ln days of a call or a message — against those nobody reached, counted from the day they were put on the list.</source>
        <translation>
            <numerusform>Из клиентов, попавших в список «Сегодня» в этом периоде как уходящие, сколько купили снова в течение %Ln дня после звонка или сообщения — по сравнению с теми, до кого не дошли (считая со дня попадания в список).</numerusform>
            <numerusform>Из клиентов, попавших в список «Сегодня» в этом периоде как уходящие, сколько купили снова в течение %Ln дней после звонка или сообщения — по сравнению с теми, до кого не дошли (считая со дня попадания в список).</numerusform>
            <numerusform>Из клиентов, попавших в список «Сегодня» в этом периоде как уходящие, сколько купили снова в течение %Ln дней после звонка или сообщения — по сравнению с теми, до кого не дошли (считая со дня попадания в список).</numerusform>
        </translation>
    </message>
    <message>
        <source>Called or written to</source>
        <translation>Позвонили или написали</translation>
    </message>
    <message>
        <source>Bought on the day of the first call or message in the period, or in the 30 days after. A customer whose 30 days are not over and who has not bought yet is still waiting, and not in the share.</source>
        <translation>Купили в день первого звонка или сообщения в периоде или в 30 дней после него. Клиент, у которого 30 дней ещё не прошли и который пока не купил, ещё ждёт и в долю не входит.</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Не связались</translation>
    </message>
    <message>
        <source>On the list, with no call or message in the period: bought within 30 days of being put on the list.</source>
        <translation>В списке, но без звонка или сообщения в периоде: купили в течение 30 дней после попадания в список.</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>customers shown, not saved</source>
        <translation>показанные клиенты, не сохранённые</translation>
    </message>
    <message>
        <source>Customers today</source>
        <translation>Клиентов сегодня</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщений</translation>
    </message>
    <message>
        <source>Written to: bought again</source>
        <translation>Получили: купили снова</translation>
    </message>
    <message>
        <source>Left out: bought again</source>
        <translation>Не получили: купили снова</translation>
    </message>
    <message>
        <source>No saved segments yet. In Customers, choose filters and save them as a segment: it is listed here with what its messages brought.</source>
        <translation>Сохранённых сегментов пока нет. В разделе «Клиенты» выберите фильтры и сохраните их как сегмент — он появится здесь вместе с тем, что принесли его сообщения.</translation>
    </message>
    <message>
        <source>Double-click a segment to list its customers</source>
        <translation>Двойной щелчок по сегменту — список его клиентов</translation>
    </message>
    <message>
        <source>Messages to saved segments</source>
        <translation>Сообщения сохранённым сегментам</translation>
    </message>
    <message>
        <source>nobody in the period</source>
        <translation>никого в этом периоде</translation>
    </message>
    <message>
        <source>the same phone number</source>
        <translation>один и тот же телефон</translation>
    </message>
    <message>
        <source>the same e-mail</source>
        <translation>одна и та же эл. почта</translation>
    </message>
    <message>
        <source>a similar name and the same birthday</source>
        <translation>похожее имя и тот же день рождения</translation>
    </message>
    <message>
        <source>a similar name in the same city</source>
        <translation>похожее имя в том же городе</translation>
    </message>
    <message>
        <source>A customer cannot be merged with themselves: choose two different cards.</source>
        <translation>Клиента нельзя объединить с самим собой: выберите две разные карточки.</translation>
    </message>
    <message>
        <source>{name} is in the trash: restore them first, then merge.</source>
        <translation>{name} в корзине: сначала восстановите карточку, потом объединяйте.</translation>
    </message>
    <message>
        <source>Undo merging {other} into {kept}</source>
        <translation>Отменить объединение {other} с {kept}</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>Поиск дубликатов</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Похожа на</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>No likely duplicates: no two cards share a phone number or an e-mail, or have similar names with the same birthday or city.</source>
        <translation>Похожих дубликатов нет: ни у каких двух карточек нет общего телефона или эл. почты, похожих имён с тем же днём рождения или городом.</translation>
    </message>
    <message>
        <source>Looking for cards of the same person…</source>
        <translation>Ищу карточки одного и того же человека…</translation>
    </message>
    <message>
        <source>Swap: keep the other card</source>
        <translation>Поменять: оставить другую карточку</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Это разные люди</translation>
    </message>
    <message>
        <source>Leave these two cards as they are, and go to the next pair</source>
        <translation>Оставить эти карточки как есть и перейти к следующей паре</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Where the two cards differ, choose what stays. Phones and tags of both are kept; every purchase, call, answer and reminder moves to the card kept, and the other goes to the trash, empty. Ctrl+Z undoes a merge.</source>
        <translation>Где карточки различаются, выберите, что останется. Телефоны и метки обеих сохраняются; все покупки, звонки, ответы и напоминания переходят на оставленную карточку, а другая, пустая, уходит в корзину. Ctrl+Z отменяет объединение.</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Остаётся</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Вливается в неё</translation>
    </message>
    <message>
        <source>{a} + {b} = {total}</source>
        <translation>{a} + {b} = {total}</translation>
    </message>
    <message>
        <source>Merged {other} into {kept}. Ctrl+Z undoes it.</source>
        <translation>{other} объединён(а) с {kept}. Ctrl+Z отменит.</translation>
    </message>
</context>
</TS>
