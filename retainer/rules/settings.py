"""The typed registry of the shop's settings, stored in the base's ``settings`` table.

Each key is declared once with its type, default and bounds; services read and write through
:class:`Settings`, never with raw key strings.
"""

from __future__ import annotations

import json
import locale
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from retainer.i18n import tr
from retainer.rules.phones import SUPPORTED_REGIONS

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    default: T
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None

    def check(self, value: Any) -> T:
        kind = type(self.default)
        if kind is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValueError(tr("{key} must be a {kind}.").format(key=self.name, kind=kind.__name__))
        if self.minimum is not None and value < self.minimum:
            raise ValueError(tr("{key} must be at least {min}.").format(key=self.name, min=self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise ValueError(tr("{key} must be at most {max}.").format(key=self.name, max=self.maximum))
        if self.choices is not None and value not in self.choices:
            raise ValueError(tr("{key} cannot be {value}.").format(key=self.name, value=value))
        return value


def system_region() -> str | None:
    """The country of the computer's language setting, if Retainer knows its numbers."""
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    country = name.split("_")[1][:2].upper() if "_" in name else ""
    return country if country in SUPPORTED_REGIONS else None


def _guess_region() -> str:
    return system_region() or "RU"


CURRENCIES = ("EUR", "RUB", "GBP", "USD", "PLN", "KZT", "BYN", "UAH")

LAPSE_DAYS = Key("lapse_days", 90, minimum=7, maximum=3650)
RISK_FACTOR = Key("risk_factor", 2.0, minimum=1.0, maximum=10.0)
DEFAULT_REGION = Key("default_region", "RU", choices=SUPPORTED_REGIONS)
CURRENCY = Key("currency", "EUR", choices=CURRENCIES)

COOLDOWN_DAYS = Key("cooldown_days", 14, minimum=1, maximum=365)
BIRTHDAY_DAYS_AHEAD = Key("birthday_days_ahead", 3, minimum=0, maximum=60)
WINBACK_DAYS = Key("winback_days", 180, minimum=30, maximum=3650)
# Calls to customers drifting away that Today holds for one day: about an hour's calling.
DAILY_CALLS = Key("daily_calls", 20, minimum=1, maximum=500)

# Backups kept by the rotation: the newest of each of this many days, weeks and months.
BACKUPS_DAILY = Key("backups_daily", 7, minimum=1, maximum=90)
BACKUPS_WEEKLY = Key("backups_weekly", 4, minimum=0, maximum=104)
BACKUPS_MONTHLY = Key("backups_monthly", 12, minimum=0, maximum=240)

ALL_KEYS: tuple[Key, ...] = (LAPSE_DAYS, RISK_FACTOR, DEFAULT_REGION, CURRENCY, COOLDOWN_DAYS,
                             BIRTHDAY_DAYS_AHEAD, WINBACK_DAYS, DAILY_CALLS, BACKUPS_DAILY,
                             BACKUPS_WEEKLY, BACKUPS_MONTHLY)


@dataclass(frozen=True)
class ShopSettings:
    """A snapshot of the settings, passed to pure functions."""

    lapse_days: int = LAPSE_DAYS.default
    risk_factor: float = RISK_FACTOR.default
    default_region: str = DEFAULT_REGION.default
    currency: str = CURRENCY.default
    cooldown_days: int = COOLDOWN_DAYS.default        # no automatic call this soon after a contact
    birthday_days_ahead: int = BIRTHDAY_DAYS_AHEAD.default  # 0: no birthday reminders
    winback_days: int = WINBACK_DAYS.default          # longer silent than this: not called any more
    daily_calls: int = DAILY_CALLS.default            # drifting customers on Today, a day
    backups_daily: int = BACKUPS_DAILY.default
    backups_weekly: int = BACKUPS_WEEKLY.default
    backups_monthly: int = BACKUPS_MONTHLY.default


def decode(key: Key[T], stored: str | None) -> T:
    if stored is None:
        return key.default
    try:
        return key.check(json.loads(stored))
    except (ValueError, TypeError):
        return key.default


def encode(key: Key[T], value: T) -> str:
    return json.dumps(key.check(value))


def first_run_defaults() -> dict[str, Any]:
    """Defaults that depend on the computer's language, fixed when a base is created."""
    region = _guess_region()
    currency = {"RU": "RUB", "GB": "GBP", "US": "USD", "PL": "PLN", "KZ": "KZT",
                "BY": "BYN", "UA": "UAH"}.get(region, "EUR")
    return {DEFAULT_REGION.name: region, CURRENCY.name: currency}
