"""Operations and lanes: results on the GUI thread, owners, failures, one writer, announcements."""

import threading
import time
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QWidget

from retainer.events import CUSTOMERS, PURCHASES
from retainer.rules.validation import CustomerForm
from retainer.ui.lanes import WRITE
from retainer.ui.tasks import Tasks


@pytest.fixture
def lanes(qapp):
    tasks = Tasks()
    tasks.errors = []
    tasks.on_unhandled_error = tasks.errors.append
    yield tasks
    tasks.shutdown()


class Witness:
    """Records the thread in which its last reference went."""

    freed_in: list = []

    def __del__(self):
        Witness.freed_in.append(threading.current_thread().name)


def test_a_worker_never_lets_go_of_the_last_reference(qtbot, lanes):
    # What a worker frees last, it frees off the GUI thread: for a callable connected to a
    # signal that is a Qt disconnect there, the cause of the import window that hung.
    Witness.freed_in = []
    for _ in range(20):
        captured = Witness()
        value = Witness()
        results = []
        lanes.read(None, lambda c=captured, v=value: (c, v)[1]).success(results.append).run()
        del captured, value
        qtbot.waitUntil(lambda: bool(results), timeout=5_000)
        results.clear()
        qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert len(Witness.freed_in) == 40
    assert set(Witness.freed_in) == {threading.main_thread().name}


def test_a_result_for_an_owner_that_is_gone_is_dropped(qtbot, lanes):
    owner = QWidget()
    gate = threading.Event()
    shown = []
    lanes.read(owner, lambda: gate.wait(5) and "late").success(shown.append).run()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=5_000)
    gate.set()
    qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert shown == [] and lanes.errors == []


def test_a_read_that_finishes_after_the_window_closed_ends_quietly(qapp, monkeypatch):
    """Closing does not wait for reads; one that ends after its Tasks object is deleted
    finds no one to tell and its thread ends without an exception."""
    from shiboken6 import delete

    raised = []
    monkeypatch.setattr(threading, "excepthook", raised.append)
    tasks = Tasks()
    gate, started = threading.Event(), threading.Event()
    tasks.read(None, lambda: started.set() or gate.wait(5)).run()
    assert started.wait(5)
    lane = tasks._lanes["read"]
    tasks.shutdown()
    delete(tasks)  # the C++ side goes, as at the process's exit
    gate.set()
    assert lane.join(5)
    assert raised == []


def test_a_failure_nobody_handles_is_reported_and_so_is_a_broken_handler(qtbot, lanes):
    lanes.read(None, lambda: 1 / 0).run()
    lanes.read(None, lambda: 1).success(lambda _: [][1]).run()
    qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert [type(e) for e in lanes.errors] == [ZeroDivisionError, IndexError]


def test_a_rust_panic_reaches_the_failure_handler(qtbot, lanes):
    class Panic(BaseException):  # pyo3's PanicException derives from BaseException
        pass

    def work():
        raise Panic("calamine panicked")

    failed = []
    lanes.read(None, work).failure(failed.append).run()
    qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert [str(e) for e in failed] == ["calamine panicked"]


def test_every_write_runs_on_one_lane_in_the_order_asked(qtbot, lanes):
    seen = []

    def write(n):
        seen.append((n, threading.current_thread().name))
        time.sleep(0.01)

    for n in range(10):
        lanes.write(None, lambda n=n: write(n)).run()
    qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert [n for n, _ in seen] == list(range(10))
    assert {name for _, name in seen} == {f"retainer-{WRITE}_0"}


