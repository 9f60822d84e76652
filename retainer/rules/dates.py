"""Reading dates the way people type them: 31.12.2024, 31/12/2024, 2024-12-31, 31.12.24."""

from __future__ import annotations

import re
from datetime import date

from retainer.i18n import tr

_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$")


def parse_date(text: str, today: date | None = None) -> date | None:
    """None for an empty text; ValueError with a plain message for anything unreadable."""
    raw = (text or "").strip()
    if not raw:
        return None
    match = _YMD.match(raw)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.match(raw)
        if not match:
            raise ValueError(tr("“{text}” is not a date; type it like 31.12.1990.").format(text=raw))
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            # Two-digit years: the most recent year with those digits that is not in the future.
            this_year = (today or date.today()).year
            year += (this_year // 100) * 100
            if year > this_year:
                year -= 100
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(tr("“{text}” is not a real date.").format(text=raw)) from exc


def format_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""
