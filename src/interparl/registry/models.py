"""The registry: who belongs to which assembly, in which seat and post, when, and on whose word.

Field names follow the Popolo standard (Person, Organization, Membership, Post) where they fit, so
Popolo export is a mapping, not a translation. Translated fields (``name``, ``label``, ``title``…)
get ``_en``/``_ru`` columns from django-modeltranslation (see ``translation.py``).
"""

from __future__ import annotations

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .partial_dates import PRECISIONS, PartialDate, Span
from .roles import SEAT_ROLES, Role
from .validators import validate_web_url, web_url_condition


class Source(models.Model):
    """A document a fact was taken from: a web page, a file, a decision."""

    slug = models.SlugField(max_length=120, unique=True, help_text="Stable public id of the source.")
    url = models.URLField(
        max_length=500,
        blank=True,
        validators=[validate_web_url],
        help_text="Address of the page or document (http/https).",
    )
    document = models.CharField(
        max_length=300, blank=True, help_text="Title of the page, or the file name for an uploaded document."
    )
    publisher = models.CharField(max_length=200, blank=True, help_text="Who published it.")
    language = models.CharField(max_length=8, blank=True, help_text="Language of the source (ISO 639-1).")
    accessed = models.DateField(null=True, blank=True, help_text="The day the source was read.")
    published = models.DateField(null=True, blank=True, help_text="The day the source was published.")
    note = models.TextField(blank=True, help_text="What the source is good for, and its known problems.")

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=web_url_condition("url", blank=True),
                name="registry_source_web_url",
                violation_error_message="A source's address must start with http:// or https://.",
            )
        ]

    def __str__(self) -> str:
        return self.document or self.url or self.slug


class Sourced(models.Model):
    """A fact that names where it came from and how sure we are of it."""

    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Where this fact came from.",
    )
    source_quote = models.TextField(
        blank=True, help_text="The span of the source that states the fact (as read, for ingested facts)."
    )
    confirmed = models.BooleanField(
        default=True, help_text="False for facts the sources leave uncertain; shown as unconfirmed."
    )
    note = models.TextField(blank=True, help_text="Editorial remark: caveats, how the fact was derived.")

    class Meta:
        abstract = True


def in_force(model, at: dt.date | None = None) -> Q:
    """The condition for rows of ``model`` in force on ``at`` (default: today).

    A row whose start the sources do not state is, for most records, in force 'since before'. For facts that
    change with every election — memberships and quotas (``start_known_from_source``) — it is known only from
    the day its source was seen: before that day the registry does not assert it. Without a date seen, such
    a fact is known only from today on. See docs/as-of.md."""
    at = at or dt.date.today()
    if getattr(model, "start_known_from_source", False):
        started = Q(start_date__lte=at) | Q(start_date__isnull=True, source__accessed__lte=at)
        if at >= dt.date.today():
            started |= Q(start_date__isnull=True, source__accessed__isnull=True)
    else:
        started = Q(start_date__isnull=True) | Q(start_date__lte=at)
    return started & (Q(end_date__isnull=True) | Q(end_date__gte=at))


class DatedQuerySet(models.QuerySet):
    def current(self, at: dt.date | None = None):
        """Rows in force on ``at`` (default: today); see ``in_force``."""
        return self.filter(in_force(self.model, at))


class Dated(models.Model):
    """A period with partial dates: a start is stored as the first day of its period, an end as the last."""

    start_date = models.DateField(
        null=True, blank=True, help_text="First day (of the year or month, for a partial date). Empty: unknown."
    )
    start_precision = models.CharField(
        max_length=5, choices=PRECISIONS, default="day", help_text="How much of the start date the source gives."
    )
    end_date = models.DateField(
        null=True, blank=True, help_text="Last day (for a partial date: last day of the year or month). Empty: ongoing."
    )
    end_precision = models.CharField(
        max_length=5, choices=PRECISIONS, default="day", help_text="How much of the end date the source gives."
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_end_after_start",
                violation_error_message="The end date is before the start date.",
            )
        ]

    @property
    def start(self) -> PartialDate | None:
        return PartialDate.from_stored(self.start_date, self.start_precision)

    @start.setter
    def start(self, value: PartialDate | None) -> None:
        self.start_date = value.earliest() if value else None
        self.start_precision = value.precision if value else "day"

    @property
    def end(self) -> PartialDate | None:
        return PartialDate.from_stored(self.end_date, self.end_precision)

    @end.setter
    def end(self, value: PartialDate | None) -> None:
        self.end_date = value.latest() if value else None
        self.end_precision = value.precision if value else "day"

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


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


