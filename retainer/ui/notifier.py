"""The tray icon with the number of calls due, and a desktop notification when calls fall due.

Where the desktop has no tray, the count still shows in the window's title and the Today room.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from retainer.i18n import tr
from retainer.ui.icons import app_icon


class Notifier:
    def __init__(self, window) -> None:
        self.window = window
        self.due = 0
        self.last_message: str | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), window)
            menu = QMenu(window)
            menu.addAction(tr("Open Retainer"), self._show_today)
            menu.addAction(tr("Quit"), window.close)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _reason: self._show_today())
            self.tray.show()

    @property
    def has_tray(self) -> bool:
        return self.tray is not None

    def set_due(self, count: int, announce: bool = False) -> None:
        self.due = count
        self.window.setWindowIcon(app_icon(count or None))
        if self.tray is not None:
            self.tray.setIcon(app_icon(count or None))
            self.tray.setToolTip(tr("Retainer: %Ln to call today", "", count) if count
                                 else tr("Retainer: nobody to call today"))
        if announce and count:
            self._notify(tr("%Ln customers to call today", "", count))

    def announce_new(self, count: int, already_due: int) -> None:
        if already_due:
            self._notify(tr("%Ln more customers to call today", "", count))
        else:
            self._notify(tr("%Ln customers to call today", "", count))

    def _notify(self, text: str) -> None:
        self.last_message = text
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(tr("Retainer"), text, app_icon(), 8000)
        else:
            self.window.say(text)

    def _show_today(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        self.window.nav.setCurrentRow(0)
