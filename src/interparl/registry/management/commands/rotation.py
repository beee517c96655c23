import datetime as dt

from rich.table import Table

from interparl.commands import RegistryCommand, console_for, print_json

from ... import rotation, selectors


def _positive(value: str) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if not 1 <= number <= 200:
        raise argparse.ArgumentTypeError(f"{number} is out of range (1–200)")
    return number


def _year(value: str) -> int:
    import argparse

    if not (value.isdigit() and len(value) == 4):
        raise argparse.ArgumentTypeError(f"'{value}' is not a year (expected YYYY)")
    return int(value)


class Command(RegistryCommand):
    help = "Past and projected chairmanship terms of an organisation, with the basis of each."

    def add_arguments(self, parser):
        parser.add_argument("--organization", default="csto", help="Organisation id (default: csto).")
        parser.add_argument(
            "--from", dest="from_year", type=_year, default=None, help="First year (default: this year)."
        )
        parser.add_argument("--years", type=_positive, default=5, help="How many years to list (default: 5).")
        parser.add_argument("--format", choices=["table", "json"], default="table", help="How to show the answer.")

    def run(self, *args, organization="csto", from_year=None, years=5, format="table", **options):
        org = selectors.get_organization(organization)
        report = rotation.chairmanship_terms(org, from_year or dt.date.today().year, years)
        if format == "json":
            print_json(self.stdout, report.to_dict())
            return
        table = Table(title=f"Chairmanship of {org.name}", caption=report.rule or "no rotation rule recorded")
        for column in ("Country", "From", "To", "Basis", "Projected / assumption"):
            table.add_column(column, overflow="fold")
        for term in report.terms:
            end = term.end.isoformat() if term.end else (f"({term.expected_end} expected)" if term.expected_end else "")
            flag = (
                f"[yellow]projected[/]: {term.assumption}"
                if term.projected
                else ("" if term.confirmed else "[yellow]unconfirmed[/]")
            )
            table.add_row(
                f"{term.country_name} ({term.country})",
                term.start.isoformat() if term.start else "?",
                end,
                term.basis,
                flag,
            )
        console_for(self.stdout).print(table)
