"""The import service: look at a file, preview, test run, import, and the import history.

The whole import is one transaction: cancelled (the generator is closed) or failed, nothing
is written. Duplicates — the same phone or e-mail twice in the file or already in the base —
are skipped, update the customer, or are merged into them, as the owner chooses.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import threading
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from retainer.db import engine
from retainer.db.models import Import, ImportMapping
from retainer.events import CUSTOMERS, PURCHASES, REMINDERS, Change
from retainer.excel.columns import headers_key
from retainer.excel.reader import FileProblem, Source, open_file, reading_failed
from retainer.excel.rows import Problem, RowReader, RowRecord, clean_slices
from retainer.excel.writer import Column, write_table
from retainer.i18n import tr
from retainer.services import loyalty
from retainer.services.base import Context
from retainer.services.imports import layout as layouts
from retainer.services.imports.apply import ImportRun, apply_records, finish_batch, start_batch
from retainer.services.imports.country import CountryGuess, guess_country
from retainer.services.imports.plan import (
    ImportRecord,
    Layout,
    LinkedSheet,
    Plan,
    Progress,
    Report,
    plan_problem,
)
from retainer.services.imports.undo import undo_import

log = logging.getLogger(__name__)


@contextmanager
def _told_plainly(path: str) -> Iterator[None]:
    """Whatever a file does to the readers ends in a FileProblem that names the file.

    The readers name every problem they know of; this is the net under them, for a file
    damaged in a way nobody has seen yet (the details go to the log). The base's own errors
    pass through: they are not the file's fault."""
    try:
        yield
    except SQLAlchemyError:
        raise
    except BaseException as exc:
        if not reading_failed(exc):
            raise
        log.warning("reading %s failed", path, exc_info=True)
        raise FileProblem(tr("{file} cannot be read: it is damaged or written in a way Retainer "
                             "does not understand ({reason}). Nothing was imported. Open it in "
                             "Excel, save it again as .xlsx and retry.").format(
                                 file=Path(path).name, reason=type(exc).__name__)) from exc


def _read_plainly(items: Iterable, path: str) -> Iterator:
    """``items``, each one read under :func:`_told_plainly`."""
    items = iter(items)
    while True:
        with _told_plainly(path):
            try:
                item = next(items)
            except StopIteration:
                return
        yield item


