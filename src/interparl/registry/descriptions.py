"""One description per kind of record: its fields, which are translated, its public id, its references to other
records and which fields search reads. The dataset reader (YAML), Popolo import and export, the CSV downloads,
the search index, the translated columns and the change log's record kinds are all driven by it.

Adding an ordinary field to a record = the model field, one ``Field`` line here, a migration. Types, defaults and
whether a value is required are read from the model field; a line says only what the model cannot: that a
value is a reference, that it is translated, or that another format names it differently.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from . import models

MODEL_DEFAULT = object()  # a field's default in files is the model field's


@dataclass(frozen=True)
class Field:
    """One field of a record, as the files and downloads see it."""

    name: str  # the name in a dataset file, and the model's field
    text: bool = False  # translated: ``_en``/``_ru`` columns, ``{en, ru}`` in files
    ref: str | None = None  # the kind of record it refers to (files hold that record's public id)
    many: bool = False  # a list of references (many-to-many)
    popolo: str | None = None  # the name in Popolo, where it differs from the default
    csv: str | None = None  # the CSV column, where it differs; "" keeps the field out of CSV
    csv_label: bool = False  # the referenced record's label gets a column too (``person_name``)
    searchable: bool = False  # its words find the record in search
    late: bool = False  # a reference to a record of the same section, resolved once the whole section exists
    default: object = MODEL_DEFAULT  # the value when a file leaves it out, where not the model's default
    popolo_default: object = None  # the value when a Popolo record leaves the field out

    @functools.cached_property
    def popolo_name(self) -> str:
        if self.popolo:
            return self.popolo
        if self.ref and not self.many and self.ref != "country":
            return f"{self.name}_id"
        return self.name

    @functools.cached_property
    def csv_column(self) -> str:
        if self.csv is not None:
            return self.csv
        return f"{self.name}_id" if self.ref and self.ref != "country" else self.name


@dataclass(frozen=True)
class Description:
    """A kind of record: what it is called in each format and what it holds."""

    kind: str  # the model's name: "person", "seatquota"
    model: type
    section: str  # the dataset file's section: "people"
    popolo_section: str  # the Popolo section: "persons"
    fields: tuple[Field, ...]
    key: str = "slug"  # the model field holding the public id
    file_key: str = "id"  # the name of the public id in files
    popolo_key: str = "id"  # the name of the public id in Popolo
    label: str | None = None  # the field naming the record for people (search hits, CSV ``_name`` columns)
    links: bool = False  # carries web addresses (``Link`` records), nested in files
    derive_key: tuple[str, ...] = ()  # fields whose values make the public id when a file gives none
    period_names: tuple[str, str] = ("start_date", "end_date")  # Popolo's names of the start and the end
    search_kind: str | None = None  # the kind search reports; None: not searched
    one_of: tuple[str, ...] = ()  # at least one of these fields must be given

    def __hash__(self) -> int:
        # Descriptions key caches of what is derived from them, looked up for every record: hashing every field of
        # every field each time would cost more than the lookup saves. Equal descriptions have the same kind.
        return hash(self.kind)

    @functools.cached_property
    def sourced(self) -> bool:
        return issubclass(self.model, models.Sourced)

    @functools.cached_property
    def dated(self) -> bool:
        return issubclass(self.model, models.Dated)

    @functools.cached_property
    def translated(self) -> tuple[str, ...]:
        """Translated fields, the fact's note among them (every note exists in both languages)."""
        names = tuple(f.name for f in self.fields if f.text)
        return (*names, "note") if self.sourced and "note" not in names else names

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def with_field(self, field: Field) -> Description:
        return dataclasses.replace(self, fields=(*self.fields, field))


OTHER_NAMES = Field("other_names", csv="", searchable=True)
IDENTIFIERS = Field("identifiers", csv="")

