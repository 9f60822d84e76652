"""The card's "Personal data" button: hand a customer everything held about them, erase them
on request, and read the log of such requests (services/personal_data.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton

from retainer.i18n import tr
from retainer.ui.formatting import date_time
from retainer.ui.questions import choose


def erase_wording(name: str) -> tuple[str, str, list[str]]:
    return (tr("Erase {name}?").format(name=name), tr(
        "{name}'s name, phones, e-mail, birthday, address, card number, tags and notes, and the "
        "notes of their purchases, calls and feedback, will be erased for good. There is no "
        "undo.\n\nWhat stays, anonymous, are the dates and amounts of the purchases and the "
        "scores of the feedback, so that the figures of the past stay right. Backups taken "
        "before today still hold the customer until they are rotated out.").format(name=name),
        [tr("Erase for good"), tr("Cancel")])


class PersonalDataButton(QPushButton):
    def __init__(self, card) -> None:
        super().__init__(tr("Personal data"))
        self.card = card
        self.setToolTip(tr("The customer's requests about their data: a copy of everything, "
                           "or erasure"))
        menu = QMenu(self)
        self.export_action = menu.addAction(tr("Export everything held…"), self.export)
        self.erase_action = menu.addAction(tr("Erase on request…"), self.erase)
        menu.addSeparator()
        self.log_action = menu.addAction(tr("Log of requests…"), self.show_log)
        self.setMenu(menu)
        self.setEnabled(card.customer_id is not None)

    @property
    def services(self):
        return self.card.services

    def export(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self.card, tr("Where should the customer's files go?"))
            if not folder:
                return
        cid, personal = self.card.customer_id, self.services.personal_data

        def done(exported) -> None:
            QMessageBox.information(self.card, tr("Personal data"), tr(
                "Everything held about {name} was saved as\n{workbook}\nand\n{json}\nThe export "
                "is noted in the log of requests.").format(
                    name=self.card.display_name(), workbook=exported.workbook, json=exported.json))

        self.card.tasks.write(self.card, lambda: personal.export(cid, folder)).success(done) \
            .failure(self.card._failed).run()

    def erase(self, confirmed: bool = False) -> None:
        name = self.card.display_name()
        if not confirmed and choose(self.card, *erase_wording(name)) != 0:
            return
        cid, personal = self.card.customer_id, self.services.personal_data

        def done(_none) -> None:
            self.card.close_without_asking()
            window = self.card.parent()
            if hasattr(window, "say"):
                window.say(tr("{name} was erased on request; the figures keep their purchases, "
                              "anonymous.").format(name=name))

        self.card.tasks.write(self.card, lambda: personal.erase(cid)).success(done) \
            .failure(self.card._failed).run()

    def show_log(self) -> None:
        cid, personal = self.card.customer_id, self.services.personal_data

        def shown(logged) -> None:
            lines = [f"{date_time(r.made_at)}  {r.label}" + (f" ({r.detail})" if r.detail else "")
                     for r in logged] or [tr("No requests yet.")]
            QMessageBox.information(self.card, tr("Log of requests"), "\n".join(lines))

        self.card.tasks.read(self.card, lambda: personal.logged(cid)).success(shown) \
            .failure(self.card._failed).run()
