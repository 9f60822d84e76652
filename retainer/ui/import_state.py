"""What the import wizard's steps share: the layout the import service found in the file, and
the owner's choices on top of it (columns, purchases sheet, what to do with duplicates).

The pages read it and change it through its methods; each change is announced by ``changed``,
so that a test run made from older inputs is forgotten. The layout itself is the service's:
a different header row or sheet is asked of the service, never edited here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from retainer.services import Retainer
from retainer.services.imports import SKIP, Layout, LinkedSheet, Plan
from retainer.ui.tasks import Tasks


class ImportChoices(QObject):
    changed = Signal()
    problem = Signal(str)  # a failure the current page shows in its own words

    def __init__(self, services: Retainer, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.layout: Layout | None = None
        self.duplicates = SKIP
        self.row_choices: dict[int, str] = {}  # file row -> skip/update/merge, chosen one by one

    def found(self, layout: Layout | None) -> None:
        """The service read the file (again): its layout replaces the one before."""
        self.layout = layout
        self.changed.emit()

    def choose_columns(self, mapping: dict[int, str]) -> None:
        self.layout = replace(self.layout, mapping=dict(mapping))
        self.changed.emit()

    def choose_purchases(self, purchases: LinkedSheet | None) -> None:
        self.layout = replace(self.layout, purchases=purchases)
        self.changed.emit()

    def choose_duplicates(self, policy: str) -> None:
        self.duplicates = policy
        self.changed.emit()

    def settings_changed(self) -> None:
        """A setting the rows are read with (the phone country) changed."""
        self.changed.emit()

    def plan(self) -> Plan:
        return self.layout.plan(duplicates=self.duplicates, row_choices=dict(self.row_choices))

    def inputs(self) -> tuple | None:
        """Everything a test run's result depends on."""
        if self.layout is None:
            return None
        return self.plan(), self.services.settings.default_region

    def failed(self, exc: BaseException) -> None:
        self.problem.emit(str(exc))
