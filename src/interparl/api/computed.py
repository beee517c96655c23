"""The API's shapes of computed answers: an assembly's composition on a date, and chairmanship terms (recorded and
projected).

Each shape publishes the fields it lists, and only those, of a read-side result (``registry/results.py``,
``registry/rotation.py``), typed as the result types them, with nested results replaced by their published shapes.
A field added to a result for the portal is not published until it is listed here; a renamed or removed one fails
at start-up; a changed type shows in the published contract's test (docs/api/contract-v1.json).
"""

import datetime as dt
import json
import types
import typing

from django.http import HttpResponse
from pydantic import BaseModel, ConfigDict, Field, create_model

from interparl.registry import models, results, rotation, selectors, versioning

PUBLISHED: dict[type, type[BaseModel]] = {}


class Published(BaseModel):
    """A published shape. Plain pydantic, not a django-ninja ``Schema``: read from the results by attribute in
    pydantic's own (compiled) validation, which matters for a composition of hundreds of members."""

    model_config = ConfigDict(from_attributes=True)


def _published_type(annotation):
    """``annotation`` with every read-side result in it replaced by its published shape."""
    if annotation in PUBLISHED:
        return PUBLISHED[annotation]
    arguments = typing.get_args(annotation)
    if not arguments:
        return annotation
    mapped = tuple(_published_type(argument) for argument in arguments)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[mapped]  # noqa: UP007 - built from a tuple of types
    return origin[mapped] if len(mapped) > 1 else origin[mapped[0]]


def published(result: type[BaseModel], fields: str) -> type[Published]:
    """The API's shape of ``result``: the fields named in ``fields`` (separated by spaces), in that order."""
    definitions = {}
    for name in fields.split():
        if name in result.model_fields:
            info = result.model_fields[name]
            default = ... if info.is_required() else info.default
            annotation, description = info.annotation, info.description
        else:  # a value the result computes (its seats, its conflicts…)
            computed = result.model_computed_fields[name]
            default, annotation, description = ..., computed.return_type, computed.description
        definitions[name] = (_published_type(annotation), Field(default, description=description))
    shape = create_model(result.__name__, __base__=Published, __module__=__name__, **definitions)
    PUBLISHED[result] = shape
    return shape


SourceRef = published(results.SourceRef, "id url document")
QuotaVersion = published(results.QuotaVersion, "seats substitute_seats in_force confirmed source note")
ChamberSeats = published(
    results.ChamberSeats, "chamber name kind seats substitute_seats filled filled_substitute source alternatives"
)
Holder = published(results.Holder, "person name role post organization chamber status start end confirmed source")
Standing = published(results.Standing, "status since until confirmed note source")
Website = published(results.Website, "url owner note source")
DelegationComposition = published(
    results.DelegationComposition,
    "delegation name country country_name parliament parliament_name participation chambers members post_holders "
    "plenipotentiary websites seats substitute_seats seats_filled members_without_chamber has_conflicts",
)
MemberState = published(results.MemberState, "country name standing delegation")
ParentChair = published(results.ParentChair, "organization country country_name start end basis")
Composition = published(
    results.Composition,
    "assembly name as_of status founded undated_known_from delegations member_states officers chair_of_parent "
    "seats substitute_seats",
)
Term = published(
    rotation.Term, "country country_name start end basis projected expected_end assumption confirmed source note"
)
RotationReport = published(rotation.RotationReport, "organization rule terms")


AS_OF_MARK = "@as_of@"  # where the date goes in a stretch's rendering (a text no date or name can be)


def composition_response(assembly: models.Organization, *, at: dt.date) -> HttpResponse:
    """The published composition on ``at`` as JSON. A composition is the same on every day of a stretch between
    two change days but for its date (``selectors.composition_key``), so it is validated and rendered once per
    stretch; each date then costs a cache read and the date put in."""

    def render() -> str:
        published = Composition.model_validate(selectors.composition(assembly, at=at)).model_dump(mode="json")
        return json.dumps({**published, "as_of": AS_OF_MARK})  # as django-ninja renders: ASCII, escaped

    body = versioning.cached(("published", *selectors.composition_key(assembly, at=at)), render)
    return HttpResponse(body.replace(AS_OF_MARK, at.isoformat(), 1), content_type="application/json; charset=utf-8")
