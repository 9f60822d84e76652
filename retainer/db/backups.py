"""Backups of a SQLite customer base: taken with SQLite's online backup API, checked, kept in
rotation, restored only from a file that passes the same checks.

A backup is written into a temporary file beside its final place, checked with
``PRAGMA integrity_check`` and as a Retainer base, and only then renamed into place: a crash,
a full disk or a read-only folder half-way leaves the earlier backups as they were. The copy
goes a few hundred pages at a time, so a writer waits milliseconds, never for the whole copy.

Names: ``<base>-YYYYMMDD-HHMMSS-<why>.sqlite`` (``retainer-…`` for the usual base; why:
daily, manual, import, restore, upgrade), in the ``backups`` folder beside the base.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from retainer.i18n import tr

PAGES_PER_STEP = 256  # 1 MB with SQLite's 4 KB pages: a writer waits at most one step
# <the base's name>-<when>-<why>[-<n>].sqlite: bases side by side (yours and the demo) keep
# their backups apart in one folder.
NAME = re.compile(r"^(.+)-(\d{8}-\d{6})-([a-z]+)(?:-\d+)?\.sqlite$")
REASONS = ("daily", "manual", "import", "restore", "upgrade")
# What SQLite says of a file it cannot read as a database.
DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")
RECENT = timedelta(hours=24)  # every backup this young is kept, whatever the rotation


class BackupProblem(Exception):
    """A backup that cannot be taken or used; the message is for the shop owner."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    of: str  # the name of the base it is a backup of, without .sqlite

    @property
    def name(self) -> str:
        return self.path.name


def folder_for(base: Path) -> Path:
    """Where the backups of ``base`` live: a ``backups`` folder beside it."""
    return base.parent / "backups"


