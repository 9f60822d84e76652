"""One announcement after every write: what changed, so each view decides whether to refresh."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

CUSTOMERS = "customers"
PURCHASES = "purchases"
CONTACTS = "contacts"
REMINDERS = "reminders"
FEEDBACK = "feedback"
SETTINGS = "settings"
SEGMENTS = "segments"  # saved segments and outreaches
EVERY_KIND = (CUSTOMERS, PURCHASES, CONTACTS, REMINDERS, FEEDBACK, SETTINGS, SEGMENTS)


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str]
    customer_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: str, customer_ids=()) -> Change:
        return cls(frozenset(kinds), frozenset(customer_ids))

    @classmethod
    def merge(cls, changes: list[Change]) -> Change | None:
        """Several announcements of one operation as one; None when nothing changed."""
        if not changes:
            return None
        return cls(frozenset().union(*(c.kinds for c in changes)),
                   frozenset().union(*(c.customer_ids for c in changes)))


_collected = threading.local()


@contextmanager
def collecting() -> Iterator[list[Change]]:
    """While this thread runs one operation, its announcements are gathered here instead of
    reaching the listeners, so that the caller can make them one (and say who made it)."""
    outer = getattr(_collected, "changes", None)
    _collected.changes = made = []
    try:
        yield made
    finally:
        _collected.changes = outer
        if outer is not None:
            outer.extend(made)


class ChangeHub:
    def __init__(self) -> None:
        self._listeners: list[Callable[[Change], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def publish(self, change: Change) -> None:
        gathering = getattr(_collected, "changes", None)
        if gathering is not None:
            gathering.append(change)
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
