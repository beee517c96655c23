"""The chairmanship timeline as an SVG: one bar per term on a line of years; projections hatched."""

from __future__ import annotations

import datetime as dt
from html import escape

from django.utils.translation import gettext as _

from interparl.registry.models import Chairmanship
from interparl.registry.rotation import Term

from .seatchart import PALETTE

BASIS_LABELS = dict(Chairmanship.Basis.choices)

YEAR_WIDTH = 64
BAR_TOP, BAR_HEIGHT = 24, 44
LEFT = 10


def _x(day: dt.date, first_year: int) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return LEFT + (day.year - first_year + (day - start).days / length) * YEAR_WIDTH


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ink_for(colour: str) -> str:
    """The label colour (a CSS class) that reads best on ``colour``: black or white, whichever contrasts more."""
    light = _luminance(colour)
    on_black = (light + 0.05) / 0.05
    on_white = 1.05 / (light + 0.05)
    return "ink-dark" if on_black >= on_white else "ink-light"


def timeline_svg(terms: list[Term], today: dt.date) -> str:
    if not terms:
        return ""
    first_year = min(t.start.year for t in terms if t.start)
    last_year = max((t.end or t.expected_end or t.start).year for t in terms if t.start)
    width = LEFT * 2 + (last_year - first_year + 1) * YEAR_WIDTH
    colours: dict[str, str] = {}
    title = escape(_("Chairmanship terms"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 120" class="timeline" role="img" '
        f'aria-labelledby="timeline-title"><title id="timeline-title">{title}</title>',
        '<defs><pattern id="projected-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="#999" stroke-width="3"/></pattern></defs>',
    ]
    for year in range(first_year, last_year + 2):
        x = LEFT + (year - first_year) * YEAR_WIDTH
        parts.append(f'<line x1="{x}" y1="18" x2="{x}" y2="{BAR_TOP + BAR_HEIGHT + 6}" class="tick"/>')
        if year <= last_year:
            parts.append(f'<text x="{x + YEAR_WIDTH / 2}" y="100" text-anchor="middle" class="year">{year}</text>')
    for term in terms:
        if not term.start:
            continue
        colour = colours.setdefault(term.country, PALETTE[len(colours) % len(PALETTE)])
        end = term.end or term.expected_end
        x0 = _x(term.start.earliest(), first_year)
        x1 = _x((end.latest() if end else today) + dt.timedelta(days=1), first_year)
        kind = "projected" if term.projected else ("temporary" if term.basis == "temporary" else "recorded")
        fill = "url(#projected-hatch)" if term.projected else colour
        dashes = ' stroke-dasharray="6 3"' if term.projected else ""
        label_class = "term-label" if term.projected else f"term-label {ink_for(colour)}"
        basis = BASIS_LABELS.get(term.basis, term.basis)
        hover = f"{term.country_name}: {term.start} – {end or ''} ({basis})"
        if term.projected:
            hover += " — " + _("projection: %(assumption)s") % {"assumption": term.assumption}
        parts.append(
            f'<g class="term {kind}" id="term-{term.country.lower()}-{term.start}">'
            f'<rect x="{x0:.1f}" y="{BAR_TOP}" width="{max(x1 - x0 - 1, 2):.1f}" height="{BAR_HEIGHT}" fill="{fill}" '
            f'stroke="{colour}" stroke-width="2"{dashes}>'
            f"<title>{escape(hover)}</title></rect>"
            f'<text x="{(x0 + x1) / 2:.1f}" y="{BAR_TOP + BAR_HEIGHT / 2 + 5}" text-anchor="middle" '
            f'class="{label_class}">{term.country}</text></g>'
        )
    today_x = _x(today, first_year)
    today_label = escape(_("today"))  # (outside the f-string, where the message extractor finds it)
    parts.append(
        f'<line x1="{today_x:.1f}" y1="10" x2="{today_x:.1f}" y2="{BAR_TOP + BAR_HEIGHT + 10}" class="today"/>'
        f'<text x="{today_x:.1f}" y="10" text-anchor="middle" class="today-label">{today_label}</text></svg>'
    )
    return "".join(parts)
