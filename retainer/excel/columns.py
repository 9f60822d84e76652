"""Which column holds what: header names in Russian, Lithuanian and English, and the header
row itself, found below any title rows."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from retainer.i18n import tr

IGNORE = ""
CUSTOMER_FIELDS = ("name", "last_name", "first_name", "middle_name", "phone", "phone2", "email",
                   "birthday", "city", "address", "card_number", "tags", "source", "notes",
                   "consent", "do_not_call", "customer_code", "referred_by_code", "created_at")
# A customer list with totals instead of a purchase log: each customer's opening history.
OPENING_FIELDS = ("total_spent", "purchase_count", "first_purchase", "last_purchase")
PURCHASE_FIELDS = ("purchase_date", "amount", "items")
FIELDS = CUSTOMER_FIELDS + OPENING_FIELDS + PURCHASE_FIELDS
# What names a customer: one of these columns, or a code or card number alone (a cash
# register's or a loyalty-card system's export), which then also names them: "Customer 00123".
IDENTIFYING = ("name", "first_name", "last_name", "phone", "email", "customer_code", "card_number")

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("фио", "имя клиента", "клиент", "покупатель", "контакт", "name", "full name",
             "customer", "client", "customer name", "client name", "vardas pavardė",
             "vardas ir pavardė", "klientas", "pirkėjas", "kliento vardas"),
    "first_name": ("имя", "first name", "given name", "vardas"),
    "last_name": ("фамилия", "last name", "surname", "family name", "pavardė"),
    "middle_name": ("отчество", "middle name", "patronymic", "tėvavardis"),
    "phone": ("телефон", "тел", "мобильный", "моб телефон", "номер телефона", "сотовый",
              "phone", "mobile", "tel", "telephone", "phone number", "mobile phone", "telefonas",
              "mob tel", "tel nr", "telefono numeris", "mobilusis"),
    "phone2": ("телефон 2", "доп телефон", "второй телефон", "рабочий телефон", "phone 2",
               "other phone", "second phone", "work phone", "telefonas 2", "kitas telefonas"),
    "email": ("email", "e-mail", "эл почта", "электронная почта", "почта", "e-mail адрес",
              "el paštas", "el pastas", "e-paštas", "mail", "email address"),
    "birthday": ("дата рождения", "день рождения", "др", "birthday", "date of birth", "dob",
                 "birth date", "gimimo data", "gimtadienis"),
    "city": ("город", "city", "town", "miestas"),
    "address": ("адрес", "address", "adresas"),
    "card_number": ("номер карты", "карта", "дисконтная карта", "карта лояльности", "card",
                    "card number", "loyalty card", "discount card", "kortelė",
                    "kortelės numeris", "nuolaidų kortelė"),
    "tags": ("теги", "метки", "категория", "группа", "tags", "tag", "group", "category",
             "žymos", "grupė", "kategorija"),
    "source": ("источник", "откуда узнал", "откуда", "канал", "source", "how found",
               "šaltinis", "kaip sužinojo"),
    "notes": ("примечание", "примечания", "комментарий", "заметки", "notes", "note",
              "comment", "comments", "pastabos", "komentaras"),
    "consent": ("согласие на рассылку", "согласие", "рассылка", "consent", "subscribed",
                "newsletter", "marketing consent", "sutikimas", "naujienlaiškis"),
    "do_not_call": ("не звонить", "do not call", "neskambinti"),
    "customer_code": ("код клиента", "код", "id клиента", "client id", "customer id",
                      "customer code", "kliento kodas", "kodas", "id"),
    "referred_by_code": ("referred by code", "referred by (code)", "рекомендовал (код)"),
    "created_at": ("дата регистрации", "клиент с", "дата создания", "created", "registered",
                   "customer since", "registracijos data", "klientas nuo"),
    "total_spent": ("сумма покупок", "сумма всех покупок", "общая сумма покупок", "общая сумма",
                    "всего покупок на сумму", "всего потрачено", "потрачено", "итого покупок",
                    "сумма продаж", "выручка", "оборот", "total spent", "total purchases",
                    "spent in total", "lifetime spend", "lifetime value", "total sales",
                    "turnover", "revenue", "išleista", "bendra suma", "pirkimų suma",
                    "iš viso išleista"),
    "purchase_count": ("количество покупок", "кол во покупок", "число покупок", "покупок",
                       "количество визитов", "кол во визитов", "число визитов", "визитов",
                       "количество заказов", "заказов", "number of purchases", "purchases",
                       "purchase count", "number of visits", "visits", "number of orders",
                       "orders", "pirkimų skaičius", "pirkimai", "apsilankymų skaičius",
                       "apsilankymai", "užsakymų skaičius"),
    "first_purchase": ("первая покупка", "дата первой покупки", "первый визит",
                       "дата первого визита", "первый заказ", "first purchase",
                       "first purchase date", "first visit", "first order", "pirmas pirkimas",
                       "pirmojo pirkimo data", "pirmas apsilankymas"),
    "last_purchase": ("последняя покупка", "дата последней покупки", "последний визит",
                      "дата последнего визита", "последний заказ", "last purchase",
                      "last purchase date", "last visit", "last order", "last seen",
                      "paskutinis pirkimas", "paskutinio pirkimo data",
                      "paskutinis apsilankymas"),
    "purchase_date": ("дата покупки", "дата", "дата визита", "дата заказа", "date",
                      "purchase date", "order date", "visit date", "pirkimo data", "data",
                      "apsilankymo data"),
    "amount": ("сумма", "сумма покупки", "стоимость", "итого", "amount", "total", "sum",
               "price", "spent", "suma", "kaina", "pirkimo suma"),
    "items": ("товары", "товар", "услуга", "что купил", "покупка", "items", "item", "product",
              "products", "service", "prekės", "prekė", "paslauga"),
}


def field_label(field: str) -> str:
    return {
        IGNORE: tr("— do not import —"), "name": tr("Full name"), "first_name": tr("First name"),
        "last_name": tr("Last name"), "middle_name": tr("Middle name"), "phone": tr("Phone"),
        "phone2": tr("Second phone"), "email": tr("E-mail"), "birthday": tr("Birthday"),
        "city": tr("City"), "address": tr("Address"), "card_number": tr("Card number"),
        "tags": tr("Tags"), "source": tr("Came from"), "notes": tr("Notes"),
        "consent": tr("Agreed to messages"), "do_not_call": tr("Do not call"),
        "customer_code": tr("Customer code (links purchases)"),
        "referred_by_code": tr("Referred by (customer code)"),
        "created_at": tr("Customer since"),
        "total_spent": tr("Spent before Retainer (total)"),
        "purchase_count": tr("Purchases before Retainer (count)"),
        "first_purchase": tr("First purchase (date)"), "last_purchase": tr("Last purchase (date)"),
        "purchase_date": tr("Purchase date"),
        "restore_id": tr("Code in the Retainer export"),
        "amount": tr("Purchase amount"), "items": tr("What they bought"),
    }[field]


def normalise_header(value: Any) -> str:
    text = str(value or "").casefold().replace("ё", "е")
    text = re.sub(r"[\s_.,;/:()\-*№#]+", " ", text)
    return text.strip()


_EXACT = {normalise_header(s): field for field, names in SYNONYMS.items() for s in names}


def match_header(header: Any) -> str:
    """The field a header names, or IGNORE."""
    text = normalise_header(header)
    if not text:
        return IGNORE
    if text in _EXACT:
        return _EXACT[text]
    # "Телефон клиента", "Customer e-mail": a longer header that starts with a known name.
    best = IGNORE, 0
    for synonym, field in _EXACT.items():
        if len(synonym) >= 3 and (text.startswith(synonym + " ") or text.endswith(" " + synonym)):
            if len(synonym) > best[1]:
                best = field, len(synonym)
    return best[0]


def guess_mapping(headers: Sequence[Any]) -> dict[int, str]:
    """Column index -> field, each field used once (the first column that names it).

    An amount with no purchase date beside it is a customer's total ("Итого", "Total"): a
    list of customers with totals, not a log of purchases."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = match_header(header)
        if field and field not in taken:
            mapping[index] = field
            taken.add(field)
    if "amount" in taken and "purchase_date" not in taken and "total_spent" not in taken:
        mapping = {i: "total_spent" if f == "amount" else f for i, f in mapping.items()}
    return mapping


