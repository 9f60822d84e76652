"""One announcement after every write: what changed, so each view decides whether to refresh."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

CUSTOMERS = "customers"
PURCHASES = "purchases"
CONTACTS = "contacts"
REMINDERS = "reminders"
FEEDBACK = "feedback"
SETTINGS = "settings"


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str]
    customer_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: str, customer_ids=()) -> Change:
        return cls(frozenset(kinds), frozenset(customer_ids))


class ChangeHub:
    def __init__(self) -> None:
        self._listeners: list[Callable[[Change], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def publish(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
