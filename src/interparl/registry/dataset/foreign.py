"""Plain Popolo from elsewhere (EveryPolitician and the projects that publish like it), mapped onto the registry.

Other publishers use ids such as ``parl-X00`` or ``term/7``, classifications such as ``legislature`` or ``upper
house``, roles in words ("Head of Delegation"), birth dates given as a year, and sources that are only addresses.
Each record is brought to the registry's terms before it is validated — ids become public ids (the publisher's id is
kept as an identifier), kinds and roles are mapped, a source address becomes a source — and every mapping is
counted, so the load's report says what was changed. interparl's own export passes through unchanged.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter

from django.utils.text import slugify

from .. import descriptions
from ..models import Event, Organization
from ..roles import Role

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID_SCHEME = "popolo-id"  # the scheme under which a publisher's own id is kept

Kind = Organization.Classification
# The registry's own values, as sets: a choices enum builds its list of values anew each time it is asked.
KINDS, ROLES, EVENT_KINDS = frozenset(Kind.values), frozenset(Role.values), frozenset(Event.Kind.values)
ORGANIZATION_KINDS = {
    "legislature": (Kind.PARLIAMENT, ""),
    "parliament": (Kind.PARLIAMENT, ""),
    "unicameral legislature": (Kind.PARLIAMENT, "unicameral"),
    "lower house": (Kind.CHAMBER, "lower"),
    "lower": (Kind.CHAMBER, "lower"),
    "upper house": (Kind.CHAMBER, "upper"),
    "upper": (Kind.CHAMBER, "upper"),
    "house": (Kind.CHAMBER, ""),
    "chamber": (Kind.CHAMBER, ""),
    "international organization": (Kind.IGO, ""),
    "intergovernmental organization": (Kind.IGO, ""),
    "parliamentary assembly": (Kind.ASSEMBLY, ""),
    "delegation": (Kind.DELEGATION, ""),
    "committee": (Kind.COMMISSION, ""),
    "commission": (Kind.COMMISSION, ""),
}
ROLE_WORDS = {
    "mp": Role.MEMBER,
    "member of parliament": Role.MEMBER,
    "representative": Role.MEMBER,
    "senator": Role.MEMBER,
    "deputy": Role.MEMBER,
    "president": Role.CHAIR,
    "speaker": Role.CHAIR,
    "chairman": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "vice-president": Role.DEPUTY_CHAIR,
    "vice president": Role.DEPUTY_CHAIR,
    "vice-chair": Role.DEPUTY_CHAIR,
    "head of the delegation": Role.HEAD_OF_DELEGATION,
    "deputy head of the delegation": Role.DEPUTY_HEAD_OF_DELEGATION,
}


def public_id(value):
    """A publisher's id as a public id: unchanged if it is one; else in lower case, with '/' and spaces as '-'."""
    if not isinstance(value, str) or SLUG.match(value):
        return value
    made = slugify(value.replace("/", "-").replace(":", "-").lower())
    return made[:110] if made else "id-" + hashlib.sha1(value.encode()).hexdigest()[:12]


def source_id(url: str) -> str:
    """The id of a source known only by its address."""
    return "src-" + hashlib.sha1(url.encode()).hexdigest()[:12]


class Mapper:
    """Brings records to the registry's terms and counts what it changed (``mapped``); collects the sources that
    records name only by address (``sources``: id → address)."""

    def __init__(self):
        self.mapped: Counter = Counter()
        self.sources: dict[str, str] = {}

    def record(self, description: descriptions.Description, record: dict) -> dict:
        references, adjust = _plan(description)
        record = dict(record)
        key = description.popolo_key
        if key == "id" and description.kind != "country" and record.get("id") is not None:
            original = record["id"]
            record["id"] = public_id(original)
            if record["id"] != original:
                self.mapped[f"{description.popolo_section}: ids made public ids (kept as identifiers)"] += 1
                if any(f.name == "identifiers" for f in description.fields):
                    identifiers = [i for i in record.get("identifiers") or [] if isinstance(i, dict)]
                    record["identifiers"] = [*identifiers, {"scheme": ID_SCHEME, "identifier": str(original)}]
        for name, many in references:
            if name in record:
                value = record[name]
                record[name] = [public_id(v) for v in value] if many else public_id(value)
        if key != "id" and record.get(key) is not None:
            record[key] = public_id(record[key])
        if "sources" in record:
            self._sources(description, record)
        return adjust(self, description, record) if adjust else record

    def _sources(self, description, record: dict) -> None:
        for source in record.get("sources") or []:
            if isinstance(source, dict) and not source.get("id") and isinstance(source.get("url"), str):
                source["id"] = source_id(source["url"])
                self.sources.setdefault(source["id"], source["url"])
                self.mapped["sources known only by their address: recorded as sources"] += 1

    def _organization(self, description, record: dict) -> dict:
        classification = str(record.get("classification") or "").strip()
        if classification in KINDS:
            return record
        kind, chamber = ORGANIZATION_KINDS.get(classification.lower(), (Kind.BODY, ""))
        record["classification"] = kind
        if chamber and not record.get("chamber_kind"):
            record["chamber_kind"] = chamber
        self.mapped[f"organizations: classification '{classification or '(none)'}' → {kind.value}"] += 1
        return record

    def _person(self, description, record: dict) -> dict:
        birth = record.get("birth_date")
        if birth and not (isinstance(birth, str) and DATE.match(birth)):
            record.pop("birth_date")
            self.mapped["persons: birth dates that are not a full date left out"] += 1
        return record

    def _membership(self, description, record: dict) -> dict:
        role = record.get("role")
        if role is None or role in ROLES:
            return record
        words = " ".join(str(role).lower().split())
        mapped = ROLE_WORDS.get(words) or (words.replace(" ", "_") if words.replace(" ", "_") in ROLES else None)
        record["role"] = mapped or Role.MEMBER
        if not record.get("label"):
            record["label"] = str(role)  # the role as the source words it
        self.mapped[f"memberships: role '{role}' → {record['role']}"] += 1
        return record

    def _event(self, description, record: dict) -> dict:
        kind = record.get("classification")
        if kind and kind not in EVENT_KINDS:
            record["classification"] = Event.Kind.OTHER
            self.mapped[f"events: classification '{kind}' → other"] += 1
        return record


@functools.cache
def _plan(description: descriptions.Description) -> tuple[tuple[tuple[str, bool], ...], object]:
    """What ``Mapper.record`` does to a description's records, decided once: the Popolo names of its references to
    records by id (with whether each is a list), and the mapping of its own kinds and roles."""
    references = tuple(
        (field.popolo_name, field.many) for field in description.fields if field.ref and field.ref != "country"
    )
    return references, getattr(Mapper, f"_{description.kind}", None)
