"""resources/ (icons, stylesheet, translations) is found by a checkout, an installed wheel and
a frozen app, and what it holds is whole."""

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from setuptools import find_packages

from retainer import paths

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_list_matches_the_tree():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    found = find_packages(str(ROOT), include=["retainer", "retainer.*"])
    assert sorted(declared) == sorted([*found, "retainer.resources"])


def test_a_checkout_finds_the_resources(monkeypatch):
    monkeypatch.delenv("RETAINER_RESOURCES", raising=False)
    assert paths.resources_dir() == ROOT / "resources"
    for name in ("icons/retainer.svg", "icons/retainer.png", "icons/retainer.ico",
                 "icons/retainer.icns", "style/retainer.qss", "i18n"):
        assert (paths.resources_dir() / name).exists(), name


def test_a_frozen_app_finds_them_in_its_bundle(monkeypatch, tmp_path):
    monkeypatch.delenv("RETAINER_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"


def test_an_installed_wheel_carries_them(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True, timeout=600)
    (wheel,) = tmp_path.glob("retainer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("retainer/resources/icons/retainer.svg", "retainer/resources/icons/retainer.ico",
                 "retainer/resources/style/retainer.qss", "retainer/db/migrations/env.py",
                 "retainer/services/imports/apply.py"):
        assert name in names, name
    # Installed, the package finds them inside itself (-S: no editable install in the way).
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    found = subprocess.run([sys.executable, "-S", "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                            "from retainer.paths import resources_dir; print(resources_dir())", str(site)],
                           capture_output=True, text=True, check=True,
                           env={"PATH": "/usr/bin:/bin"}).stdout.strip()
    assert Path(found) == site / "retainer" / "resources"
    assert (Path(found) / "style" / "retainer.qss").exists()


def test_every_colour_the_stylesheet_uses_is_named_once():
    text = (ROOT / "resources/style/retainer.qss").read_text()
    named = re.findall(r"^@colour\s+([a-z0-9-]+)\s", text, re.MULTILINE)
    assert len(named) == len(set(named))
    rules = re.sub(r"^@colour.*$", "", text, flags=re.MULTILINE)
    rules = re.sub(r"/\*.*?\*/", "", rules, flags=re.DOTALL)
    used = set(re.findall(r"@([a-z][a-z0-9-]*)", rules))
    assert used and used <= set(named)
    # No colour is written anywhere else in the window's code.
    for module in (ROOT / "retainer/ui").glob("*.py"):
        assert not re.search(r"#[0-9a-fA-F]{6}\b", module.read_text()), module.name