def test_a_save_during_an_import_waits_its_turn_and_says_so(qtbot, lanes, services):
    import_may_end = threading.Event()

    def slow_import():
        with services.ctx.write() as session:  # a long write transaction, as an import holds
            session.execute(__import__("sqlalchemy").text("UPDATE settings SET value = value"))
            yield SimpleNamespace(done=1, total=2)
            import_may_end.wait(10)
        yield SimpleNamespace(done=2, total=2)
        return "imported"

    waiting = []
    lanes.write_waiting.connect(waiting.append)
    imported, saved = [], []
    lanes.long(None, "Importing…", slow_import, writes=True,
               waits="Saving when the import finishes…").success(imported.append).run()
    form = CustomerForm(name="Anna Petrova", phones=["+7 916 123-45-67"])
    lanes.write(None, lambda: services.customers.create(form)).success(saved.append).run()
    assert lanes.writes_waiting() == "Saving when the import finishes…"
    time.sleep(6)  # longer than SQLite's busy timeout: the save has not even started
    assert saved == []
    import_may_end.set()
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert imported == ["imported"] and lanes.errors == []
    assert waiting == ["Saving when the import finishes…", ""]
    assert services.customers.card(saved[0]).form.name == "Anna Petrova"


def test_a_write_announces_once_what_changed_and_who_changed_it(qtbot, lanes, services):
    heard = []
    lanes.changed.connect(lambda change, origin: heard.append((change, origin)))
    owner = QWidget()
    cid = services.customers.create(CustomerForm(name="Jonas", phones=["+37061234567"]))
    heard.clear()

    def two_writes():
        services.purchases.record(cid, 1000, services.now())
        services.customers.update(cid, CustomerForm(name="Jonas K.", phones=["+37061234567"]))

    lanes.write(owner, two_writes).run()
    qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert len(heard) == 1
    change, origin = heard[0]
    assert origin is owner
    assert {CUSTOMERS, PURCHASES} <= change.kinds and change.customer_ids == {cid}


def test_the_cycle_collector_runs_on_the_gui_thread_only(qapp):
    import gc

    from retainer.ui import responsive

    was_on = gc.isenabled()
    timer = responsive.collect_on_gui_thread(qapp)
    try:
        assert not gc.isenabled()
        junk = []
        for _ in range(gc.get_threshold()[0] + 10):  # garbage cycles past the threshold
            cycle = []
            cycle.append(cycle)
            junk.append(cycle)
        del junk, cycle
        assert responsive.collect_due() is not None
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        timer.stop()
        if was_on:
            gc.enable()


def test_quitting_during_an_import_asks_and_stops_it(qtbot, services, answers, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from retainer.ui.main_window import MainWindow

    tasks = Tasks()
    window = MainWindow(services, tasks)
    qtbot.addWidget(window)
    window.show()
    closed_steps = []

    def endless_import():
        try:
            while True:
                time.sleep(0.01)
                yield SimpleNamespace(done=1, total=10)
        finally:
            closed_steps.append("closed")  # a cancelled import rolls back as it closes

    importing = tasks.long(window, "Importing…", endless_import, writes=True)
    importing.run()
    qtbot.waitUntil(lambda: importing.progress.step == (1, 10), timeout=10_000)  # under way
    window.close()  # the fake answer is not "Yes": nothing stops
    assert window.isVisible()
    assert answers[-1] == ("question", "An import is still running. Stop it and quit? "
                                       "Nothing of it will be saved.")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    quit_heard = []
    window.closed.connect(lambda: quit_heard.append(True))
    window.close()
    assert not window.isVisible() and quit_heard == [True]
    tasks.shutdown()
    assert closed_steps == ["closed"]


def test_long_work_whose_window_was_destroyed_is_no_longer_under_way(qtbot, lanes):
    owner = QWidget()
    gate = threading.Event()

    def steps():
        yield SimpleNamespace(done=1, total=2)
        gate.wait(5)
        return "done"

    shown = []
    lanes.long(owner, "Importing…", steps, writes=True).success(shown.append).run()
    assert lanes.long_writes() == ["Importing…"]
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=5_000)
    gate.set()
    qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert shown == [] and lanes.long_writes() == [] and lanes.errors == []


SLOW_QUERY = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000000) "
              "SELECT count(*) FROM n")


def _write_then_wait(services, name: str, started: threading.Event):
    from sqlalchemy import text

    def work():
        services.ctx.check_writer()
        with services.ctx.write() as session:
            services.customers.create(CustomerForm(name=name))  # its own transaction
            session.execute(text("UPDATE settings SET value = value"))
            started.set()
            session.execute(text(SLOW_QUERY)).scalar()  # minutes, unless interrupted
            session.execute(text("UPDATE customers SET notes = 'kept' WHERE name = :n"), {"n": name})
        return name

    return work