class Person(Sourced):
    """Popolo Person. ``name`` is the name as the sources print it; parts are kept apart."""

    slug = models.SlugField(max_length=120, unique=True, help_text="Stable public id, e.g. 'viktor-kogut'.")
    name = models.CharField(max_length=300, help_text="The name as printed (given name first).")
    given_name = models.CharField(max_length=120, blank=True)
    family_name = models.CharField(max_length=120, blank=True)
    patronymic_name = models.CharField(max_length=120, blank=True, help_text="Patronymic, where the person has one.")
    gender = models.CharField(max_length=20, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True, help_text="A line of our own about the person.")
    other_names = models.JSONField(
        default=list, blank=True, help_text='Spellings and transliterations: [{"name", "lang", "note"}].'
    )
    identifiers = models.JSONField(
        default=list, blank=True, help_text='[{"scheme": "wikidata", "identifier": "Q..."}].'
    )

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "people"

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
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="links")

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


class Membership(Sourced, Dated):
    """Popolo Membership: a person in an organisation, possibly in a post, for a chamber, over a period."""

    start_known_from_source = True  # see DatedQuerySet.current

    class Status(models.TextChoices):
        FULL = "full", _("full member")
        SUBSTITUTE = "substitute", _("substitute")

    slug = models.SlugField(max_length=200, unique=True)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="memberships")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(
        max_length=40, choices=Role.choices, default=Role.MEMBER, help_text="The role (a post's, or member)."
    )
    label = models.CharField(max_length=300, blank=True, help_text="The role as the source words it.")
    on_behalf_of = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="represented_by",
        help_text="The chamber the person sits for (Popolo on_behalf_of). Empty: not stated.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.FULL)

    class Meta:
        ordering = ["organization__slug", "person__slug", "start_date"]
        constraints = Dated.Meta.constraints

    def __str__(self) -> str:
        return f"{self.person} — {self.post or self.get_role_display()} ({self.organization})"

    @property
    def holds_seat(self) -> bool:
        return self.role in SEAT_ROLES


class SeatQuota(Sourced, Dated):
    """How many seats a delegation has for one chamber, according to one source.

    Sources disagree; every version is kept. Exactly one version per delegation and chamber is in force
    at a time; the others are recorded alternatives.
    """

    start_known_from_source = True  # see DatedQuerySet.current

    slug = models.SlugField(max_length=200, unique=True)
    delegation = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="quotas")
    chamber = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="quotas_for",
        help_text="The chamber, or the parliament itself when it is unicameral.",
    )
    seats = models.PositiveSmallIntegerField(help_text="Full seats.")
    substitute_seats = models.PositiveSmallIntegerField(default=0, help_text="Substitute seats.")
    in_force = models.BooleanField(
        default=True, help_text="The version the registry applies; False for a recorded disagreeing version."
    )

    class Meta:
        ordering = ["delegation__slug", "chamber__slug", "-in_force"]
        constraints = Dated.Meta.constraints

    def __str__(self) -> str:
        return f"{self.delegation}: {self.seats} ({self.chamber})"


