"""The Summary sheet: the headline metrics in words, month-by-month retention and NPS, and
native Excel charts drawn from those cells (so they stay live if the owner edits them)."""

from __future__ import annotations

from retainer.i18n import tr
from retainer.rules.dates import format_date, format_month
from retainer.rules.money import excel_money_format


def write_summary(ws, metrics, ctx) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font

    today = ctx.today()
    bold, big = Font(bold=True), Font(bold=True, size=14)
    for letter, width in zip("ABCDEF", (34, 16, 12, 12, 12, 12), strict=True):
        ws.column_dimensions[letter].width = width
    row = 0

    def put(*values, font=None, formats=None) -> int:
        nonlocal row
        cells = []
        for i, value in enumerate(values):
            cell = WriteOnlyCell(ws, value=value)
            if font is not None:
                cell.font = font
            if formats and i in formats:
                cell.number_format = formats[i]
            cells.append(cell)
        ws.append(cells)
        row += 1
        return row

    h = metrics.headline(today)
    currency = ctx.settings.currency
    put(tr("Retainer: summary on {date}").format(date=format_date(today)), font=big)
    put()
    put(tr("Figure"), tr("Value"), font=bold)
    lines = [
        (tr("Customers"), h.customers, "0", tr("everyone in the base, outside the trash")),
        (tr("Active now"), h.active, "0",
         tr("bought something in the last %Ln days", "", ctx.settings.lapse_days)),
        (tr("Repeat-purchase rate"), h.repeat_rate, "0%",
         tr("of customers who bought once, the share who came back")),
        (tr("Purchases per customer (365 days)"), h.purchase_frequency, "0.00",
         tr("purchases in the last year / customers who bought in it")),
        (tr("Average order"),
         None if h.average_order_cents is None else h.average_order_cents / 100,
         excel_money_format(currency),
         tr("revenue / purchases, last 365 days")),
        (tr("Average lifetime (days)"), h.average_lifetime_days, "0",
         tr("first to last purchase of customers who lapsed or were lost")),
        (tr("Share of regulars"), h.share_of_regulars, "0%",
         tr("2+ purchases in the last year / customers who bought in it")),
    ]
    for label, value, number_format, explanation in lines:
        put(label, "—" if value is None else value, explanation, formats={1: number_format})
    put()

    months = metrics.monthly_retention(12, today)
    put(tr("Retention by month"), font=bold)
    first = put(tr("Month"), tr("Active at start (S)"), tr("New (N)"), tr("Active at end (E)"),
                tr("CRR"), tr("Churn"), font=bold)
    for start, r in months:
        put(format_month(start), r.start_active, r.new, r.end_active,
            None if r.crr is None else r.crr / 100, None if r.churn_rate is None else r.churn_rate / 100,
            formats={4: "0%", 5: "0%"})
    last = row
    put(tr("CRR = (E − N) / S: of the customers you had at the start of the month, the share "
           "you still had at its end, not counting new ones."))
    chart = LineChart()
    chart.title = tr("Customer retention and churn by month")
    chart.y_axis.title = "%"
    chart.y_axis.number_format = "0%"
    chart.add_data(Reference(ws, min_col=5, max_col=6, min_row=first, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last))
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, "H3")
    put()

    nps = metrics.monthly_nps(12, today)
    put(tr("NPS by month"), font=bold)
    first = put(tr("Month"), tr("Promoters (9–10)"), tr("Passives (7–8)"), tr("Detractors (0–6)"),
                tr("NPS"), font=bold)
    for start, n in nps:
        put(format_month(start), n.promoters, n.passives, n.detractors,
            "—" if n.score is None else n.score)
    last = row
    put(tr("NPS = % promoters − % detractors, from each customer's latest answer in the month."))
    bars = BarChart()
    bars.type = "col"
    bars.grouping = "stacked"
    bars.overlap = 100
    bars.title = tr("NPS answers by month")
    bars.y_axis.title = tr("answers")
    bars.add_data(Reference(ws, min_col=2, max_col=4, min_row=first, max_row=last), titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last))
    bars.height, bars.width = 7.5, 16
    ws.add_chart(bars, "H20")
