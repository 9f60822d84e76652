"""Undo of the shop owner's recent changes (Ctrl+Z), newest first."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retainer.events import Change

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass
class UndoStep:
    label: str                         # "Undo delete of Anna Petrova"
    revert: Callable[[Session], Change]


class UndoStack:
    LIMIT = 50

    def __init__(self) -> None:
        self._steps: list[UndoStep] = []
        self._lock = threading.Lock()

    def push(self, step: UndoStep) -> None:
        with self._lock:
            self._steps.append(step)
            del self._steps[: -self.LIMIT]

    def pop(self) -> UndoStep | None:
        with self._lock:
            return self._steps.pop() if self._steps else None

    def peek_label(self) -> str | None:
        with self._lock:
            return self._steps[-1].label if self._steps else None

    def clear(self) -> None:
        with self._lock:
            self._steps.clear()
