"""Every setting: the language of this computer, when a customer counts as lapsed or at risk,
reminders, the phone numbers' country, the money and how many backups are kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from retainer import i18n
from retainer.i18n import tr
from retainer.rules import settings as keys
from retainer.services import Retainer
from retainer.ui.shop_terms import choose_language, currency_box, language_box, region_box
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks


def _spin(key: keys.Key, suffix: str, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(int(key.minimum), int(key.maximum))
    box.setSuffix(suffix)
    box.setToolTip(tip)
    return box


class SettingsDialog(QDialog):
    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.setWindowTitle(tr("Settings"))
        current = services.settings
        days = tr(" days")
        self.lapse = _spin(keys.LAPSE_DAYS, days, tr(
            "A customer with no purchase for longer than this is lapsed."))
        self.lapse.setValue(current.lapse_days)
        self.risk = QDoubleSpinBox()
        self.risk.setRange(keys.RISK_FACTOR.minimum, keys.RISK_FACTOR.maximum)
        self.risk.setSingleStep(0.5)
        self.risk.setDecimals(1)
        self.risk.setSuffix(" ×")
        self.risk.setToolTip(tr("A regular (three purchases or more) is at risk when the time "
                                "since their last purchase is this many times their usual gap."))
        self.risk.setValue(current.risk_factor)
        self.cooldown = _spin(keys.COOLDOWN_DAYS, days, tr(
            "After a call or a dismissed reminder, no automatic reminder for this long."))
        self.cooldown.setValue(current.cooldown_days)
        self.birthday = _spin(keys.BIRTHDAY_DAYS_AHEAD, days, tr(
            "Remind this many days before a birthday; 0 turns birthday reminders off."))
        self.birthday.setValue(current.birthday_days_ahead)
        self.winback = _spin(keys.WINBACK_DAYS, days, tr(
            "Customers silent for longer than this are no longer put on the call list."))
        self.winback.setValue(current.winback_days)
        self.daily_calls = _spin(keys.DAILY_CALLS, "", tr(
            "How many customers drifting away Today lists a day, most worth calling first; the "
            "others wait their turn. Promised calls and birthdays are always listed."))
        self.daily_calls.setValue(current.daily_calls)
        kept = tr("How many backups the rotation keeps: every one of the last day, then the "
                  "newest of each day, week and month this far back.")
        self.backups_daily = _spin(keys.BACKUPS_DAILY, tr(" daily"), kept)
        self.backups_daily.setValue(current.backups_daily)
        self.backups_weekly = _spin(keys.BACKUPS_WEEKLY, tr(" weekly"), kept)
        self.backups_weekly.setValue(current.backups_weekly)
        self.backups_monthly = _spin(keys.BACKUPS_MONTHLY, tr(" monthly"), kept)
        self.backups_monthly.setValue(current.backups_monthly)
        rotation = QHBoxLayout()
        for box in (self.backups_daily, self.backups_weekly, self.backups_monthly):
            rotation.addWidget(box)
        rotation.addStretch(1)
        self.language = language_box(i18n.spoken())
        self.region = region_box(current.default_region)
        self.currency = currency_box(current.currency)

        form = QFormLayout()
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Lapsed after"), self.lapse)
        form.addRow(tr("At risk after their usual gap"), self.risk)
        form.addRow(tr("Quiet time after a call"), self.cooldown)
        form.addRow(tr("Birthday reminders ahead"), self.birthday)
        form.addRow(tr("Stop calling after"), self.winback)
        form.addRow(tr("Calls a day on Today"), self.daily_calls)
        form.addRow(tr("Phone numbers from"), self.region)
        form.addRow(tr("Currency"), self.currency)
        form.addRow(tr("Backups kept"), rotation)
        tiers = QPushButton(tr("Edit the tiers…"))
        tiers.setToolTip(tr("Loyalty tiers: what a customer needs for each, and its discount"))
        tiers.clicked.connect(self.open_tiers)
        form.addRow(tr("Loyalty tiers"), tiers)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def open_tiers(self):
        from retainer.ui.tiers_dialog import TiersDialog

        dialog = TiersDialog(self.services, self.tasks, self.parent() or self)
        dialog.open()
        self.tiers_dialog = dialog
        return dialog

    def values(self) -> dict:
        return {
            keys.LAPSE_DAYS.name: self.lapse.value(),
            keys.RISK_FACTOR.name: float(self.risk.value()),
            keys.COOLDOWN_DAYS.name: self.cooldown.value(),
            keys.BIRTHDAY_DAYS_AHEAD.name: self.birthday.value(),
            keys.WINBACK_DAYS.name: self.winback.value(),
            keys.DAILY_CALLS.name: self.daily_calls.value(),
            keys.DEFAULT_REGION.name: self.region.currentData(),
            keys.CURRENCY.name: self.currency.currentData(),
            keys.BACKUPS_DAILY.name: self.backups_daily.value(),
            keys.BACKUPS_WEEKLY.name: self.backups_weekly.value(),
            keys.BACKUPS_MONTHLY.name: self.backups_monthly.value(),
        }

    def save(self) -> None:
        values = self.values()

        def failed(exc) -> None:
            self.error.setText(str(exc))
            self.error.show()

        def saved(_) -> None:
            self.accept()
            choose_language(self.parent() or self, language)

        language = self.language.currentData()
        services = self.services
        self.tasks.write(self, lambda: services.change_settings(**values)) \
            .success(saved).failure(failed).run()
