"""Help → About Retainer (the version, where the base and the data folder are) and
Help → Open data folder, where the base, its backups and the window's files live."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from retainer import __version__
from retainer.i18n import tr
from retainer.paths import data_dir
from retainer.ui.icons import app_icon
from retainer.ui.style import set_role


def open_data_folder() -> bool:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    def __init__(self, base_location: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About Retainer"))
        self.setMinimumWidth(480)  # the folders' paths on one line each, as far as they go
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(tr("Retainer {version}").format(version=__version__))
        set_role(title, "title")
        motto = QLabel(tr("Keep the customers you already have."))
        where = QLabel(tr("Customer base: {base}\nData folder: {folder}").format(
            base=base_location, folder=data_dir()))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        built = QLabel(tr("Python {python}, Qt for Python {qt}").format(
            python=platform.python_version(), qt=pyside_version))
        set_role(built, "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.folder_button = QPushButton(tr("Open data folder"))
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.clicked.connect(open_data_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (icon, title, motto, where, built):
            layout.addWidget(w)
        layout.addWidget(buttons)