class ImportService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._opened: tuple[tuple, Source] | None = None
        self._opening = threading.Lock()

    def _open(self, path: str) -> Source:
        """The file, opened once for the wizard's steps: looking, preview, test run, import.

        Reading a 100k-row sheet takes half a second; a file changed on disk in between
        (same path, other size or time) is opened afresh.
        """
        try:
            stat = os.stat(path)
            key = (str(path), stat.st_size, stat.st_mtime_ns)
        except OSError:
            return open_file(path)  # open_file names what is wrong with the path
        with self._opening:
            if self._opened is not None and self._opened[0] == key:
                return self._opened[1]
            source = open_file(path)
            self._opened = (key, source)
            return source

    def forget_file(self) -> None:
        """Let go of the file opened for the wizard's steps (the wizard closed)."""
        with self._opening:
            self._opened = None

    def layout(self, path: str, sheet: str | None = None, header_row: int | None = None) -> Layout:
        """What ``path`` holds, read through the file kept for the wizard's steps.

        ``header_row`` (0-based) is the owner's choice of the row with the column titles."""
        with _told_plainly(path):
            return layouts.find_layout(self._open(path), str(path), sheet, header_row,
                                       self.remembered_mapping)

    def linked_sheet(self, path: str, sheet: str) -> LinkedSheet | None:
        """The purchases on ``sheet``, if its columns name a customer, a date and an amount."""
        with _told_plainly(path):
            return layouts.linked_sheet(self._open(path), sheet)

    def remembered_mapping(self, headers: list[str]) -> dict[int, str] | None:
        with self.ctx.read() as session:
            saved = session.get(ImportMapping, headers_key(headers))
        if saved is None:
            return None
        return {int(k): v for k, v in json.loads(saved.mapping).items()}

    def preview(self, plan: Plan, limit: int = 20) -> list[tuple[RowRecord, list[Problem]]]:
        """The first rows exactly as they would be saved, with their problems; a row with
        problems, which the import leaves out, keeps what could be read (its name above all),
        so that the owner sees who would be missing."""
        with _told_plainly(plan.path):
            source = self._open(plan.path)
            headers, rows = self._rows(source, plan)
            reader = RowReader(headers, plan.mapping, self._region(plan), self.ctx.today())
            reader.partial = True
            out = []
            for item in reader.read(rows):
                out.append(item)
                if len(out) >= limit:
                    break
            return out

    def _region(self, plan: Plan) -> str:
        return plan.region or self.ctx.settings.default_region

    def country_guess(self, plan: Plan, language_region: str | None = None) -> CountryGuess | None:
        """A better country for the file's phone numbers written without a code, if the
        base's country rejects many of them (see :mod:`.country`)."""
        columns = [i for i, f in plan.mapping.items() if f in ("phone", "phone2")]
        if not columns:
            return None
        with _told_plainly(plan.path):
            _, rows = self._rows(self._open(plan.path), plan)
            cells = (row[i] for _, row in rows for i in columns if i < len(row))
            return guess_country(cells, self._region(plan), language_region)

    # Importing -----------------------------------------------------------------------------
    def run(self, plan: Plan, dry_run: bool = False) -> Generator[Progress, None, Report]:
        """Yields progress; returns the report. Closing the generator cancels: nothing is kept."""
        problem = plan_problem(plan.mapping)
        if problem:
            raise FileProblem(problem)
        if not dry_run:  # an import changes many customers at once: a backup first
            from retainer.services.backups import BackupService

            BackupService(self.ctx).back_up("import")
        with _collector_paused():
            report = yield from self._run(plan, dry_run)
        if not dry_run:  # a test run is followed by the import itself: keep the file for it
            self.forget_file()
        if not dry_run and (report.customers_added or report.customers_updated or report.purchases_added):
            self.ctx.announce(Change.of(CUSTOMERS, PURCHASES, REMINDERS))
        return report

    def _run(self, plan: Plan, dry_run: bool) -> Generator[Progress, None, Report]:
        with _told_plainly(plan.path):
            source = self._open(plan.path)
            headers, rows = self._rows(source, plan)
            raw = list(rows)
        region, today = self._region(plan), self.ctx.today()
        flat = RowReader(headers, plan.mapping, region, today).flat
        total = max(len(raw), 1)
        report = Report(dry_run=dry_run)
        slices = _read_plainly(clean_slices(headers, plan.mapping, region, today, raw), plan.path)
        del raw
        records: list[RowRecord] = []
        self.ctx.check_writer()  # a test run writes too, and rolls back
        session = self.ctx.db.sessions()
        transaction = session.begin()
        try:
            _one_import_at_a_time(session)
            now = self.ctx.now()
            batch = start_batch(session, plan, now)
            report.import_id = batch.id
            run = ImportRun(session, plan, report, flat, batch, now, today)
            done = 0
            for results in slices:
                part: list[RowRecord] = []
                for record, problems in results:
                    report.rows += 1
                    report.problems.extend(problems)
                    if record is not None:
                        part.append(record)
                done += len(results)
                records.extend(part)
                yield Progress(done // 2, total)
            with _told_plainly(plan.path):
                linked = list(self._linked(source, plan, report))
                extras = self._extras(source, plan)
            for step in apply_records(run, records, linked, extras):
                yield Progress(total // 2 + step // 2, total)
            loyalty.settle(session, now)  # the imported histories place customers in tiers
            finish_batch(batch, report)
            if dry_run:
                transaction.rollback()
            else:
                self._remember(session, headers, plan.mapping)
                transaction.commit()
        except BaseException:
            transaction.rollback()  # cancelled (GeneratorExit) or failed: nothing is kept
            raise
        finally:
            _done_importing(session)
            session.close()
        return report

    def _linked(self, source: Source, plan: Plan, report: Report) -> Iterable[RowRecord]:
        """Records of the purchases sheet, if the plan has one."""
        if plan.purchases is None:
            return
        sub = Plan(plan.path, plan.purchases.sheet, plan.purchases.header_row, plan.purchases.mapping)
        headers, rows = self._rows(source, sub)
        reader = RowReader(headers, plan.purchases.mapping, self._region(plan), self.ctx.today(),
                           linked=True)
        for record, problems in reader.read(rows):
            report.problems.extend(problems)
            if record is not None:
                yield record

    def _extras(self, source: Source, plan: Plan) -> dict:
        """Calls and feedback of a workbook Retainer exported, as raw rows."""
        extras = {}
        for table in ("Contacts", "Feedback"):
            if plan.restore and table in plan.restore:
                sheet, row = plan.restore[table]
                extras[table] = [list(r) for i, r in enumerate(source.rows(sheet)) if i > row]
        return extras

    def run_to_end(self, plan: Plan, dry_run: bool = False) -> Report:
        steps = self.run(plan, dry_run)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value

    def _rows(self, source: Source, plan: Plan):
        """The header row's titles, and the rows below it numbered as Excel numbers them."""
        rows = source.rows(plan.sheet)
        headers: list[str] = []
        for index, row in enumerate(rows):
            if index == plan.header_row:
                headers = [str(c).strip() if c is not None else "" for c in row]
                break

        def rest() -> Iterable[tuple[int, list[Any]]]:
            yield from enumerate(rows, start=plan.header_row + 2)

        return headers, rest()

    def _remember(self, session, headers: list[str], mapping: dict[int, str]) -> None:
        key = headers_key(headers)
        saved = session.get(ImportMapping, key)
        text = json.dumps({str(k): v for k, v in mapping.items()})
        if saved is None:
            session.add(ImportMapping(headers_key=key, mapping=text, used_at=self.ctx.now()))
        else:
            saved.mapping, saved.used_at = text, self.ctx.now()

    def history(self) -> list[ImportRecord]:
        with self.ctx.read() as session:
            return [ImportRecord(i.id, i.file_name, i.imported_at, i.rows, i.customers_added,
                                 i.customers_updated, i.purchases_added, i.undone_at)
                    for i in session.scalars(select(Import).order_by(Import.id.desc()))]

    def undo(self, import_id: int) -> ImportRecord:
        with self.ctx.write() as session:
            undo_import(session, import_id, self.ctx.now())
        self.ctx.announce(Change.of(CUSTOMERS, PURCHASES, REMINDERS))
        return next(r for r in self.history() if r.id == import_id)

    def save_problems(self, report: Report, path: str) -> None:
        columns = [Column(tr("Row"), "number", 8), Column(tr("Column"), width=22),
                   Column(tr("Value"), width=30), Column(tr("Problem"), width=70)]
        write_table(Path(path), tr("Problems"), "Problems", columns,
                    ([p.row, p.column, p.value, p.message] for p in report.problems))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while an import builds its hundreds of thousands of
    small objects: it would otherwise walk all of them again and again (a quarter of a
    100k-row import's time). They hold no cycles; reference counting frees them."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


# Any number, the same on every terminal: the key of the server's lock for imports.
IMPORT_LOCK = 7_211_001
IMPORT_WAIT_MS = 600_000


def _one_import_at_a_time(session: Session) -> None:
    """An import started while another terminal imports waits for it to finish, then looks
    for duplicates among what that one added, so no customer comes in twice. On PostgreSQL a
    lock held until the transaction ends; on SQLite the base's one writer, waited for up to
    ten minutes instead of the usual five seconds."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA busy_timeout={IMPORT_WAIT_MS}")
        # Take the write lock now, before the first read: a transaction that read first and
        # then finds another writer's commit cannot wait, it can only fail.
        connection.exec_driver_sql("UPDATE counters SET value = value WHERE 0")


def _done_importing(session: Session) -> None:
    """The connection goes back to the pool with the usual five-second wait."""
    if session.get_bind().dialect.name == "sqlite":
        try:
            session.connection().exec_driver_sql(f"PRAGMA busy_timeout={engine.BUSY_MS}")
        except SQLAlchemyError:
            log.debug("the connection is gone; the next one starts with the usual wait")
