"""Tests of windows, dialogs and long work on a real X display (Xvfb, Qt's xcb platform).

They run in a process of their own, started by ``tests/ui/test_real_display.py`` with an Xvfb
of its own: one process holds one Qt platform, and the rest of the suite runs offscreen. Run
directly, without ``QT_QPA_PLATFORM=xcb`` and a ``DISPLAY``, they are skipped.
"""

import os

import pytest
from PySide6.QtWidgets import QMessageBox

ON_A_DISPLAY = os.environ.get("QT_QPA_PLATFORM") == "xcb" and bool(os.environ.get("DISPLAY"))


def pytest_collection_modifyitems(config, items):
    if ON_A_DISPLAY:
        return
    skip = pytest.mark.skip(reason="needs a real display: run through tests/ui/test_real_display.py")
    for item in items:
        if "tests/display/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture
def answers(monkeypatch):
    """Message boxes never block; each is recorded with its text."""
    shown = []

    def record(kind, reply=QMessageBox.StandardButton.Ok):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return reply
        return box

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard))
    return shown


def thread_warnings(records) -> list[str]:
    """Qt's own complaints about an object used from the wrong thread."""
    words = ("thread", "Cannot create children", "Cannot send events", "QBasicTimer",
             "Timers cannot", "QSocketNotifier: Can only be used")
    return [r.message for r in records if any(w in r.message for w in words)]
