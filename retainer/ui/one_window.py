"""One window per base: a second start on a base already open brings the first window forward
and ends. The first start holds a lock file named after the base (Qt's QLockFile: a lock
whose process is gone — a crash, a power cut — is found stale and taken over); the second
leaves a request file beside it, which the first sees through a file-system watcher. Both are
Qt Core only, so the installers need no network module for it."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

from retainer.paths import data_dir

log = logging.getLogger(__name__)


def _key(location: str) -> str:
    """The same name for every spelling of one base: the resolved path, or the address."""
    if "://" not in location:
        try:
            location = str(Path(location).expanduser().resolve())
        except OSError:
            pass
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:16]


class OneWindow(QObject):
    forward_requested = Signal()  # a second start asked this window to come forward

    def __init__(self, location: str, folder: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.folder = folder or data_dir() / "running"
        name = f"base-{_key(location)}"
        self.lock_path = self.folder / f"{name}.lock"
        self.request_path = self.folder / f"{name}.forward"
        self.lock = QLockFile(str(self.lock_path))
        self.lock.setStaleLockTime(0)  # held as long as the window is open; stale only if its process is gone
        self.watcher: QFileSystemWatcher | None = None

    def claim(self) -> bool:
        """True when this start is the base's window (the lock is ours, a stale one cleared);
        False after asking the window that holds it to come forward."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # no folder to lock in: open anyway rather than not at all
        if self.lock.tryLock(0):
            self.request_path.unlink(missing_ok=True)
            self.watcher = QFileSystemWatcher([str(self.folder)], self)
            self.watcher.directoryChanged.connect(self._changed)
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            log.warning("cannot lock %s (%s); opening anyway", self.lock_path, self.lock.error())
            return True
        try:
            self.request_path.write_text("forward", encoding="utf-8")
        except OSError:
            pass
        return False

    def _changed(self, _folder: str) -> None:
        if self.request_path.exists():
            self.request_path.unlink(missing_ok=True)
            log.info("a second start on this base: the window comes forward")
            self.forward_requested.emit()

    def release(self) -> None:
        if self.watcher is not None:
            self.watcher.removePaths(self.watcher.directories())
        self.lock.unlock()
