"""Render every screen with demo data to PNG files, offscreen, to look at them as a user would.

    python tools/screenshots.py [--out docs/screenshots] [--language ru|lt|en] [--pseudo]

--language renders the window in that language (the Russian shop with roubles, the Lithuanian
one with euros) into a folder of its own, docs/screenshots/ru/ and docs/screenshots/lt/;
--pseudo lengthens every string by about 40 % to catch truncation.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--pseudo", action="store_true")
    parser.add_argument("--language", choices=("en", "ru", "lt"), default="en")
    args = parser.parse_args()
    if args.pseudo:
        os.environ["RETAINER_PSEUDO"] = "1"
    out = Path(args.out) / (args.language if args.language != "en" else "")
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-pseudo" if args.pseudo else ""

    from PySide6.QtWidgets import QApplication

    from retainer.demo import make_demo
    from retainer.rules.status import Status
    from retainer.services import open_retainer
    from retainer.ui import qt_i18n
    from retainer.ui.main_window import MainWindow
    from retainer.ui.tasks import Tasks

    app = QApplication.instance() or QApplication([])
    qt_i18n.install(args.language)
    currency = {"ru": "RUB", "lt": "EUR"}.get(args.language, "EUR")
    tmp = Path(tempfile.mkdtemp())
    os.environ["RETAINER_DATA_DIR"] = str(tmp / "data")  # no window layout kept from before
    make_demo(str(tmp / "demo.sqlite"), 2000, 3.0, seed=7)
    services = open_retainer(str(tmp / "demo.sqlite"))
    services.change_settings(currency=currency)
    services.loyalty.settle_all()  # the default tiers, as on the base's first morning
    tasks = Tasks(synchronous=True)

    def settle() -> None:
        for _ in range(20):  # charts are drawn one per turn of the event loop
            app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    window = MainWindow(services, tasks)
    window.resize(1200, 760)
    window.show()
    shot(window, "customers")
    window.customers.show_only(status=Status.AT_RISK)
    shot(window, "customers-at-risk")
    window.customers.show_only()
    window.customers.search.setText("916")
    shot(window, "customers-search")
    window.customers.search.setText("")
    first = window.customers.model.customer_id(0)
    busiest = services.customers.page(
        __import__("retainer.services", fromlist=["CustomerQuery"]).CustomerQuery(
            sort="purchases", descending=True), 0, 1)[0].id
    card = window.open_card(busiest)
    shot(card, "card")
    card.tabs.setCurrentIndex(2)
    shot(card, "card-feedback")
    card.dirty = False
    card.close()
    services.backups.back_up("daily")
    services.backups.back_up("import")
    restore = window.open_restore()
    restore.resize(760, 380)
    shot(restore, "restore")
    restore.reject()
    from retainer.db.backups import newest_sound
    from retainer.ui import recovery
    from retainer.ui.questions import question_box

    damaged = question_box(window, *recovery.wording(
        services.backups.base_path, "database disk image is malformed",
        newest_sound(services.backups.folder), at_start=True))
    damaged.show()
    shot(damaged, "damaged-base")
    damaged.close()
    from dataclasses import replace

    from retainer.services import EditConflict
    from retainer.ui import edit_conflict, personal_data

    other_till = open_retainer(str(services.backups.base_path))
    read = services.customers.card(busiest)
    theirs = other_till.customers.card(busiest)
    other_till.customers.update(busiest, replace(theirs.form, city="Kaunas",
                                                 notes="Prefers oat milk"), theirs)
    other_till.close()
    try:
        services.customers.update(busiest, replace(read.form, city="Klaipėda",
                                                   notes="Birthday cake on Friday"), read)
    except EditConflict as conflict:
        asked = question_box(window, *edit_conflict.wording(conflict))
        asked.show()
        shot(asked, "edit-conflict")
        asked.close()
    erase = question_box(window, *personal_data.erase_wording(read.form.name))
    erase.show()
    shot(erase, "erase-customer")
    erase.close()
    new = window.open_card(None)
    new.form.name.setText("")
    new.form.phone.setText("12")
    new.form.email.setText("anna@")
    new.form.birthday.setText("31.02.1990")
    new.save()
    new.form.birthday.setText("")
    new.save()
    shot(new, "card-new-errors")
    new.dirty = False
    new.close()
    window.nav.setCurrentRow(2)
    shot(window, "feedback")
    window.nav.setCurrentRow(3)
    window.resize(1280, 1000)
    shot(window, "dashboard")
    bar = window.dashboard.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot(window, "dashboard-lower")
    bar.setValue(0)
    window.resize(1200, 760)
    window.nav.setCurrentRow(0)
    shot(window, "today")
    window.today.view.selectRow(1)
    call = window.today.call_selected()
    call.satisfied.setCurrentIndex(2)
    call.why_not.setText("Кофе остыл, пока ждала заказ")
    call.offer.setText("овсяное молоко")
    call.referral_name.setText("Ieva Balčiūnienė")
    call.referral_phone.setText("+370 612 99999")
    call.nps.setCurrentIndex(call.nps.findData(7))
    shot(call, "call-dialog")
    call.reject()
    settings = window.open_settings()
    tiers = settings.open_tiers()
    tiers.preview()
    shot(tiers, "tiers")
    tiers.reject()
    settings.reject()
    # Saved segments one click away, the further filters open, and a message to a segment.
    from retainer.services import CustomerQuery
    from retainer.ui.outreach_dialog import OutreachDialog

    names = {"en": ("Lapsed regulars", "Big spenders"), "ru": ("Ушедшие постоянные", "Щедрые"),
             "lt": ("Nutolę nuolatiniai", "Dosnūs")}[args.language]
    lapsed = CustomerQuery(status=Status.LAPSED, spent_min_cents=10_000)
    first_segment = services.segments.save(names[0], lapsed)
    services.segments.save(names[1], CustomerQuery(spent_min_cents=50_000))
    window.nav.setCurrentRow(1)
    window.customers.refresh_tags()
    window.customers.show_segment(first_segment)
    shot(window, "customers-segments")
    outreach = OutreachDialog(services, tasks, lapsed, names[0], window)
    outreach.show()
    shot(outreach, "outreach")
    outreach.template.setPlainText(outreach.template.toPlainText() + " {firstname}")
    outreach.replan()
    shot(outreach, "outreach-problem")
    outreach.reject()
    # Two cards of one person, side by side: a copy of the busiest customer, typed again.
    from retainer.rules.validation import CustomerForm
    from retainer.ui import duplicates_dialog

    twin = services.customers.card(busiest).form
    services.customers.create(CustomerForm(name=twin.name.split()[0], phones=twin.phones[:1],
                                           city=twin.city or "Vilnius", notes="Kassa 2"))
    duplicates = duplicates_dialog.open_for(window)
    duplicates.resize(1100, 560)
    shot(duplicates, "duplicates")
    duplicates.reject()
    window.customers.show_only()
    window.close()
    services.close()
    del first

    # The import wizard, step by step, on a typical list with title rows and a bad row.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.excel import ugly

    sample = ugly.xlsx(tmp / "Клиенты.xlsx", ugly.CUSTOMERS + [["Bad Row", "12", "x@", "31.02.1990", None]],
                       merge="A1:E1")
    fresh = open_retainer(str(tmp / "import.sqlite"))
    fresh.change_settings(default_region="RU")
    host = MainWindow(fresh, tasks)
    host.resize(1200, 760)
    wizard = host.transfer.import_wizard(str(sample))
    wizard.resize(900, 620)
    shot(wizard, "import-1-file")
    wizard.next()
    shot(wizard, "import-2-columns")
    wizard.next()
    shot(wizard, "import-3-preview")
    wizard.next()
    wizard.check_page.run_test()
    shot(wizard, "import-4-test-run")
    wizard.next()
    shot(wizard, "import-5-done")
    wizard.close()
    history = host.transfer.import_history()
    shot(history, "import-history")
    history.close()
    host.close()
    fresh.close()

    # The shop's own files: a register log keyed by cards, a list with totals, and a Russian
    # list in a base set to the United States.
    from tests.excel.test_shop_files import CARD_LOG, TOTALS

    files = (("card-log", ugly.csv_file(tmp / "касса.csv", CARD_LOG, "cp1251"), "RU"),
             ("totals", ugly.xlsx(tmp / "клиенты-итоги.xlsx", TOTALS, merge="A1:F1"), "RU"),
             ("country", ugly.xlsx(tmp / "гости.xlsx", [["ФИО", "Телефон"]] + [
                 [f"Гость {k}", f"8 (916) {100 + k:03d}-45-67"] for k in range(40)]), "US"))
    for name, path, region in files:
        base = open_retainer(str(tmp / f"{name}.sqlite"))
        base.change_settings(default_region=region)
        host = MainWindow(base, tasks)
        wizard = host.transfer.import_wizard(str(path))
        wizard.resize(900, 620)
        wizard.next()
        shot(wizard, f"import-{name}-columns")
        wizard.next()
        shot(wizard, f"import-{name}-preview")
        wizard.close()
        host.close()
        base.close()

    # A young base: 180 customers imported this morning, one purchase, one call, one answer.
    from datetime import datetime, timedelta

    from retainer.services import CustomerQuery
    from retainer.services.calls import CallForm

    young = open_retainer(str(tmp / "young.sqlite"))
    young.change_settings(default_region="RU", currency=currency)
    guests = ugly.xlsx(tmp / "гости-180.xlsx", [["ФИО", "Телефон"]] + [
        [f"Гость {k:03d}", f"8 (916) {100 + k:03d}-45-67"] for k in range(180)])
    young.imports.run_to_end(young.imports.layout(str(guests)).plan())
    first_guest = young.customers.page(CustomerQuery(), 0, 1)[0].id
    young.purchases.record(first_guest, 45000, datetime.now() - timedelta(minutes=30))
    young.calls.log(first_guest, CallForm(outcome="reached", nps_score=10))
    host = MainWindow(young, tasks)
    host.resize(1200, 760)
    host.show()
    host.nav.setCurrentRow(0)
    shot(host, "young-today")
    host.nav.setCurrentRow(3)
    host.resize(1280, 1000)
    shot(host, "young-dashboard")
    bar = host.dashboard.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot(host, "young-dashboard-lower")
    host.close()
    young.close()

    make_empty = open_retainer(str(tmp / "empty.sqlite"))
    empty = MainWindow(make_empty, tasks)
    empty.resize(1200, 760)
    empty.show()
    shot(empty, "customers-empty")
    empty.nav.setCurrentRow(0)
    shot(empty, "today-empty")
    empty.nav.setCurrentRow(3)
    shot(empty, "dashboard-empty")
    terms = empty.open_shop_terms()
    shot(terms, "shop-terms")
    terms.reject()
    settings = empty.open_settings()
    shot(settings, "settings")
    settings.reject()
    restore = empty.open_restore()
    shot(restore, "restore-empty")
    restore.reject()
    about = empty.open_about()
    shot(about, "about")
    about.reject()
    empty.close()
    make_empty.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
