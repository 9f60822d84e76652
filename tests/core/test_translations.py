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


# -- the real catalogs ------------------------------------------------------------------------

import re  # noqa: E402
import string  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

CATALOGS = ROOT / "resources" / "i18n"
PRINTF = re.compile(r"%\((\w+)\)[sdr]|%L?n|%[sdr]")


def placeholders(text: str) -> list[str]:
    """What a translation must keep of its source: {fields} with their format, %Ln, %(x)s,
    one & (a menu's shortcut letter), and the leading or trailing space that joins parts."""
    fields = sorted(f"{{{name}{':' + spec if spec else ''}}}"
                    for _, name, spec, _ in string.Formatter().parse(text) if name is not None)
    return fields + sorted(m.group(0) for m in PRINTF.finditer(text)) + [
        "&" * (text.replace("&&", "").count("&") > 0),
        "leading space" * text.startswith(" "), "newline" * text.endswith("\n")]


def messages(language: str, name: str = "retainer"):
    for m in ET.parse(CATALOGS / f"{name}_{language}.ts").getroot().iter("message"):
        translation = m.find("translation")
        forms = ([f.text or "" for f in translation.iter("numerusform")] if m.get("numerus") == "yes"
                 else [translation.text or ""])
        yield m.findtext("source"), m.findtext("comment"), translation.get("type"), forms


@pytest.mark.parametrize("language,name", [("ru", "retainer"), ("lt", "retainer"), ("lt", "qt")])
def test_every_string_has_a_finished_translation(language, name):
    unfinished = [(source, comment) for source, comment, kind, forms in messages(language, name)
                  if kind in ("unfinished", "obsolete", "vanished") or not all(f.strip() for f in forms)]
    assert unfinished == [], f"{len(unfinished)} strings lack a {language} translation"


@pytest.mark.parametrize("language", ["ru", "lt"])
def test_plurals_have_the_three_forms_of_the_language(language):
    from retainer.i18n import plural_form

    needed = len({plural_form(language, n) for n in range(200)})
    assert needed == 3
    for source, _, _, forms in messages(language):
        if "%Ln" in source:
            assert len(forms) == needed, source


@pytest.mark.parametrize("language,name", [("en", "retainer"), ("ru", "retainer"),
                                           ("lt", "retainer"), ("lt", "qt")])
def test_translations_keep_the_placeholders_of_their_source(language, name):
    wrong = [(source, form) for source, _, _, forms in messages(language, name) for form in forms
             if placeholders(form) != placeholders(source)]
    assert wrong == []


def test_the_placeholder_check_catches_what_it_is_for():
    assert placeholders("Saved {file}: {n:.1f}") != placeholders("Сохранено: {файл}")
    assert placeholders("%Ln rows") != placeholders("строк")
    assert placeholders("&File") != placeholders("Файл")
    assert placeholders(" (in the trash)") != placeholders("(в корзине)")
    assert placeholders("{a} and {b}") == placeholders("{b} и {a}")


@pytest.mark.parametrize("language", ["en", "ru", "lt"])
def test_the_window_and_the_command_line_read_the_catalogs_alike(qapp, language):
    """Qt's translator (.qm, Qt's numerus rules) and the command line's reader of the .ts
    (retainer.i18n, no Qt) give the same text for every message and every kind of number."""
    from retainer import i18n
    from retainer.ui import qt_i18n

    found = i18n.read_catalog(CATALOGS / f"retainer_{language}.ts")
    ours = i18n.catalog_translator(language, found)
    numbers = [*range(0, 130), 1001, 1234, 100_000, 1_000_021]
    try:
        assert qt_i18n.install(language) == language
        for (source, comment) in found:
            for n in (numbers if "%Ln" in source else [-1]):
                assert i18n.tr(source, comment, n) == ours("", source, comment, n), (source, n)
    finally:
        qt_i18n.install("en")
        i18n.speak("en")


@pytest.mark.parametrize("language,save,cancel", [("ru", "Сохранить", "Отмена"),
                                                  ("lt", "Įrašyti", "Atšaukti"), ("en", "Save", "Cancel")])
def test_qt_s_own_buttons_speak_the_language_too(qapp, language, save, cancel):
    """Qt's standard buttons: its own catalog for Russian, Retainer's for Lithuanian, which
    Qt does not have."""
    from PySide6.QtWidgets import QDialogButtonBox

    from retainer.ui import qt_i18n

    try:
        qt_i18n.install(language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        assert [b.text() for b in buttons.buttons()] == [save, cancel]
    finally:
        qt_i18n.install("en")


def test_plural_forms_in_each_language():
    from retainer import i18n

    try:
        i18n.speak("ru")
        assert [i18n.tr("%Ln customers", "", n) for n in (1, 2, 5, 11, 21, 22, 1234)] == [
            "1 клиент", "2 клиента", "5 клиентов", "11 клиентов", "21 клиент", "22 клиента",
            "1\u00a0234 клиента"]
        i18n.speak("lt")
        assert [i18n.tr("%Ln customers", "", n) for n in (1, 2, 10, 11, 21, 30)] == [
            "1 klientas", "2 klientai", "10 klientų", "11 klientų", "21 klientas", "30 klientų"]
        i18n.speak("en")
        assert [i18n.tr("%Ln customers", "", n) for n in (1, 2, 1234)] == [
            "1 customer", "2 customers", "1,234 customers"]
    finally:
        i18n.speak("en")


def test_numbers_dates_and_money_the_language_s_way():
    from datetime import date

    from retainer.i18n import decimal, percent
    from retainer.rules.dates import excel_date_format, format_date
    from retainer.rules.money import excel_money_format, format_amount

    day = date(2026, 12, 1)
    assert [format_date(day, lang) for lang in ("ru", "lt", "en")] == [
        "01.12.2026", "2026-12-01", "01/12/2026"]
    assert format_amount(123450, "RUB", language="ru") == "1\u00a0234,50\u00a0₽"
    assert format_amount(123450, "EUR", language="lt") == "1\u00a0234,50\u00a0€"
    assert format_amount(123450, "EUR", language="en") == "€1,234.50"
    assert decimal(1234.5, 1, "ru") == "1\u00a0234,5" and decimal(1234.5, 1, "en") == "1,234.5"
    assert percent(0.125, 1, "ru") == "12,5\u00a0%" and percent(0.125, 1, "en") == "12.5%"
    assert excel_date_format(language="ru") == "dd.mm.yyyy"
    assert excel_money_format("RUB", language="ru") == '#,##0.00\\ "₽"'
    assert excel_money_format("GBP", language="en") == '"£"#,##0.00'


def test_the_language_of_the_system_and_of_the_choice(monkeypatch):
    from retainer import i18n, preferences

    monkeypatch.delenv("RETAINER_LANGUAGE")
    for name, expected in (("ru_RU.UTF-8", "ru"), ("lt_LT", "lt"), ("Russian_Russia", "ru"),
                           ("de_DE.UTF-8", None), ("C", None)):
        assert i18n.language_of(name) == expected
    monkeypatch.setenv("LC_ALL", "lt_LT.UTF-8")
    assert i18n.system_language() == "lt"
    preferences.save(language="ru")
    assert i18n.system_language() == "ru"  # the choice made in Settings wins
    monkeypatch.setenv("RETAINER_LANGUAGE", "en")
    assert i18n.system_language() == "en"
    preferences.save(language=None)
    assert "language" not in preferences.load()
