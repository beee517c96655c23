"""The seat chart: each delegation and chamber sits in one contiguous block, and filled seats name their member."""

import datetime as dt
import itertools
import math

import pytest
from django.utils import translation
from parliamentarch.geometry import get_seats_centers

from interparl.portal.seatchart import delegation_blocks, seat_chart, seat_groups, wedge_order
from interparl.registry import models, selectors

pytestmark = pytest.mark.django_db


def connected(seats, reach) -> bool:
    seats = list(seats)
    reached, frontier = {seats[0]}, [seats[0]]
    while frontier:
        here = frontier.pop()
        for other in seats:
            if other not in reached and math.dist(here, other) <= reach:
                reached.add(other)
                frontier.append(other)
    return len(reached) == len(seats)


def test_every_delegation_and_chamber_is_one_contiguous_block():
    composition = selectors.composition(models.Organization.objects.get(slug="csto-pa"), at=dt.date(2026, 11, 27))
    groups = seat_groups(composition)
    centres = get_seats_centers(sum(g.seats for g in groups))
    spacing = min(math.dist(a, b) for a, b in itertools.combinations(centres, 2))
    blocks = delegation_blocks(groups, wedge_order(centres))
    assert sorted(seat for block in blocks for seat in block) == sorted(centres)  # every seat once
    for group, block in zip(groups, blocks, strict=True):
        assert len(block) == group.seats
        assert connected(block, 1.9 * spacing), f"{group.key} is split"


def test_filled_seats_link_their_members():
    composition = selectors.composition(models.Organization.objects.get(slug="csto-pa"), at=dt.date(2026, 11, 27))
    for language in ("en", "ru"):  # links go to the pages of the language the chart is drawn in
        with translation.override(language):
            chart = seat_chart(composition)
        assert chart.filled == 12 and chart.svg.count(f'<a href="/{language}/people/') == 12
