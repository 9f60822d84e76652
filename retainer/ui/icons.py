"""The application's icon, from resources/icons/retainer.svg, with a badge of calls due."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from retainer.paths import resources_dir
from retainer.ui.style import colour

SIZES = (16, 32, 64, 128, 256)


@cache
def _renderer() -> QSvgRenderer:
    return QSvgRenderer(str(resources_dir() / "icons" / "retainer.svg"))


def app_icon(badge: int | None = None) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _renderer().render(painter)
        if badge:
            r = size * 0.5
            painter.setBrush(QColor(colour("alarm")))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRectF(size - r, 0, r, r))
            painter.setPen(QColor("white"))
            font = QFont()
            font.setBold(True)
            font.setPixelSize(max(1, int(r * 0.7)))
            painter.setFont(font)
            painter.drawText(QRectF(size - r, 0, r, r), Qt.AlignmentFlag.AlignCenter,
                             str(badge) if badge < 100 else "99+")
        painter.end()
        icon.addPixmap(pixmap)
    return icon
