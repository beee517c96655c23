"""Records a page implies that the registry does not hold yet: another assembly (a PACE delegation page read into
a registry of the CSTO PA), a state, its parliament, its delegation and the chambers its seats are counted by.

Each is planned as an addition, named from general knowledge (ISO 3166 for states, the reader's table of
assemblies) and from the text, and reviewed like any other change; later facts of the same plan refer to it by
its public id.
"""

from __future__ import annotations

import gettext

import pycountry
from django.db.models import Q
from django.utils.text import slugify

from interparl.changes.operations import create
from interparl.registry import models

from .plans import ADD, Plan
from .reading.gazetteer import ASSEMBLIES

Kind = models.Organization.Classification


def assembly_names(code: str) -> tuple[str, str]:
    """English and Russian names of an assembly the reader knows by its abbreviation."""
    for known, english, russian in ASSEMBLIES:
        if known == code:
            return english[1] if len(english) > 1 and english[0] == code else english[0], russian[-1]
    return (code, "") if code.isascii() else ("", code)  # an assembly the reader knows only by the name it read


class Newcomers:
    def __init__(self, plan: Plan, text: str):
        self.plan = plan
        self.text = text
        self.planned: dict[tuple[str, str], object] = {}  # (kind, public id) → record this plan adds

    def _add(self, kind: str, key: str, record, summary: str, fact) -> None:
        self.planned[(kind, key)] = record
        self.plan.add(ADD, kind, summary, fact, self.text, create(record))

    def assembly(self, code: str, fact) -> models.Organization:
        found = models.Organization.objects.filter(
            Q(slug=slugify(code)) | Q(abbreviation_en__iexact=code) | Q(abbreviation_ru__iexact=code),
            classification=Kind.ASSEMBLY,
        ).first()
        if found is not None:
            return found
        slug = slugify(code)
        if ("assembly", slug) not in self.planned:
            english, russian = assembly_names(code)
            record = models.Organization(
                slug=slug,
                classification=Kind.ASSEMBLY,
                name_en=english,
                name_ru=russian,
                abbreviation_en=code,
            )
            self._add("assembly", slug, record, f"assembly “{english}” ({slug}), not in the registry yet", fact)
        return self.planned[("assembly", slug)]

    def country(self, iso3: str, fact) -> models.Country | None:
        found = models.Country.objects.filter(iso3=iso3).first()
        if found is not None or ("country", iso3) in self.planned:
            return found or self.planned[("country", iso3)]
        standard = pycountry.countries.get(alpha_3=iso3)
        if standard is None:
            return None
        russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"]).gettext
        name = getattr(standard, "common_name", None) or standard.name
        record = models.Country(
            iso3=iso3,
            iso2=standard.alpha_2,
            name_en=name,
            name_ru=russian(standard.name),
            official_name_en=getattr(standard, "official_name", "") or "",
        )
        self._add("country", iso3, record, f"state {name} ({iso3})", fact)
        return record

    def parliament(self, country: models.Country, fact) -> models.Organization:
        found = models.Organization.objects.filter(classification=Kind.PARLIAMENT, country__iso3=country.iso3).first()
        if found is not None:
            return found
        slug = f"{country.iso3.lower()}-parliament"
        if ("parliament", slug) not in self.planned:
            written = getattr(fact, "parliament", None)  # as the text names it, unless it says only "Parliament"
            written = written if written and written.lower() not in ("parliament", "парламент") else None
            record = models.Organization(
                slug=slug,
                classification=Kind.PARLIAMENT,
                country=country,
                name_en=written if written and written.isascii() else f"Parliament of {country.name_en}",
                name_ru=written if written and not written.isascii() else f"Парламент ({country.name_ru})",
            )
            self._add("parliament", slug, record, f"parliament of {country.iso3} “{record.name_en}”", fact)
        return self.planned[("parliament", slug)]

    def delegation(self, assembly: models.Organization, country: models.Country, fact) -> models.Organization:
        parliament = self.parliament(country, fact)
        slug = f"{assembly.slug}-{country.iso3.lower()}-delegation"
        if ("delegation", slug) not in self.planned:
            abbreviation = assembly.abbreviation_en or assembly.slug
            record = models.Organization(
                slug=slug,
                classification=Kind.DELEGATION,
                parent=assembly,
                sent_by=parliament,
                country=country,
                name_en=f"Delegation of {country.name_en} to the {abbreviation}",
                name_ru=f"Делегация ({country.name_ru}) в {assembly.abbreviation_ru or abbreviation}",
            )
            self._add("delegation", slug, record, f"delegation of {country.iso3} to {assembly.slug}", fact)
        return self.planned[("delegation", slug)]

    def chambers(self, delegation: models.Organization, names: list[str | None], fact) -> list[models.Organization]:
        """The chambers a new delegation's seats are counted by: the ones the text names, else the parliament."""
        parliament = delegation.sent_by
        named = [n for n in dict.fromkeys(names) if n]
        if not named:
            return [parliament]
        chambers = []
        for name in named:
            slug = f"{parliament.slug.removesuffix('-parliament')}-{slugify(name)}"[:120]
            if ("chamber", slug) not in self.planned:
                record = models.Organization(
                    slug=slug,
                    classification=Kind.CHAMBER,
                    parent=parliament,
                    country=delegation.country,
                    **({"name_en": name} if name.isascii() else {"name_ru": name}),
                )
                self._add("chamber", slug, record, f"chamber “{name}” of {delegation.country.iso3}", fact)
            chambers.append(self.planned[("chamber", slug)])
        return chambers
