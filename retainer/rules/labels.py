"""The words shown for stored codes (call outcomes, reminder reasons, churn reasons)."""

from __future__ import annotations

from retainer.i18n import tr


def outcome(code: str) -> str:
    return {"reached": tr("Reached"), "no_answer": tr("No answer"), "call_back": tr("Call back"),
            "wrong_number": tr("Wrong number"), "refused": tr("Refused to talk")}.get(code, code)


def channel(code: str) -> str:
    return {"call": tr("Call"), "sms": tr("SMS"), "email": tr("E-mail"), "visit": tr("In person"),
            "messenger": tr("Messenger")}.get(code, code)


def reminder_reason(code: str) -> str:
    return {"lapsed": tr("Lapsed"), "at_risk": tr("At risk"), "birthday": tr("Birthday"),
            "manual": tr("By hand"), "detractor": tr("Unhappy answer")}.get(code, code)


def reminder_state(code: str) -> str:
    return {"open": tr("Open"), "snoozed": tr("Snoozed"), "done": tr("Done"),
            "dismissed": tr("Dismissed")}.get(code, code)


def churn_reason(code: str | None) -> str:
    if not code:
        return ""
    return {"poor_service": tr("Poor service"), "poor_product": tr("Poor product"),
            "price": tr("Price"), "competitor": tr("Went to a competitor"),
            "moved_away": tr("Moved away"), "no_longer_needed": tr("No longer needed"),
            "other": tr("Other")}.get(code, code)


def code_name(code: str | None) -> str | None:
    """The name of a customer known only by a code or card number: "Customer 00123"."""
    return tr("Customer {code}").format(code=code) if code else None
