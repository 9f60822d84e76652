"""Calls and feedback from a workbook Retainer exported, joined to customers by their code."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert

from retainer.db.models import Contact, Feedback
from retainer.excel import values
from retainer.excel.rows import Problem
from retainer.i18n import tr


def _code(value: Any) -> str:
    return values.text(value) if not values.is_blank(value) else ""


def restore_history(session, extras: dict[str, list[list[Any]]], codes: dict[str, int], report) -> None:
    from retainer.rules import labels

    # Exported words back to stored codes, in whatever language the export was made.
    outcomes = labels.codes_by_word(labels.OUTCOMES)
    channels = labels.codes_by_word(labels.CHANNELS)
    reasons = labels.codes_by_word(labels.CHURN_REASONS)
    contacts, feedback = [], []
    for row in extras.get("Contacts", []):
        cid = codes.get(_code(row[0]))
        if cid is None or len(row) < 11 or not isinstance(row[3], datetime):
            continue
        satisfied = None if values.is_blank(row[6]) else values.flag(row[6])
        contacts.append({
            "customer_id": cid, "contacted_at": row[3],
            "channel": channels.get(values.text(row[4]).casefold(), "call"),
            "outcome": outcomes.get(values.text(row[5]).casefold(), "reached"),
            "satisfied": satisfied,
            "satisfaction_comment": values.text(row[7]) or None, "wished_offer": values.text(row[8]) or None,
            "referral_note": values.text(row[9]) or None, "notes": values.text(row[10]) or None})
    for number, row in enumerate(extras.get("Feedback", []), start=2):
        cid = codes.get(_code(row[0]))
        if cid is None or len(row) < 9:
            continue
        try:
            given = values.day(row[3])
        except ValueError:
            report.problems.append(Problem(number, tr("Date"), values.text(row[3]), tr("Not a date.")))
            continue
        score = None if values.is_blank(row[4]) else int(float(row[4]))
        feedback.append({
            "customer_id": cid, "given_on": given, "nps_score": score,
            "comment": values.text(row[5]) or None, "is_complaint": not values.is_blank(row[6]),
            "resolution": values.text(row[7]) or None,
            "churn_reason": reasons.get(values.text(row[8]).casefold())})
    if contacts:
        session.execute(insert(Contact), contacts)
    if feedback:
        session.execute(insert(Feedback), feedback)
