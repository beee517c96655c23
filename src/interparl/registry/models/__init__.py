"""The registry: who belongs to which assembly, in which seat and post, when, and on whose word.

Field names follow the Popolo standard (Person, Organization, Membership, Post) where they fit, so
Popolo export is a mapping, not a translation. Translated fields (``name``, ``label``, ``title``…)
get ``_en``/``_ru`` columns from django-modeltranslation (see ``translation.py``).
"""

from .base import Dated, DatedQuerySet, Source, Sourced, in_force
from .events import Event, NewsItem
from .organizations import Country, Link, Organization, Post
from .people import Membership, Person, SeatQuota
from .search import SearchEntry, SearchState
from .standing import Chairmanship, Participation, RotationRule
from .version import RegistryVersion

__all__ = [
    "Chairmanship",
    "Country",
    "Dated",
    "DatedQuerySet",
    "Event",
    "Link",
    "Membership",
    "NewsItem",
    "Organization",
    "Participation",
    "Person",
    "Post",
    "RegistryVersion",
    "RotationRule",
    "SearchEntry",
    "SearchState",
    "SeatQuota",
    "Source",
    "Sourced",
    "in_force",
]
