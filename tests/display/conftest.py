"""Tests of windows, dialogs and long work on a real X display (Xvfb, Qt's xcb platform).

They run in a process of their own, started by ``tests/ui/test_real_display.py`` with an Xvfb
of its own: one process holds one Qt platform, and the rest of the suite runs offscreen (whose
conftest leaves this folder out). To run them by hand: ``DISPLAY=:N QT_QPA_PLATFORM=xcb
python -m pytest tests/display``.
"""

from tests.message_boxes import answers  # noqa: F401 - a fixture


def thread_warnings(records) -> list[str]:
    """Qt's own complaints about an object used from the wrong thread."""
    words = ("thread", "Cannot create children", "Cannot send events", "QBasicTimer",
             "Timers cannot", "QSocketNotifier: Can only be used")
    return [r.message for r in records if any(w in r.message for w in words)]


def watched_window(qtbot, services):
    """The main window on ``services`` with the real background lanes, a write off the write
    lane failing the run and every unexpected error kept in ``window.errors``; yields it and
    closes it all afterwards."""
    from retainer.ui import qt_i18n
    from retainer.ui.main_window import MainWindow
    from retainer.ui.tasks import Tasks

    qt_i18n.install()
    tasks = Tasks()
    tasks.watch_writes(services, strict=True)
    errors = []
    tasks.on_unhandled_error = errors.append
    w = MainWindow(services, tasks)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.errors = errors
    yield w
    qtbot.waitUntil(tasks.idle, timeout=30_000)
    tasks.shutdown()
    services.close()