class Participation(Sourced, Dated):
    """A state's (or an observer organisation's) standing in an organisation over a period."""

    class Status(models.TextChoices):
        MEMBER = "member", _("member")
        FROZEN = "participation_frozen", _("participation frozen")
        SUSPENDED = "suspended", _("membership suspended")
        WITHDRAWN = "withdrawn", _("withdrawn")
        OBSERVER = "observer", _("observer")
        PARTNER = "partner", _("partner")

    slug = models.SlugField(max_length=200, unique=True)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="participations")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="participations")
    participant = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participates_in",
        help_text="For an observer organisation (e.g. a foreign parliament) instead of a state.",
    )
    status = models.CharField(max_length=24, choices=Status.choices)

    class Meta:
        ordering = ["organization__slug", "country__iso3", "start_date"]
        constraints = [
            *Dated.Meta.constraints,
            models.CheckConstraint(
                condition=Q(country__isnull=False) | Q(participant__isnull=False),
                name="registry_participation_has_participant",
                violation_error_message="A participation names a state or an organisation.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country or self.participant} in {self.organization}: {self.status}"


class Chairmanship(Sourced, Dated):
    """A state's term chairing an organisation."""

    class Basis(models.TextChoices):
        ROTATION = "rotation", _("rotation")
        TEMPORARY = "temporary", _("temporary")
        DECISION = "decision", _("decision")

    slug = models.SlugField(max_length=200, unique=True)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="chairmanships")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="chairmanships")
    basis = models.CharField(max_length=12, choices=Basis.choices, default=Basis.ROTATION)

    class Meta:
        ordering = ["organization__slug", "start_date"]
        constraints = Dated.Meta.constraints

    def __str__(self) -> str:
        return f"{self.organization}: {self.country.iso3} {self.span.describe()}"


class RotationRule(Sourced):
    """How an organisation's chairmanship passes from state to state."""

    class OrderMethod(models.TextChoices):
        ALPHABETICAL = "alphabetical", _("alphabetical order of the states' names")
        FIXED = "fixed", _("fixed list")

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="rotation_rule")
    order_method = models.CharField(max_length=12, choices=OrderMethod.choices)
    order_language = models.CharField(
        max_length=8, blank=True, default="ru", help_text="Language whose alphabet orders the names."
    )
    fixed_order = models.JSONField(default=list, blank=True, help_text="ISO alpha-3 codes, for a fixed list.")
    term_months = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Length of one term, in months.",
    )
    handover_month = models.PositiveSmallIntegerField(default=1, help_text="Month a term begins.")
    handover_day = models.PositiveSmallIntegerField(default=1, help_text="Day of month a term begins.")
    effective_from = models.DateField(null=True, blank=True, help_text="Since when the rule applies.")
    description = models.TextField(blank=True, help_text="The rule in words.")

    def __str__(self) -> str:
        return f"rotation of {self.organization}"

    @property
    def handover(self) -> str:
        """The day a term begins, as "MM-DD" (the form files give it in)."""
        return f"{self.handover_month:02d}-{self.handover_day:02d}"


class Event(Sourced, Dated):
    """A summit, a session, a meeting, a forum or an anniversary. ``start``/``end`` are its dates."""

    class Kind(models.TextChoices):
        SUMMIT = "summit", _("summit")
        PLENARY = "plenary_session", _("plenary session")
        COUNCIL = "council_meeting", _("council meeting")
        FORUM = "forum", _("forum")
        ANNIVERSARY = "anniversary", _("anniversary")
        FOUNDING = "founding", _("founding")
        CHAIRMANSHIP = "chairmanship", _("chairmanship")
        OTHER = "other", _("other")

    slug = models.SlugField(max_length=160, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    place = models.CharField(max_length=200, blank=True, help_text="City or venue; empty if unknown.")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="Ordinal of a plenary session."
    )
    organizer = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="events")

    class Meta:
        ordering = ["start_date", "slug"]
        constraints = Dated.Meta.constraints

    def __str__(self) -> str:
        return self.title or self.slug


class NewsItem(Sourced):
    """A news article, linked to what it concerns."""

    slug = models.SlugField(max_length=160, unique=True)
    date = models.DateField()
    language = models.CharField(max_length=8, default="en", help_text="Language the item was written in.")
    title = models.CharField(max_length=300)
    body = models.TextField()
    countries = models.ManyToManyField(Country, blank=True, related_name="news")
    people = models.ManyToManyField(Person, blank=True, related_name="news")
    organizations = models.ManyToManyField(Organization, blank=True, related_name="news")
    events = models.ManyToManyField(Event, blank=True, related_name="news")

    class Meta:
        ordering = ["-date", "slug"]
        verbose_name = "news item"

    def __str__(self) -> str:
        return self.title or self.slug
