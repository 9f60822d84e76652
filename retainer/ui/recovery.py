"""A damaged base, found when it opens or by the check behind the first page (and a base on a
network drive, where damage is likely): the owner is told in plain words and offered the
newest backup that passes the check. The damaged file is set aside under a new name, as it
is, never overwritten; with no sound backup, an empty base can be started beside it."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from retainer.i18n import tr
from retainer.ui.formatting import date_time
from retainer.ui.questions import choose

log = logging.getLogger(__name__)


def offer(launcher, path, reason: str, at_start: bool) -> None:
    """Look for the newest sound backup (in the background: each is checked), then ask."""
    from retainer.services.backups import newest_sound_backup

    launcher.tasks.read(None, lambda: newest_sound_backup(path), lane="long") \
        .success(lambda found: _ask(launcher, path, reason, found, at_start)) \
        .failure(lambda exc: _ask(launcher, path, reason, None, at_start)).run()


def wording(path, reason: str, found, at_start: bool) -> tuple[str, str, list[str]]:
    """The title, the text and the choices of the question about a damaged base."""
    title = tr("The customer base is damaged")
    said = tr("The customer base {path} is damaged: {reason}").format(path=path, reason=reason)
    said += "" if said.endswith(".") else "."
    later = tr("Quit") if at_start else tr("Not now")
    if found is not None:
        backup, customers = found
        text = "\n\n".join((said, tr(
            "The newest backup that passes the check was taken {when} and holds {customers}. "
            "Retainer can put it in place; the damaged file is kept beside it under a new "
            "name, exactly as it is.").format(
                when=date_time(backup.taken_at),
                customers=tr("%Ln customers", "a backup with …", customers or 0))))
        choices = [tr("Restore this backup"), later]
    else:
        text = "\n\n".join((said, tr(
            "No backup of it passes the check. Retainer can keep the damaged file beside it "
            "under a new name, exactly as it is, and start an empty base; the file can then "
            "be taken to someone who repairs SQLite files.")))
        choices = [tr("Set it aside and start empty"), later]
    return title, text, choices


def _ask(launcher, path, reason: str, found, at_start: bool) -> None:
    log.warning("damaged base %s: %s", path, reason)
    backup = found[0] if found is not None else None
    if choose(launcher.window, *wording(path, reason, found, at_start)) != 0:
        if at_start:
            launcher.app.exit(1)
        return
    _recover(launcher, path, backup)


def _recover(launcher, path, backup) -> None:
    from retainer.services import open_retainer
    from retainer.services.backups import recover

    services = launcher.services
    if launcher.window is not None:
        launcher.window.setEnabled(False)

    def work():
        if services is not None:  # the damage was found with the base open
            services.ctx.db.interrupt()
            services.ctx.db.dispose()
        aside = recover(path, backup.path if backup else None)
        return open_retainer(str(path)), aside

    def done(result) -> None:
        reopened, aside = result
        launcher._opened(reopened)
        QMessageBox.information(launcher.window, tr("The customer base is damaged"), tr(
            "The damaged base was kept as {aside}.").format(aside=aside.name))

    def failed(exc: Exception) -> None:
        if launcher.window is not None:
            launcher.window.setEnabled(True)
        QMessageBox.critical(launcher.window, tr("The customer base is damaged"), str(exc))
        if launcher.window is None:
            launcher.app.exit(1)

    launcher.tasks.write(None, work).success(done).failure(failed).run()


def warn_network_drive(parent, location: str, kind: str) -> None:
    """A base on a network drive is not yet damaged, but may well be: said once each start."""
    QMessageBox.warning(parent, tr("The base is on a network drive"), tr(
        "The customer base {path} is on a network drive ({kind}). A base file there can be "
        "damaged when the connection drops or when two computers write to it at once.\n\n"
        "Keep the base on this computer's own disk, or, for several tills, on a shared "
        "PostgreSQL server.").format(path=location, kind=kind))
