"""Operations: how a widget asks a service for something, in the manner of Anki's
``CollectionOp`` and ``QueryOp``.

    self.tasks.write(self, lambda: services.purchases.record(cid, cents, when)) \
        .success(self.reload).failure(self.show_problem).run()

- The widget that starts an operation owns it: a result that arrives after the widget was
  destroyed is dropped, because its owner is gone.
- A failure goes to the ``failure`` handler, or is logged and shown in plain words; it is
  never thrown away.
- A write runs on the one write lane. The changes its service announced while it ran are
  put together into one announcement, ``Tasks.changed(change, owner)``, on the GUI thread,
  before its success handler runs: every room hears what changed and who changed it.
- The work is a plain callable that captures plain values (ids, forms, the services), never
  a widget: it runs on a worker thread, where no Qt object may be touched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from retainer.events import Change, collecting
from retainer.i18n import tr
from retainer.ui.lanes import WRITE, CancelledByUser, Progress, drive

SHOW_PROGRESS_AFTER_MS = 500
PROGRESS_POLL_MS = 100


def _collecting_changes(work: Callable[[], Any]) -> tuple[Any, Change | None]:
    with collecting() as made:
        value = work()
    return value, Change.merge(made)


class Operation:
    def __init__(self, tasks, owner: QObject | None, work: Callable[[], Any], lane: str) -> None:
        self.tasks, self.owner, self.work, self.lane = tasks, owner, work, lane
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.waits: str | None = None
        self.background = False

    def success(self, handler: Callable[[Any], None]) -> Operation:
        self._success = handler
        return self

    def failure(self, handler: Callable[[BaseException], None]) -> Operation:
        self._failure = handler
        return self

    def in_background(self) -> Operation:
        """Work nobody waits for (the hourly reminders, the model fit): closing the window
        cancels it instead of waiting, and it is started again next time."""
        self.background = True
        return self

    def run(self) -> None:
        work = partial(_collecting_changes, self.work) if self.lane == WRITE else self.work
        self.tasks.run(work, self._succeeded, self._failed, self.lane, owner=self.owner,
                       waits=self.waits, on_drop=self._dropped, background=self.background)

    def _dropped(self) -> None:
        """The owner was destroyed before the result came: nothing is shown."""

    def _succeeded(self, result: Any) -> None:
        if self.lane == WRITE:
            result, change = result
            if change is not None:
                self.tasks.changed.emit(change, self.owner)
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: BaseException) -> None:
        if self._failure is not None:
            self._failure(exc)
        else:
            self.tasks.report(exc)


class LongOperation(Operation):
    """Long work behind a progress dialog that appears after half a second, with Cancel.

    The worker only runs the core's generator and notes each step in a plain ``Progress``;
    a timer on the GUI thread moves the bar. However the work ends — done, failed,
    cancelled — the dialog closes before the handler runs."""

    def __init__(self, tasks, owner: QObject | None, label: str, make: Callable[[], Any],
                 lane: str, waits: str | None) -> None:
        self.cancel = threading.Event()
        self.progress = Progress()
        super().__init__(tasks, owner, partial(drive, make, self.cancel, self.progress), lane)
        self.label = label
        self.waits = waits
        self._cancelled: Callable[[], None] | None = None
        self.dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None

    def cancelled(self, handler: Callable[[], None]) -> LongOperation:
        self._cancelled = handler
        return self

    def run(self) -> None:
        dialog = QProgressDialog(self.label, tr("Cancel"), 0, 0, self.owner)
        dialog.setWindowTitle(tr("Retainer"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.ask_to_cancel)
        self.dialog = dialog
        self._timer = QTimer(dialog, interval=PROGRESS_POLL_MS)
        self._timer.timeout.connect(self._show_progress)
        self._timer.start()
        self.tasks.long_under_way.add(self)
        super().run()

    def ask_to_cancel(self) -> None:
        if self.dialog is not None:
            self.dialog.setLabelText(tr("Stopping…"))
        self.cancel.set()

    def _show_progress(self) -> None:
        done, total = self.progress.step
        if total > 0 and self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _dropped(self) -> None:
        self.tasks.long_under_way.discard(self)  # the dialog went with its owner

    def _finish(self) -> None:
        self.tasks.long_under_way.discard(self)
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        self._timer.stop()
        dialog.canceled.disconnect(self.ask_to_cancel)  # closing emits "canceled" too
        dialog.hide()
        dialog.deleteLater()

    def _succeeded(self, result: Any) -> None:
        self._finish()
        super()._succeeded(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, CancelledByUser):
            if self._cancelled is not None:
                self._cancelled()
        else:
            super()._failed(exc)
