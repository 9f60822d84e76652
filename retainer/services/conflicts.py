"""Two terminals editing the same customer: what each changed, and what clashes.

A card is saved against the version it was read at (``customers.version``). When another
terminal saved the customer in between, the three forms are compared field by field: the one
read, the one typed here ("mine") and the one now in the base ("theirs").

- A field only they changed keeps their value; a field only I changed takes mine.
- A field both changed, to different values, is a clash: nothing is saved, and the owner is
  told which fields, with both values, and chooses (:class:`EditConflict`).

Never a silent overwrite, and no question when the two edits touch different fields.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from retainer.i18n import QT_TR_NOOP, tr
from retainer.rules.dates import format_date
from retainer.rules.validation import CleanCustomer, CustomerForm

# Each field of the form with its label on the card (the same words, so one translation).
LABELS = {
    "name": QT_TR_NOOP("Name"), "phones": QT_TR_NOOP("Phone"), "email": QT_TR_NOOP("E-mail"),
    "birthday": QT_TR_NOOP("Birthday"), "city": QT_TR_NOOP("City"),
    "address": QT_TR_NOOP("Address"), "card_number": QT_TR_NOOP("Card number"),
    "tags": QT_TR_NOOP("Tags"), "source": QT_TR_NOOP("Came from"),
    "referred_by_id": QT_TR_NOOP("Referred by"),
    "consent_to_messages": QT_TR_NOOP("Agreed to receive messages"),
    "do_not_call": QT_TR_NOOP("Do not call"), "notes": QT_TR_NOOP("Notes"),
}


@dataclass(frozen=True)
class Clash:
    field: str
    label: str    # in the owner's language
    theirs: str   # as the card shows it
    mine: str


class EditConflict(Exception):
    """Another terminal saved this customer while the card was open here, and changed some
    of the same fields. Nothing was saved. ``version`` is the base's version now: saving
    again against it keeps the form's values."""

    def __init__(self, name: str, clashes: list[Clash], version: int) -> None:
        self.name, self.clashes, self.version = name, clashes, version
        lines = "\n".join(tr("{field}: “{theirs}” there, “{mine}” here").format(
            field=c.label, theirs=c.theirs, mine=c.mine) for c in clashes)
        super().__init__(tr(
            "While this card was open, {name} was changed and saved on another terminal. Both "
            "of you changed:\n{lines}\nNothing was saved yet.").format(name=name, lines=lines))


def _key(clean: CleanCustomer, name: str):
    value = getattr(clean, name)
    if name == "tags":
        return sorted(t.casefold() for t in value)
    return value


def merged(read: CleanCustomer, mine: CleanCustomer,
           theirs: CleanCustomer) -> tuple[CleanCustomer, list[str]]:
    """Their saved customer with my changes on top, and the fields that clash."""
    taken, clashing = {}, []
    for f in fields(CleanCustomer):
        was, ours, now = (_key(c, f.name) for c in (read, mine, theirs))
        if ours == was:
            continue          # not touched here: theirs stands
        taken[f.name] = getattr(mine, f.name)
        if now != was and now != ours:
            clashing.append(f.name)
    return replace(theirs, **taken), clashing


def shown(form: CustomerForm, name: str, names: dict[int, str]) -> str:
    """One field of a form as the card shows it."""
    value = getattr(form, name)
    if name == "consent_to_messages" or name == "do_not_call":
        return tr("yes") if value else tr("no")
    if name == "birthday":
        return format_date(value) if value else ""
    if name == "referred_by_id":
        return names.get(value, "") if value else ""
    if isinstance(value, list):
        return ", ".join(value)
    return value or ""


def clashes_of(clashing: list[str], mine: CustomerForm, theirs: CustomerForm,
               names: dict[int, str]) -> list[Clash]:
    return [Clash(name, tr(LABELS[name]), shown(theirs, name, names), shown(mine, name, names))
            for name in clashing]
