"""Backups: checked copies taken beside writes, kept in rotation, never damaged by a failed
attempt; restores refused from a damaged or foreign file."""

import errno
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta

import pytest

from retainer.db import backups
from retainer.demo import make_demo
from tests.damage import digest


@pytest.fixture
def base_file(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_demo(str(path), 120, 1.0, seed=5)
    return path


def test_a_backup_is_a_checked_whole_copy(base_file):
    taken = backups.take(base_file, reason="manual")
    assert taken.path.parent == base_file.parent / "backups" and taken.reason == "manual"
    assert backups.problem_of(taken.path) is None
    assert backups.customer_count(taken.path) == backups.customer_count(base_file) == 120
    assert not list(taken.path.parent.glob(".*.part"))
    again = backups.take(base_file, reason="manual", when=taken.taken_at)  # the same second
    assert again.path != taken.path and taken.path.exists()
    assert [b.path for b in backups.listed(taken.path.parent)] and len(backups.listed(taken.path.parent)) == 2


def test_a_backup_taken_while_another_thread_writes(base_file):
    stop = threading.Event()
    written = []

    from retainer.rules.validation import CustomerForm
    from retainer.services import open_retainer

    services = open_retainer(str(base_file))

    def write():  # the app's own writer, adding customers one by one
        while not stop.is_set():
            services.customers.create(CustomerForm(name=f"Writer {len(written)}"))
            written.append(1)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        taken = [backups.take(base_file, reason="manual") for _ in range(3)]
    finally:
        stop.set()
        writer.join()
        services.close()
    assert written
    for backup in taken:
        assert backups.problem_of(backup.path) is None
        assert 120 <= backups.customer_count(backup.path) <= 120 + len(written)


def test_a_failed_backup_leaves_the_earlier_ones_untouched(base_file, monkeypatch):
    first = backups.take(base_file, reason="daily")
    kept = digest(first.path)

    def disk_full(source, target):
        target.write_bytes(b"half a copy")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_copy", disk_full)
    with pytest.raises(backups.BackupProblem, match="No space left on device"):
        backups.take(base_file, reason="manual")
    assert digest(first.path) == kept
    assert [b.path for b in backups.listed(first.path.parent)] == [first.path]
    assert not list(first.path.parent.glob(".*.part"))


def test_a_folder_that_cannot_be_written_is_named(base_file, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(backups.BackupProblem, match="a file"):
        backups.take(base_file, blocker / "backups")


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 12, 1, 9, 0)
    for day in range(400):
        for hour in (9, 18):  # two a day: the day's newest is the one kept
            when = now - timedelta(days=day) + timedelta(hours=hour - 9)
            (folder / f"retainer-{when:%Y%m%d-%H%M%S}-daily.sqlite").write_bytes(b"x")
    (folder / "notes.txt").write_text("not a backup")
    backups.rotate(folder)
    left = backups.listed(folder)
    days = {b.taken_at.date() for b in left}
    assert all(now.date() - timedelta(days=d) in days for d in range(7))
    newest = max(b.taken_at for b in left)
    # every backup of the last 24 hours, then the newest of each day
    recent = {b.taken_at for b in left if b.taken_at > newest - timedelta(hours=24)}
    assert recent == {newest, newest - timedelta(hours=9)}
    assert all(b.taken_at.hour == 18 for b in left if b.taken_at <= newest - timedelta(hours=24))
    weeks = {tuple(b.taken_at.isocalendar())[:2] for b in left}
    months = {(b.taken_at.year, b.taken_at.month) for b in left}
    assert len(weeks) >= 4 and len(months) == 12
    assert len(left) <= 7 + 4 + 12 + 1
    assert (folder / "notes.txt").exists()


def test_restore_refuses_a_damaged_or_foreign_file_and_keeps_the_base(base_file, tmp_path):
    before = digest(base_file)
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(backups.take(base_file).path.read_bytes()[:20000])
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text)")
    conn.close()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello")
    for bad in (damaged, foreign, junk):
        with pytest.raises(backups.BackupProblem, match="was not changed"):
            backups.restore(bad, base_file)
        assert digest(base_file) == before


def test_restore_puts_the_backup_in_place(base_file, tmp_path):
    taken = backups.take(base_file)
    conn = sqlite3.connect(base_file)
    conn.execute("DELETE FROM contacts")
    conn.execute("DELETE FROM feedback")
    conn.execute("DELETE FROM reminders")
    conn.execute("DELETE FROM purchases")
    conn.execute("DELETE FROM customers")
    conn.commit()
    conn.close()
    assert backups.customer_count(base_file) == 0
    backups.restore(taken.path, base_file)
    assert backups.customer_count(base_file) == 120 and backups.problem_of(base_file) is None


