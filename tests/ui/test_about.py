"""Help → About says the version and where the data lives; Help → Open data folder opens it."""

from retainer import __version__
from retainer.paths import data_dir
from retainer.ui import about


def test_about_names_the_version_the_base_and_the_data_folder(window, services, monkeypatch):
    opened = []
    monkeypatch.setattr(about.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = window.open_about()
    texts = [label.text() for label in dialog.findChildren(about.QLabel)]
    assert f"Retainer {__version__}" in texts
    assert any(services.ctx.db.location in t and str(data_dir()) in t for t in texts)
    dialog.folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(data_dir())]


def test_the_help_menu_opens_the_data_folder(window, monkeypatch):
    opened = []
    monkeypatch.setattr(about.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_menu = [m for m in window.menuBar().actions() if m.text() == "&Help"][0].menu()
    [a for a in help_menu.actions() if a.text() == "Open &data folder"][0].trigger()
    assert opened and data_dir().is_dir()
