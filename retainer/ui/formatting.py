"""How values look on screen, in the user's locale."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QColor

from retainer.rules.status import Status
from retainer.ui.style import colour

# The colours are the stylesheet's (resources/style/retainer.qss).
STATUS_COLORS = {
    Status.AT_RISK: QColor(colour("amber")),
    Status.LAPSED: QColor(colour("red")),
    Status.NEW: QColor(colour("blue")),
    Status.ACTIVE: QColor(colour("green")),
    Status.PROSPECT: QColor(colour("grey")),
    Status.LOST: QColor(colour("grey")),
}


def ui_locale() -> QLocale:
    """The user's locale; the bare C locale (no language set) reads best as day.month.year."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return ui_locale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def date_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return f"{short_date(value)} {value:%H:%M}"
