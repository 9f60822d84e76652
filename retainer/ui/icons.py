"""The application's icon, drawn at run time so no image file has to travel with it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap


def app_icon(badge: int | None = None) -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64, 128):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#2563eb"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.62))
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "R")
        if badge:
            r = size * 0.5
            painter.setBrush(QColor("#dc2626"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRectF(size - r, 0, r, r))
            painter.setPen(QColor("white"))
            font.setPixelSize(int(r * 0.7))
            painter.setFont(font)
            painter.drawText(QRectF(size - r, 0, r, r), Qt.AlignmentFlag.AlignCenter,
                             str(badge) if badge < 100 else "99+")
        painter.end()
        icon.addPixmap(pixmap)
    return icon
