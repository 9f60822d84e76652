"""The ``answers`` fixture, shared by the offscreen UI tests and the real-display ones."""

import pytest
from PySide6.QtWidgets import QMessageBox


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
