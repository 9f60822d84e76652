"""Interpreter settings that keep the window answering while background lanes work.

Database queries, figures and chart drawing run on worker threads, but they share one
Python interpreter lock with the GUI thread:

- By default a waiting thread gets the lock after up to 5 ms, and a thread busy in many short
  C calls (matplotlib's text layout, for one) can keep it several times that long. A 1 ms
  switch interval hands the GUI thread its turn sooner, at a negligible cost in switching.
- The cycle collector's full passes walk every object the program holds; with Qt's
  wrappers, matplotlib and a large customer list that is 100–200 ms with the lock held.
  Objects made during start-up (and when the Dashboard first loads its charts) live as long
  as the program, so they are moved out of the collector's sight once (``gc.freeze``).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

SWITCH_INTERVAL_S = 0.001


def tune() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def settle() -> None:
    """After start-up work (or a room's first load): what exists now stays for good.

    No collection first: that alone would be the long pause this avoids. The few cycles of
    garbage frozen with the rest are a few kilobytes kept until the program ends."""
    gc.freeze()


COLLECT_EVERY_MS = 250
# While the owner waits for the list (a search's rows, their count), a pass is put off, for
# up to this many turns: during the start-up work the young objects it walks take 10-50 ms.
PUT_OFF_TURNS = 8


def collect_on_gui_thread(app, owner_waiting: Callable[[], bool] | None = None):
    """The cycle collector runs on the GUI thread only, from a timer.

    Left to itself it runs in whichever thread happens to allocate past its threshold — often
    a worker — and a Qt wrapper it frees there takes its C++ object with it, off the GUI
    thread. So automatic collection is off for the life of the window, and this timer runs
    the generation that Python's own thresholds would have run, here; not while
    ``owner_waiting()`` says the owner's own reads are under way (for two seconds at most)."""
    from PySide6.QtCore import QTimer

    gc.disable()
    timer = QTimer(app)
    timer.setInterval(COLLECT_EVERY_MS)
    timer.turn = _Turns(owner_waiting)  # one turn of the timer (tests call it directly)
    timer.timeout.connect(timer.turn)
    timer.start()
    return timer


class _Turns:
    def __init__(self, owner_waiting: Callable[[], bool] | None) -> None:
        self.owner_waiting = owner_waiting
        self.put_off = 0

    def __call__(self) -> int | None:
        """Collect what is due, unless the owner is waiting (and it was not put off too long)."""
        if self.owner_waiting is not None and self.put_off < PUT_OFF_TURNS and self.owner_waiting():
            self.put_off += 1
            return None
        self.put_off = 0
        return collect_due()


def collect_due() -> int | None:
    """Collect the oldest generation whose count passed its threshold; None if none did."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = None
    for generation in range(3):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            due = generation
    if due is not None:
        gc.collect(due)
    return due
