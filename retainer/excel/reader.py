"""Opening the file a shop owner brings: checked before anything is parsed, read row by row.

.xlsx, .xls and .ods are read with python-calamine (Rust's calamine: several times faster than
openpyxl and it reads all three); .csv with the csv module, its encoding (UTF-8 with or without
BOM, else Windows-1251) and separator (comma, semicolon or tab) detected. Every way a file can
be wrong ends in :class:`FileProblem` with a message that names the file and what is wrong.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retainer.i18n import grouped, tr

MAX_ROWS = 500_000                    # more is not a customer list; split the file
MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # a workbook that unpacks to over 1 GiB is refused unread
MAX_RATIO = 200                        # ... and so is one packed tighter than real files are
SPREADSHEET = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT = (".csv", ".txt")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class FileProblem(Exception):
    """A file that cannot be imported; the message says why, in plain words."""


def reading_failed(exc: BaseException) -> bool:
    """Whether ``exc`` is the file reader failing, to be told as a FileProblem.

    The Rust reader reports a panic as pyo3's ``PanicException``, which derives from
    BaseException, not Exception; only the interpreter's own stops are let through."""
    return not isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, FileProblem))


@dataclass
class Sheet:
    name: str
    rows: int | None  # known once the sheet is read


class Source:
    """An opened file: its sheets, and each sheet's rows as lists of cell values."""

    def __init__(self, path: Path, sheets: list[Sheet], book=None, csv_text: str | None = None,
                 delimiter: str = ",", max_rows: int = MAX_ROWS) -> None:
        self.path = path
        self.sheets = sheets
        self._book = book
        self._csv_text = csv_text
        self.delimiter = delimiter
        self.max_rows = max_rows
        self._loaded: dict[str, Any] = {}

    def _sheet(self, name: str):
        """The sheet's cells, loaded once (calamine reads one sheet, never the whole book)."""
        if name not in self._loaded:
            try:
                data = self._book.get_sheet_by_name(name)
            except BaseException as exc:  # calamine's own errors, or a panic, on damaged sheets
                if not reading_failed(exc):
                    raise
                raise FileProblem(tr("{file}: the sheet “{sheet}” cannot be read ({reason}).").format(
                    file=self.path.name, sheet=name, reason=exc)) from exc
            if data.height > self.max_rows + 100:
                raise FileProblem(tr("{file}: the sheet “{sheet}” has %Ln rows; at most {max} can "
                                     "be imported at once. Split the file.", "", data.height).format(
                                         file=self.path.name, sheet=name, max=grouped(self.max_rows)))
            for sheet in self.sheets:
                if sheet.name == name:
                    sheet.rows = data.height
            self._loaded = {name: data}  # keep one sheet in memory at a time
        return self._loaded[name]

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.sheets]

    def rows(self, sheet: str | None = None) -> Iterator[list[Any]]:
        if self._csv_text is not None:
            reader = csv.reader(io.StringIO(self._csv_text, newline=""), delimiter=self.delimiter)
            try:
                yield from reader
            except csv.Error as exc:
                raise FileProblem(tr("{file}, line {line}: {reason}. Save it again from Excel "
                                     "and retry.").format(file=self.path.name, line=reader.line_num,
                                                          reason=exc)) from exc
            return
        name = sheet or self.sheets[0].name
        if name not in self.sheet_names:
            raise FileProblem(tr("{file} has no sheet named “{sheet}”. Its sheets: {names}.").format(
                file=self.path.name, sheet=name, names=", ".join(self.sheet_names)))
        data = self._sheet(name)
        try:
            yield from data.iter_rows()
        except BaseException as exc:
            if not reading_failed(exc):
                raise
            raise FileProblem(tr("{file}: the sheet “{sheet}” cannot be read ({reason}).").format(
                file=self.path.name, sheet=name, reason=exc)) from exc

    def tables(self) -> dict[str, tuple[str, int]]:
        """Excel tables by name: (sheet, 0-based header row). Retainer's export names its own."""
        if self._book is None:
            return {}
        try:
            names = list(self._book.table_names)
        except Exception:  # noqa: BLE001 - .xls and .ods have no tables
            return {}
        found = {}
        for name in names:
            try:
                table = self._book.get_table_by_name(name)
                found[name] = (table.sheet, max(0, table.start[0] - 1))
            except BaseException as exc:  # noqa: BLE001 - a damaged table is read as a plain sheet
                if not reading_failed(exc):
                    raise
        return found

    def merged_ranges(self, sheet: str | None = None) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column), 0-based, of merged cells."""
        if self._book is None:
            return []
        try:
            ranges = self._sheet(sheet or self.sheets[0].name).merged_cell_ranges or []
            return [(a[0], a[1], b[0], b[1]) for a, b in ranges]
        except BaseException as exc:  # noqa: BLE001 - merged cells are a nicety, not a requirement
            if not reading_failed(exc):
                raise
            return []


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            declared = sum(m.file_size for m in members)
            packed = sum(m.compress_size for m in members) or 1
            if declared > MAX_UNCOMPRESSED or declared / packed > MAX_RATIO and declared > 50_000_000:
                raise FileProblem(tr(
                    "{file} claims to unpack to {size} MB, far more than any real workbook; it "
                    "was refused without opening it.").format(file=path.name, size=declared // 2**20))
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as fh:
                        head = fh.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise FileProblem(tr(
                            "{file} contains XML with entity declarations, which real workbooks "
                            "never have and which can be used to attack the computer; it was "
                            "refused.").format(file=path.name))
            archive.testzip() if len(members) < 50 else None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        raise FileProblem(tr("{file} is damaged or cut short (it cannot be unpacked). Save it "
                             "again from Excel and retry.").format(file=path.name)) from exc


def _check_ole(path: Path, blob: bytes, size: int) -> None:
    """An .xls file is a header of 512 bytes and whole sectors; one cut short makes the Rust
    reader panic (and print to the terminal), so it is refused before it is read."""
    shift = int.from_bytes(blob[30:32], "little") if len(blob) >= 32 else 0
    sector = 1 << shift if shift in (9, 12) else 0
    if size < 1024 or not sector or (size - 512) % sector:
        raise FileProblem(tr("{file} is damaged or cut short (its size does not fit an Excel "
                             "97–2003 workbook). Save it again from Excel and retry.").format(
                                 file=path.name))


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251", errors="replace")


DELIMITERS = (";", ",", "\t", "|")


def _delimiter(text: str) -> str:
    """The separator that splits the first lines, outside quotes, into the same number of
    columns most often, and into the most columns among equals.

    Russian and Lithuanian Excel write ``;`` because the comma is their decimal mark, and a
    header like "Сумма покупок, руб." or a value like "1 500,50" must not decide it."""
    lines = [line for line in text.splitlines()[:60] if line.strip()][:50]
    sample = "\n".join(lines)
    best, best_score = ",", (0, 0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        except csv.Error:
            continue
        if not widths:
            continue
        usual = max(set(widths), key=lambda w: (widths.count(w), w))
        if usual < 2:
            continue
        # How many lines have the usual width, the width itself, and whether the header does.
        score = (widths.count(usual), usual, widths[0] == usual)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def open_file(path: str | Path, max_rows: int | None = None) -> Source:
    path = Path(path)
    max_rows = MAX_ROWS if max_rows is None else max_rows
    if not path.exists():
        raise FileProblem(tr("{file} does not exist.").format(file=path))
    if path.is_dir():
        raise FileProblem(tr("{file} is a folder, not a file.").format(file=path))
    size = path.stat().st_size
    if size == 0:
        raise FileProblem(tr("{file} is empty.").format(file=path.name))
    suffix = path.suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(8)
    if suffix in TEXT:
        if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
            raise FileProblem(tr("{file} is a workbook saved with a .csv name; rename it to "
                                 ".xlsx (or .xls) and try again.").format(file=path.name))
        if size > 512 * 2**20:
            raise FileProblem(tr("{file} is larger than 512 MB; split it.").format(file=path.name))
        text = _decode(path.read_bytes(), path)
        if not text.strip():
            raise FileProblem(tr("{file} is empty.").format(file=path.name))
        if "\x00" in text[:4096]:
            raise FileProblem(tr("{file} is not a text file, whatever its name says.").format(file=path.name))
        lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        if lines > max_rows + 100:
            raise FileProblem(tr("{file} has %Ln rows; at most {max} can be imported at once. "
                                 "Split the file.", "", lines).format(file=path.name, max=grouped(max_rows)))
        return Source(path, [Sheet(path.stem, lines)], csv_text=text, delimiter=_delimiter(text),
                      max_rows=max_rows)
    if suffix not in SPREADSHEET:
        raise FileProblem(tr("{file}: Retainer imports .xlsx, .xls, .ods and .csv files, not "
                             "“{suffix}”.").format(file=path.name, suffix=suffix or tr("no extension")))
    if head.startswith(OLE_MAGIC):
        with open(path, "rb") as fh:
            blob = fh.read(min(size, 4 * 2**20))
        if "EncryptedPackage".encode("utf-16-le") in blob or suffix != ".xls":
            raise FileProblem(tr("{file} is protected with a password. Open it in Excel, remove "
                                 "the password (File → Info → Protect Workbook) and save it "
                                 "again.").format(file=path.name))
        _check_ole(path, blob, size)
    elif head.startswith(ZIP_MAGIC):
        if suffix == ".xls":
            suffix = ".xlsx"
        _check_zip(path)
    else:
        raise FileProblem(tr("{file} is not a spreadsheet, whatever its name says (or it is "
                             "damaged).").format(file=path.name))
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path), load_tables=suffix in (".xlsx", ".xlsm"))
        sheets = [Sheet(m.name, None) for m in book.sheets_metadata
                  if str(getattr(m, "typ", "WorkSheet")).endswith("WorkSheet")]
    except BaseException as exc:  # a Rust panic is a BaseException too
        if not reading_failed(exc):
            raise
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise FileProblem(tr("{file} is protected with a password. Open it in Excel, remove "
                                 "the password and save it again.").format(file=path.name)) from exc
        raise FileProblem(tr("{file} is damaged or cut short and cannot be read ({reason}). "
                             "Save it again from Excel and retry.").format(
                                 file=path.name, reason=exc)) from exc
    if not sheets:
        raise FileProblem(tr("{file} has no sheets with data.").format(file=path.name))
    return Source(path, sheets, book=book, max_rows=max_rows)
