"""Long work (import, export) runs in the background behind a progress dialog with Cancel.

The core hands over a generator that yields progress; this runs it on its own lane, shows the
dialog after half a second, and closes the generator when the owner presses Cancel. Whatever
happens — done, failed, cancelled — the dialog closes.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Generator

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from retainer.i18n import tr
from retainer.ui.tasks import Tasks


class CancelledByUser(Exception):
    pass


class LongWork(QObject):
    progressed = Signal(int, int)

    def __init__(self, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.dialog: QProgressDialog | None = None

    def run(self, label: str, make: Callable[[], Generator[Any, None, Any]],
            on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
            on_cancel: Callable[[], None] | None = None, parent=None) -> None:
        cancel = threading.Event()
        dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(tr("Retainer"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.set)
        self.dialog = dialog

        def show(done: int, total: int) -> None:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))

        self.progressed.connect(show)

        def work():
            steps = make()
            try:
                while True:
                    if cancel.is_set():
                        steps.close()
                        raise CancelledByUser()
                    step = next(steps)
                    self.progressed.emit(int(getattr(step, "done", 0)), int(getattr(step, "total", 0)))
            except StopIteration as finished:
                return finished.value

        def finish() -> None:
            self.progressed.disconnect(show)
            dialog.close()
            dialog.deleteLater()
            self.dialog = None

        def done(value) -> None:
            finish()
            on_done(value)

        def failed(exc: Exception) -> None:
            finish()
            if isinstance(exc, CancelledByUser):
                if on_cancel:
                    on_cancel()
            else:
                on_error(exc)

        self.tasks.run(work, done, failed, lane="long")
