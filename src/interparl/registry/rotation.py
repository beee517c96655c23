"""The rotation engine: recorded chairmanship terms, and the next ones projected from the rule.

A projection is never a fact: each projected term says what it assumed (the order, states skipped
because their membership is suspended, a chair whose participation is frozen).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from . import models
from .partial_dates import PartialDate, PartialDateField
from .results import Result

ELIGIBLE = {models.Participation.Status.MEMBER, models.Participation.Status.FROZEN}


class Term(Result):
    country: str
    country_name: str
    start: PartialDateField | None
    end: PartialDateField | None
    basis: str
    projected: bool
    expected_end: PartialDateField | None = None
    assumption: str | None = None
    confirmed: bool = True
    source: str | None = None
    note: str = ""


class RotationReport(Result):
    organization: str
    rule: str | None
    terms: list[Term] = []


def _alphabet_key(name: str) -> str:
    # Python orders Cyrillic by code point, which is the alphabet except for ё.
    return name.casefold().replace("ё", "е")


def rotation_order(rule: models.RotationRule) -> list[models.Country]:
    """All states the rule cycles through, in order (eligibility is decided per term)."""
    countries = models.Country.objects.filter(
        participations__organization=rule.organization,
        participations__status=models.Participation.Status.MEMBER,
    ).distinct()
    if rule.order_method == models.RotationRule.OrderMethod.FIXED:
        by_code = {c.iso3: c for c in models.Country.objects.filter(iso3__in=rule.fixed_order)}
        return [by_code[code] for code in rule.fixed_order if code in by_code]
    language = rule.order_language or "en"
    return sorted(countries, key=lambda c: _alphabet_key(getattr(c, f"name_{language}") or c.name))


def _standing(organization: models.Organization, country: models.Country, on: dt.date):
    return (
        models.Participation.objects.current(at=on)
        .filter(organization=organization, country=country)
        .order_by("-start_date")
        .first()
    )


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    return day.replace(year=day.year + month_index // 12, month=month_index % 12 + 1)


def _order_words(rule: models.RotationRule) -> str:
    if rule.order_method == models.RotationRule.OrderMethod.FIXED:
        return _("the fixed rotation order")
    if rule.order_language == "ru":
        return _("the Russian alphabetical order of the states' names")
    if rule.order_language == "en":
        return _("the English alphabetical order of the states' names")
    return _("the alphabetical order of the states' names (%(language)s)") % {"language": rule.order_language}


def project_next(rule: models.RotationRule, after: models.Country, start: dt.date) -> tuple[models.Country, str]:
    """The state that follows ``after`` for a term starting on ``start``, and what that assumes."""
    order = rotation_order(rule)
    if after not in order:
        raise ValueError(f"{after.iso3} is not in the rotation order of {rule.organization.slug}")
    position = order.index(after)
    skipped = []
    for step in range(1, len(order) + 1):
        candidate = order[(position + step) % len(order)]
        standing = _standing(rule.organization, candidate, start)
        if standing and standing.status in ELIGIBLE:
            parts = [
                _("%(next)s follows %(previous)s in %(order)s")
                % {"next": candidate.name, "previous": after.name, "order": _order_words(rule)}
            ]
            parts += [_("%(country)s skipped (%(reason)s)") % {"country": c.name, "reason": why} for c, why in skipped]
            if standing.status == models.Participation.Status.FROZEN:
                parts.append(
                    _("assumes %(country)s takes its turn although its participation has been frozen since %(since)s")
                    % {"country": candidate.name, "since": standing.start or "?"}
                )
            if not rule.confirmed:
                parts.append(_("the document fixing the order is unconfirmed"))
            return candidate, "; ".join(str(p) for p in parts) + "."
        why = str(standing.get_status_display()) if standing else _("not a member")
        if standing and standing.start:
            why = _("%(status)s since %(since)s") % {"status": why, "since": standing.start}
        skipped.append((candidate, why))
    raise ValueError(f"no state of {rule.organization.slug} is eligible to chair from {start}")


def chairmanship_terms(organization: models.Organization, from_year: int, years: int) -> RotationReport:
    """Terms that touch the years ``from_year`` … ``from_year + years - 1``: recorded ones, then projected."""
    window_first = dt.date(from_year, 1, 1)
    window_last = dt.date(from_year + years - 1, 12, 31)
    rule = models.RotationRule.objects.filter(organization=organization).first()
    report = RotationReport(organization=organization.slug, rule=rule.description if rule else None)

    recorded = list(models.Chairmanship.objects.filter(organization=organization).select_related("country", "source"))
    for term in recorded:
        expected = None
        if term.end is None and rule and term.start:
            # An open current term is expected to last one term under the rule.
            expected = PartialDate.parse(_add_months(term.start.earliest(), rule.term_months) - dt.timedelta(1))
        last_day = expected.latest() if expected else term.span.last_day
        if term.span.first_day <= window_last and last_day >= window_first:
            report.terms.append(
                Term(
                    country=term.country.iso3,
                    country_name=term.country.name,
                    start=term.start,
                    end=term.end,
                    basis=term.basis,
                    projected=False,
                    expected_end=expected,
                    confirmed=term.confirmed,
                    source=term.source.slug if term.source else None,
                    note=term.note,
                )
            )
    if not rule or not recorded:
        return report

    last = max(recorded, key=lambda t: t.span.first_day)
    previous = last.country
    if last.start is None:
        return report
    # The first hand-over date after the last recorded term began.
    start = dt.date(last.start.year, rule.handover_month, rule.handover_day)
    while start <= last.start.earliest():
        start = _add_months(start, rule.term_months)
    while start <= window_last:
        end = _add_months(start, rule.term_months) - dt.timedelta(days=1)
        country, assumption = project_next(rule, previous, start)
        if end >= window_first:
            report.terms.append(
                Term(
                    country=country.iso3,
                    country_name=country.name,
                    start=PartialDate.parse(start),
                    end=PartialDate.parse(end),
                    basis=models.Chairmanship.Basis.ROTATION,
                    projected=True,
                    assumption=assumption,
                    confirmed=False,
                )
            )
        previous, start = country, end + dt.timedelta(days=1)
    return report
