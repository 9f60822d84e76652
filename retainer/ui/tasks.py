"""All database work runs on one background thread; results come back to the GUI thread.

Like Anki's task manager, one single-thread executor serialises every call into the services,
so the window never waits on the database and no two writes race. Every exception reaches the
failure callback, so nothing is left half-done on screen.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
_DELETED = "already deleted"  # how PySide words a call on a widget Qt has destroyed


def _ignore(_value: Any) -> None:
    pass


class Tasks(QObject):
    _finished = Signal(object, object)  # callback, value

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        # One lane per kind of work, each a single thread that runs its jobs in order. What
        # the user waits for (a search, a save) has the "db" lane to itself; the call list
        # and the churn model's fit run on their own lanes, so nothing typed waits behind them.
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._pending = 0  # jobs submitted whose result is not delivered yet (GUI thread only)
        self._finished.connect(self._deliver)
        self.on_unhandled_error: Callback = lambda exc: log.error("unhandled: %r", exc)

    def run(self, work: Callable[[], Any], on_done: Callback | None = None,
            on_error: Callback | None = None, lane: str = "db") -> None:
        def job() -> None:
            try:
                value = work()
            except Exception as exc:  # noqa: BLE001 - every failure goes to a callback
                log.debug("task failed", exc_info=True)
                self._finished.emit(on_error or self.on_unhandled_error, exc)
            else:
                self._finished.emit(on_done or _ignore, value)

        if self.synchronous:
            job()
            return
        self._pending += 1
        executor = self._lanes.get(lane)
        if executor is None:
            executor = self._lanes[lane] = ThreadPoolExecutor(1, f"retainer-{lane}")
        executor.submit(job)

    def idle(self) -> bool:
        """True when every job submitted has finished and its result was handed over."""
        return self._pending == 0

    def _deliver(self, callback: Callback, value: Any) -> None:
        if not self.synchronous:
            self._pending -= 1
        try:
            callback(value)
        except RuntimeError as exc:
            if _DELETED in str(exc):  # the window it was for closed meanwhile: nobody to tell
                log.debug("a result arrived for a closed window: %s", exc)
                return
            self._report(callback, exc)
        except Exception as exc:  # noqa: BLE001
            self._report(callback, exc)

    def _report(self, callback: Callback, exc: Exception) -> None:
        log.error("a result could not be shown", exc_info=exc)
        if callback is not self.on_unhandled_error:
            self.on_unhandled_error(exc)

    def shutdown(self) -> None:
        for executor in self._lanes.values():
            executor.shutdown(wait=True, cancel_futures=True)
