"""The main window's menus and toolbar: every command of the window, with its shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from retainer.i18n import tr
from retainer.ui.about import open_data_folder


def build(w) -> None:
    """File, Edit and Help, and the toolbar, on the main window ``w``."""
    file_menu = w.menuBar().addMenu(tr("&File"))
    w.new_action = QAction(tr("&New customer"), w, shortcut=QKeySequence.StandardKey.New)
    w.new_action.triggered.connect(w.new_customer)
    file_menu.addAction(w.new_action)
    w.import_action = QAction(tr("&Import from Excel…"), w, shortcut=QKeySequence("Ctrl+I"))
    w.import_action.triggered.connect(lambda: w.transfer.import_wizard())
    w.export_action = QAction(tr("&Export everything to Excel"), w, shortcut=QKeySequence("Ctrl+E"))
    w.export_action.setToolTip(tr("Save the whole base as one Excel workbook in your "
                                     "Documents folder (Ctrl+E)"))
    w.export_action.triggered.connect(lambda: w.transfer.export_everything())
    export_as = QAction(tr("Export everything &as…"), w)
    export_as.triggered.connect(w.transfer.export_as)
    export_list = QAction(tr("Export this &list…"), w)
    export_list.triggered.connect(lambda: w.transfer.export_list())
    history = QAction(tr("Import &history…"), w)
    history.triggered.connect(w.transfer.import_history)
    w.backup_action = QAction(tr("&Back up now"), w)
    w.backup_action.setToolTip(tr("A checked copy of the base in the backups folder beside it"))
    w.backup_action.triggered.connect(w.back_up)
    w.restore_action = QAction(tr("&Restore from a backup…"), w)
    w.restore_action.triggered.connect(w.open_restore)
    for action in (w.backup_action, w.restore_action):  # a server backs itself up
        action.setEnabled(w.services.backups.base_path is not None)
    if not w.backup_action.isEnabled():
        w.backup_action.setToolTip(tr("The shop's server keeps the backups of a base on it"))
    for action in (w.import_action, w.export_action, export_as, export_list, history,
                   w.backup_action, w.restore_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    demo = QAction(tr("Open the &demo base"), w)
    demo.triggered.connect(w.demo_requested)
    file_menu.addAction(demo)
    bar = w.addToolBar(tr("Main"))
    bar.setObjectName("main-toolbar")
    bar.setMovable(False)
    bar.addAction(w.new_action)
    bar.addAction(w.import_action)
    bar.addAction(w.export_action)
    file_menu.addSeparator()
    quit_action = QAction(tr("&Quit"), w, shortcut=QKeySequence.StandardKey.Quit)
    # Ctrl+Q quits from a card too.
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    quit_action.triggered.connect(w.close)
    w.quit_action = quit_action
    file_menu.addAction(quit_action)

    edit = w.menuBar().addMenu(tr("&Edit"))
    w.undo_action = QAction(tr("&Undo"), w, shortcut=QKeySequence.StandardKey.Undo)
    w.undo_action.setEnabled(False)
    w.undo_action.triggered.connect(w.undo)
    edit.addAction(w.undo_action)
    edit.addSeparator()
    find = QAction(tr("&Find a customer"), w, shortcut=QKeySequence.StandardKey.Find)
    find.triggered.connect(w.focus_search)
    edit.addAction(find)
    trash = QAction(tr("Move to &trash"), w)
    trash.setShortcut(QKeySequence.StandardKey.Delete)
    # Del means "trash" in the customer list only; in Today it dismisses a call.
    trash.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    trash.triggered.connect(w.customers.trash_selected)
    w.customers.addAction(trash)
    edit.addAction(trash)
    duplicates = QAction(tr("Find &duplicates…"), w)
    duplicates.setToolTip(tr("Two cards of one person: review them side by side and merge"))
    duplicates.triggered.connect(lambda: _find_duplicates(w))
    edit.addAction(duplicates)

    edit.addSeparator()
    preferences = QAction(tr("&Settings…"), w, shortcut=QKeySequence("Ctrl+,"))
    preferences.triggered.connect(w.open_settings)
    edit.addAction(preferences)

    help_menu = w.menuBar().addMenu(tr("&Help"))
    folder = QAction(tr("Open &data folder"), w)
    folder.triggered.connect(open_data_folder)
    help_menu.addAction(folder)
    about = QAction(tr("&About Retainer"), w)
    about.triggered.connect(w.open_about)
    help_menu.addAction(about)


def _find_duplicates(w) -> None:
    from retainer.ui import duplicates_dialog  # its code loads when first asked for

    duplicates_dialog.open_for(w)
