from rich.table import Table

from interparl.commands import RegistryCommand, console_for, iso_date, print_json

from ... import models, selectors
from ...roles import Role


class Command(RegistryCommand):
    help = "The composition of an assembly on a date: delegations, quotas per chamber, seats filled, posts."

    def add_arguments(self, parser):
        parser.add_argument("--assembly", default=None, help="Assembly id (default: the built-in one, csto-pa).")
        parser.add_argument("--as-of", type=iso_date, default=None, help="Date YYYY-MM-DD (default: today).")
        parser.add_argument("--format", choices=["table", "json"], default="table", help="How to show the answer.")

    def run(self, *args, assembly=None, as_of=None, format="table", **options):
        organization = selectors.assembly_or_default(assembly)
        result = selectors.composition(organization, at=as_of)
        if format == "json":
            print_json(self.stdout, result.to_dict())
            return
        render_composition(console_for(self.stdout), result)


UNKNOWN = "not stated"
ROLE_LABELS = dict(Role.choices)
STANDING_LABELS = dict(models.Participation.Status.choices)
BASIS_LABELS = dict(models.Chairmanship.Basis.choices)


def _quota(chamber) -> str:
    """The quota in force, and in the same cell any other source's version of it."""
    text = str(chamber.seats) + (f" + {chamber.substitute_seats} subst." if chamber.substitute_seats else "")
    for alt in chamber.conflicts:
        where = alt.source.id if alt.source else "another source"
        other = f"{alt.seats}{f' + {alt.substitute_seats}' if alt.substitute_seats else ''}"
        text += f" [yellow](≠ {other} per {where})[/]"
    return text


def _standing(code: str) -> str:
    return str(STANDING_LABELS.get(code, code))


def render_composition(console, result) -> None:
    if result.status in ("before_founding", "after_dissolution"):
        when = "before its founding on " + result.founded if result.status == "before_founding" else "after it ended"
        console.print(f"{result.name}: {result.as_of.isoformat()} is {when}; there is nothing to show.")
        return
    if result.status == "projection":
        console.print(
            f"[bold]Projection:[/] {result.as_of.isoformat()} is in the future; today's record carried forward."
        )
    if result.undated_known_from and result.status != "projection":
        console.print(
            f"[yellow]Not known for this date:[/] members and quotas whose start the sources do not state are known "
            f"only from {result.undated_known_from.isoformat()} (the day their sources were seen)."
        )
    table = Table(
        title=f"{result.name} — composition on {result.as_of.isoformat()}",
        caption=f"{result.seats} seats"
        + (f" + {result.substitute_seats} substitutes" if result.substitute_seats else ""),
    )
    for column in ("State", "Chamber", "Quota", "Filled", "Plenipotentiary", "Participation"):
        table.add_column(column, overflow="fold")
    for d in result.delegations:
        rows = [(c.name, _quota(c), f"{c.filled}/{c.seats}") for c in d.chambers] or [("—", "—", "—")]
        if d.members_without_chamber:
            rows.append(("(chamber not stated)", "", f"{d.members_without_chamber}"))
        for index, (chamber, quota, filled) in enumerate(rows):
            first = index == 0
            table.add_row(
                f"{d.country_name} ({d.country})" if first else "",
                chamber,
                quota,
                filled,
                (d.plenipotentiary.name if d.plenipotentiary else "—") if first else "",
                (_standing(d.participation.status) if d.participation else "—") if first else "",
                end_section=index == len(rows) - 1,
            )
    console.print(table)

    states = Table(title="Member states", show_edge=False)
    for column in ("State", "Status", "Since", "Delegation"):
        states.add_column(column)
    for m in result.member_states:
        label = _standing(m.standing.status)
        states.add_row(
            f"{m.name} ({m.country})",
            label if m.standing.status == "member" else f"[bold red]{label}[/]",
            m.standing.since or UNKNOWN,
            m.delegation or "none listed",
        )
    console.print(states)

    if result.officers:
        officers = Table(title="Office holders", show_edge=False)
        for column in ("Post", "Person", "Since"):
            officers.add_column(column)
        for o in result.officers:
            officers.add_row(o.post or str(ROLE_LABELS.get(o.role, o.role)), o.name, o.start or UNKNOWN)
        console.print(officers)
    if result.chair_of_parent:
        chair = result.chair_of_parent
        console.print(
            f"Chairing {chair.organization.upper()}: {chair.country_name} ({chair.country}) "
            f"since {chair.start or UNKNOWN} ({BASIS_LABELS.get(chair.basis, chair.basis)})"
        )
