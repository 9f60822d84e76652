"""The window's translations: extract the strings from the code, build the catalogs Qt loads.

    python tools/translations.py extract   # resources/i18n/retainer_{en,ru,lt}.ts from the code
    python tools/translations.py build     # resources/i18n/retainer_{en,ru,lt}.qm from the .ts
    python tools/translations.py check     # fails when the .ts miss a string of the code

Qt's own tools do the work (pyside6-lupdate and pyside6-lrelease, which come with PySide6):
lupdate reads every ``tr("…")`` of ``retainer/`` — the core's messages, the window, the
command line — and merges them into the Linguist sources, keeping what is translated; the
.qm files are built from them for the window, the tests and the installers, and are not
committed. A checkout without them still speaks its language: the window builds what is
missing into its data folder at start (``retainer.ui.qt_i18n``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "retainer"
CATALOGS = ROOT / "resources" / "i18n"
LANGUAGES = ("en", "ru", "lt")
# English is the language of the code; its catalog holds only the plurals ("%Ln customers"
# has the forms "1 customer" and "2 customers").
PLURALS_ONLY = ("en",)


def tool(name: str) -> str:
    """pyside6-<name> beside this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} is not installed (it comes with PySide6)")
    return found


def catalog(language: str) -> Path:
    return CATALOGS / f"retainer_{language}.ts"


def extract(target: Path | None = None, languages=LANGUAGES) -> list[Path]:
    """Merge the code's strings into each language's .ts (in ``target``, default resources/)."""
    folder = target or CATALOGS
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        ts = folder / catalog(language).name
        if target is not None and catalog(language).exists():
            shutil.copyfile(catalog(language), ts)  # merge into a copy of the committed one
        only = ["-pluralonly"] if language in PLURALS_ONLY else []
        subprocess.run([tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations",
                        "none", *only, "-target-language", language, str(SOURCES), "-ts", str(ts)],
                       check=True, capture_output=True)
        written.append(ts)
    return written


def build(source: Path = CATALOGS, target: Path = CATALOGS) -> list[Path]:
    """The .qm of every .ts in ``source``, written to ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(source.glob("*.ts")):  # Retainer's catalogs, and Qt's words Qt lacks
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def sources(ts: Path) -> set[tuple[str, str | None]]:
    """(source text, disambiguation) of every message of a .ts."""
    root = ET.parse(ts).getroot()
    return {(m.findtext("source"), m.findtext("comment")) for m in root.iter("message")}


def missing() -> dict[str, set]:
    """The strings of the code that each committed .ts does not have yet."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = extract(Path(folder))
        return {ts.stem: sources(ts) - sources(catalog(ts.stem.split("_")[1])) for ts in fresh
                if catalog(ts.stem.split("_")[1]).exists()} | {
            f"retainer_{lang}": {("(no catalog)", None)} for lang in LANGUAGES if not catalog(lang).exists()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=("extract", "build", "check"))
    args = parser.parse_args()
    if args.step == "extract":
        for ts in extract():
            print(ts.relative_to(ROOT), len(sources(ts)), "strings")
    elif args.step == "build":
        for qm in build():
            print(qm.relative_to(ROOT))
    else:
        gaps = {name: found for name, found in missing().items() if found}
        for name, found in gaps.items():
            print(f"{name}.ts lacks {len(found)} strings of the code, e.g. {sorted(found, key=str)[:3]}")
        return 1 if gaps else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
