import pytest
from PySide6.QtWidgets import QMessageBox

from retainer.ui import qt_i18n
from retainer.ui.main_window import MainWindow
from retainer.ui.tasks import Tasks


@pytest.fixture
def answers(monkeypatch):
    """Message boxes never block a test; each one is recorded with its text."""
    shown = []

    def record(kind, reply=QMessageBox.StandardButton.Ok):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return reply
        return box

    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard))
    return shown


@pytest.fixture
def tasks(qapp):
    qt_i18n.install()
    return Tasks(synchronous=True)


@pytest.fixture
def window(qtbot, services, tasks, answers):
    w = MainWindow(services, tasks)
    qtbot.addWidget(w)
    w.show()
    return w
