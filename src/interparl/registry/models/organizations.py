"""States, organisations (IGOs, assemblies, parliaments, chambers, delegations, bodies), their web addresses and
posts."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..roles import Role
from ..validators import validate_web_url, web_url_condition
from .base import Dated, Sourced


class Country(models.Model):
    """A state, by its ISO 3166-1 code."""

    iso3 = models.CharField(max_length=3, unique=True, help_text="ISO 3166-1 alpha-3 code: the public id.")
    iso2 = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code.")
    name = models.CharField(max_length=200, help_text="Short name of the state.")
    official_name = models.CharField(max_length=300, blank=True, help_text="Full official name.")
    other_names = models.JSONField(
        default=list, blank=True, help_text='Other name forms: [{"name": ..., "lang": "en|ru", "note": ...}].'
    )

    class Meta:
        ordering = ["iso3"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.name} ({self.iso3})"


class Organization(Sourced, Dated):
    """Popolo Organization: an IGO, an assembly, a parliament, a chamber, a delegation or a body."""

    class Classification(models.TextChoices):
        IGO = "intergovernmental_organization", _("intergovernmental organisation")
        ASSEMBLY = "assembly", _("assembly")
        PARLIAMENT = "parliament", _("parliament")
        CHAMBER = "chamber", _("chamber")
        DELEGATION = "delegation", _("national delegation")
        COUNCIL = "council", _("council")
        COMMISSION = "commission", _("commission")
        SECRETARIAT = "secretariat", _("secretariat")
        BODY = "body", _("body")

    class ChamberKind(models.TextChoices):
        NONE = "", "—"
        LOWER = "lower", _("lower house")
        UPPER = "upper", _("upper house")
        UNICAMERAL = "unicameral", _("unicameral")

    slug = models.SlugField(max_length=120, unique=True, help_text="Stable public id, e.g. 'csto-pa'.")
    classification = models.CharField(max_length=40, choices=Classification.choices)
    name = models.CharField(max_length=300, help_text="Full name.")
    abbreviation = models.CharField(max_length=60, blank=True, help_text="Short form, e.g. 'CSTO PA'.")
    description = models.TextField(blank=True, help_text="A short text of our own about the organisation.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The organisation this one is part of (a chamber's parliament, a delegation's assembly).",
    )
    sent_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations_sent",
        help_text="For a delegation: the national parliament that sends it.",
    )
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
        help_text="The state, where the organisation is national.",
    )
    chamber_kind = models.CharField(
        max_length=12, choices=ChamberKind.choices, blank=True, help_text="For chambers and unicameral parliaments."
    )
    seat = models.CharField(max_length=200, blank=True, help_text="Where it sits (city, building).")
    other_names = models.JSONField(
        default=list,
        blank=True,
        help_text='Short forms, former names, spellings: [{"name", "lang", "note", "start_date", "end_date"}].',
    )
    identifiers = models.JSONField(
        default=list, blank=True, help_text='[{"scheme": "wikidata", "identifier": "Q..."}].'
    )

    class Meta:
        ordering = ["slug"]
        constraints = Dated.Meta.constraints

    def __str__(self) -> str:
        return self.name or self.slug


class Link(Sourced):
    """A web address of an organisation or a person (official website, profile)."""

    key = models.CharField(max_length=300, unique=True, help_text="Public id: the owner and the address.")
    url = models.URLField(max_length=500, validators=[validate_web_url], help_text="The address (http/https).")
    note = models.CharField(max_length=200, blank=True, help_text="What the address is, e.g. 'official website'.")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    person = models.ForeignKey("Person", null=True, blank=True, on_delete=models.CASCADE, related_name="links")

    class Meta:
        ordering = ["url"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organization__isnull=False) & Q(person__isnull=True))
                | (Q(organization__isnull=True) & Q(person__isnull=False)),
                name="registry_link_has_one_owner",
                violation_error_message="A link belongs to exactly one organisation or person.",
            ),
            models.CheckConstraint(
                condition=web_url_condition("url", blank=False),
                name="registry_link_web_url",
                violation_error_message="A link's address must start with http:// or https://.",
            ),
            models.UniqueConstraint(fields=["organization", "url"], name="registry_link_unique_org_url"),
            models.UniqueConstraint(fields=["person", "url"], name="registry_link_unique_person_url"),
        ]

    def __str__(self) -> str:
        return self.url


class Post(Sourced, Dated):
    """Popolo Post: a position in an organisation that a person can hold."""

    slug = models.SlugField(max_length=160, unique=True)
    label = models.CharField(max_length=300)
    role = models.CharField(max_length=40, choices=Role.choices, help_text="What the post is (see roles.py).")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="posts")
    max_holders = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        default=1,
        validators=[MinValueValidator(1)],
        help_text="How many people may hold it at once; empty: no limit.",
    )

    class Meta:
        ordering = ["slug"]
        constraints = Dated.Meta.constraints

    def __str__(self) -> str:
        return self.label or self.slug
