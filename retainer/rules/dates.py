"""Reading dates the way people type them: 31.12.2024, 31/12/2024, 2024-12-31, 31.12.24."""

from __future__ import annotations

import re
from datetime import date, datetime

from retainer.i18n import spoken, tr

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


# The short date of each language, as Qt's and Excel's locales write it: 01.12.2026 in
# Russian, 2026-12-01 in Lithuanian, 01/12/2026 in English (day first, as in Europe).
DATE_PATTERNS = {"ru": "%d.%m.%Y", "lt": "%Y-%m-%d", "en": "%d/%m/%Y"}
MONTH_PATTERNS = {"ru": "%m.%Y", "lt": "%Y-%m", "en": "%m/%Y"}
SHORT_MONTH_PATTERNS = {"ru": "%m.%y", "lt": "%y-%m", "en": "%m/%y"}
DAY_MONTH_PATTERNS = {"ru": "%d.%m", "lt": "%m-%d", "en": "%d/%m"}
# The same as Excel number formats, for the cells of an exported workbook.
EXCEL_DATE = {"ru": "dd.mm.yyyy", "lt": "yyyy-mm-dd", "en": "dd/mm/yyyy"}


def _pattern(patterns: dict[str, str], language: str | None) -> str:
    return patterns.get(language or spoken(), patterns["en"])


def format_date(value: date | None, language: str | None = None) -> str:
    """A day the language's way (default: the language spoken now); empty for None."""
    return value.strftime(_pattern(DATE_PATTERNS, language)) if value else ""


def format_date_time(value: datetime | None, language: str | None = None) -> str:
    return f"{format_date(value, language)} {value:%H:%M}" if value else ""


def format_month(value: date, language: str | None = None, short: bool = False) -> str:
    """12.2026 (or 12.26 with ``short``) in Russian, 2026-12 in Lithuanian, 12/2026 in English."""
    return value.strftime(_pattern(SHORT_MONTH_PATTERNS if short else MONTH_PATTERNS, language))


def format_day_month(value: date, language: str | None = None) -> str:
    """A birthday's day without its year: 01.12, 12-01, 01/12."""
    return value.strftime(_pattern(DAY_MONTH_PATTERNS, language))


def excel_date_format(with_time: bool = False, language: str | None = None) -> str:
    return _pattern(EXCEL_DATE, language) + (" hh:mm" if with_time else "")
