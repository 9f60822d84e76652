"""The README's folder map names every package and root module of retainer/ and every
top-level folder, so the map and the tree cannot drift apart."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def folder_map() -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index("### The folders, in the order data flows through them")
    return text[start:text.index("\n\n", text.index("| Folder |", start) + 1)]


def test_every_package_and_root_module_is_on_the_map():
    table = folder_map()
    named = set(re.findall(r"`([^`]+)`", table))
    words = {n.strip("/") for part in named for n in re.split(r",\s*", part)}
    for entry in sorted((ROOT / "retainer").iterdir()):
        if entry.name.startswith("__") or entry.name.endswith(".pyc"):
            continue
        if entry.is_dir() and (entry / "__init__.py").exists():
            assert f"retainer/{entry.name}" in words, entry.name
        elif entry.suffix == ".py":
            assert f"retainer/{entry.name}" in words or entry.name in words, entry.name
    for folder in ("resources", "packaging", "docs", "tests", "benchmarks", "tools"):
        assert folder in words, folder
