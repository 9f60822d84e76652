"""Runs the real app (``run_gui``) in a process of its own and acts in it as a person would.

    python tests/display/drive_app.py edit BASE     open the first customer, type a city, print READY
    python tests/display/drive_app.py restore BASE  answer Yes to the offer of unsaved changes and
                                                    print what the card then holds, as JSON

The test sends the signals and reads the answers; nothing here reaches into the app's insides
beyond finding its windows, as a person finds them on screen.
"""

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


def windows(kind: str) -> list:
    return [w for w in QApplication.topLevelWidgets()
            if type(w).__name__ == kind and w.isVisible()]


def edit() -> None:
    state = {"opened": False}

    def poll() -> None:
        main = windows("MainWindow")
        if not main:
            return
        window = main[0]
        if not state["opened"]:
            if window.customers.model.rowCount() == 0:
                return
            window.customers.view.setFocus()
            window.open_card(window.customers.model.customer_id(0))
            state["opened"] = True
            return
        cards = windows("CustomerCardDialog")
        if not cards or not cards[0].loaded:
            return
        card = cards[0]
        card.activateWindow()
        card.form.city.setFocus()
        QTest.keyClicks(card.form.city, "Vilnius")
        card.form.tags.setFocus()
        QTest.keyClicks(card.form.tags, ", kept")
        timer.stop()
        print("READY", flush=True)

    timer = QTimer(interval=100)
    timer.timeout.connect(poll)
    timer.start()
    return timer


def restore() -> None:
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    QMessageBox.question = staticmethod(question)

    def poll() -> None:
        cards = windows("CustomerCardDialog")
        if not cards or not cards[0].loaded:
            return
        card = cards[0]
        print(json.dumps({"asked": asked, "city": card.form.city.text(),
                          "tags": card.form.tags.text(), "dirty": card.dirty,
                          "headline": card.headline.text()}, ensure_ascii=False), flush=True)
        os._exit(0)

    timer = QTimer(interval=100)
    timer.timeout.connect(poll)
    timer.start()
    return timer


if __name__ == "__main__":
    mode, base = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    from retainer.ui.app import run_gui

    keep = edit() if mode == "edit" else restore()
    sys.exit(run_gui(base, demo=False, quit_when_ready=False))
