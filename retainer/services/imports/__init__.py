"""Importing a shop's own list: finding the layout of the file (:mod:`.layout`), the owner's
plan and the report (:mod:`.plan`), writing it (:mod:`.apply`), restoring a workbook Retainer
exported (:mod:`.restore`), undoing an import (:mod:`.undo`), and guessing the country of the
phone numbers (:mod:`.country`). :class:`ImportService` is
what the window and the command line call."""

from retainer.services.imports.country import CountryGuess
from retainer.services.imports.plan import (
    MERGE,
    SKIP,
    UPDATE,
    Duplicate,
    ImportRecord,
    Layout,
    LinkedSheet,
    Plan,
    Progress,
    Report,
    plan_problem,
)
from retainer.services.imports.service import ImportService

__all__ = ["MERGE", "SKIP", "UPDATE", "CountryGuess", "Duplicate", "ImportRecord", "ImportService", "Layout",
           "LinkedSheet", "Plan", "Progress", "Report", "plan_problem"]
