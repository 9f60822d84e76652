"""File → Back up now, from the window: a checked backup, named in the status bar."""

from retainer.db import backups


def test_back_up_now_from_the_file_menu(window, services, db_path):
    window.backup_action.trigger()
    (taken,) = backups.listed(db_path.parent / "backups")
    assert taken.reason == "manual" and backups.problem_of(taken.path) is None
    assert window.statusBar().currentMessage() == f"Backed up to {taken.path}."
