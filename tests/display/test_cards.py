"""Cards on a real display: one per customer, quitting at any time, nothing typed lost."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from retainer.rules.validation import CustomerForm

DRIVER = Path(__file__).with_name("drive_app.py")
ROOT = Path(__file__).resolve().parents[2]


def cards() -> list:
    return [w for w in QApplication.topLevelWidgets()
            if type(w).__name__ == "CustomerCardDialog" and w.isVisible()]


@pytest.fixture
def window(qtbot, tmp_path, answers):
    from retainer.services import open_retainer
    from retainer.ui import qt_i18n
    from retainer.ui.main_window import MainWindow
    from retainer.ui.tasks import Tasks

    qt_i18n.install()
    services = open_retainer(str(tmp_path / "shop.sqlite"))
    services.change_settings(default_region="LT")
    services.customers.create(CustomerForm(name="Anna Petrova", phones=["+37061234567"]))
    services.customers.create(CustomerForm(name="Jonas Kazlauskas", phones=["+37061234568"]))
    tasks = Tasks()
    tasks.watch_writes(services, strict=True)
    tasks.on_unhandled_error = lambda exc: pytest.fail(f"shown to the owner: {exc!r}")
    w = MainWindow(services, tasks)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 2, timeout=10_000)
    yield w
    for card in cards():
        card.close_without_asking()
    qtbot.waitUntil(tasks.idle, timeout=10_000)
    tasks.shutdown()
    services.close()


def double_click_row(qtbot, view, row: int) -> None:
    """A real double-click, through the X server (QTest's own does not make Qt see one)."""
    spot = view.viewport().mapToGlobal(view.visualRect(view.model().index(row, 0)).center())
    subprocess.run(["xdotool", "mousemove", str(spot.x()), str(spot.y()),
                    "click", "--repeat", "2", "--delay", "60", "1"], check=True, timeout=10)
    qtbot.wait(100)


def test_a_double_click_opens_one_card_and_again_brings_it_forward(qtbot, window):
    view = window.customers.view
    double_click_row(qtbot, view, 0)
    qtbot.waitUntil(lambda: len(cards()) == 1 and cards()[0].loaded, timeout=10_000)
    qtbot.wait(300)  # a second card would be on its way by now
    assert len(cards()) == 1
    first = cards()[0]
    window.activateWindow()
    double_click_row(qtbot, view, 0)
    qtbot.wait(300)
    assert cards() == [first]
    QTest.keyClick(view, Qt.Key.Key_Return)  # Enter opens the same card, no other
    qtbot.wait(300)
    assert cards() == [first]


def test_ctrl_q_quits_with_a_card_open_and_asks_about_its_changes(qtbot, window, answers):
    window.open_card(window.customers.model.customer_id(0))
    qtbot.waitUntil(lambda: len(cards()) == 1 and cards()[0].loaded, timeout=10_000)
    card = cards()[0]
    QTest.keyClicks(card.form.city, "Kaunas")
    assert card.dirty
    # Ctrl+Q typed on the keyboard while the card has the focus.
    subprocess.run(["xdotool", "windowfocus", "--sync", str(int(card.winId()))], check=True,
                   timeout=10)
    qtbot.waitUntil(card.isActiveWindow, timeout=5_000)
    subprocess.run(["xdotool", "key", "ctrl+q"], check=True, timeout=10)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert cards() == []
    assert [kind for kind, text in answers if "Save the changes before Retainer closes" in text] \
        == ["question"]


def test_sigterm_keeps_the_typing_and_the_next_start_offers_it_back(tmp_path):
    from retainer.services import open_retainer

    base = tmp_path / "shop.sqlite"
    services = open_retainer(str(base))
    services.customers.create(CustomerForm(name="Anna Petrova", phones=["+37061234567"]))
    services.close()
    env = {**os.environ, "RETAINER_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    app = subprocess.Popen([sys.executable, str(DRIVER), "edit", str(base)], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "READY"
        app.send_signal(signal.SIGTERM)
        assert app.wait(15) == 0
    finally:
        if app.poll() is None:
            app.kill()
    kept = json.loads((tmp_path / "data" / "unsaved-cards.json").read_text(encoding="utf-8"))
    assert kept[str(base)][0]["fields"]["city"] == "Vilnius"
    again = subprocess.run([sys.executable, str(DRIVER), "restore", str(base)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr[-3000:]
    shown = json.loads(again.stdout.strip().splitlines()[-1])
    assert shown["asked"] == ["You were editing Anna Petrova when Retainer closed: "
                              "restore your changes?"]
    assert shown["city"] == "Vilnius" and shown["tags"] == ", kept" and shown["dirty"]
    assert shown["headline"] == "Anna Petrova"
    # Offered once: the drafts are gone now, and nothing was saved without the owner.
    assert str(base) not in json.loads(
        (tmp_path / "data" / "unsaved-cards.json").read_text(encoding="utf-8"))
    services = open_retainer(str(base))
    try:
        from retainer.services import CustomerQuery

        row = services.customers.page(CustomerQuery(), 0, 1)[0]
        assert services.customers.card(row.id).form.city == ""
    finally:
        services.close()
