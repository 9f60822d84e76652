"""The words shown for stored codes (call outcomes, reminder reasons, churn reasons).

Each table holds the English source, marked for the catalogs; the functions give the word in
the language spoken now, and :func:`codes_by_word` reads a word in any of Retainer's
languages back to its code (an export made in Russian imports back in English, and so on).
"""

from __future__ import annotations

from retainer.i18n import QT_TR_NOOP, in_every_language, tr

OUTCOMES = {"reached": QT_TR_NOOP("Reached"), "no_answer": QT_TR_NOOP("No answer"),
            "call_back": QT_TR_NOOP("Call back"), "wrong_number": QT_TR_NOOP("Wrong number"),
            "refused": QT_TR_NOOP("Refused to talk"), "sent": QT_TR_NOOP("Message sent")}
CHANNELS = {"call": QT_TR_NOOP("Call"), "sms": QT_TR_NOOP("SMS"), "email": QT_TR_NOOP("E-mail"),
            "visit": QT_TR_NOOP("In person"), "messenger": QT_TR_NOOP("Messenger")}
REMINDER_REASONS = {"lapsed": QT_TR_NOOP("Lapsed"), "at_risk": QT_TR_NOOP("At risk"),
                    "birthday": QT_TR_NOOP("Birthday"), "manual": QT_TR_NOOP("By hand"),
                    "detractor": QT_TR_NOOP("Unhappy answer"), "tier": QT_TR_NOOP("New tier")}
REMINDER_STATES = {"open": QT_TR_NOOP("Open"), "snoozed": QT_TR_NOOP("Snoozed"),
                   "done": QT_TR_NOOP("Done"), "dismissed": QT_TR_NOOP("Dismissed")}
CHURN_REASONS = {"poor_service": QT_TR_NOOP("Poor service"), "poor_product": QT_TR_NOOP("Poor product"),
                 "price": QT_TR_NOOP("Price"), "competitor": QT_TR_NOOP("Went to a competitor"),
                 "moved_away": QT_TR_NOOP("Moved away"),
                 "no_longer_needed": QT_TR_NOOP("No longer needed"), "other": QT_TR_NOOP("Other")}


def _word(table: dict[str, str], code: str) -> str:
    return tr(table[code]) if code in table else code


def outcome(code: str) -> str:
    return _word(OUTCOMES, code)


def channel(code: str) -> str:
    return _word(CHANNELS, code)


def reminder_reason(code: str) -> str:
    return _word(REMINDER_REASONS, code)


def reminder_state(code: str) -> str:
    return _word(REMINDER_STATES, code)


def churn_reason(code: str | None) -> str:
    return _word(CHURN_REASONS, code) if code else ""


def codes_by_word(table: dict[str, str]) -> dict[str, str]:
    """Every language's word for each code (case-folded), and the code itself, -> the code."""
    found = {}
    for code, source in table.items():
        for word in (code, *in_every_language(source)):
            found[word.casefold()] = code
    return found


def code_name(code: str | None) -> str | None:
    """The name of a customer known only by a code or card number: "Customer 00123"."""
    return tr("Customer {code}").format(code=code) if code else None
