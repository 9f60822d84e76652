import pytest

from retainer.ui import qt_i18n
from retainer.ui.main_window import MainWindow
from retainer.ui.tasks import Tasks
from tests.message_boxes import answers  # noqa: F401 - a fixture


@pytest.fixture
def tasks(qapp):
    qt_i18n.install()
    return Tasks(synchronous=True)


@pytest.fixture
def window(qtbot, services, tasks, answers):  # noqa: F811 - the fixture imported above, by name
    w = MainWindow(services, tasks)
    qtbot.addWidget(w)
    w.show()
    return w
