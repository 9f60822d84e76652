import os
import sqlite3
import subprocess
import sys


def run(*args, env_extra=None, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "retainer", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_quit_when_ready_prints_the_start_time(tmp_path):
    result = run("--db", str(tmp_path / "shop.sqlite"), "--quit-when-ready")
    assert result.returncode == 0, result.stderr
    ms = int(result.stdout.strip().splitlines()[-1])
    assert 0 < ms < 60_000
    assert (tmp_path / "shop.sqlite").exists()


def test_retainer_db_from_the_environment(tmp_path):
    target = tmp_path / "from-env.sqlite"
    result = run("--quit-when-ready", env_extra={"RETAINER_DB": str(target)})
    assert result.returncode == 0, result.stderr
    assert target.exists()


def test_a_file_that_is_not_a_base_gives_a_plain_message(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database")
    result = run("--db", str(path), "--quit-when-ready")
    assert result.returncode == 1
    assert "not a Retainer customer base" in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == b"PK\x03\x04 not a database"


def test_demo_command_makes_a_base(tmp_path):
    path = tmp_path / "demo.sqlite"
    result = run("demo", "--customers", "300", "--years", "2", "--db", str(path), "--seed", "3")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(path) as conn:
        customers, purchases = conn.execute(
            "SELECT count(*), sum(purchase_count) FROM customers").fetchone()
        assert customers == 300 and purchases > 300
        scored = conn.execute("SELECT count(*) FROM feedback WHERE nps_score IS NOT NULL").fetchone()[0]
        calls = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
        assert scored > 0 and calls > 0
        real = conn.execute("SELECT count(*) FROM purchases").fetchone()[0]
        assert real == purchases  # the summary figures match the purchase rows
    again = run("demo", "--customers", "10", "--db", str(path))
    assert again.returncode != 0 and "already holds customers" in again.stderr


def test_demo_flag_opens_the_demo_base(tmp_path):
    result = run("--demo", "--quit-when-ready", env_extra={"RETAINER_DATA_DIR": str(tmp_path)},
                 timeout=300)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "demo.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 2000


def test_remind_prints_todays_calls(tmp_path):
    import json

    path = tmp_path / "demo.sqlite"
    assert run("demo", "--customers", "400", "--years", "2", "--db", str(path)).returncode == 0
    text = run("remind", "--db", str(path))
    assert text.returncode == 0, text.stderr
    assert "customers to call on" in text.stdout.splitlines()[0]
    listing = json.loads(run("remind", "--db", str(path), "--json").stdout)
    assert listing["calls"] and listing["model"] in ("bg/nbd", "rules")
    first = listing["calls"][0]
    assert {"name", "phone", "reason", "why", "p_alive", "score"} <= set(first)
    bad = run("remind", "--db", str(path), "--as-of", "31.02.2026")
    assert bad.returncode == 2 and "31.02.2026" in bad.stderr


def test_import_and_export_commands(tmp_path):
    from tests.excel import ugly

    db = str(tmp_path / "shop.sqlite")
    source = ugly.xlsx(tmp_path / "list.xlsx", [["Клиент", "Моб."], ["Анна", "+79161234567"],
                                                ["Jonas", "12"]])
    dry = run("import", str(source), "--db", db, "--map", "Моб.=phone", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Моб. → Phone" in dry.stdout and "Test run, nothing saved" in dry.stdout
    assert "row 3, Моб.:" in dry.stderr
    real = run("import", str(source), "--db", db, "--map", "Моб.=phone")
    assert "1 customer added" in real.stdout
    out = tmp_path / "all.xlsx"
    exported = run("export", str(out), "--db", db)
    assert exported.returncode == 0 and "1 customer" in exported.stdout and out.exists()
    bad = run("import", str(tmp_path / "missing.xlsx"), "--db", db)
    assert bad.returncode == 1 and "does not exist" in bad.stderr and "Traceback" not in bad.stderr
    unknown = run("import", str(source), "--db", db, "--map", "Моб.=telephone")
    assert unknown.returncode == 2 and "Unknown field" in unknown.stderr


def test_metrics_command(tmp_path):
    import json

    path = tmp_path / "demo.sqlite"
    assert run("demo", "--customers", "400", "--years", "2", "--db", str(path)).returncode == 0
    assert run("remind", "--db", str(path)).returncode == 0  # fits the model, as the window does
    text = run("metrics", "--db", str(path))
    assert text.returncode == 0, text.stderr
    assert "CRR" in text.stdout and "NPS" in text.stdout
    figures = json.loads(run("metrics", "--db", str(path), "--json", "--from", "2026-01-01",
                             "--to", "2026-04-01").stdout)
    r = figures["retention"]
    if r["start_active"]:
        assert r["crr_percent"] == (r["end_active"] - r["new"]) / r["start_active"] * 100
    assert figures["period"] == {"from": "2026-01-01", "to": "2026-04-01",
                                 "as_of": figures["period"]["as_of"]}
    assert set(figures["bg_nbd"]) >= {"r", "alpha", "a", "b", "time_unit"}
    assert sum(figures["statuses"].values()) == 400
    bad = run("metrics", "--db", str(path), "--from", "2026-05-01", "--to", "2026-04-01")
    assert bad.returncode == 2 and "--from must be before --to" in bad.stderr


def test_opening_the_window_parses_its_options_without_loading_the_commands():
    import subprocess
    import sys

    code = ("import sys; from retainer.cli import _window_only; "
            "a = _window_only(['--db', 'shop.sqlite', '--quit-when-ready']); "
            "print(a.db, a.quit_when_ready, a.demo, 'retainer.cli.metrics' in sys.modules, "
            "_window_only(['remind']), _window_only(['--bogus']), _window_only(['-h']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["shop.sqlite", "True", "False", "False", "None", "None", "None"]