def problem_of(path: Path, full: bool = True) -> str | None:
    """Why ``path`` is not a sound Retainer base, in plain words; None when it is."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return tr("{file} cannot be opened: {reason}").format(file=path.name, reason=exc)
    try:
        found = conn.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}").fetchone()
        if not found or found[0] != "ok":
            return tr("{file} is damaged ({reason}).").format(
                file=path.name, reason=found[0] if found else "?")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"customers", "purchases", "alembic_version"} <= tables:
            return tr("{file} is not a Retainer customer base.").format(file=path.name)
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            return tr("{file} has purchases or calls of customers it does not hold.").format(
                file=path.name)
    except sqlite3.DatabaseError as exc:
        if any(word in str(exc).lower() for word in DAMAGE_WORDS):
            return tr("{file} is damaged ({reason}).").format(file=path.name, reason=exc)
        return tr("{file} is not a Retainer customer base ({reason}).").format(
            file=path.name, reason=exc)
    finally:
        conn.close()
    return None


def customer_count(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM customers WHERE deleted_at IS NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def rotation_of(base: Path) -> tuple[int, int, int]:
    """How many daily, weekly and monthly backups the base's settings keep."""
    from retainer.rules import settings as keys

    wanted = (keys.BACKUPS_DAILY, keys.BACKUPS_WEEKLY, keys.BACKUPS_MONTHLY)
    try:
        conn = sqlite3.connect(f"file:{base}?mode=ro", uri=True)
        try:
            stored = dict(conn.execute("SELECT key, value FROM settings WHERE key IN (?, ?, ?)",
                                       [k.name for k in wanted]).fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        stored = {}
    daily, weekly, monthly = (keys.decode(k, stored.get(k.name)) for k in wanted)
    return daily, weekly, monthly


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into a new file ``target``, fsynced."""
    if not source.is_file():  # sqlite3 would make an empty base of a missing file
        raise OSError(2, tr("{file} is no longer there").format(file=source.name))
    src = sqlite3.connect(str(source), timeout=30)
    try:
        dest = sqlite3.connect(str(target))
        try:
            src.backup(dest, pages=PAGES_PER_STEP)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
        finally:
            dest.close()
    finally:
        src.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def _claim(spare: Path, folder: Path, stem: str, stamp: str, reason: str) -> Path:
    """Give the checked copy its name, never over another backup: two taken in one second,
    by two terminals or two threads, are both kept."""
    number = 1
    while True:
        suffix = f"-{number}" if number > 1 else ""
        target = folder / f"{stem}-{stamp}-{reason}{suffix}.sqlite"
        try:
            os.link(spare, target)  # fails if the name is taken, atomically
            return target
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links (a FAT memory stick)
            if not target.exists():
                os.replace(spare, target)
                return target
        number += 1


def take(base: Path, folder: Path | None = None, reason: str = "manual",
         when: datetime | None = None) -> Backup:
    """A checked backup of ``base`` in ``folder`` (default: beside it). Raises BackupProblem
    with a plain message; an earlier backup is never touched."""
    folder = folder or folder_for(base)
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    spare: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{base.stem}-{stamp}-", suffix=".part",
                                        dir=folder)
        os.close(handle)
        spare = Path(name)
        _copy(base, spare)
        found = problem_of(spare)
        if found:
            raise BackupProblem(tr("The backup came out damaged and was not kept: {reason}").format(
                reason=found))
        target = _claim(spare, folder, base.stem, stamp, reason)
    except (OSError, sqlite3.Error) as exc:
        reason_text = getattr(exc, "strerror", None) or str(exc)
        raise BackupProblem(tr("Could not write a backup to {folder}: {reason}. The earlier "
                               "backups are as they were.").format(folder=folder,
                                                                   reason=reason_text)) from exc
    finally:
        if spare is not None:
            try:
                spare.unlink(missing_ok=True)
            except OSError:
                pass
    return Backup(target, datetime.strptime(stamp, "%Y%m%d-%H%M%S"), reason, target.stat().st_size,
                  base.stem)


def listed(folder: Path, of: str | None = None) -> list[Backup]:
    """The backups in ``folder`` (of the base named ``of``, or of any), newest first; other
    files are left out."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = NAME.match(path.name)
        if not match or (of is not None and match.group(1) != of):
            continue
        try:
            found.append(Backup(path, datetime.strptime(match.group(2), "%Y%m%d-%H%M%S"),
                                match.group(3), path.stat().st_size, match.group(1)))
        except (ValueError, OSError):
            continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def kept(backups: list[Backup], daily: int, weekly: int, monthly: int,
         recent: timedelta = RECENT) -> set[Path]:
    """Which backups a rotation keeps: every one of the ``recent`` hours before the newest
    (this morning's, before each of today's imports, before a restore), then the newest of
    each of the last ``daily`` days that have one, of the last ``weekly`` ISO weeks and of
    the last ``monthly`` months."""
    keep: set[Path] = set()
    if backups:
        newest = max(b.taken_at for b in backups)
        keep |= {b.path for b in backups if b.taken_at > newest - recent}
    for count, period in ((daily, lambda d: d.date()),
                          (weekly, lambda d: tuple(d.isocalendar())[:2]),
                          (monthly, lambda d: (d.year, d.month))):
        seen: list = []
        for backup in backups:  # newest first: the first of a period is its newest
            key = period(backup.taken_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(backup.path)
    return keep


def rotate(folder: Path, daily: int = 7, weekly: int = 4, monthly: int = 12,
           newest: Path | None = None, also: Path | None = None, of: str | None = None) -> list[Path]:
    """Delete the backups the rotation does not keep — of the base named ``of``, or of each
    base in the folder on its own — never ``newest`` (the one just taken, which a backup of
    the same second could otherwise outrank) nor ``also`` (the one being restored from);
    returns what was deleted."""
    every = listed(folder, of)
    removed = []
    for name in {b.of for b in every}:
        backups = [b for b in every if b.of == name]
        if newest is not None:  # the one just taken counts as its day's newest
            backups.sort(key=lambda b: (b.taken_at, b.path == newest), reverse=True)
        keep = kept(backups, daily, weekly, monthly) | {p for p in (newest, also) if p is not None}
        for backup in backups:
            if backup.path not in keep:
                try:
                    backup.path.unlink()
                    removed.append(backup.path)
                except OSError:
                    pass
    return removed


def restore(backup: Path, base: Path, checked: bool = False) -> None:
    """Put ``backup`` in place of ``base`` (which must be closed): refused, with ``base``
    untouched, unless the backup passes the checks (``checked``: the caller has just made
    them); written beside ``base`` and renamed, so a crash half-way leaves one or the other
    whole."""
    found = None if checked else problem_of(backup)
    if found:
        raise BackupProblem(tr("{file} cannot be restored: {reason} Your base was not changed.").format(
            file=backup.name, reason=found))
    spare = base.with_name(f".{base.name}.restoring")
    try:
        spare.unlink(missing_ok=True)
        if base.exists():  # the base's last writes into its main file, so its journal is empty
            conn = sqlite3.connect(str(base), timeout=30)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        _copy(backup, spare)
        copied = problem_of(spare)
        if copied:
            raise BackupProblem(tr("{file} could not be copied whole ({reason}); your base was not "
                                   "changed.").format(file=backup.name, reason=copied))
        # The base's own journal must not be replayed onto the restored file.
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{base}{side}").unlink(missing_ok=True)
        os.replace(spare, base)
    except (OSError, sqlite3.Error) as exc:
        raise BackupProblem(tr("Could not restore {file}: {reason}. Your base was not changed.").format(
            file=backup.name, reason=getattr(exc, "strerror", None) or exc)) from exc
    finally:
        spare.unlink(missing_ok=True)


def _refuse_unsound(backup: Path, full: bool = True) -> None:
    """BackupProblem, naming what is wrong, unless ``backup`` is there and sound."""
    found = problem_of(backup, full) if backup.is_file() else tr("{file} does not exist.").format(
        file=backup)
    if found:
        raise BackupProblem(tr("{file} cannot be restored: {reason} Your base was not changed.")
                            .format(file=backup.name, reason=found))


def replace_base(backup: Path, base: Path, close=None, when: datetime | None = None) -> Backup:
    """Restore as the owner asks for it: ``backup`` is checked, the base as it is now is backed
    up (and the rotation run), ``close`` lets the caller close its connections, then the
    backup goes in place. Returns the backup of the base as it was; raises BackupProblem with
    ``base`` unchanged."""
    _refuse_unsound(backup)
    before = take(base, reason="restore", when=when)
    if close is not None:
        close()
    restore(backup, base, checked=True)
    rotate(before.path.parent, *rotation_of(base), newest=before.path, also=backup, of=base.stem)
    return before


def newest_sound(folder: Path, of: str | None = None) -> tuple[Backup, int | None] | None:
    """The newest backup in ``folder`` (of the base named ``of``) that passes SQLite's quick
    check and the Retainer checks, with its customer count; None when none does."""
    for backup in listed(folder, of):
        if problem_of(backup.path, full=False) is None:
            return backup, customer_count(backup.path)
    return None


def set_aside(base: Path, when: datetime | None = None) -> Path:
    """Rename a damaged ``base`` (and its journal files) to ``<name>.damaged-<stamp>``
    beside it, unchanged; returns the new name. Nothing is ever deleted or overwritten."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = base.with_name(f"{base.stem}.damaged-{stamp}{base.suffix or '.sqlite'}")
    number = 1
    while aside.exists():
        number += 1
        aside = base.with_name(f"{base.stem}.damaged-{stamp}-{number}{base.suffix or '.sqlite'}")
    try:
        for side in ("-wal", "-shm", "-journal"):  # the journals first: the base stays whole
            if Path(f"{base}{side}").exists():
                os.replace(f"{base}{side}", f"{aside}{side}")
        os.replace(base, aside)
    except OSError as exc:
        raise BackupProblem(tr("Could not set the damaged base {file} aside: {reason}.").format(
            file=base.name, reason=exc.strerror or exc)) from exc
    return aside


def recover(base: Path, backup: Path | None, when: datetime | None = None) -> Path:
    """A damaged base set aside and ``backup`` put in its place (or, with no backup, nothing:
    the next open starts an empty base). Returns where the damaged file now is."""
    if backup is not None:
        _refuse_unsound(backup, full=False)
    aside = set_aside(base, when)
    if backup is not None:
        restore(backup, base, checked=True)
    return aside
