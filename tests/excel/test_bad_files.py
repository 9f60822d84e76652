import pytest

from retainer.excel import reader
from retainer.excel.reader import FileProblem, open_file
from tests.excel import ugly


def refused(path, *words):
    with pytest.raises(FileProblem) as err:
        open_file(path)
    for word in words:
        assert word in str(err.value), str(err.value)
    assert path.name in str(err.value)
    return str(err.value)


def test_wrong_extension(tmp_path):
    refused(ugly.csv_file(tmp_path / "list.pdf", "ФИО;Телефон"), ".xlsx", ".csv", ".pdf")


def test_workbook_named_csv(tmp_path):
    good = ugly.xlsx(tmp_path / "good.xlsx", ugly.CUSTOMERS)
    renamed = tmp_path / "list.csv"
    renamed.write_bytes(good.read_bytes())
    refused(renamed, "rename it to")


def test_text_named_xlsx(tmp_path):
    refused(ugly.csv_file(tmp_path / "list.xlsx", "ФИО;Телефон\nАнна;123"), "not a spreadsheet")


def test_password_protected(tmp_path):
    refused(ugly.encrypted(tmp_path / "secret.xlsx"), "password")


def test_truncated(tmp_path):
    good = ugly.xlsx(tmp_path / "good.xlsx", ugly.CUSTOMERS)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(cut, "damaged or cut short")


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.touch()
    refused(empty, "is empty")
    blank_csv = ugly.csv_file(tmp_path / "blank.csv", "   \n\n")
    refused(blank_csv, "is empty")


def test_no_sheets_with_data(tmp_path):
    refused(ugly.only_chart(tmp_path / "chart.xlsx"), "no sheets")


def test_xml_with_entities(tmp_path):
    good = ugly.xlsx(tmp_path / "good.xlsx", ugly.CUSTOMERS)
    refused(ugly.with_entities(tmp_path / "evil.xlsx", good), "entity")


def test_absurd_unpacked_size_is_refused_unread(tmp_path):
    good = ugly.xlsx(tmp_path / "good.xlsx", ugly.CUSTOMERS)
    refused(ugly.bomb(tmp_path / "bomb.xlsx", good), "refused without opening")


def test_too_many_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 50)
    text = "ФИО;Телефон\n" + "".join(f"Клиент {i};+3706123{i:04d}\n" for i in range(200))
    refused(ugly.csv_file(tmp_path / "big.csv", text), "201 rows", "at most 50")
    big = ugly.xlsx(tmp_path / "big.xlsx", [["Name", "Phone"]] + [[f"C{i}", i] for i in range(200)])
    source = open_file(big)
    with pytest.raises(FileProblem, match="at most 50"):
        list(source.rows())


@pytest.mark.parametrize("encoding,text", [
    ("utf-8-sig", "ФИО,Телефон\nАнна,+79161234567\n"),
    ("utf-8", "ФИО;Телефон\nАнна;+79161234567\n"),
    ("cp1251", "ФИО;Телефон\nАнна;+79161234567\n"),
    ("utf-8", "ФИО\tТелефон\nАнна\t+79161234567\n"),
])
def test_csv_encodings_and_separators(tmp_path, encoding, text):
    source = open_file(ugly.csv_file(tmp_path / "list.csv", text, encoding))
    assert list(source.rows()) == [["ФИО", "Телефон"], ["Анна", "+79161234567"]]
