"""Message templates: the text of an outreach, filled in for each customer.

A template is the owner's own words with placeholders in braces — "Hello {first_name}, we
miss you: {discount} off until Sunday". The placeholders are the ones below; anything else in
braces is named before a single message goes out. Numbers of days come in the language's own
plural ("45 дней", "21 diena"), dates in its own format.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date

from retainer.i18n import QT_TR_NOOP, tr
from retainer.rules.dates import format_date

# Each placeholder, with what it becomes (shown beside the template while it is written).
PLACEHOLDERS = {
    "first_name": QT_TR_NOOP("the first word of the customer's name"),
    "name": QT_TR_NOOP("the customer's whole name"),
    "tier": QT_TR_NOOP("their loyalty tier, e.g. Gold"),
    "discount": QT_TR_NOOP("their tier's discount, e.g. 10 %"),
    "days_since_last_purchase": QT_TR_NOOP("how long since their last purchase: 45 days"),
    "last_purchase_date": QT_TR_NOOP("the date of their last purchase"),
}


@dataclass(frozen=True)
class Recipient:
    """What a template can say of one customer."""

    name: str
    tier: str = ""
    discount: str = ""
    last_purchase: date | None = None


class TemplateProblem(ValueError):
    """What is wrong with a template, in words that name it."""


def problems(template: str) -> list[str]:
    """Everything wrong with the template, each in plain words; empty when it can be sent."""
    if not template.strip():
        return [tr("Write the message first.")]
    found: list[str] = []
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return [tr("A brace {open} or {close} has no partner. Placeholders are written like "
                   "{example}; to write a brace itself, type it twice.").format(
                       open="“{”", close="“}”", example="{first_name}")]
    for _text, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in PLACEHOLDERS:
            message = tr("“{{{field}}}” is not a placeholder Retainer knows. It knows: {known}.") \
                .format(field=field, known=", ".join("{" + p + "}" for p in PLACEHOLDERS))
            if message not in found:
                found.append(message)
        elif spec or conversion:
            found.append(tr("Write “{{{field}}}” without anything after the name.").format(field=field))
    return found


def first_name(name: str) -> str:
    words = name.split()
    return words[0] if words else ""


def days_text(days: int) -> str:
    return tr("%Ln days", "since the last purchase", days)


def render(template: str, who: Recipient, today: date) -> str:
    """The template filled in for one customer. A placeholder with nothing to say (no tier, no
    purchase yet) becomes empty; a template with problems raises :class:`TemplateProblem`."""
    found = problems(template)
    if found:
        raise TemplateProblem(found[0])
    since = (today - who.last_purchase).days if who.last_purchase else None
    values = {
        "first_name": first_name(who.name),
        "name": who.name,
        "tier": who.tier,
        "discount": who.discount,
        "days_since_last_purchase": days_text(since) if since is not None else "",
        "last_purchase_date": format_date(who.last_purchase) if who.last_purchase else "",
    }
    return template.format_map(values).strip()