def test_closing_interrupts_background_work_and_it_changes_nothing(qtbot, services):
    from retainer.services import CustomerQuery

    tasks = Tasks()
    tasks.watch_writes(services)
    started = threading.Event()
    failures = []
    tasks.write(None, _write_then_wait(services, "Anna", started)).in_background() \
        .failure(failures.append).run()
    queued = []
    tasks.write(None, lambda: queued.append("ran")).in_background().run()  # behind it
    assert started.wait(10)
    began = time.perf_counter()
    tasks.shutdown()
    assert time.perf_counter() - began < 2.0  # not the minutes the query would take
    (anna,) = services.customers.page(CustomerQuery(text="Anna"), 0, 5)
    assert services.customers.card(anna.id).form.notes in ("", None)  # rolled back
    assert queued == []  # the background write still queued never started


def test_closing_waits_for_the_owners_own_write(qtbot, services):
    from retainer.services import CustomerQuery

    tasks = Tasks()
    tasks.watch_writes(services)
    started = threading.Event()

    def save():
        with services.ctx.write():
            started.set()
            time.sleep(0.5)  # a save that takes a moment
        return services.customers.create(CustomerForm(name="Jonas"))

    tasks.write(None, save).run()
    assert started.wait(10)
    tasks.shutdown()
    assert services.customers.count(CustomerQuery(text="Jonas")) == 1


def _garbage_past_the_threshold() -> None:
    import gc

    junk = []
    for _ in range(2 * gc.get_threshold()[0]):  # twice: other threads may free a few meanwhile
        cycle = []
        cycle.append(cycle)
        junk.append(cycle)


def test_the_collector_keeps_out_of_the_way_of_the_owners_reads_for_two_seconds_at_most(qapp):
    import gc

    from retainer.ui import responsive

    was_on = gc.isenabled()
    waiting = [True]
    timer = responsive.collect_on_gui_thread(qapp, lambda: waiting[0])
    timer.stop()  # its turns are taken here, one by one
    try:
        _garbage_past_the_threshold()
        for _ in range(responsive.PUT_OFF_TURNS):  # a search and its count under way
            assert timer.turn() is None
            assert gc.get_count()[0] > gc.get_threshold()[0]
        assert timer.turn() is not None  # put off long enough: it collects all the same
        assert gc.get_count()[0] < gc.get_threshold()[0]
        waiting[0] = False
        _garbage_past_the_threshold()
        assert gc.get_count()[0] > gc.get_threshold()[0]
        assert timer.turn() is not None  # nobody waiting: collected at its turn
    finally:
        timer.stop()
        if was_on:
            gc.enable()


def test_what_can_wait_runs_once_the_lists_own_reads_are_done(qtbot, lanes, monkeypatch):
    from retainer.ui import tasks as tasks_module
    from retainer.ui.lanes import COUNT

    owner = QWidget()
    gate = threading.Event()
    lanes.read(owner, lambda: gate.wait(5), lane=COUNT).run()  # a count under way
    ran = []
    lanes.after_owners_reads(owner, lambda: ran.append(time.monotonic()))
    qtbot.wait(300)
    assert ran == []  # put off while the count runs
    gate.set()
    released = time.monotonic()
    qtbot.waitUntil(lambda: bool(ran), timeout=2_000)
    assert ran[0] - released < 0.5

    # Never put off for long: a read that does not end is waited for a few turns only.
    monkeypatch.setattr(tasks_module, "OWNERS_FIRST_TRIES", 3)
    stuck = threading.Event()
    lanes.read(owner, lambda: stuck.wait(5)).run()
    ran.clear()
    lanes.after_owners_reads(owner, lambda: ran.append(1))
    qtbot.waitUntil(lambda: bool(ran), timeout=2_000)
    # Dropped when its owner is gone meanwhile.
    ran.clear()
    lanes.after_owners_reads(owner, lambda: ran.append(1))
    owner.deleteLater()
    qtbot.wait(400)
    stuck.set()
    qtbot.waitUntil(lanes.idle, timeout=5_000)
    assert ran == []
