"""Reading cell values the way they come in real files, each into what Retainer stores.

Every reader returns the value or raises ValueError with a message for the problem list.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from retainer.i18n import tr
from retainer.rules import phones
from retainer.rules.dates import parse_date
from retainer.rules.money import parse_amount

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1 January 1900 (Excel's 1900 date system)
_TIME = re.compile(r"^(.*?)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
YES = {"да", "д", "yes", "y", "taip", "t", "1", "true", "истина", "+", "x", "✓", "✔", "v"}
NO = {"нет", "н", "no", "n", "ne", "0", "false", "ложь", "-"}


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str:
    """A cell as text: 12345.0 from a number cell is "12345"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def phone(value: Any, region: str) -> str:
    raw = text(value)
    if isinstance(value, (int, float)) and len(raw) >= 11 and not raw.startswith("8"):
        # A number cell has lost its "+": 79161234567 is far more often +7 916 than a
        # national number; trying that first saves a second parse for most such cells.
        try:
            return phones.normalise("+" + raw, region)
        except phones.PhoneError:
            pass
    try:
        return phones.normalise(raw, region)
    except phones.PhoneError:
        digits = phones.digits(raw)
        # Excel keeps +7 916 ... typed into a number cell as 79161234567: try it with its +.
        if digits and not raw.startswith("+") and len(digits) >= 10:
            try:
                return phones.normalise("+" + digits, region)
            except phones.PhoneError:
                pass
        raise


def _serial(value: float) -> datetime:
    if not 1 <= value < 2958466:
        raise ValueError(tr("{value} is not a date.").format(value=text(value)))
    return datetime.combine(EXCEL_EPOCH, time()) + timedelta(days=float(value))


def day(value: Any, today: date | None = None) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(value).date()
    raw = text(value)
    match = _TIME.match(raw)
    parsed = parse_date(match.group(1) if match else raw, today)
    if parsed is None:
        raise ValueError(tr("Empty date."))
    return parsed


def moment(value: Any, today: date | None = None) -> datetime:
    """A purchase's date and time; a date alone means noon, so time zones never shift the day."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time(12))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        stamp = _serial(value).replace(microsecond=0)
        return stamp if stamp.time() != time() else stamp.replace(hour=12)
    raw = text(value)
    match = _TIME.match(raw)
    if match:
        when = day(match.group(1), today)
        return datetime.combine(when, time(int(match.group(2)), int(match.group(3)),
                                           int(match.group(4) or 0)))
    return datetime.combine(day(raw, today), time(12))


def money(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(tr("“{value}” is not an amount of money.").format(value=value))
    if isinstance(value, (int, float)):
        return int(round(value * 100))
    return parse_amount(text(value))


def count(value: Any) -> int:
    """A number of purchases or visits: a whole number, zero or more."""
    if isinstance(value, bool):
        raise ValueError(tr("“{value}” is not a number of purchases.").format(value=value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        raw = text(value).replace("\u00a0", "").replace(" ", "")
        if not raw.isdigit():
            raise ValueError(tr("“{value}” is not a number of purchases.").format(value=text(value)))
        number = int(raw)
    if number < 0 or number > 100_000:
        raise ValueError(tr("“{value}” is not a number of purchases.").format(value=text(value)))
    return number


def flag(value: Any) -> bool:
    raw = text(value).casefold()
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise ValueError(tr("“{value}” is neither yes nor no.").format(value=text(value)))


def tag_list(value: Any) -> list[str]:
    return [t.strip() for t in re.split(r"[,;/|]", text(value)) if t.strip()]
