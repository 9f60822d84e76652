"""The base's backups as the window uses them: one automatically on the first start of each
day, one whenever the owner asks, each kept in rotation (retainer.db.backups does the copying
and the checks). A base on a database server is backed up by the server's own tools; for it
these return None."""

from __future__ import annotations

from pathlib import Path

from retainer.db import backups
from retainer.db.backups import Backup, BackupProblem
from retainer.i18n import tr
from retainer.services.base import Context

__all__ = ["Backup", "BackupProblem", "BackupService"]


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def base_path(self) -> Path | None:
        """The base's SQLite file; None for a server's database."""
        location = self.ctx.db.location
        path = Path(location)
        return path if "://" not in location and path.is_file() else None

    @property
    def folder(self) -> Path | None:
        return backups.folder_for(self.base_path) if self.base_path else None

    def back_up(self, reason: str = "manual") -> Backup | None:
        """A checked backup now, then the rotation; raises BackupProblem with a plain message."""
        if self.base_path is None:
            return None
        taken = backups.take(self.base_path, reason=reason, when=self.ctx.now())
        kept = self.ctx.settings
        backups.rotate(taken.path.parent, kept.backups_daily, kept.backups_weekly,
                       kept.backups_monthly, newest=taken.path, of=self.base_path.stem)
        return taken

    def daily_if_due(self) -> Backup | None:
        """The day's backup, when none was taken today yet (of any kind)."""
        if self.folder is None:
            return None
        today = self.ctx.today()
        if any(b.taken_at.date() == today for b in self.listed()):
            return None
        return self.back_up("daily")

    def problem(self) -> str | None:
        """SQLite's quick check of the base and its foreign keys (about a second for 100,000
        customers; the window runs it behind the first page): what is wrong, or None."""
        return backups.problem_of(self.base_path, full=False) if self.base_path else None

    def check_then_daily(self) -> str | None:
        """The check behind the first page, then the day's backup if the base is sound (a
        damaged base is never copied over good backups). Returns the problem found."""
        found = self.problem()
        if found is None:
            self.daily_if_due()
        return found

    def listed(self) -> list[Backup]:
        base = self.base_path
        return backups.listed(backups.folder_for(base), base.stem) if base else []

    def customer_counts(self, found: list[Backup]) -> dict[Path, int | None]:
        """How many customers each backup holds (None: the file cannot be read)."""
        return {backup.path: backups.customer_count(backup.path) for backup in found}

    def restore(self, backup: Path) -> Backup:
        """Put ``backup`` in place of the base, after a backup of the base as it is now.

        The base's statements under way are stopped and its connections closed first; the
        caller opens the base again afterwards (this service's engine still works: on the
        restored file, or on the base as it was when the restore was refused)."""
        base = self.base_path
        if base is None:
            raise BackupProblem(tr("Only a base kept in a file can be restored from a backup."))

        def close() -> None:
            self.ctx.db.interrupt()
            self.ctx.db.dispose()

        return backups.replace_base(backup, base, close, when=self.ctx.now())


# A damaged base is dealt with before there is a service to ask (it did not open): these two
# stand on the file alone.
def newest_sound_backup(base: Path) -> tuple[Backup, int | None] | None:
    """The newest backup of ``base`` that passes the quick check, with its customer count."""
    return backups.newest_sound(backups.folder_for(base), base.stem)


def recover(base: Path, backup: Path | None) -> Path:
    """Set the damaged ``base`` aside and put ``backup`` (if any) in its place; returns
    where the damaged file is now."""
    return backups.recover(base, backup)
