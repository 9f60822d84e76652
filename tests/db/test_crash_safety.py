"""Crash safety: a process killed with SIGKILL at random moments of an import or a backup
leaves a sound base holding the customers from before or from after — never some of the
import — and every earlier backup as it was."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from retainer.db import backups
from retainer.demo import make_demo
from tests.damage import digest

KILLS = 20
ROWS = 10_000

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def retainer(*args) -> subprocess.Popen:
    env = {**os.environ, "RETAINER_LANGUAGE": "en"}
    return subprocess.Popen([sys.executable, "-m", "retainer", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """A base of 100 customers, a list of 10,000 more as a Russian Excel ';' CSV, and how
    long the whole import takes in a process of its own (start-up included)."""
    folder = tmp_path_factory.mktemp("crash")
    base = folder / "pristine.sqlite"
    make_demo(str(base), 100, 1.0, seed=11)
    rng = random.Random(3)
    listing = folder / "list.csv"
    with open(listing, "w", encoding="cp1251") as fh:
        fh.write("ФИО;Телефон;E-mail;Сумма покупок;Последняя покупка\n")
        for n in range(ROWS):
            fh.write(f"Клиент {n};8 916 {n:07d};c{n}@example.com;{rng.randint(100, 50000)};"
                     f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2025\n")
    whole = folder / "whole.sqlite"
    shutil.copyfile(base, whole)
    started = time.perf_counter()
    done = retainer("import", str(listing), "--db", str(whole), "--country", "RU")
    assert done.wait(timeout=300) == 0, done.stderr.read()
    took = time.perf_counter() - started
    assert backups.customer_count(whole) == 100 + ROWS
    return base, listing, whole, took


def test_an_import_killed_at_20_moments_leaves_before_or_after(shop, tmp_path):
    pristine, listing, _whole, took = shop
    # Past the end too: a few kills land after the commit, on a process finishing.
    rng = random.Random(20261202)
    moments = sorted(rng.uniform(0.0, took * 1.15) for _ in range(KILLS))
    seen, killed_alive = [], 0
    for number, moment in enumerate(moments):
        base = tmp_path / f"shop-{number}.sqlite"
        shutil.copyfile(pristine, base)
        process = retainer("import", str(listing), "--db", str(base), "--country", "RU")
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        if process.wait(timeout=60) == -signal.SIGKILL:
            killed_alive += 1
        assert backups.problem_of(base) is None, f"killed at {moment:.2f} s"  # integrity_check
        count = backups.customer_count(base)
        assert count in (100, 100 + ROWS), f"killed at {moment:.2f} s: {count} customers"
        seen.append(count)
        for kept in backups.listed(tmp_path / "backups"):  # the backup before the import
            assert backups.problem_of(kept.path) is None
    # The moments reach into the import itself: most kills found the process still at work,
    # and both outcomes were seen.
    assert killed_alive >= KILLS // 2 and 100 in seen
    print(f"\n{KILLS} kills over {took:.2f} s: {seen.count(100)} before, "
          f"{seen.count(100 + ROWS)} after, {killed_alive} mid-run")


def test_a_backup_killed_at_20_moments_leaves_the_earlier_backups(shop, tmp_path):
    _pristine, _listing, whole, _took = shop
    base = tmp_path / "shop.sqlite"
    shutil.copyfile(whole, base)
    folder = tmp_path / "backups"
    earlier = [backups.take(base, folder, "daily", when=backups.datetime(2026, 11, day, 9))
               for day in (28, 29, 30)]
    digests = {b.path: digest(b.path) for b in earlier}
    started = time.perf_counter()
    assert retainer("backup", "--db", str(base), "--to", str(tmp_path / "timed")).wait(60) == 0
    took = time.perf_counter() - started
    rng = random.Random(7)
    moments = sorted(rng.uniform(0.0, took * 1.15) for _ in range(KILLS))
    for moment in moments:
        process = retainer("backup", "--db", str(base), "--to", str(folder))
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        for backup in earlier:
            assert digest(backup.path) == digests[backup.path], f"killed at {moment:.2f} s"
        for listed in backups.listed(folder):  # a backup listed is a whole one
            assert backups.problem_of(listed.path) is None, f"killed at {moment:.2f} s"
    assert backups.problem_of(base) is None
    # A half-written copy left by a kill does not stand in the way of the next backup.
    assert retainer("backup", "--db", str(base), "--to", str(folder)).wait(60) == 0
