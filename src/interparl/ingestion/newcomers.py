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

    def _once(self, kind: str, key: str, make, summary, fact):
        """The record this plan adds under ``key``, made and planned the first time it is asked for."""
        if (kind, key) not in self.planned:
            record = make()
            self.planned[(kind, key)] = record
            self.plan.add(ADD, kind, summary(record), fact, self.text, create(record))
        return self.planned[(kind, key)]

    def assembly(self, code: str, fact) -> models.Organization:
        found = models.Organization.objects.filter(
            Q(slug=slugify(code)) | Q(abbreviation_en__iexact=code) | Q(abbreviation_ru__iexact=code),
            classification=Kind.ASSEMBLY,
        ).first()
        if found is not None:
            return found
        slug = slugify(code)
        english, russian = assembly_names(code)
        return self._once(
            "assembly",
            slug,
            lambda: models.Organization(
                slug=slug, classification=Kind.ASSEMBLY, name_en=english, name_ru=russian, abbreviation_en=code
            ),
            lambda record: f"assembly “{english or russian}” ({slug}), not in the registry yet",
            fact,
        )

    def country(self, iso3: str, fact) -> models.Country | None:
        found = models.Country.objects.filter(iso3=iso3).first()
        standard = pycountry.countries.get(alpha_3=iso3)
        if found is not None or standard is None:
            return found
        russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"]).gettext
        name = getattr(standard, "common_name", None) or standard.name
        return self._once(
            "country",
            iso3,
            lambda: models.Country(
                iso3=iso3,
                iso2=standard.alpha_2,
                name_en=name,
                name_ru=russian(standard.name),
                official_name_en=getattr(standard, "official_name", "") or "",
            ),
            lambda record: f"state {name} ({iso3})",
            fact,
        )

    def parliament(self, country: models.Country, fact) -> models.Organization:
        found = models.Organization.objects.filter(classification=Kind.PARLIAMENT, country__iso3=country.iso3).first()
        if found is not None:
            return found
        written = getattr(fact, "parliament", None)  # as the text names it, unless it says only "Parliament"
        written = written if written and written.lower() not in ("parliament", "парламент") else None
        slug = f"{country.iso3.lower()}-parliament"
        return self._once(
            "parliament",
            slug,
            lambda: models.Organization(
                slug=slug,
                classification=Kind.PARLIAMENT,
                country=country,
                name_en=written if written and written.isascii() else f"Parliament of {country.name_en}",
                name_ru=written if written and not written.isascii() else f"Парламент ({country.name_ru})",
            ),
            lambda record: f"parliament of {country.iso3} “{record.name_en}”",
            fact,
        )

    def delegation(self, assembly: models.Organization, country: models.Country, fact) -> models.Organization:
        parliament = self.parliament(country, fact)
        slug = f"{assembly.slug}-{country.iso3.lower()}-delegation"
        abbreviation = assembly.abbreviation_en or assembly.slug
        return self._once(
            "delegation",
            slug,
            lambda: models.Organization(
                slug=slug,
                classification=Kind.DELEGATION,
                parent=assembly,
                sent_by=parliament,
                country=country,
                name_en=f"Delegation of {country.name_en} to the {abbreviation}",
                name_ru=f"Делегация ({country.name_ru}) в {assembly.abbreviation_ru or abbreviation}",
            ),
            lambda record: f"delegation of {country.iso3} to {assembly.slug}",
            fact,
        )

    def chambers(self, delegation: models.Organization, names: list[str | None], fact) -> list[models.Organization]:
        """The chambers a new delegation's seats are counted by: the ones the text names, else the parliament."""
        parliament = delegation.sent_by
        own = {parliament.name_en, parliament.name_ru}  # a unicameral parliament counts its seats itself
        named = [n for n in dict.fromkeys(names) if n and n not in own]
        if not named:
            return [parliament]
        chambers = []
        for name in named:
            slug = f"{parliament.slug.removesuffix('-parliament')}-{slugify(name)}"[:120]
            chambers.append(
                self._once(
                    "chamber",
                    slug,
                    lambda name=name, slug=slug: models.Organization(
                        slug=slug,
                        classification=Kind.CHAMBER,
                        parent=parliament,
                        country=delegation.country,
                        **({"name_en": name} if name.isascii() else {"name_ru": name}),
                    ),
                    lambda record, name=name: f"chamber “{name}” of {delegation.country.iso3}",
                    fact,
                )
            )
        return chambers
