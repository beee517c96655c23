"""The shape of a dataset file (format ``interparl-dataset/1``), validated before anything is written.

See ``docs/dataset-format.md`` for the format in words. References between records use public ids
(``id`` of organisations, people, posts, events, sources; ISO alpha-3 codes of countries). Each section's record
shape is built from the record's description (``registry/descriptions.py``) and its model fields: types,
defaults, choices and bounds come from the model, so a new model field needs no edit here.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Annotated, Literal

from django.core import validators as dj_validators
from django.db import models as dj
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model, model_validator

from .. import descriptions
from ..partial_dates import PartialDate
from ..validators import web_url_problem

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=120)]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


def _partial(value):
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _partial_text(value)
    return PartialDate.parse(value).isoformat()  # raises ValueError with a readable reason


@functools.lru_cache(maxsize=4096)  # dates recur (a term's members start on one day): each text is read once
def _partial_text(value: str) -> str:
    return PartialDate.parse(value).isoformat()


@functools.lru_cache(maxsize=4096)
def _ends_before_start(start: str, end: str) -> bool:
    return PartialDate.parse(end).latest() < PartialDate.parse(start).earliest()


PartialDateStr = Annotated[str | None, BeforeValidator(_partial)]


def _web_url(value: str) -> str:
    problem = web_url_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _one_of(allowed):
    allowed = set(allowed)

    def check(value):
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of: {', '.join(sorted(allowed))}")
        return value

    return BeforeValidator(check)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Text(Strict):
    """A text in English and Russian; one of them may be missing."""

    en: str | None = None
    ru: str | None = None

    @model_validator(mode="after")
    def one_language_at_least(self):
        if not (self.en or self.ru):
            raise ValueError("give the text in English (en) or Russian (ru), or both")
        return self


def _text_or_plain(value):
    """A text may be given in both languages ({en, ru}) or as a plain string, read as English."""
    if value is None or value == "":
        return None
    return {"en": value} if isinstance(value, str) else value


Note = Annotated[Text | None, BeforeValidator(_text_or_plain)]


class OtherName(Strict):
    name: str
    lang: str | None = None
    note: str | None = None
    start_date: PartialDateStr = None
    end_date: PartialDateStr = None


class Identifier(Strict):
    scheme: str
    identifier: str


class Fact(Strict):
    source: Slug | None = None
    quote: str = ""
    confirmed: bool = True
    note: Note = None


class Period(Fact):
    start: PartialDateStr = None
    end: PartialDateStr = None

    @model_validator(mode="after")
    def end_not_before_start(self):
        if self.start and self.end and _ends_before_start(self.start, self.end):
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


WebUrl = Annotated[str, AfterValidator(_web_url)]
WebUrlOrBlank = Annotated[str, AfterValidator(lambda value: _web_url(value) if value else value)]
Text_ = Annotated[Text, BeforeValidator(_text_or_plain)]

# A list left out: a new empty list per record (a default of [] would be deep-copied for every record).
EMPTY_LIST = Field(default_factory=list)

# Values kept as JSON lists on the model: the shape of their items.
LIST_ITEMS = {"other_names": OtherName, "identifiers": Identifier, "fixed_order": Iso3}
# Values that are not one model field (the rotation rule's "MM-DD", stored as a month and a day).
COMPOSITE = {"handover": (Annotated[str, Field(pattern=r"^\d{2}-\d{2}$")], "01-01")}


def _bounds(model_field) -> dict:
    positive = (dj.PositiveIntegerField, dj.PositiveSmallIntegerField, dj.PositiveBigIntegerField)
    bounds = {"ge": 0} if isinstance(model_field, positive) else {}
    for validator in model_field.validators:
        if isinstance(validator, dj_validators.MinValueValidator):
            bounds["ge"] = validator.limit_value
        elif isinstance(validator, dj_validators.MaxValueValidator):
            bounds["le"] = validator.limit_value
    return bounds


def _model_default(model_field):
    if model_field.has_default():
        default = model_field.get_default()
        # A choice's plain value, not its enum member: rows go between processes, and a member costs a lookup there.
        return default.value if isinstance(default, enum.Enum) else default
    if model_field.null:
        return None
    return "" if model_field.blank and model_field.empty_strings_allowed else ...


def _file_field(description: descriptions.Description, field: descriptions.Field) -> tuple:
    """(type, default) of one field in a file; ``...`` as the default: required."""
    if field.name in COMPOSITE:
        return COMPOSITE[field.name]
    model_field = description.model._meta.get_field(field.name)
    key = Iso3 if field.ref == "country" else Slug
    if field.many:
        return list[key], EMPTY_LIST
    if field.ref:
        return (key, ...) if not model_field.null else (key | None, None)
    if field.text:
        return (Text_, ...) if not model_field.blank else (Note, None)
    if field.name in LIST_ITEMS:
        return list[LIST_ITEMS[field.name]], EMPTY_LIST
    default = _model_default(model_field) if field.default is descriptions.MODEL_DEFAULT else field.default
    if model_field.choices:
        kind = Annotated[str, _one_of(value for value, _label in model_field.flatchoices if value or default == "")]
    elif isinstance(model_field, dj.URLField):
        kind = WebUrlOrBlank if model_field.blank else WebUrl
    elif isinstance(model_field, dj.BooleanField):
        kind = bool
    elif isinstance(model_field, dj.IntegerField):
        kind = Annotated[int, Field(**_bounds(model_field))]
    elif isinstance(model_field, dj.DateField):
        kind = dt.date
    else:
        kind = str
    return (kind | None if model_field.null or default is None else kind), default


def _one_of_given(names: tuple[str, ...]):
    def check(record):
        if not any(getattr(record, name) for name in names):
            raise ValueError(f"give one of: {', '.join(names)}")
        return record

    return model_validator(mode="after")(check)


@functools.cache
def record_model(description: descriptions.Description) -> type[Strict]:
    """The shape of one record of ``description`` in a dataset file (a pydantic model)."""
    base = Period if description.dated else Fact if description.sourced else Strict
    fields: dict = {}
    key_type = Iso3 if description.kind == "country" else Slug
    if description.file_key not in {f.name for f in description.fields}:
        fields[description.file_key] = (key_type | None, None) if description.derive_key else (key_type, ...)
    for field in description.fields:
        if description.sourced and field.name == "note":
            continue  # the fact's note, from the base
        fields[field.name] = _file_field(description, field)
    if description.links:
        fields["links"] = (list[LinkIn], EMPTY_LIST)
    validators = {"one_of_given": _one_of_given(description.one_of)} if description.one_of else {}
    return create_model(
        f"{description.kind.title()}In", __base__=base, __validators__=validators, __module__=__name__, **fields
    )


@functools.cache
def _dataset_model(kinds: tuple[descriptions.Description, ...]) -> type[Strict]:
    sections = {d.section: (list[record_model(d)], EMPTY_LIST) for d in kinds}
    return create_model(
        "Dataset",
        __base__=Strict,
        __module__=__name__,
        format=(Literal["interparl-dataset/1"], ...),
        title=(str, ""),
        default_source=(Slug | None, None),
        **sections,
    )


def dataset_model() -> type[Strict]:
    """The shape of a whole dataset file, from the descriptions in force."""
    return _dataset_model(tuple(descriptions.every()))


class LinkIn(Fact):
    url: WebUrl
