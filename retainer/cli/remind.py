"""``retainer remind``: today's call list in the terminal, for scripts and quick checks."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from retainer.cli.common import add_db_option, open_base
from retainer.i18n import percent, tr


def add_parser(commands) -> argparse.ArgumentParser:
    p = commands.add_parser("remind", help=tr("print whom to call today"),
                                description=tr("Print whom to call today, most worth calling first."))
    add_db_option(p)
    p.add_argument("--as-of", metavar="DATE", help=tr("the day to list, like 2026-12-31 "
                                                      "(default: today); reminders are "
                                                      "made only for today"))
    p.add_argument("--json", action="store_true", help=tr("print JSON instead of a table"))
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from retainer.rules import phones
    from retainer.rules.dates import format_date, parse_date
    from retainer.services.today import empty_reason, queue_line

    try:
        as_of = parse_date(args.as_of) if args.as_of else None
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    services = open_base(args.db)
    if services is None:
        return 1
    try:
        if as_of is None or as_of == date.today():
            services.reminders.generate()
            services.radar.refresh()
        listing = services.today.today(as_of)
        settings = services.settings
    finally:
        services.close()
    if args.json:
        print(json.dumps({
            "as_of": listing.as_of.isoformat(),
            "model": "bg/nbd" if listing.model.fitted else "rules",
            "daily_calls": listing.daily_calls, "called_today": listing.called_today,
            "waiting": listing.waiting,
            "calls": [{
                "customer_id": i.customer_id, "name": i.name, "phone": i.phone,
                "reason": i.reason, "why": i.why, "due_on": i.due_on.isoformat(),
                "status": i.status.value,
                "last_purchase": i.last_purchase_at.isoformat() if i.last_purchase_at else None,
                "last_call": i.last_call or None, "p_alive": i.p_alive,
                "expected_purchases_90_days": i.expected_purchases,
                "yearly_spend_cents": i.yearly_spend_cents, "score": round(i.score, 2),
            } for i in listing.items]}, ensure_ascii=False, indent=2))
        return 0
    if not listing.items:
        print(tr("Nobody to call on {date}.").format(date=format_date(listing.as_of)))
        print(empty_reason(listing, settings.cooldown_days, settings.winback_days))
        return 0
    print(tr("%Ln customers to call on {date}:", "", len(listing.items)).format(
        date=format_date(listing.as_of)))
    for n, i in enumerate(listing.items, start=1):
        alive = f"{percent(i.p_alive):>5}" if i.p_alive is not None else "    -"
        print(f"{n:4}. {i.name[:28]:28} {phones.display(i.phone):18} {alive}  {i.why}")
    if listing.waiting:
        print(queue_line(listing))
    return 0
