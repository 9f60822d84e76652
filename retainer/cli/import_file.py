"""``retainer import``: the same import as the window's wizard, for scripts."""

from __future__ import annotations

import argparse
import sys

from retainer.cli.common import add_db_option, open_base
from retainer.i18n import tr


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser("import", help=tr("import customers from a spreadsheet"),
                                 description=tr("Import customers (and purchases) from .xlsx, "
                                                ".xls, .ods or .csv."))
    parser.add_argument("file")
    add_db_option(parser)
    parser.add_argument("--sheet", metavar="NAME", help=tr("the sheet to read (default: the first)"))
    parser.add_argument("--map", metavar="Header=field", action="append", default=[],
                        help=tr("map a column by its header, e.g. --map \"Моб.=phone\"; "
                                "field '' skips the column"))
    parser.add_argument("--duplicates", choices=("skip", "update", "merge"), default="skip",
                        help=tr("what to do with customers already in the base (default: skip)"))
    parser.add_argument("--country", metavar="XX", type=str.upper,
                        help=tr("the country of phone numbers written without + and a country "
                                "code, such as RU or LT; it becomes the base's setting, as in "
                                "the window's import (default: the base's setting)"))
    parser.add_argument("--dry-run", action="store_true", help=tr("check everything, save nothing"))
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from retainer.excel.columns import FIELDS, field_label, normalise_header
    from retainer.excel.reader import FileProblem
    from retainer.rules.phones import SUPPORTED_REGIONS
    from retainer.rules.settings import system_region

    if args.country and args.country not in SUPPORTED_REGIONS:
        print(tr("Unknown country “{code}”. Countries: {codes}.").format(
            code=args.country, codes=", ".join(SUPPORTED_REGIONS)), file=sys.stderr)
        return 2

    services = open_base(args.db)
    if services is None:
        return 1
    try:
        layout = services.imports.layout(args.file, args.sheet)
        mapping = dict(layout.mapping)
        for item in args.map:
            header, _, name = item.partition("=")
            if name and name not in FIELDS:
                print(tr("Unknown field “{field}”. Fields: {fields}.").format(
                    field=name, fields=", ".join(FIELDS)), file=sys.stderr)
                return 2
            index = next((i for i, h in enumerate(layout.headers)
                          if normalise_header(h) == normalise_header(header)), None)
            if index is None:
                print(tr("No column “{header}” in the header row ({headers}).").format(
                    header=header, headers=", ".join(h for h in layout.headers if h)), file=sys.stderr)
                return 2
            mapping = {i: f for i, f in mapping.items() if f != name}
            mapping[index] = name
        print(tr("Sheet “{sheet}”, header on row {row}:").format(sheet=layout.sheet,
                                                                 row=layout.header_row + 1))
        for index, header in enumerate(layout.headers):
            if header:
                target = field_label(mapping.get(index, ""))
                print(f"  {header} → {target}")
        plan = layout.plan(duplicates=args.duplicates)  # keeps a purchases sheet, a restore
        plan.mapping = mapping
        if args.country:
            if not args.dry_run:
                services.change_settings(default_region=args.country)
            plan.region = args.country
        else:
            guess = services.imports.country_guess(plan, system_region())
            if guess is not None:
                print(guess.sentence() + " " + tr("To read them so, run the import again with "
                                                  "--country {code}.").format(code=guess.region),
                      file=sys.stderr)
        report = services.imports.run_to_end(plan, dry_run=args.dry_run)
    except FileProblem as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        services.close()
    for p in report.problems[:200]:
        print(tr("row {row}, {column}: {message} ({value})").format(
            row=p.row, column=p.column, message=p.message, value=p.value or "—"), file=sys.stderr)
    if len(report.problems) > 200:
        print(tr("… and %Ln more problems.", "", len(report.problems) - 200), file=sys.stderr)
    verb = tr("Test run, nothing saved") if args.dry_run else tr("Imported")
    print(tr("{verb}: {rows}; {outcome}; {problems}.").format(
        verb=verb, rows=tr("%Ln rows", "", report.rows), outcome=report.outcome(),
        problems=tr("%Ln rows with problems", "", report.rows_with_problems)))
    return 1 if report.problems and not (report.customers_added or report.purchases_added
                                         or report.customers_updated or args.dry_run) else 0
