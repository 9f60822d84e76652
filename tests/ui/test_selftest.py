"""The self-test the installers' builds run on the frozen app, run here on the checkout."""

import os
import subprocess
import sys


def test_the_self_test_passes_in_every_language_and_leaves_nothing_behind(tmp_path):
    env = {**os.environ, "RETAINER_DATA_DIR": str(tmp_path / "data"), "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "retainer", "--selftest"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for language in ("en", "ru", "lt"):
        for step in ("language", "migrations", "import", "export", "rooms", "churn model",
                     "dashboard"):
            assert any(line.startswith(f"ok   {language} {step} ") for line in lines), (language, step)
    assert "Клиенты" in done.stdout and "Klientai" in done.stdout
    assert lines[-1] == "self-test passed"
    assert "propagateSizeHints" not in done.stderr
    assert not (tmp_path / "data").exists()  # the owner's data folder is never touched
    assert not list(tmp_path.glob("retainer-selftest-*"))


def test_a_failing_step_fails_the_self_test(tmp_path):
    """A catalog missing from the bundle: the language step says so and the exit code is 1."""
    import shutil
    from pathlib import Path

    resources = tmp_path / "resources"
    shutil.copytree(Path(__file__).resolve().parents[2] / "resources", resources,
                    ignore=shutil.ignore_patterns("*.ts", "*.qm"))
    env = {**os.environ, "RETAINER_RESOURCES": str(resources), "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "retainer", "--selftest"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "FAIL ru language" in done.stdout and "FAIL lt language" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("self-test FAILED")
