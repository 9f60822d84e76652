"""Rooms whose work arrives in later versions say plainly what they will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class UpcomingRoom(QWidget):
    def __init__(self, title: str, what_it_holds: str, parent=None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        line = QLabel(what_it_holds)
        line.setWordWrap(True)
        line.setStyleSheet("color: #4b5563;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(line)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
