"""How values look on screen, in the user's locale."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QColor

from retainer.rules.dates import format_date, format_date_time
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


def short_date(value: date | datetime | None) -> str:
    """A day the way the window's language writes it (rules.dates, shared with the command
    line and the export): 01.12.2026, 2026-12-01, 01/12/2026."""
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value)


def date_time(value: datetime | None) -> str:
    return format_date_time(value)
