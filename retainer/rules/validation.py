"""Checking what the shop owner typed, field by field, before anything is saved.

Each problem is a message for the field it belongs to, so the card can show it beside that
field; a form with any problem saves nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from retainer.i18n import tr
from retainer.rules import phones

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
MAX_AMOUNT_CENTS = 100_000_000  # 1 000 000 in the shop's currency: larger is a typo
EARLIEST_DATE = date(1900, 1, 1)


class ValidationError(Exception):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass
class CustomerForm:
    """What the card's form holds; text as typed, before normalising."""

    name: str = ""
    phones: list[str] = field(default_factory=list)
    email: str = ""
    birthday: date | None = None
    city: str = ""
    address: str = ""
    card_number: str = ""
    tags: list[str] = field(default_factory=list)
    source: str = ""
    referred_by_id: int | None = None
    consent_to_messages: bool = False
    do_not_call: bool = False
    notes: str = ""


@dataclass
class CleanCustomer:
    name: str
    phones: list[str]
    email: str | None
    birthday: date | None
    city: str | None
    address: str | None
    card_number: str | None
    tags: list[str]
    source: str | None
    referred_by_id: int | None
    consent_to_messages: bool
    do_not_call: bool
    notes: str | None


def _blank_to_none(text: str) -> str | None:
    text = (text or "").strip()
    return text or None


def clean_customer(form: CustomerForm, region: str, today: date) -> CleanCustomer:
    errors: dict[str, str] = {}
    name = " ".join((form.name or "").split())
    if not name:
        errors["name"] = tr("Enter the customer's name.")
    elif len(name) > 200:
        errors["name"] = tr("The name is too long (at most 200 characters).")
    numbers: list[str] = []
    for raw in form.phones:
        if not (raw or "").strip():
            continue
        try:
            number = phones.normalise(raw, region)
        except phones.PhoneError as exc:
            errors["phones"] = str(exc)
            break
        if number not in numbers:
            numbers.append(number)
    email = _blank_to_none(form.email)
    if email is not None:
        email = email.lower()
        if not _EMAIL.match(email) or len(email) > 254:
            errors["email"] = tr("“{email}” is not an e-mail address (like name@example.com).").format(
                email=form.email.strip()
            )
    if form.birthday is not None:
        if form.birthday > today:
            errors["birthday"] = tr("The birthday cannot be in the future.")
        elif form.birthday < EARLIEST_DATE:
            errors["birthday"] = tr("The birthday is too far in the past.")
    tags: list[str] = []
    for tag in form.tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in {t.casefold() for t in tags}:
            if len(tag) > 60:
                errors["tags"] = tr("A tag is too long (at most 60 characters): “{tag}”.").format(tag=tag)
                break
            tags.append(tag)
    card = _blank_to_none(form.card_number)
    if card is not None and len(card) > 64:
        errors["card_number"] = tr("The card number is too long.")
    if errors:
        raise ValidationError(errors)
    return CleanCustomer(
        name=name,
        phones=numbers,
        email=email,
        birthday=form.birthday,
        city=_blank_to_none(form.city),
        address=_blank_to_none(form.address),
        card_number=card,
        tags=sorted(tags, key=str.casefold),
        source=_blank_to_none(form.source),
        referred_by_id=form.referred_by_id,
        consent_to_messages=form.consent_to_messages,
        do_not_call=form.do_not_call,
        notes=_blank_to_none(form.notes),
    )


def check_purchase(amount_cents: int, purchased_at: datetime, now: datetime) -> None:
    errors: dict[str, str] = {}
    if amount_cents < 0:  # 0 is a visit: paid with points, a free service, a warranty repair
        errors["amount"] = tr("The amount cannot be below zero; 0 records a free visit.")
    elif amount_cents > MAX_AMOUNT_CENTS:
        errors["amount"] = tr("The amount is too large; check for an extra zero.")
    # A purchase later today is fine (clocks differ); one tomorrow is a typo.
    if purchased_at.date() > now.date():
        errors["date"] = tr("The purchase date is in the future.")
    elif purchased_at.date() < EARLIEST_DATE or purchased_at < now - timedelta(days=365 * 50):
        errors["date"] = tr("The purchase date is too far in the past.")
    if errors:
        raise ValidationError(errors)
