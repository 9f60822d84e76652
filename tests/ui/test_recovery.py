"""A damaged base in the window: at start and when the check behind the first page finds it,
the owner is offered the newest sound backup; the damaged file is kept as it was."""

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication

from retainer.db import backups
from retainer.demo import make_demo
from retainer.services import CustomerQuery
from retainer.ui import recovery
from retainer.ui.app import Launcher
from tests import damage
from tests.damage import digest


@pytest.fixture
def launcher(qapp, tasks, qtbot, answers):
    made = Launcher(QApplication.instance(), False, None)
    made.tasks = tasks
    exits = []
    made.app = SimpleNamespace(exit=exits.append, quit=lambda: None)
    made.exits = exits
    made.told = answers
    yield made
    if made.window is not None:
        made.window.close()
        made.services.close()


@pytest.fixture
def asked(monkeypatch):
    """What the owner is asked, and the answer they give (the first choice unless told)."""
    record = SimpleNamespace(texts=[], choices=[], answer=0)

    def choose(_parent, _title, text, choices):
        record.texts.append(text)
        record.choices.append(choices)
        return record.answer

    monkeypatch.setattr(recovery, "choose", choose)
    return record


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_demo(str(path), 50, 1.0, seed=4)
    return path


def test_a_damaged_base_at_start_is_replaced_by_the_newest_sound_backup(launcher, asked, shop):
    backups.take(shop, reason="daily", when=backups.datetime(2026, 12, 1, 9))
    damage.truncate(shop)
    harmed = digest(shop)
    launcher.open(str(shop))
    assert "is damaged" in asked.texts[0] and "01/12/2026 09:00" in asked.texts[0]
    assert "50 customers" in asked.texts[0]
    assert asked.choices[0] == ["Restore this backup", "Quit"]
    window = launcher.window
    assert window is not None and launcher.services.customers.count(CustomerQuery()) == 50
    (aside,) = shop.parent.glob("shop.damaged-*.sqlite")
    assert digest(aside) == harmed  # kept exactly as it was
    assert launcher.told[-1] == ("information", f"The damaged base was kept as {aside.name}.")


def test_quitting_leaves_the_damaged_base_where_it_is(launcher, asked, shop):
    backups.take(shop, reason="daily")
    damage.truncate(shop)
    harmed = digest(shop)
    asked.answer = 1
    launcher.open(str(shop))
    assert launcher.exits == [1] and launcher.window is None
    assert digest(shop) == harmed and not list(shop.parent.glob("shop.damaged-*"))


def test_with_no_backup_an_empty_base_can_be_started_beside_the_damaged_one(launcher, asked, shop):
    damage.scramble_schema(shop)
    launcher.open(str(shop))
    assert "No backup of it passes the check" in asked.texts[0]
    assert asked.choices[0][0] == "Set it aside and start empty"
    assert launcher.window is not None and launcher.services.is_empty()
    assert len(list(shop.parent.glob("shop.damaged-*.sqlite"))) == 1


def test_damage_found_behind_the_first_page_offers_the_backup(launcher, asked, shop, monkeypatch,
                                                              qtbot):
    launcher.open(str(shop))
    first = launcher.window
    # The check behind the first page ran, found the base sound and took the day's backup.
    qtbot.waitUntil(lambda: len(backups.listed(shop.parent / "backups")) == 1)
    (daily,) = backups.listed(shop.parent / "backups")
    assert daily.reason == "daily" and asked.texts == []
    monkeypatch.setattr(type(launcher.services.backups), "problem",
                        lambda self: "shop.sqlite is damaged (database disk image is malformed).")
    first.check_base()
    assert "database disk image is malformed" in asked.texts[0]
    assert asked.choices[0] == ["Restore this backup", "Not now"]
    assert launcher.window is not first
    assert len(list(shop.parent.glob("shop.damaged-*.sqlite"))) == 1
    first.deleteLater()
