"""Build the one-folder app from packaging/retainer.spec, check it, and pack it.

    python packaging/build.py            # build, self-test, pack (Linux: a .tar.xz)
    python packaging/build.py --no-pack  # build and self-test only (Windows and macOS: the
                                         # workflow packs with Inno Setup or hdiutil)

The steps: the translation catalogs built (tools/translations.py build), PyInstaller on the
spec into build/dist/Retainer (build/dist/Retainer.app on macOS), the frozen app's own
``--selftest`` run offscreen (a fresh base, an import, an export, every room and the dashboard
in each language), a look inside for what must not be there (QML, Quick, WebEngine, Tk,
geocoding data), then the sizes: unpacked, and packed as build/Retainer-<version>-linux-<machine>.tar.xz.
Any failed step stops the build with exit code 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
sys.path.insert(0, str(ROOT))

# Pieces a lean bundle must not carry (checked by name in the unpacked folder).
UNWANTED = ("Qt6Qml", "Qt6Quick", "QtQml", "QtQuick", "Qt6WebEngine", "Qt63D", "Qt6Multimedia",
            "libtk", "libtcl", "_tkinter", "geodata", "carrierdata", "backend_tkagg",
            "scipy/stats", "scipy/signal", "scipy/ndimage")


def step(name: str) -> None:
    print(f"== {name}", flush=True)


def app_folder() -> Path:
    if sys.platform == "darwin":
        return BUILD / "dist" / "Retainer.app"
    return BUILD / "dist" / "Retainer"


def executable() -> Path:
    if sys.platform == "darwin":
        return app_folder() / "Contents" / "MacOS" / "Retainer"
    return app_folder() / ("Retainer.exe" if sys.platform == "win32" else "Retainer")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build() -> None:
    step("translations")
    subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "build"], check=True)
    step("pyinstaller")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
                    "WARN", "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"),
                    str(ROOT / "packaging" / "retainer.spec")], check=True)


def strip() -> None:
    """Linux: the debugging symbols off Retainer's own binaries, but not off the libraries
    that wheels carry in their ``*.libs`` folders, which auditwheel patched and strip breaks
    (numpy's OpenBLAS then fails to load: "ELF load command … not page-aligned")."""
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return
    step("strip")
    for path in app_folder().rglob("*"):
        if (path.is_file() and not path.is_symlink() and ".so" in path.name or path.name == "Retainer") \
                and not any(part.endswith(".libs") for part in path.parts):
            with open(path, "rb") as fh:
                if fh.read(4) != b"\x7fELF":
                    continue
            subprocess.run(["strip", "--strip-unneeded", str(path)], check=False,
                           capture_output=True)


def selftest() -> None:
    step("self-test of the frozen app")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RETAINER_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if os.environ.get("RETAINER_SELFTEST_SERVER"):  # a PostgreSQL server for the check of it
        env["RETAINER_SELFTEST_SERVER"] = os.environ["RETAINER_SELFTEST_SERVER"]
    # A windowed app on Windows has no console: the self-test writes its lines to a file too.
    report = BUILD / "selftest.txt"
    env["RETAINER_SELFTEST_REPORT"] = str(report)
    done = subprocess.run([str(executable()), "--selftest"], env=env, timeout=600)
    if sys.platform == "win32" and report.exists():
        print(report.read_text(encoding="utf-8"), flush=True)
    if done.returncode != 0:
        raise SystemExit(f"the frozen app's self-test failed (exit code {done.returncode})")


def lean() -> None:
    step("nothing the app never loads")
    found = sorted({str(p.relative_to(app_folder())) for p in app_folder().rglob("*")
                    if any(u in str(p.relative_to(app_folder())).replace("\\", "/") for u in UNWANTED)})
    if found:
        raise SystemExit("the bundle carries what the app never loads:\n  " + "\n  ".join(found[:40]))


def pack() -> Path:
    """The folder as build/Retainer-<version>-linux-<machine>.tar.xz: xz packs Qt's and
    OpenBLAS's libraries a fifth smaller than gzip (xz with every core when it is installed)."""
    from retainer import __version__

    step("pack")
    machine = platform.machine().lower() or "x86_64"
    target = BUILD / f"Retainer-{__version__}-linux-{machine}.tar.xz"
    top = f"Retainer-{__version__}"
    if shutil.which("tar") and shutil.which("xz"):
        with open(target, "wb") as out:
            tar = subprocess.Popen(["tar", "-C", str(app_folder().parent), "--transform",
                                    f"s,^{app_folder().name},{top},", "-cf", "-", app_folder().name],
                                   stdout=subprocess.PIPE)
            subprocess.run(["xz", "-6", "-T0", "-c"], stdin=tar.stdout, stdout=out, check=True)
            if tar.wait() != 0:
                raise SystemExit("tar failed")
    else:
        with tarfile.open(target, "w:xz", preset=6) as archive:
            archive.add(app_folder(), arcname=top)
    return target


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-pack", action="store_true", help="build and self-test only")
    args = parser.parse_args()
    started = time.perf_counter()
    build()
    strip()
    selftest()
    lean()
    sizes = {"unpacked_bytes": size_of(app_folder()), "platform": sys.platform,
             "python": platform.python_version()}
    if not args.no_pack and sys.platform.startswith("linux"):
        packed = pack()
        sizes["packed_bytes"] = packed.stat().st_size
        sizes["packed"] = packed.name
    (BUILD / "sizes.json").write_text(json.dumps(sizes, indent=1))
    print(f"unpacked {sizes['unpacked_bytes'] / 1e6:.1f} MB"
          + (f", packed {sizes['packed_bytes'] / 1e6:.1f} MB ({sizes['packed']})"
             if "packed" in sizes else "")
          + f"; built in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
