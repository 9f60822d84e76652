"""A damaged base: caught when it opens or by the quick check, set aside unchanged, replaced
by the newest backup that passes the check."""


import pytest

from retainer.db import backups
from retainer.db.engine import DamagedBase, open_database
from retainer.demo import make_demo
from tests import damage
from tests.damage import digest


@pytest.fixture
def base_file(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_demo(str(path), 80, 1.0, seed=3)
    return path


@pytest.mark.parametrize("harm", [damage.truncate, damage.scramble_schema])
def test_a_damaged_file_is_named_as_damaged_when_it_opens_and_left_as_it_is(base_file, harm):
    harm(base_file)
    before = digest(base_file)
    with pytest.raises(DamagedBase) as error:
        open_database(str(base_file))
    assert error.value.path == base_file
    assert "is damaged" in str(error.value) and "Nothing was changed" in str(error.value)
    assert digest(base_file) == before


def test_damage_inside_a_table_is_found_by_the_quick_check(base_file):
    damage.scramble_table(base_file)
    open_database(str(base_file)).dispose()  # the schema and the version stamp still read
    found = backups.problem_of(base_file, full=False)
    assert found is not None and "is damaged" in found


def test_the_newest_sound_backup_is_offered_and_the_damaged_file_kept(base_file):
    older = backups.take(base_file, reason="daily", when=backups.datetime(2026, 11, 30, 9))
    newer = backups.take(base_file, reason="daily", when=backups.datetime(2026, 12, 1, 9))
    damage.scramble_table(newer.path)  # the newest backup is damaged too: passed over
    found, customers = backups.newest_sound(base_file.parent / "backups")
    assert found.path == older.path and customers == 80
    damage.scramble_table(base_file)
    before = digest(base_file)
    aside = backups.recover(base_file, found.path)
    assert aside.name.startswith("shop.damaged-") and digest(aside) == before
    assert backups.problem_of(base_file) is None and backups.customer_count(base_file) == 80


def test_with_no_sound_backup_the_damaged_file_is_set_aside_for_an_empty_base(base_file):
    damage.truncate(base_file)
    before = digest(base_file)
    assert backups.newest_sound(base_file.parent / "backups") is None
    aside = backups.recover(base_file, None)
    assert not base_file.exists() and digest(aside) == before
    db = open_database(str(base_file))  # a new, empty base in its place
    db.dispose()
    assert backups.customer_count(base_file) == 0
