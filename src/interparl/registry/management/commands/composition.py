from rich.table import Table

from ... import selectors
from ..base import RegistryCommand, console_for, iso_date, print_json


class Command(RegistryCommand):
    help = "The composition of an assembly on a date: delegations, quotas per chamber, seats filled, posts."

    def add_arguments(self, parser):
        parser.add_argument("--assembly", default=None, help="Assembly id (default: the built-in one, csto-pa).")
        parser.add_argument("--as-of", type=iso_date, default=None, help="Date YYYY-MM-DD (default: today).")
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def run(self, *args, assembly=None, as_of=None, format="table", **options):
        organization = selectors.get_organization(assembly, "assembly") if assembly else selectors.default_assembly()
        if organization is None:
            raise selectors.NotFound("the registry holds no assembly")
        result = selectors.composition(organization, as_of)
        if format == "json":
            print_json(self.stdout, result.to_dict())
            return
        render_composition(console_for(self.stdout), result)


def _seats(chamber) -> str:
    text = str(chamber.seats)
    if chamber.substitute_seats:
        text += f" + {chamber.substitute_seats} subst."
    for alt in chamber.conflicts:
        where = alt.source.id if alt.source else "another source"
        text += f"\n[yellow]≠ {alt.seats}{f' + {alt.substitute_seats}' if alt.substitute_seats else ''} per {where}[/]"
    return text


def render_composition(console, result) -> None:
    table = Table(
        title=f"{result.name} — composition on {result.as_of.isoformat()}",
        caption=f"{result.seats} seats"
        + (f" + {result.substitute_seats} substitutes" if result.substitute_seats else ""),
        show_lines=True,
    )
    for column in ("State", "Chamber", "Quota", "Filled", "Plenipotentiary", "Participation"):
        table.add_column(column)
    for d in result.delegations:
        chambers = "\n".join(f"{c.name}" for c in d.chambers) or "—"
        quotas = "\n".join(_seats(c) for c in d.chambers) or "—"
        filled = "\n".join(f"{c.filled}/{c.seats}" for c in d.chambers) or "—"
        if d.members_without_chamber:
            filled += f"\n{d.members_without_chamber} without chamber"
        standing = d.participation.status if d.participation else "—"
        table.add_row(
            f"{d.country_name} ({d.country})",
            chambers,
            quotas,
            filled,
            d.plenipotentiary.name if d.plenipotentiary else "—",
            standing,
        )
    console.print(table)

    states = Table(title="Member states", show_edge=False)
    for column in ("State", "Status", "Since", "Delegation"):
        states.add_column(column)
    for m in result.member_states:
        style = "" if m.standing.status == "member" else "bold red"
        states.add_row(
            f"{m.name} ({m.country})",
            f"[{style}]{m.standing.status}[/]" if style else m.standing.status,
            m.standing.since or "?",
            m.delegation or "none listed",
        )
    console.print(states)

    if result.officers:
        officers = Table(title="Office holders", show_edge=False)
        for column in ("Post", "Person", "Since"):
            officers.add_column(column)
        for o in result.officers:
            officers.add_row(o.post or o.role, o.name, o.start or "?")
        console.print(officers)
    if result.chair_of_parent:
        chair = result.chair_of_parent
        console.print(
            f"Chairing {chair.organization.upper()}: {chair.country_name} ({chair.country}) "
            f"since {chair.start or '?'} ({chair.basis})"
        )
