"""Whatever the file, the import ends in an import or a clear message — never a traceback.

Valid .xlsx, .xls, .ods and .csv files are damaged the ways files really get damaged (cut
short by a full disk or a broken download, bytes flipped, zip members lost or doubled, rows
shorter than the header, empty or enormous sheets) and fed to the import service and to
``retainer import``; the wizard goes through the same service (tests/ui/test_import_wizard.py).
"""

from __future__ import annotations

import io
import random
import warnings
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from retainer.excel.reader import FileProblem
from retainer.services.imports import Report
from tests.excel import ugly

FIXTURES = Path(__file__).parent.parent / "fixtures"
ROWS = [
    ["Клиенты кофейни «Зерно»", None, None, None, None],
    ["ФИО", "Телефон", "Дата покупки", "Сумма", "Карта"],
    ["Анна Петрова", "8 (916) 123-45-67", "01.03.2026", 350.5, "00123"],
    ["Jonas Kazlauskas", "+370 612 34567", "15.03.2026", "1 200,00", "00456"],
    ["Борис Орлов", "89035551234", "02.04.2026", 0, None],
]
CSV = "Код;ФИО;Телефон;Сумма покупок, руб.\r\n100;Кузнецов;+7 916 123-45-67;1 500,50\r\n" \
      "101;Петрова;8 (903) 555-12-34;700\r\n"


def seed(kind: str, folder: Path) -> bytes:
    if kind == "xlsx":
        path = ugly.xlsx(folder / "seed.xlsx", ROWS, merge="A1:E1",
                         extra_sheets={"Продажи": [["Телефон", "Дата", "Сумма"],
                                                   ["89161234567", "05.03.2026", 10]]})
        return path.read_bytes()
    if kind == "csv":
        return CSV.encode("cp1251")
    return (FIXTURES / f"seed.{kind}").read_bytes()


def rezip(data: bytes, change) -> bytes:
    """The zip archive with its members passed through ``change(list of (name, bytes))``."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in change(members):
            with _quiet():
                dst.writestr(name, body)
    return out.getvalue()


@contextmanager
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of one mutation
        yield


def mutate(data: bytes, kind: str, how: str, rng: random.Random) -> bytes:
    zipped = kind in ("xlsx", "ods")
    if how == "truncate":
        return data[:rng.randrange(0, len(data))]
    if how == "flip":
        body = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            body[rng.randrange(len(body))] = rng.randrange(256)
        return bytes(body)
    if how == "drop" and zipped:
        return rezip(data, lambda m: [x for i, x in enumerate(m) if i != rng.randrange(len(m))])
    if how == "duplicate" and zipped:
        return rezip(data, lambda m: m + [m[rng.randrange(len(m))]])
    if how == "garble_member" and zipped:
        def garble(members):
            index = rng.randrange(len(members))
            name, body = members[index]
            cut = body[:rng.randrange(len(body) + 1)] + bytes(rng.randrange(256) for _ in range(8))
            return members[:index] + [(name, cut)] + members[index + 1:]
        return rezip(data, garble)
    if how == "ragged" and kind == "csv":
        lines = data.decode("cp1251").split("\r\n")
        return "\r\n".join(";".join(line.split(";")[:rng.randint(0, 4)]) for line in lines).encode("cp1251")
    # Anything else: flip a few bytes in the middle.
    body = bytearray(data)
    body[len(body) // 2] ^= 0xFF
    return bytes(body)


def outcome(services, path: Path) -> Report | FileProblem:
    """The import's end: a report, or a FileProblem with a message; anything else fails."""
    try:
        layout = services.imports.layout(str(path))
        return services.imports.run_to_end(layout.plan())
    except FileProblem as problem:
        assert str(problem).strip()
        return problem
    finally:
        services.imports.forget_file()


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(["xlsx", "xls", "ods", "csv"]),
       how=st.sampled_from(["truncate", "flip", "drop", "duplicate", "garble_member", "ragged"]),
       seed_number=st.integers(min_value=0, max_value=10**6))
def test_a_damaged_file_ends_in_an_import_or_a_clear_message(services, tmp_path, kind, how, seed_number):
    rng = random.Random(seed_number)
    path = tmp_path / f"damaged-{seed_number}.{kind}"
    path.write_bytes(mutate(seed(kind, tmp_path), kind, how, rng))
    outcome(services, path)


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods", "csv"])
def test_each_seed_imports_as_it_is(services, tmp_path, kind):
    path = tmp_path / f"list.{kind}"
    path.write_bytes(seed(kind, tmp_path))
    report = outcome(services, path)
    assert isinstance(report, Report) and report.customers_added >= 2


def test_rows_shorter_than_the_header_under_merged_titles(services, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Клиенты"])           # a one-cell title row, merged across five columns
    sheet.append(["ФИО", "Телефон", None, None, "Город"])
    sheet.append(["Анна"])              # a row shorter than the header
    sheet.append(["Борис", "89035551234"])
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("C2:D2")
    path = tmp_path / "ragged.xlsx"
    book.save(path)
    report = outcome(services, path)
    assert isinstance(report, Report) and report.customers_added == 2


def test_empty_and_enormous_sheets(services, tmp_path):
    book = Workbook()
    book.active.title = "Пусто"
    data = book.create_sheet("Клиенты")
    for row in ROWS:
        data.append(row)
    far = book.create_sheet("Далеко")
    far["XFD1"] = "x"  # the last column Excel has
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    problem = outcome(services, path)
    assert isinstance(problem, FileProblem) and "empty" in str(problem)  # the first sheet
    layout = services.imports.layout(str(path), "Клиенты")
    assert services.imports.run_to_end(layout.plan()).customers_added == 3
    tall = Workbook()
    tall.active["A1"] = "ФИО"
    tall.active["A600000"] = "Анна"
    tall_path = tmp_path / "tall.xlsx"
    tall.save(tall_path)
    assert "Split the file" in str(outcome(services, tall_path))


def test_a_panic_in_the_reader_is_told_as_a_damaged_file(services, tmp_path, monkeypatch):
    import python_calamine

    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    def panics(*_args, **_kwargs):
        raise PanicException("called `Option::unwrap()` on a `None` value")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", panics)
    path = tmp_path / "list.xlsx"
    path.write_bytes(seed("xlsx", tmp_path))
    problem = outcome(services, path)
    assert isinstance(problem, FileProblem) and "list.xlsx is damaged" in str(problem)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(["xlsx", "xls", "ods", "csv"]),
       how=st.sampled_from(["truncate", "flip", "drop", "garble_member", "ragged"]),
       seed_number=st.integers(min_value=0, max_value=10**6))
def test_the_command_line_import_never_shows_a_traceback(tmp_path, capfd, kind, how, seed_number):
    from retainer.cli import main

    path = tmp_path / f"damaged-{seed_number}.{kind}"
    path.write_bytes(mutate(seed(kind, tmp_path), kind, how, random.Random(seed_number)))
    code = main(["import", str(path), "--db", str(tmp_path / "cli.sqlite"), "--dry-run"])
    captured = capfd.readouterr()  # the terminal itself: a Rust panic would print there
    assert code in (0, 1)
    assert "Traceback" not in captured.err + captured.out and "panicked" not in captured.err
    assert captured.err.strip() or "Test run" in captured.out
