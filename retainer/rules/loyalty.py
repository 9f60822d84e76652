"""Loyalty tiers: rules over what Retainer knows of a customer (docs/figures.md, "Loyalty tiers").

A tier asks for up to three things, all of which must hold: a total spent, a number of
purchases, and a tenure — days since the first purchase. Opening histories from imports count
in all three (the summary figures include them). The tiers are ranked, lowest first; a
customer is in the highest tier whose rule they meet, or in none.

Tiers are checked as they are typed: each tier above another must ask for at least as much in
every measure the lower one sets, and for more in at least one; otherwise the higher tier
would take customers the lower one cannot hold, or the two would be the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from retainer.i18n import QT_TR_NOOP, tr


@dataclass(frozen=True)
class Tier:
    name: str
    discount_percent: float = 0.0
    min_spent_cents: int | None = None
    min_purchases: int | None = None
    min_tenure_days: int | None = None

    def asks(self) -> dict[str, int]:
        """The measures this tier sets, by name."""
        return {k: v for k, v in (("spent", self.min_spent_cents), ("purchases", self.min_purchases),
                                  ("tenure", self.min_tenure_days)) if v is not None}


@dataclass(frozen=True)
class Figures:
    """What a tier rule reads of one customer."""
    spent_cents: int
    purchases: int
    first_purchase_day: int | None  # date.toordinal(); None without a dated purchase


def meets(tier: Tier, figures: Figures, today: int) -> bool:
    """All the tier asks for holds (a tier that asks for nothing holds for nobody)."""
    if not tier.asks():
        return False
    if tier.min_spent_cents is not None and figures.spent_cents < tier.min_spent_cents:
        return False
    if tier.min_purchases is not None and figures.purchases < tier.min_purchases:
        return False
    return tier.min_tenure_days is None or (
        figures.first_purchase_day is not None
        and today - figures.first_purchase_day >= tier.min_tenure_days)


def tier_of(tiers: Sequence[Tier], figures: Figures, today: int) -> int | None:
    """The index (into ``tiers``, lowest first) of the highest tier met, or None."""
    for index in range(len(tiers) - 1, -1, -1):
        if meets(tiers[index], figures, today):
            return index
    return None


MEASURES = {"spent": QT_TR_NOOP("total spent"), "purchases": QT_TR_NOOP("purchases"),
            "tenure": QT_TR_NOOP("days with us")}


def problems(tiers: Sequence[Tier]) -> dict[int, str]:
    """What is wrong with each tier (by index), in words for the owner; empty when sound."""
    found: dict[int, str] = {}
    names = [t.name.strip().casefold() for t in tiers]
    for i, tier in enumerate(tiers):
        if not tier.name.strip():
            found[i] = tr("Give the tier a name.")
        elif names.index(names[i]) != i:
            found[i] = tr("Another tier is already called “{name}”.").format(name=tier.name.strip())
        elif not 0 <= tier.discount_percent <= 100:
            found[i] = tr("The discount must be between 0 and 100 %.")
        elif any(v < 0 for v in tier.asks().values()):
            found[i] = tr("The amounts cannot be below zero.")
        elif not tier.asks():
            found[i] = tr("Set at least one of: total spent, purchases, days with us.")
    for i in range(1, len(tiers)):
        if i in found or i - 1 in found:
            continue
        lower, higher = tiers[i - 1].asks(), tiers[i].asks()
        less = [k for k, v in lower.items() if k not in higher or higher[k] < v]
        if less:
            found[i] = tr("{tier} is above {lower} but asks for less ({measure}): ask for at "
                          "least as much, or move it below.").format(
                tier=tiers[i].name, lower=tiers[i - 1].name, measure=tr(MEASURES[less[0]]))
        elif higher == lower:
            found[i] = tr("{tier} asks for the same as {lower}: ask for more in one "
                          "measure.").format(tier=tiers[i].name, lower=tiers[i - 1].name)
    return found


def defaults() -> list[Tier]:
    """Tiers a shop can use on its first day, lowest first."""
    return [
        Tier(tr("Silver", "a loyalty tier"), 5, min_purchases=5),
        Tier(tr("Gold", "a loyalty tier"), 10, min_spent_cents=30_000, min_purchases=15,
             min_tenure_days=365),
    ]
