"""Plain data handed to the UI: no database objects ever leave the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from retainer.rules.status import Status
from retainer.rules.validation import CustomerForm


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    phone: str | None          # E.164
    status: Status
    last_purchase_at: datetime | None
    purchase_count: int
    total_spent_cents: int
    tags: str
    last_purchase_day: int | None = None
    median_gap_days: float | None = None
    tier: str = ""                 # the loyalty tier's name, or nothing


@dataclass(frozen=True)
class PurchaseRow:
    id: int
    purchased_at: datetime
    amount_cents: int
    items: str | None
    comment: str | None


@dataclass(frozen=True)
class ContactRow:
    id: int
    contacted_at: datetime
    channel: str
    outcome: str
    notes: str | None


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    given_on: date
    nps_score: int | None
    comment: str | None
    is_complaint: bool
    resolution: str | None
    churn_reason: str | None


@dataclass(frozen=True)
class ReminderRow:
    id: int
    due_on: date
    reason: str
    state: str
    snoozed_until: date | None
    note: str | None


@dataclass(frozen=True)
class TierChangeRow:
    changed_at: datetime
    from_tier: str | None
    to_tier: str | None


@dataclass(frozen=True)
class CustomerCard:
    id: int
    form: CustomerForm            # phones shown in international format, ready to edit
    status: Status
    status_reason: str
    created_at: datetime
    deleted: bool
    referred_by_name: str | None
    first_purchase_at: datetime | None
    last_purchase_at: datetime | None
    purchase_count: int
    total_spent_cents: int
    purchases: list[PurchaseRow]
    contacts: list[ContactRow]
    feedback: list[FeedbackRow]
    reminders: list[ReminderRow]
    version: int = 1              # saving the form again checks it (services/conflicts.py)
    consent_date: date | None = None
    erased: bool = False          # erased on request: personal fields blank, figures kept
    tier: str = ""                # "Gold, 10 % off" (services/loyalty.py), or nothing
    tier_changes: tuple[TierChangeRow, ...] = ()  # newest first
