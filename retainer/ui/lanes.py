"""The worker threads behind the window: plain Python, no Qt.

A lane is one thread that runs its jobs in the order they were asked for. Every write to the
base runs on the one ``write`` lane, so two writes never race and none ever meets "database
is locked"; reads run on lanes of their own so that a search never waits behind a write.

What a worker may hold matters as much as what it may call. When a Python object's last
reference goes, it is freed in whichever thread let it go; for a Qt wrapper that means its
C++ side, and for a callable connected to a signal it means PySide disconnecting that
signal — a Qt call that takes the sender's lock and then waits for the interpreter lock.
Done on a worker while the GUI thread, holding the interpreter lock, emits the same signal,
it deadlocks (the import window that hung on "Importing…"). So a worker never holds the last
reference to anything: the job's callable stays in the caller's registry on the GUI thread,
the worker lets go of its own references to the callable and to the result before it says
the result is ready, and it says so with the job's number only.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

WRITE = "write"
READ = "read"
# The start-up and hourly work nobody waits for (the reminders' look at the base, the model
# fit): its thread runs at a lower priority, so that on a busy machine the window comes first.
# So do the list's counts ("1,234 customers"): the rows of the next keystroke come before them.
BACKGROUND = "background"
COUNT = "count"
LOW_PRIORITY = {BACKGROUND, COUNT}


class Lane:
    """One thread, one queue. ``ready(number)`` is called on the worker when a result waits
    in ``results``; it must only queue a notice for the GUI thread."""

    def __init__(self, name: str, results: Results, ready: Callable[[int], None]) -> None:
        self.name = name
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self.running: int | None = None  # the job under way, read by the GUI thread at close
        self._results = results
        self._ready = ready
        # Named like a one-thread executor's worker, as the logs and tests know them.
        self._thread = threading.Thread(target=self._loop, name=f"retainer-{name}_0", daemon=True)
        self._thread.start()

    def submit(self, number: int, work: Callable[[], Any]) -> None:
        self._queue.put((number, work))

    def stop(self) -> None:
        self._queue.put(None)

    def join(self, timeout: float | None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        if self.name in LOW_PRIORITY:
            lower_thread_priority()
        while True:
            item = self._queue.get()
            if item is None:
                return
            number, work = item
            item = None
            self.running = number
            try:
                value, ok = work(), True
            except BaseException as exc:  # noqa: BLE001 - a Rust panic is a BaseException too
                log.debug("job %s on %s failed", number, self.name, exc_info=True)
                if exc.__traceback__ is not None:  # not this loop's own frame
                    exc.__traceback__ = exc.__traceback__.tb_next
                value, ok = exc, False
            work = None
            self.running = None
            self._results.put(number, ok, value)
            value = None
            try:
                self._ready(number)
            except RuntimeError:  # the window's tasks are gone (it closed): nobody waits now
                log.debug("%s lane: result %s not wanted after close", self.name, number)
                return


class Load:
    """How many jobs each lane has waiting or running, counted on the GUI thread and read by
    workers: background work gives way while the window's own reads are under way."""

    def __init__(self) -> None:
        self.pending: dict[str, int] = {}
        self.stopping = False  # the window is closing: background work stops at its next turn

    def add(self, lane: str, n: int) -> None:
        self.pending[lane] = self.pending.get(lane, 0) + n

    def give_way(self, lanes: tuple[str, ...], longest: float = 0.25) -> None:
        """On a worker: wait while any of ``lanes`` is busy, for ``longest`` seconds at most."""
        import time

        deadline = time.monotonic() + longest
        while any(self.pending.get(lane, 0) > 0 for lane in lanes) and time.monotonic() < deadline:
            if self.stopping:
                break
            time.sleep(0.005)
        if self.stopping:
            raise CancelledByUser()


class Results:
    """Finished jobs' outcomes, handed from the workers to the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done: dict[int, tuple[bool, Any]] = {}

    def put(self, number: int, ok: bool, value: Any) -> None:
        with self._lock:
            self._done[number] = (ok, value)

    def take(self, number: int) -> tuple[bool, Any] | None:
        with self._lock:
            return self._done.pop(number, None)


class CancelledByUser(Exception):
    """The owner pressed Cancel; the work's generator was closed and changed nothing."""


class Progress:
    """The newest step of long work, written by the worker and read by the GUI thread's timer.
    One tuple assignment, so a reader never sees half of it."""

    def __init__(self) -> None:
        self.step: tuple[int, int] = (0, 0)


def drive(make: Callable[[], Any], cancel: threading.Event, progress: Progress) -> Any:
    """Run a core generator to its end, noting each step; close it when Cancel is asked for."""
    steps = make()
    try:
        while True:
            if cancel.is_set():
                steps.close()
                raise CancelledByUser()
            step = next(steps)
            progress.step = (int(getattr(step, "done", 0)), int(getattr(step, "total", 0)))
    except StopIteration as finished:
        return finished.value


def lower_thread_priority() -> None:
    """Let the calling thread give way to the others of the machine, the GUI thread first.

    The interpreter lock is not the only thing shared: on two cores, a model fit and a query
    take both, and the window's search waits for a core. A background thread asks the system
    for less (Linux: a nice value per thread; Windows: below-normal priority; macOS: the
    "utility" quality of service). Where that is not allowed, nothing changes."""
    import os
    import sys

    try:
        if sys.platform.startswith("linux"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        elif sys.platform == "win32":
            import ctypes

            kernel = ctypes.windll.kernel32
            kernel.SetThreadPriority(kernel.GetCurrentThread(), -1)  # THREAD_PRIORITY_BELOW_NORMAL
        elif sys.platform == "darwin":
            import ctypes

            libc = ctypes.CDLL("/usr/lib/libSystem.dylib")
            libc.pthread_set_qos_class_self_np(0x11, 0)  # QOS_CLASS_UTILITY
    except (OSError, AttributeError, ValueError):
        log.debug("the background lane keeps its priority", exc_info=True)