@dataclass(frozen=True)
class HeaderGuess:
    row: int                 # 0-based index of the header row in the sheet
    headers: list[str]
    mapping: dict[int, str]


def find_header(rows: Sequence[Sequence[Any]], merged: Sequence[tuple[int, int, int, int]] = (),
                row: int | None = None) -> HeaderGuess:
    """The row among the first ones whose cells name the most known columns, or ``row`` when
    the owner chose it."""
    best_row, best_score = (row if row is not None and row < len(rows) else None), 0
    for index, cells in enumerate(rows[:30] if best_row is None else ()):
        score = len(guess_mapping(cells))
        if score > best_score:
            best_row, best_score = index, score
    if best_row is None and row is not None:
        return HeaderGuess(row, [], {})  # the chosen row is below the sheet's last row
    if best_row is None:
        best_row = next((i for i, row in enumerate(rows) if any(str(c).strip() for c in row)), 0)
    headers = [str(c).strip() if c is not None else "" for c in (rows[best_row] if rows else [])]
    # A header cell left empty under a merged cell takes the merged cell's title.
    for first_row, first_col, last_row, last_col in merged:
        if first_row <= best_row <= last_row or last_row == best_row - 1:
            # A row shorter than the merged range (a ragged sheet) has no title there.
            source = rows[first_row] if 0 <= first_row < len(rows) else ()
            value = source[first_col] if 0 <= first_col < len(source) else None
            title = str(value).strip() if value is not None else ""
            for col in range(first_col, min(last_col + 1, len(headers))):
                if not headers[col]:
                    headers[col] = title
    return HeaderGuess(best_row, headers, guess_mapping(headers))


def headers_key(headers: Sequence[str]) -> str:
    joined = "|".join(normalise_header(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()
