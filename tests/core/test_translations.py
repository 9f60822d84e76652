"""The translation catalogs hold every string of the code, and the window loads them:
Qt's own tools extract and build them (tools/translations.py), plurals take the language's
forms."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def tools():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogs_hold_every_string_of_the_code():
    gaps = {name: found for name, found in tools().missing().items() if found}
    assert gaps == {}, "run: python tools/translations.py extract"


def test_strings_kept_in_tables_are_extracted():
    found = {text for text, _ in tools().sources(ROOT / "resources" / "i18n" / "retainer_ru.ts")}
    assert {"Last 30 days", "This month so far", "Can't lose them", "Spent before"} <= found


RU = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name></name>
    <message>
        <source>Nobody to call today</source>
        <translation>Сегодня звонить некому</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


def test_the_window_speaks_a_built_catalog_with_its_plural_forms(qapp, tmp_path, monkeypatch):
    from retainer.i18n import tr
    from retainer.ui import qt_i18n

    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "retainer_ru.ts").write_text(RU, encoding="utf-8")
    monkeypatch.setenv("RETAINER_RESOURCES", str(tmp_path))
    try:
        # No .qm yet, as in a fresh checkout: it is built into the data folder on the way.
        assert qt_i18n.install("ru") == "ru"
        assert tr("Nobody to call today") == "Сегодня звонить некому"
        assert [tr("%n customers", "", n) for n in (1, 2, 5, 21)] == [
            "1 клиент", "2 клиента", "5 клиентов", "21 клиент"]
        assert tr("Not translated yet") == "Not translated yet"
        built = tools().build(tmp_path / "i18n", tmp_path / "i18n")
        assert [p.name for p in built] == ["retainer_ru.qm"]
    finally:
        qt_i18n.install("en")
    assert tr("Nobody to call today") == "Nobody to call today"
    assert tr("%n customers", "", 3) == "3 customers"


def test_the_command_line_replaces_the_number_without_qt():
    from retainer import i18n

    assert i18n._identity("", "%n rows", None, 4) == "4 rows"


@pytest.fixture
def qapp():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])