def run(*args):
    return subprocess.run([sys.executable, "-m", "retainer", *args], capture_output=True, text=True,
                          timeout=120)


def test_the_command_line_backs_up_and_restores(base_file, tmp_path):
    to = tmp_path / "elsewhere"
    made = run("backup", "--db", str(base_file), "--to", str(to))
    assert made.returncode == 0 and "120 customers" in made.stdout, made.stderr
    (copy,) = backups.listed(to)
    refused = run("restore", str(tmp_path / "missing.sqlite"), "--db", str(base_file))
    assert refused.returncode == 1 and "was not changed" in refused.stderr
    done = run("restore", str(copy.path), "--db", str(base_file))
    assert done.returncode == 0, done.stderr
    assert [b.reason for b in backups.listed(base_file.parent / "backups")] == ["restore"]
    assert "is kept in" in done.stdout


def test_the_first_start_of_a_day_keeps_one_backup(base_file, monkeypatch):
    from retainer.services import open_retainer

    services = open_retainer(str(base_file))
    try:
        day = datetime(2026, 12, 1, 9, 30)
        monkeypatch.setattr(services.ctx, "now", lambda: day)
        monkeypatch.setattr(services.ctx, "today", lambda: day.date())
        first = services.backups.daily_if_due()
        assert first is not None and first.reason == "daily"
        assert services.backups.daily_if_due() is None  # once a day
        manual = services.backups.back_up()  # the same second: both kept, the day's are young
        assert manual.reason == "manual"
        assert {b.path for b in services.backups.listed()} == {first.path, manual.path}
        day = datetime(2026, 12, 2, 8, 0)
        assert services.backups.daily_if_due().taken_at.date() == day.date()
    finally:
        services.close()


def test_this_mornings_backup_outlives_two_imports_and_a_restore(base_file):
    """The rotation keeps every backup of the last day: the owner can go back to before the
    first of today's imports, and the backup restored from is never rotated away."""
    from retainer.rules.validation import CustomerForm
    from retainer.services import open_retainer

    services = open_retainer(str(base_file))
    try:
        morning = services.backups.back_up("daily")
        services.customers.create(CustomerForm(name="Boris Orlov"))
        for _ in range(2):
            services.backups.back_up("import")
        before = services.backups.restore(morning.path)
        assert morning.path.exists() and before.path.exists()
        assert len(services.backups.listed()) == 4
    finally:
        services.close()
    assert backups.customer_count(base_file) == backups.customer_count(morning.path)


def test_two_bases_in_one_folder_keep_their_backups_apart(tmp_path):
    """The owner's base and the demo base live side by side in the data folder: a restore
    offers only the base's own backups, and one base's rotation leaves the other's."""
    from retainer.services import open_retainer

    shop, demo = tmp_path / "retainer.sqlite", tmp_path / "demo.sqlite"
    make_demo(str(shop), 30, 1.0, seed=1)
    make_demo(str(demo), 40, 1.0, seed=2)
    for day in range(1, 30):
        backups.take(demo, reason="daily", when=datetime(2026, 11, 30, 9) - timedelta(days=day))
    services = open_retainer(str(shop))
    try:
        taken = services.backups.back_up()
        assert taken.name.startswith("retainer-") and taken.of == "retainer"
        assert [b.path for b in services.backups.listed()] == [taken.path]
    finally:
        services.close()
    assert len(backups.listed(tmp_path / "backups", "demo")) == 29  # not rotated by the shop's
    found, customers = backups.newest_sound(tmp_path / "backups", "retainer")
    assert found.path == taken.path and customers == 30


def test_two_backups_in_the_same_second_are_both_kept(base_file):
    """Two threads (or a till and the command line) back up at the same moment: neither
    takes the other's name or temporary file."""
    when = datetime(2026, 12, 1, 9, 0, 0)
    start, taken, failed = threading.Barrier(4), [], []

    def back_up():
        start.wait()
        try:
            taken.append(backups.take(base_file, reason="manual", when=when))
        except Exception as exc:  # noqa: BLE001 - collected and checked below
            failed.append(exc)

    threads = [threading.Thread(target=back_up) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failed == []
    names = sorted(b.path.name for b in taken)
    assert len(set(names)) == 4 and names[0] == "shop-20261201-090000-manual-2.sqlite"
    assert all(backups.problem_of(b.path) is None for b in taken)
    assert not list(base_file.parent.glob("backups/.*.part"))
