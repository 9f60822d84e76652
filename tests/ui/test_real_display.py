"""Runs tests/display — windows, dialogs and long work — under Xvfb with Qt's xcb platform.

One process holds one Qt platform, so they run in a pytest process of their own with an X
server of their own. Without Xvfb they are skipped on a developer's machine and fail in CI,
where `.ci/run` installs it.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WHOLE_RUN_LIMIT_S = 1800


def start_xvfb():
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def test_windows_dialogs_and_long_work_on_a_real_display(tmp_path):
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{', '.join(missing)} missing: .ci/run installs them (xvfb, xdotool)")
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install xvfb xdotool); CI runs these")
    server, display = start_xvfb()
    try:
        hang_log = tmp_path / "hang.txt"
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "HOME": str(tmp_path), "RETAINER_HANG_LOG": str(hang_log)}
        result = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", "pytest", "tests/display", "-p",
             "no:cacheprovider", "-q", "-ra"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=WHOLE_RUN_LIMIT_S)
    finally:
        server.terminate()
        server.wait(10)
    print(result.stdout[-20_000:])
    print(result.stderr[-20_000:], file=sys.stderr)
    hang = hang_log.read_text(errors="replace") if hang_log.exists() else ""
    assert result.returncode == 0, (result.stdout + result.stderr)[-8_000:] + "\n" + hang[-12_000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout.splitlines()[-1]
