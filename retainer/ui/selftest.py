"""``retainer --selftest``: what an installer's build runs on the frozen app before packing it.

In each of the three languages, in a temporary data folder that is removed afterwards: a fresh
base made by the migrations, a workbook in the shop's own words imported, the base exported,
every room of the window opened with a card, Settings and About, and the dashboard's charts
drawn on a demo base. Each step prints one line; the exit code is 0 only if every step worked.
It runs offscreen, with no display, as on a build machine.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

LANGUAGES = ("en", "ru", "lt")


def _settle(app, turns: int = 30) -> None:
    for _ in range(turns):
        app.processEvents()
        time.sleep(0.005)


def _steps(app, language: str, folder: Path) -> list[tuple[str, Callable[[], str]]]:
    """The checks of one language, in order; each returns what it saw, or raises."""
    from retainer.i18n import tr
    from retainer.services import checks, open_retainer
    from retainer.ui import qt_i18n
    from retainer.ui.main_window import MainWindow
    from retainer.ui.tasks import Tasks

    state: dict = {}

    def speak() -> str:
        spoken = qt_i18n.install(language)
        word = tr("Customers")
        if spoken != language or (language != "en" and word == "Customers"):
            raise RuntimeError(f"the {language} catalog did not load (“Customers” is “{word}”)")
        return word

    def migrate() -> str:
        from retainer.services import CustomerQuery

        state["services"] = services = open_retainer(str(folder / "shop.sqlite"))
        found = services.customers.count(CustomerQuery())
        if found:
            raise RuntimeError(f"a fresh base holds {found} customers")
        return "a fresh base, at the newest schema"

    def import_workbook() -> str:
        imports = state["services"].imports
        listed = checks.sample_list(folder / "list.xlsx", language)
        report = imports.run_to_end(imports.layout(str(listed)).plan())
        rows = len(checks.ROWS)
        if report.customers_added != rows or report.purchases_added != rows or report.problems:
            raise RuntimeError(f"imported {report.customers_added} customers, "
                               f"{report.purchases_added} purchases, {len(report.problems)} problems")
        return report.outcome()

    def export() -> str:
        path = folder / "export.xlsx"
        report = state["services"].exports.export_all_to_end(str(path))
        names = checks.sheet_names(path)
        if report.customers != len(checks.ROWS) or tr("Customers") not in names:
            raise RuntimeError(f"exported {report.customers} customers to sheets {names}")
        return ", ".join(names)

    def rooms() -> str:
        window = MainWindow(state["services"], Tasks(synchronous=True))
        state["window"] = window
        window.resize(1200, 760)
        window.show()
        seen = []
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            _settle(app)
            seen.append(window.nav.item(row).text())
        card = window.open_card(window.customers.model.customer_id(0))
        _settle(app)
        seen.append(card.headline.text())
        card.close()
        for dialog in (window.open_settings(), window.open_about(), window.open_shop_terms()):
            _settle(app, 5)
            seen.append(dialog.windowTitle())
            dialog.reject()
        window.close()
        state["services"].close()
        return ", ".join(seen)

    def churn_model() -> str:
        from retainer.demo import make_demo

        make_demo(str(folder / "demo.sqlite"), 300, 1.5, seed=3)
        state["demo"] = services = open_retainer(str(folder / "demo.sqlite"))
        from retainer.services import CustomerQuery

        fitted = services.radar.refresh(force=True)
        regular = services.customers.page(CustomerQuery(sort="purchases", descending=True), 0, 1)[0]
        outlook = services.radar.outlook(regular.id)
        if not fitted.fitted or outlook is None:
            raise RuntimeError(f"model fitted: {fitted.fitted}; outlook of a regular: {outlook}")
        return f"fitted on {fitted.customers} customers; a regular {outlook[0]:.0%} likely still buying"

    def dashboard() -> str:
        services = state["demo"]
        window = MainWindow(services, Tasks(synchronous=True))
        try:
            window.resize(1280, 1000)
            window.show()
            window.nav.setCurrentRow(3)
            deadline = time.monotonic() + 30
            boxes = window.dashboard.charts
            while time.monotonic() < deadline and not all(
                    box.stack.currentWidget() is box.canvas for box in boxes.values()):
                _settle(app, 5)
            drawn = [key for key, box in boxes.items() if box.stack.currentWidget() is box.canvas]
            png = folder / "chart.png"
            boxes["retention"].save_png(str(png))
            if len(drawn) != len(boxes) or png.read_bytes()[:4] != b"\x89PNG":
                raise RuntimeError(f"charts drawn: {drawn} of {list(boxes)}")
            return f"{len(drawn)} charts drawn"
        finally:
            window.close()
            services.close()

    def server() -> str:
        return checks.shared_server(os.environ.get("RETAINER_SELFTEST_SERVER"), language)

    return [("language", speak), ("migrations", migrate), ("import", import_workbook),
            ("export", export), ("rooms", rooms), ("churn model", churn_model),
            ("dashboard", dashboard), ("shared server", server)]


def _say(line: str, report) -> None:
    """A line to the console, and to the report file: a windowed app on Windows has no
    console to print to, so the build reads the file (RETAINER_SELFTEST_REPORT)."""
    if sys.stdout is not None:
        print(line, flush=True)
    if report is not None:
        report.write(line + "\n")
        report.flush()


def run_selftest() -> int:
    """Every check in every language; 0 when all passed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def note(kind, context, message: str) -> None:
        # The offscreen platform's notes on window hints say nothing about Retainer.
        if "propagateSizeHints" not in message:
            print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(note)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    failed = 0
    root = Path(tempfile.mkdtemp(prefix="retainer-selftest-"))
    named = os.environ.get("RETAINER_SELFTEST_REPORT")
    report = open(named, "w", encoding="utf-8") if named else None  # noqa: SIM115 - closed below
    try:
        for language in LANGUAGES:
            folder = root / language
            folder.mkdir()
            os.environ["RETAINER_DATA_DIR"] = str(folder / "data")
            for name, step in _steps(app, language, folder):
                started = time.perf_counter()
                try:
                    seen = step()
                except Exception:  # noqa: BLE001 - each failure is reported and counted
                    failed += 1
                    _say(f"FAIL {language} {name}\n{traceback.format_exc().rstrip()}", report)
                    break  # the later steps of this language need this one
                _say(f"ok   {language} {name} ({(time.perf_counter() - started) * 1000:.0f} ms): {seen}",
                     report)
        _say("self-test passed" if not failed else f"self-test FAILED: {failed} step(s)", report)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        if report is not None:
            report.close()
    return 1 if failed else 0
