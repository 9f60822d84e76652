"""Where the window's work runs: lanes for reads, one lane for writes, results on the GUI thread.

The UI starts work through operations (``ui/operations.py``); this is what they stand on.
``run`` hands a plain callable to a lane (``ui/lanes.py``) and keeps the job — the callable,
its callbacks and the widget that owns it — here, on the GUI thread, until its result is
delivered by a queued signal. A result whose owner is gone (the window was closed and
destroyed meanwhile) is dropped; every other failure reaches a callback, or is logged and
shown. Writes run one at a time on the ``write`` lane in the order asked; a write asked for
while long work (an import) holds that lane waits its turn, and ``write_waiting`` says so.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from retainer.ui.lanes import COUNT, READ, WRITE, CancelledByUser, Lane, Load, Results
from retainer.ui.operations import LongOperation, Operation

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
WRITES_FINISH_S = 10.0  # at close, how long the owner's write under way may take to finish
BACKGROUND_STOPS_S = 2.0  # and how long a background write is interrupted before it is waited for
# What the GUI thread puts off until the list's own reads are done waits at most 40 x 50 ms.
OWNERS_FIRST_MS, OWNERS_FIRST_TRIES = 50, 40


@dataclass
class _Job:
    work: Callable[[], Any] | None
    on_done: Callback | None
    on_error: Callback | None
    lane: str
    owner: QObject | None
    waits: str | None  # what a write queued behind this one shows ("Saving when …")
    on_drop: Callable[[], None] | None = None  # told when the result is dropped, owner gone
    background: bool = False  # cancelled at close, not waited for


class Tasks(QObject):
    changed = Signal(object, object)  # Change, and the widget whose operation made it (or None)
    write_waiting = Signal(str)  # "Saving when the import finishes…", or "" once nothing waits
    announced_by_core = Signal(object)  # a Change published outside any operation
    _ready = Signal(int)

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._lanes: dict[str, Lane] = {}
        self._results = Results()
        self.load = Load()  # jobs per lane, for background work to give way to the window's
        self._jobs: dict[int, _Job] = {}
        self._writes: list[int] = []  # write jobs not yet delivered, oldest first
        self._waiting_text = ""
        self._numbers = 0
        self.long_under_way: set = set()  # long operations, cancelled at shutdown
        # Stops the statements under way on the base (set by watch_writes): closing uses it
        # to cancel background work in the middle of a query.
        self.interrupt: Callable[[], object] | None = None
        self._ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.announced_by_core.connect(lambda change: self.changed.emit(change, None))
        self.on_unhandled_error: Callback = lambda exc: log.error("unhandled: %r", exc)

    # Operations -----------------------------------------------------------------------------
    def read(self, owner: QObject | None, work: Callable[[], Any], lane: str = READ):
        return Operation(self, owner, work, lane)

    def write(self, owner: QObject | None, work: Callable[[], Any]):
        return Operation(self, owner, work, WRITE)

    def long(self, owner: QObject | None, label: str, make: Callable[[], Any], *,
             writes: bool, waits: str | None = None):
        """Long work (a core generator yielding progress) behind a cancellable dialog."""
        return LongOperation(self, owner, label, make, WRITE if writes else "long", waits)

    # The lanes ------------------------------------------------------------------------------
    def run(self, work: Callable[[], Any], on_done: Callback | None = None,
            on_error: Callback | None = None, lane: str = READ, *,
            owner: QObject | None = None, waits: str | None = None,
            on_drop: Callable[[], None] | None = None, background: bool = False) -> None:
        if self.synchronous:
            try:
                value, ok = work(), True
            except Exception as exc:  # noqa: BLE001 - every failure goes to a callback
                value, ok = exc, False
            self._hand_over(_Job(None, on_done, on_error, lane, owner, waits, on_drop), ok, value)
            return
        self._numbers += 1
        number = self._numbers
        if background:
            work = partial(_unless_stopping, self.load, work)
        self._jobs[number] = _Job(work, on_done, on_error, lane, owner, waits, on_drop, background)
        self.load.add(lane, 1)
        if lane == WRITE:
            self._writes.append(number)
            self._update_waiting()
        found = self._lanes.get(lane)
        if found is None:
            found = self._lanes[lane] = Lane(lane, self._results, self._ready.emit)
        found.submit(number, work)

    def background_under_way(self) -> bool:
        """Background work (the start-up reminders, the model fit) is asked for or running."""
        return any(job.background for job in self._jobs.values())

    def reads_under_way(self, lanes: tuple[str, ...]) -> bool:
        """Jobs asked for on these lanes and not yet handed over."""
        return any(self.load.pending.get(lane, 0) > 0 for lane in lanes)

    def after_owners_reads(self, owner: QObject, then: Callable[[], None], tries: int = 0) -> None:
        """Run ``then`` once the list's own reads (a search being typed, its count) are done:
        what can wait a moment (the call list, the filters' choices) leaves the interpreter
        and the cores to them. Never put off for more than two seconds; dropped when
        ``owner`` is gone meanwhile."""
        if tries < OWNERS_FIRST_TRIES and self.reads_under_way((READ, COUNT)):
            QTimer.singleShot(OWNERS_FIRST_MS, owner,
                              lambda: self.after_owners_reads(owner, then, tries + 1))
            return
        then()

    def idle(self) -> bool:
        """True when every job asked for has finished and its result was handed over."""
        return not self._jobs

    def _deliver(self, number: int) -> None:
        job = self._jobs.pop(number, None)
        outcome = self._results.take(number)
        if job is not None:
            self.load.add(job.lane, -1)
        if job is None or outcome is None:
            return
        if job.lane == WRITE:
            self._writes.remove(number)
            self._update_waiting()
        self._hand_over(job, *outcome)

    def _hand_over(self, job: _Job, ok: bool, value: Any) -> None:
        if job.owner is not None and not shiboken6.isValid(job.owner):
            log.debug("a result arrived for a window that is gone; dropped")
            if job.on_drop is not None:
                job.on_drop()
            return
        callback = job.on_done if ok else (job.on_error or self.report)
        try:
            if callback is not None:
                callback(value)
        except Exception as exc:  # noqa: BLE001 - a broken callback is reported, not raised
            log.error("a result could not be shown", exc_info=exc)
            self.report(exc)

    def report(self, exc: BaseException) -> None:
        """A failure nobody handled: logged, and shown in plain words."""
        self.on_unhandled_error(exc)

    def _update_waiting(self) -> None:
        head = self._jobs.get(self._writes[0]) if self._writes else None
        text = head.waits if head is not None and head.waits and len(self._writes) > 1 else ""
        if text != self._waiting_text:
            self._waiting_text = text
            self.write_waiting.emit(text)

    def watch_writes(self, services, strict: bool = False) -> None:
        """Every write to the base must run on the write lane: one made elsewhere is logged
        with its stack (raised, when ``strict``, as the tests run it)."""
        def check() -> None:
            if self.synchronous or threading.current_thread().name == f"retainer-{WRITE}_0":
                return
            if strict:
                raise RuntimeError("a write to the base ran off the write lane")
            log.error("a write to the base ran off the write lane", stack_info=True)

        services.ctx.writer_check = check
        self.interrupt = services.ctx.db.interrupt

    def long_writes(self) -> list[str]:
        """What long work that writes is under way (its progress labels)."""
        return [op.label for op in self.long_under_way if op.lane == WRITE]

    def writes_waiting(self) -> str:
        return self._waiting_text

    def _interrupt_background(self, writer: Lane, within: float = BACKGROUND_STOPS_S) -> None:
        """Interrupt the background write under way until it gives up. An interrupt reaches
        only a statement that is running, and the work may be between two of them, so it is
        repeated; an owner's write that starts next is left to finish."""
        if self.interrupt is None:
            return
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            running = self._jobs.get(writer.running) if writer.running is not None else None
            if running is None or not running.background:
                return
            self.interrupt()
            writer.join(0.01)

    def shutdown(self, wait_for_writes: float = WRITES_FINISH_S) -> None:
        """Cancel long and background work and stop every lane. Reads are not waited for; the
        owner's write under way is given time to commit, a background one is interrupted and
        rolls back. Results not delivered yet are dropped."""
        self.load.stopping = True
        for operation in list(self.long_under_way):
            operation.cancel.set()
        for lane in self._lanes.values():
            lane.stop()
        writer = self._lanes.get(WRITE)
        if writer is not None:
            self._interrupt_background(writer)
            if not writer.join(wait_for_writes):
                log.warning("a write was still running when Retainer closed")
        if self.interrupt is not None:
            self.interrupt()  # reads still under way: their results are not wanted
        self._jobs.clear()
        self.load.pending.clear()
        self._writes.clear()


def _unless_stopping(load: Load, work: Callable[[], Any]) -> Any:
    """Background work that was still queued when the window closed does not start. (Plain
    values only: a worker never holds the Tasks object itself.)"""
    if load.stopping:
        raise CancelledByUser()
    return work()
