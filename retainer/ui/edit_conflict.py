"""The question when another terminal saved the same customer, in the same fields, while the
card was open here (services/conflicts.py): whose values stay, or keep editing."""

from __future__ import annotations

from retainer.i18n import tr
from retainer.services import EditConflict
from retainer.ui.questions import choose

MINE, THEIRS = "mine", "theirs"


def wording(conflict: EditConflict) -> tuple[str, str, list[str]]:
    return (tr("Changed on another terminal"), str(conflict) + "\n\n" + tr(
        "Which values should stay? Every other change, here and there, is kept either way."),
        [tr("Keep mine"), tr("Keep theirs"), tr("Go on editing")])


def ask(parent, conflict: EditConflict) -> str | None:
    """"mine", "theirs", or None to go on editing (nothing is saved)."""
    return (MINE, THEIRS, None)[choose(parent, *wording(conflict))]
