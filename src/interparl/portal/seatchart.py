"""The assembly as a hemicycle: one circle per seat, grouped by delegation and chamber.

parliamentarch computes where the seats go; the SVG is written here so that every seat gets a plain
ASCII id (parliamentarch would derive ids from group names, and mangles Cyrillic), a hover title, and
a class telling filled seats from vacant ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from parliamentarch.geometry import get_nrows_from_nseats, get_row_thickness, get_seats_centers

from interparl.registry.results import Composition

# Colour-blind-safe palette (Okabe–Ito), one colour per delegation in order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")


@dataclass
class SeatGroup:
    key: str  # ascii id part, e.g. "blr-blr-house-of-representatives"
    chamber: str
    delegation: str
    country: str
    country_name: str
    chamber_name: str
    seats: int
    filled: int
    filled_without_chamber: int
    colour: str
    sitting: list = field(default_factory=list)  # (person id, name, chamber stated?) of each filled seat, in order


@dataclass
class Chart:
    svg: str
    groups: list[SeatGroup]
    total: int
    filled: int


def _tint(colour: str, amount: float) -> str:
    """The colour mixed with white: a delegation's second chamber in a lighter shade of its colour."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * min(amount, 0.8)) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def seat_groups(composition: Composition) -> list[SeatGroup]:
    groups = []
    for position, delegation in enumerate(composition.delegations):
        base = PALETTE[position % len(PALETTE)]
        full = [m for m in delegation.members if m.status == "full"]
        without_chamber = [(m.person, m.name, False) for m in full if m.chamber is None]
        for number, chamber in enumerate(delegation.chambers):
            colour = base if number == 0 else _tint(base, 0.45 * number)
            sitting = [(m.person, m.name, True) for m in full if m.chamber == chamber.chamber][: chamber.seats]
            # Members whose chamber the sources do not state take the delegation's free seats, in order.
            free = max(chamber.seats - len(sitting), 0)
            placed, without_chamber = without_chamber[:free], without_chamber[free:]
            groups.append(
                SeatGroup(
                    key=f"{delegation.country.lower()}-{chamber.chamber}",
                    chamber=chamber.chamber,
                    delegation=delegation.delegation,
                    country=delegation.country,
                    country_name=delegation.country_name,
                    chamber_name=chamber.name,
                    seats=chamber.seats,
                    filled=len(sitting),
                    filled_without_chamber=len(placed),
                    colour=colour,
                    sitting=sitting + placed,
                )
            )
    return groups


def wedge_order(centres: dict[tuple[float, float], float]) -> list[tuple[float, int, tuple[float, float]]]:
    """Seats left to right as (place, row, centre): a seat's place is its position within its own row (0 at the
    left end, 1 at the right), so that a run of seats in this order is a wedge of the hemicycle. parliamentarch
    gives each seat's angle from the right end of the arc; rows are the distances from its centre (1, 0)."""
    rows: dict[float, list[tuple[float, float]]] = {}
    for centre in centres:
        rows.setdefault(round(math.hypot(centre[0] - 1, centre[1]), 6), []).append(centre)
    placed = []
    for row_number, (_radius, seats) in enumerate(sorted(rows.items())):
        seats.sort(key=centres.__getitem__, reverse=True)
        placed += [((index + 0.5) / len(seats), row_number, seat) for index, seat in enumerate(seats)]
    return sorted(placed)


def delegation_blocks(groups: list[SeatGroup], order: list) -> list[list[tuple[float, float]]]:
    """The seats of each group: every delegation takes a wedge, and within it each chamber takes whole rows from
    the inside out, so that the seats of one delegation and chamber are contiguous."""
    blocks, start = [], 0
    for delegation in dict.fromkeys(g.delegation for g in groups):
        members = [g for g in groups if g.delegation == delegation]
        size = sum(g.seats for g in members)
        wedge = sorted(order[start : start + size], key=lambda seat: (seat[1], seat[0]))
        start += size
        offset = 0
        for group in members:
            blocks.append([centre for _place, _row, centre in wedge[offset : offset + group.seats]])
            offset += group.seats
    return blocks


def seat_chart(composition: Composition, canvas: float = 175.0) -> Chart:
    groups = seat_groups(composition)
    total = sum(g.seats for g in groups)
    if total == 0:
        return Chart("", groups, 0, 0)
    blocks = delegation_blocks(groups, wedge_order(get_seats_centers(total)))
    radius = 0.8 * get_row_thickness(get_nrows_from_nseats(total)) * canvas
    margin = 5.0
    width, height = 2 * canvas + 2 * margin, canvas + 2 * margin
    filled_total = sum(g.filled + g.filled_without_chamber for g in groups)
    title = _("%(total)d seats, %(filled)d filled") % {"total": total, "filled": filled_total}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.1f} {height:.1f}" role="group" '
        f'class="seat-chart" aria-labelledby="seat-chart-title">',
        f'<title id="seat-chart-title">{escape(title)}</title>',
    ]
    prefix = "/" + (get_language() or "en")[:2]
    for group, block in zip(groups, blocks, strict=True):
        parts.append(f'<g id="seats-{escape(group.key)}" data-country="{group.country}">')
        # Within a block, seats are numbered left to right.
        for number, (x, y) in enumerate(sorted(block), start=1):
            holder = group.sitting[number - 1] if number <= len(group.sitting) else None
            state = "filled" if holder else "vacant"
            if holder is None:
                label = _("vacant or not recorded")
            elif holder[2]:
                label = holder[1]
            else:
                label = _("%(name)s (chamber not stated)") % {"name": holder[1]}
            fill = group.colour if state == "filled" else "#ffffff"
            hover = f"{group.country_name} — {group.chamber_name} — {number}/{group.seats}: {label}"
            circle = (
                f'<circle id="seat-{escape(group.key)}-{number}" class="seat {state}" '
                f'cx="{margin + x * canvas:.2f}" cy="{margin + (1 - y) * canvas:.2f}" r="{radius:.2f}" '
                f'fill="{fill}" stroke="{group.colour}" stroke-width="{radius * 0.35:.2f}">'
                f"<title>{escape(hover)}</title></circle>"
            )
            if holder:  # a filled seat names its member and leads to them, by keyboard and touch too
                circle = f'<a href="{prefix}/people/{escape(holder[0])}/" aria-label="{escape(hover)}">{circle}</a>'
            parts.append(circle)
        parts.append("</g>")
    parts.append(
        f'<text x="{margin + canvas:.1f}" y="{margin + canvas * 0.97:.1f}" text-anchor="middle" '
        f'font-size="{canvas * 0.2:.0f}" class="seat-total">{total}</text></svg>'
    )
    return Chart("".join(parts), groups, total, filled_total)
