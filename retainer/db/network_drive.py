"""Is the base's file on a network drive? SQLite's locking is not safe over SMB or NFS: two
computers writing one file there can damage it, and a dropped connection can cut a write
short. The window warns the owner and points at the shared server instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# File systems that live on another computer, as Linux's /proc/mounts and macOS's mount name them.
NETWORK_KINDS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "webdav", "davfs", "9p",
                 "ncpfs", "glusterfs", "ceph", "fuse.sshfs", "fuse.davfs2", "fuse.rclone"}


def _unescape(field: str) -> str:
    """/proc/mounts writes a space in a mount point as \\040."""
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def kind_from_mounts(path: Path, mounts: str) -> str | None:
    """The network file system holding ``path``, from /proc/mounts text; None if it is local."""
    best, kind = "", None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs = _unescape(fields[1]), fields[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fs
    return kind if kind in NETWORK_KINDS else None


def kind_from_mount_command(path: Path, output: str) -> str | None:
    """The same from macOS's ``mount``: "//user@nas/shop on /Volumes/shop (smbfs, nodev)"."""
    best, kind = "", None
    target = str(path)
    for line in output.splitlines():
        if " on " not in line or " (" not in line:
            continue
        point = line.split(" on ", 1)[1].rsplit(" (", 1)[0]
        fs = line.rsplit(" (", 1)[1].split(",")[0].rstrip(")").strip()
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fs
    return kind if kind in NETWORK_KINDS else None


def _windows_kind(path: Path) -> str | None:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "network share"
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if not drive:
        return None
    drive_remote = 4  # GetDriveTypeW's DRIVE_REMOTE: a mapped network drive
    return "network drive" if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote else None


def network_kind(path: Path) -> str | None:
    """What kind of network file system ``path`` is on (smbfs, nfs, …), or None when local or
    when the computer cannot tell."""
    try:
        path = path.expanduser().resolve()
        if sys.platform == "win32":
            return _windows_kind(path)
        if sys.platform == "darwin":
            output = subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
            return kind_from_mount_command(path, output)
        return kind_from_mounts(path, Path("/proc/mounts").read_text(encoding="utf-8"))
    except (OSError, ValueError, subprocess.SubprocessError, AttributeError):
        return None
