"""One window per base: a second start brings the first window forward and ends; a lock
left by a crashed Retainer is cleared."""

import os
import socket
import subprocess
import sys
import time

from retainer.ui.one_window import OneWindow


def test_a_second_start_on_the_same_base_asks_the_first_window_forward(qtbot, tmp_path):
    base = tmp_path / "shop.sqlite"
    first = OneWindow(str(base), tmp_path / "running")
    assert first.claim()
    # The same base spelled another way is the same base.
    second = OneWindow(str(tmp_path / "." / "shop.sqlite"), tmp_path / "running")
    with qtbot.waitSignal(first.forward_requested, timeout=5000):
        assert not second.claim()
    other = OneWindow(str(tmp_path / "other.sqlite"), tmp_path / "running")
    assert other.claim()  # another base: a window of its own
    first.release()
    assert OneWindow(str(base), tmp_path / "running").claim()  # closed: the next start opens


def test_a_lock_left_by_a_crash_is_cleared(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    one = OneWindow(str(tmp_path / "shop.sqlite"), tmp_path / "running")
    one.folder.mkdir()
    # What QLockFile writes: the holder's process id, its name and the computer's name.
    one.lock_path.write_text(f"{gone}\nretainer\n{socket.gethostname()}\n")
    assert one.claim()
    assert one.lock_path.read_text().split("\n")[0] == str(os.getpid())


def test_two_real_starts_one_window(tmp_path):
    """The whole way: a window running, a second `retainer --db` on its base ends at once."""
    base = tmp_path / "shop.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RETAINER_DATA_DIR": str(tmp_path / "data")}
    first = subprocess.Popen([sys.executable, "-m", "retainer", "--db", str(base)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        log = tmp_path / "data" / "retainer.log"
        deadline = time.monotonic() + 60
        while not (log.exists() and "first page" in log.read_text()):
            assert time.monotonic() < deadline and first.poll() is None, first.stderr.read()
            time.sleep(0.2)
        second = subprocess.run([sys.executable, "-m", "retainer", "--db", str(base)], env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "already open" in second.stdout
        while "comes forward" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert first.poll() is None  # the first window goes on
    finally:
        first.terminate()
        first.wait(timeout=30)
