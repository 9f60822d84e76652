"""The card's Loyalty tab: each move between tiers, newest first (services/loyalty.py)."""

from __future__ import annotations

from retainer.i18n import tr
from retainer.services.records import TierChangeRow
from retainer.ui.formatting import date_time
from retainer.ui.records_model import Column, RecordsModel


def tier_log_model(parent) -> RecordsModel[TierChangeRow]:
    none = tr("no tier")
    return RecordsModel[TierChangeRow]([
        Column(tr("When"), lambda r: date_time(r.changed_at)),
        Column(tr("From"), lambda r: r.from_tier or none),
        Column(tr("To"), lambda r: r.to_tier or none)], parent)