_ALL = [
    Description(
        "source",
        models.Source,
        "sources",
        "sources",
        (
            Field("url"),
            Field("document", text=True),
            Field("publisher", text=True),
            Field("language"),
            Field("accessed"),
            Field("published"),
            Field("note", text=True),
        ),
        label="document",
    ),
    Description(
        "country",
        models.Country,
        "countries",
        "countries",
        (Field("iso2"), Field("name", text=True), Field("official_name", text=True), OTHER_NAMES),
        key="iso3",
        file_key="iso3",
        label="name",
    ),
    Description(
        "organization",
        models.Organization,
        "organizations",
        "organizations",
        (
            Field("classification"),
            Field("name", text=True, searchable=True),
            Field("abbreviation", text=True, searchable=True),
            Field("description", text=True),
            Field("seat", text=True),
            Field("parent", ref="organization", late=True),
            Field("sent_by", ref="organization", late=True),
            Field("country", ref="country"),
            Field("chamber_kind"),
            OTHER_NAMES,
            IDENTIFIERS,
        ),
        label="name",
        links=True,
        period_names=("founding_date", "dissolution_date"),
        search_kind="organization",
    ),
    Description(
        "person",
        models.Person,
        "people",
        "persons",
        (
            Field("name", text=True, searchable=True),
            Field("given_name", text=True, searchable=True),
            Field("family_name", text=True, searchable=True),
            Field("patronymic_name", text=True, searchable=True),
            Field("summary", text=True),
            Field("gender"),
            Field("birth_date"),
            OTHER_NAMES,
            IDENTIFIERS,
        ),
        label="name",
        links=True,
        search_kind="person",
    ),
    Description(
        "post",
        models.Post,
        "posts",
        "posts",
        (
            Field("label", text=True),
            Field("role"),
            Field("organization", ref="organization"),
            Field("max_holders", popolo_default=1),
        ),
        label="label",
    ),
    Description(
        "membership",
        models.Membership,
        "memberships",
        "memberships",
        (
            Field("person", ref="person", csv_label=True),
            Field("organization", ref="organization", csv_label=True),
            Field("post", ref="post", csv_label=True),
            Field("role", default=None),  # None: the post's role, or member
            Field("label"),
            Field("on_behalf_of", ref="organization", csv="on_behalf_of"),
            Field("status"),
        ),
        derive_key=("person", "organization", "post|role", "start"),
    ),
    Description(
        "seatquota",
        models.SeatQuota,
        "quotas",
        "seat_quotas",
        (
            Field("delegation", ref="organization"),
            Field("chamber", ref="organization"),
            Field("seats"),
            Field("substitute_seats"),
            Field("in_force"),
        ),
        derive_key=("delegation", "chamber", "source", "start"),
    ),
    Description(
        "participation",
        models.Participation,
        "participations",
        "participations",
        (
            Field("organization", ref="organization"),
            Field("country", ref="country"),
            Field("participant", ref="organization"),
            Field("status"),
        ),
        derive_key=("organization", "country|participant", "status", "start"),
        one_of=("country", "participant"),
    ),
    Description(
        "chairmanship",
        models.Chairmanship,
        "chairmanships",
        "chairmanships",
        (Field("organization", ref="organization"), Field("country", ref="country"), Field("basis")),
        derive_key=("organization", "country", "start"),
    ),
    Description(
        "rotationrule",
        models.RotationRule,
        "rotation_rules",
        "rotation_rules",
        (
            Field("order_method"),
            Field("order_language"),
            Field("fixed_order"),
            Field("term_months"),
            Field("handover"),
            Field("effective_from"),
            Field("description", text=True),
        ),
        key="organization",
        file_key="organization",
        popolo_key="organization_id",
    ),
    Description(
        "event",
        models.Event,
        "events",
        "events",
        (
            Field("kind", popolo="classification", popolo_default="other"),
            Field("title", text=True, popolo="name", searchable=True),
            Field("description", text=True),
            Field("place", text=True, searchable=True),
            Field("number"),
            Field("organizer", ref="organization", popolo="organization_id"),
            Field("country", ref="country"),
        ),
        label="title",
        search_kind="event",
    ),
    Description(
        "newsitem",
        models.NewsItem,
        "news",
        "news",
        (
            Field("date"),
            Field("language"),
            Field("title", text=True, searchable=True),
            Field("body", text=True),
            Field("countries", ref="country", many=True),
            Field("people", ref="person", many=True, popolo="person_ids"),
            Field("organizations", ref="organization", many=True, popolo="organization_ids"),
            Field("events", ref="event", many=True, popolo="event_ids"),
        ),
        label="title",
        search_kind="news",
    ),
]
# Links are written with their owners (nested in files), never as a section of their own.
LINK = Description("link", models.Link, "links", "links", (Field("url"), Field("note", text=True)), key="key")

# In the order records are written, so that every reference points to something already written.
DESCRIPTIONS: dict[str, Description] = {d.kind: d for d in _ALL}


def get(kind: str) -> Description:
    return LINK if kind == "link" else DESCRIPTIONS[kind]


def every() -> list[Description]:
    """Every description that has a section of its own, in writing order."""
    return list(DESCRIPTIONS.values())


def of_model(model) -> Description:
    return get(model._meta.model_name)


def replaced(description: Description):
    """A context in which ``description`` stands for its kind (for tests that extend a record)."""
    import contextlib

    @contextlib.contextmanager
    def swap():
        before = DESCRIPTIONS[description.kind]
        DESCRIPTIONS[description.kind] = description
        try:
            yield description
        finally:
            DESCRIPTIONS[description.kind] = before

    return swap()
