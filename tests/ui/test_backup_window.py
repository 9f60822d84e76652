"""File → Back up now, from the window: a checked backup, named in the status bar."""

from retainer.db import backups


def test_back_up_now_from_the_file_menu(window, services, db_path):
    window.backup_action.trigger()
    (taken,) = backups.listed(db_path.parent / "backups")
    assert taken.reason == "manual" and backups.problem_of(taken.path) is None
    assert window.statusBar().currentMessage() == f"Backed up to {taken.path}."


def _launcher(window, services, tasks):
    from PySide6.QtWidgets import QApplication

    from retainer.ui.app import Launcher

    launcher = Launcher(QApplication.instance(), False, None)
    launcher.tasks = tasks
    launcher.window, launcher.services = window, services
    window.closed.connect(launcher.app.quit)  # as the launcher's own window has it
    window.restore_requested.connect(launcher.restore)
    return launcher


def test_restore_lists_the_backups_and_puts_the_chosen_one_back(qtbot, window, services, tasks, answers,
                                                                 db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from retainer.services.customers import CustomerForm, CustomerQuery

    services.customers.create(CustomerForm(name="Anna Petrova"))
    window.backup_action.trigger()
    services.customers.create(CustomerForm(name="Boris Orlov"))
    launcher = _launcher(window, services, tasks)
    dialog = window.open_restore()
    assert dialog.model.rowCount() == 1
    row = dialog.model.records[0]
    assert (row.customers, row.backup.reason) == (1, "manual")
    texts = [dialog.model.index(0, c).data() for c in range(4)]
    assert texts[1] == "Backed up by hand" and texts[2] == "1" and texts[3].endswith(" MB")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    qtbot.addWidget(launcher.window)
    assert "(1 customers)" not in asked[0] and "1 customer" in asked[0]
    assert launcher.window is not window, answers  # the base opened again, in a new window
    reopened = launcher.services
    names = [c.name for c in reopened.customers.page(CustomerQuery(), 0, 10)]
    assert names == ["Anna Petrova"]
    # the base as it was, with Boris, was backed up first
    before = [b for b in backups.listed(db_path.parent / "backups") if b.reason == "restore"]
    assert len(before) == 1 and backups.customer_count(before[0].path) == 2
    assert answers[-1][0] == "information" and answers[-1][1].startswith("Restored the backup of ")
    reopened.close()


def test_a_refused_restore_leaves_the_window_and_the_base(qtbot, window, services, tasks, db_path,
                                                          answers, tmp_path):
    from retainer.services.customers import CustomerForm, CustomerQuery

    services.customers.create(CustomerForm(name="Anna Petrova"))
    launcher = _launcher(window, services, tasks)
    foreign = tmp_path / "backups" / "retainer-20260101-100000-manual.sqlite"
    foreign.parent.mkdir(exist_ok=True)
    foreign.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    (broken,) = backups.listed(foreign.parent)
    launcher.restore(broken)
    assert launcher.window is window and window.isEnabled()
    assert answers and "cannot be restored" in answers[-1][1]
    assert services.customers.count(CustomerQuery()) == 1


def test_settings_set_how_many_backups_are_kept(window, services, db_path):
    from datetime import datetime, timedelta

    folder = db_path.parent / "backups"
    folder.mkdir()
    for day in range(1, 40):  # the backups of 39 earlier days
        when = datetime(2026, 6, 15, 9) - timedelta(days=day)
        (folder / f"shop-{when:%Y%m%d-%H%M%S}-daily.sqlite").write_bytes(b"x")
    dialog = window.open_settings()
    assert (dialog.backups_daily.value(), dialog.backups_weekly.value(),
            dialog.backups_monthly.value()) == (7, 4, 12)
    dialog.backups_daily.setValue(3)
    dialog.backups_weekly.setValue(0)
    dialog.backups_monthly.setValue(0)
    dialog.save()
    assert services.settings.backups_daily == 3
    window.backup_action.trigger()
    left = backups.listed(folder)
    # the one just taken and the two days before it; the day before is within 24 hours too
    assert [b.taken_at.date().isoformat() for b in left] == ["2026-06-15", "2026-06-14", "2026-06-13"]


def test_a_base_on_a_network_drive_is_warned_against(window, services, answers, monkeypatch):
    monkeypatch.setattr(type(services), "network_drive", lambda self: "cifs")
    window.check_base()
    (warning,) = [text for kind, text in answers if kind == "warning"]
    assert "is on a network drive (cifs)" in warning and "PostgreSQL" in warning
