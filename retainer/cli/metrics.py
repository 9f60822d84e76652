"""``retainer metrics``: every retention figure (docs/figures.md) for a period, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from retainer.cli.common import add_db_option, open_base
from retainer.i18n import decimal, grouped, percent, tr
from retainer.rules.money import format_amount
from retainer.rules.status import Status


def add_parser(commands) -> argparse.ArgumentParser:
    p = commands.add_parser("metrics", help=tr("print the retention figures for a period"),
                                description=tr("Print the retention figures for a period."))
    add_db_option(p)
    p.add_argument("--from", dest="start", metavar="DATE",
                   help=tr("first day of the period (default: the first day of last month)"))
    p.add_argument("--to", dest="end", metavar="DATE",
                   help=tr("the day after the period (default: the first day of this month)"))
    p.add_argument("--as-of", metavar="DATE", help=tr(
        "the day for figures 'as of' (default: today); a past day gives the figures as they "
        "stood that morning, with the model fitted on the purchases before it"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)
    return p


def gather(services, start: date, end: date, as_of: date) -> dict:
    """Every figure for the period; for a past ``as_of``, as Retainer would have said then
    (the base as it stood that morning, the model fitted on the purchases before it)."""
    from retainer.services.history import base_as_of

    m = services.metrics
    retention = m.retention(start, end)
    nps = m.nps(start, end)
    if as_of < services.now().date():
        then = base_as_of(services.ctx, as_of)
        s = services.settings
        statuses = then.status_counts(s.lapse_days, s.risk_factor)
        state = services.radar.state_as_of(as_of)
    else:
        then = None
        statuses = services.customers.status_counts()
        state = services.radar.state()
    head = m.headline(as_of, then=then)
    bought = m.purchases(start, end)
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat(), "as_of": as_of.isoformat()},
        "retention": {"start_active": retention.start_active, "end_active": retention.end_active,
                      "new": retention.new, "churned": retention.churned,
                      "came_back": retention.came_back,
                      "crr_percent": retention.crr, "churn_rate_percent": retention.churn_rate},
        "purchases": {
            "in_period": bought["period"]["purchases"],
            "revenue_in_period": bought["period"]["revenue_cents"] / 100,
            "in_total": bought["total"]["purchases"],
            "revenue_in_total": bought["total"]["revenue_cents"] / 100,
            "opening_histories": {
                "customers": bought["opening_histories"]["customers"],
                "purchases": bought["opening_histories"]["purchases"],
                "spent": bought["opening_histories"]["spent_cents"] / 100}},
        "nps": {"score": nps.score, "promoters": nps.promoters, "passives": nps.passives,
                "detractors": nps.detractors, "answers": nps.answers,
                "response_rate": (nps.answers / retention.start_active
                                  if retention.start_active else None)},
        "customers": head.customers, "buying_customers": head.buying_customers,
        "active": head.active, "repeat_purchase_rate": head.repeat_rate,
        "purchase_frequency_365_days": head.purchase_frequency,
        "average_order_365_days": (None if head.average_order_cents is None
                                   else head.average_order_cents / 100),
        "average_lifetime_days": head.average_lifetime_days,
        "share_of_regulars": head.share_of_regulars,
        "statuses": {s.value: n for s, n in statuses.items()},
        "rfm_segments": m.rfm(as_of, then=then),
        "referrers": [{"customer_id": r.customer_id, "name": r.name, "brought": r.brought,
                       "buying": r.buying, "spent": r.spent_cents / 100}
                      for r in top_referrers(services.ctx)],
        "did_it_work": did_it_work(services, start, end),
        "bg_nbd": None if state.params is None else {
            "r": state.params.r, "alpha": state.params.alpha, "a": state.params.a,
            "b": state.params.b, "time_unit": "day", "fitted_on": state.as_of.isoformat(),
            "customers": state.customers, "repeat_customers": state.repeat_customers},
    }


def _group(g) -> dict:
    return {"customers": g.customers, "came_back": g.came_back, "still_waiting": g.waiting,
            "share": g.share}


def _comparison(c) -> dict:
    return {"reached": _group(c.reached), "not_reached": _group(c.not_reached),
            "difference_points": c.difference}


def did_it_work(services, start: date, end: date) -> dict:
    """Of the customers reached in the period, who bought again within 30 days, against those
    who were not: the Today list's drifting customers, and each segment's messages."""
    from retainer.rules.results import WINDOW_DAYS

    results = services.results
    return {"window_days": WINDOW_DAYS,
            "today_list": _comparison(results.today_list(start, end)),
            "segments": [{"segment": r.name, "customers_today": r.customers_today,
                          "messages": r.outreaches, **_comparison(r.comparison)}
                         for r in results.segments(start, end, services.segments.counts())]}


def top_referrers(ctx):
    from retainer.services.referrals import top_referrers as top

    return top(ctx)


def run(args: argparse.Namespace) -> int:
    from retainer.rules.dates import format_date, parse_date
    from retainer.services.metrics import month_start

    try:
        as_of = parse_date(args.as_of) if args.as_of else date.today()
        end = parse_date(args.end) if args.end else month_start(as_of)
        start = parse_date(args.start) if args.start else month_start(end, -1)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if start >= end:
        print(tr("--from must be before --to."), file=sys.stderr)
        return 2
    services = open_base(args.db)
    if services is None:
        return 1
    try:
        figures = gather(services, start, end, as_of)
        currency = services.settings.currency
    finally:
        services.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    r, n = figures["retention"], figures["nps"]

    def pct(v):
        return "—" if v is None else percent(v / 100, 1)

    print(tr("Period {start} – {end} (the day after), as of {as_of}").format(
        start=format_date(start), end=format_date(end), as_of=format_date(as_of)))
    print(tr("CRR {crr}  (S {s}, E {e}, N {n}, churned {churned}, came back {back});  "
             "churn {churn}").format(
        crr=pct(r["crr_percent"]), s=r["start_active"], e=r["end_active"], n=r["new"],
        churned=r["churned"], back=r["came_back"], churn=pct(r["churn_rate_percent"])))
    b = figures["purchases"]
    print(tr("Purchases in the period: {n} for {revenue}; in all: {total} for {all_revenue}").format(
        n=grouped(b["in_period"]), revenue=format_amount(round(b["revenue_in_period"] * 100), currency),
        total=grouped(b["in_total"]),
        all_revenue=format_amount(round(b["revenue_in_total"] * 100), currency)))
    print(tr("NPS {score}  (promoters {p}, passives {pa}, detractors {d})").format(
        score="—" if n["score"] is None else f"{n['score']:+d}", p=n["promoters"],
        pa=n["passives"], d=n["detractors"]))
    for key, label in (("customers", tr("Customers")), ("active", tr("Active now")),
                       ("repeat_purchase_rate", tr("Repeat-purchase rate")),
                       ("purchase_frequency_365_days", tr("Purchases per customer (365 days)")),
                       ("average_order_365_days", tr("Average order (365 days)")),
                       ("average_lifetime_days", tr("Average lifetime (days)")),
                       ("share_of_regulars", tr("Share of regulars"))):
        value = figures[key]
        if value is None:
            shown = "—"
        elif key in ("repeat_purchase_rate", "share_of_regulars"):
            shown = percent(value)
        elif key == "average_order_365_days":
            shown = format_amount(round(value * 100), currency)
        else:
            shown = decimal(value, 2) if isinstance(value, float) else grouped(value)
        print(f"{label}: {shown}")
    print(tr("Statuses: ") + ", ".join(f"{Status(k).label} {grouped(v)}"
                                      for k, v in figures["statuses"].items()))
    print(tr("RFM segments: ") + ", ".join(f"{tr(k)} {grouped(v)}"
                                          for k, v in figures["rfm_segments"].items() if v))
    if figures["referrers"]:
        print(tr("Who brings new customers: ") + ", ".join(tr("{name} {n} ({spent})").format(
            name=r["name"], n=grouped(r["brought"]),
            spent=format_amount(round(r["spent"] * 100), currency)) for r in figures["referrers"]))
    worked = figures["did_it_work"]

    def came(g) -> str:
        text = tr("{back} of {n} ({share})").format(
            back=grouped(g["came_back"]), n=grouped(g["customers"] - g["still_waiting"]),
            share="—" if g["share"] is None else percent(g["share"]))
        return text + (tr(", {n} still waiting").format(n=grouped(g["still_waiting"]))
                       if g["still_waiting"] else "")

    t = worked["today_list"]
    print(tr("Did it work (bought again within {days} days): reached {reached}; not reached "
             "{not_reached}").format(days=worked["window_days"], reached=came(t["reached"]),
                                     not_reached=came(t["not_reached"])))
    for seg in worked["segments"]:
        if seg["messages"]:
            print(tr("  Messages to {segment}: written to {reached}; left out {not_reached}").format(
                segment=seg["segment"] or tr("customers shown"), reached=came(seg["reached"]),
                not_reached=came(seg["not_reached"])))
    model = figures["bg_nbd"]
    if model:
        print(tr("BG/NBD (days): r={r:.3f} alpha={alpha:.2f} a={a:.3f} b={b:.3f}").format(**model))
    else:
        print(tr("BG/NBD: not fitted yet (too few repeat customers, or the window has not run)."))
    return 0
