"""Test data the tests build themselves: a tiny synthetic assembly, and a snapshot of what the registry holds.

The assembly is made up (states XAA and XBB, ISO's user-assigned codes), so tests of selectors and the API assert
what they built, and a correction to the built-in CSTO PA dataset cannot break them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interparl.changes.models import Proposal
from interparl.registry import models
from interparl.registry.roles import Role
from interparl.registry.translation import HISTORY_MODELS

Kind = models.Organization.Classification


def snapshot() -> dict:
    """Row counts of every registry table and of its change history, and the proposals: 'nothing was written'
    is ``snapshot()`` before == after."""
    counts = {"proposals": Proposal.objects.count()}
    for model in HISTORY_MODELS:
        counts[model.__name__] = model.objects.count()
        counts[f"history-{model.__name__}"] = model.history.count()
    return counts


@dataclass
class TinyAssembly:
    """What ``tiny_assembly`` built, by role in the story."""

    assembly: models.Organization
    organization: models.Organization  # the intergovernmental organisation the assembly belongs to
    source: models.Source
    other_source: models.Source
    delegation_a: models.Organization  # XAA: a bicameral parliament, 3 + 2 seats
    delegation_b: models.Organization  # XBB: a unicameral parliament, 4 seats; participation frozen since 2024
    lower: models.Organization
    upper: models.Organization
    unicameral: models.Organization
    chair: models.Person  # chair of the assembly since 2020, sits for XAA's lower house
    plenipotentiary: models.Person
    members: list[models.Person]  # every seat holder, the chair included
    late_member: models.Person  # joined XBB's delegation on 2026-03-01
    event: models.Event
    news: models.NewsItem


def _org(slug, kind, name_en, name_ru, **extra) -> models.Organization:
    return models.Organization.objects.create(slug=slug, classification=kind, name_en=name_en, name_ru=name_ru, **extra)


def _person(slug, name_en, name_ru, given, family) -> models.Person:
    return models.Person.objects.create(
        slug=slug, name_en=name_en, name_ru=name_ru, given_name_en=given, family_name_en=family
    )


def tiny_assembly() -> TinyAssembly:
    """A made-up assembly of two states: quotas per chamber (one disputed by a second source), seven members,
    a chair, a plenipotentiary, a frozen participation, a chairmanship, an event and a news item."""
    source = models.Source.objects.create(
        slug="tpa-site", url="https://tpa.example/delegations", document_en="Delegations", accessed=dt.date(2020, 1, 1)
    )
    other = models.Source.objects.create(
        slug="tpa-site-ru", document_en="Делегации (print)", accessed=dt.date(2020, 1, 1)
    )
    xaa = models.Country.objects.create(iso3="XAA", iso2="XA", name_en="Aland Test", name_ru="Аланд-Тест")
    xbb = models.Country.objects.create(iso3="XBB", iso2="XB", name_en="Borduria Test", name_ru="Бордурия-Тест")
    organization = _org("tpo", Kind.IGO, "Test Pact Organization", "Организация Тестового Пакта", abbreviation_en="TPO")
    assembly = _org(
        "tpa", Kind.ASSEMBLY, "Test Parliamentary Assembly", "Тестовая Парламентская Ассамблея", parent=organization
    )
    assembly.start_date = dt.date(2001, 5, 1)
    assembly.save()
    parliament_a = _org("xaa-parliament", Kind.PARLIAMENT, "Aland Parliament", "Парламент Аланда", country=xaa)
    lower = _org(
        "xaa-lower", Kind.CHAMBER, "Aland Lower House", "Нижняя палата Аланда", country=xaa, parent=parliament_a
    )
    upper = _org("xaa-upper", Kind.CHAMBER, "Aland Senate", "Сенат Аланда", country=xaa, parent=parliament_a)
    lower.chamber_kind, upper.chamber_kind = "lower", "upper"
    lower.save(), upper.save()
    unicameral = _org(
        "xbb-assembly",
        Kind.PARLIAMENT,
        "Bordurian Assembly",
        "Бордурское собрание",
        country=xbb,
        chamber_kind="unicameral",
    )
    delegation_a = _org(
        "tpa-xaa",
        Kind.DELEGATION,
        "Aland delegation",
        "Делегация Аланда",
        parent=assembly,
        country=xaa,
        sent_by=parliament_a,
    )
    delegation_b = _org(
        "tpa-xbb",
        Kind.DELEGATION,
        "Bordurian delegation",
        "Делегация Бордурии",
        parent=assembly,
        country=xbb,
        sent_by=unicameral,
    )
    for slug, delegation, chamber, seats, src, in_force in (
        ("tpa-xaa-lower", delegation_a, lower, 3, source, True),
        ("tpa-xaa-upper", delegation_a, upper, 2, source, True),
        ("tpa-xaa-lower-ru", delegation_a, lower, 4, other, False),
        ("tpa-xbb", delegation_b, unicameral, 4, source, True),
    ):
        models.SeatQuota.objects.create(
            slug=slug, delegation=delegation, chamber=chamber, seats=seats, source=src, in_force=in_force
        )
    models.Participation.objects.create(
        slug="tpa-xaa-member", organization=assembly, country=xaa, status="member", start_date=dt.date(2001, 5, 1)
    )
    models.Participation.objects.create(
        slug="tpa-xbb-member",
        organization=assembly,
        country=xbb,
        status="member",
        start_date=dt.date(2001, 5, 1),
        end_date=dt.date(2024, 1, 31),
    )
    models.Participation.objects.create(
        slug="tpa-xbb-frozen",
        organization=assembly,
        country=xbb,
        status="participation_frozen",
        start_date=dt.date(2024, 2, 1),
    )

    def seat(person, delegation, chamber, start=None, role=Role.MEMBER):
        models.Membership.objects.create(
            slug=f"{person.slug}-{delegation.slug}",
            person=person,
            organization=delegation,
            on_behalf_of=chamber,
            role=role,
            source=source,
            start_date=start,
        )

    chair = _person("anna-alandova", "Anna Alandova", "Анна Аландова", "Anna", "Alandova")
    members = [chair]
    for i, (chamber, delegation) in enumerate(
        [(lower, delegation_a), (upper, delegation_a), (unicameral, delegation_b), (unicameral, delegation_b)]
    ):
        person = _person(f"member-{i}", f"Member {i} Test", f"Член {i} Тест", "Member", f"Test{i}")
        seat(person, delegation, chamber)
        members.append(person)
    seat(chair, delegation_a, lower, role=Role.HEAD_OF_DELEGATION)
    late = _person("boris-late", "Boris Late", "Борис Поздний", "Boris", "Late")
    seat(late, delegation_b, unicameral, start=dt.date(2026, 3, 1))
    members.append(late)
    chair_post = models.Post.objects.create(
        slug="tpa-chair",
        label_en="Chair of the TPA",
        label_ru="Председатель ТПА",
        role=Role.CHAIR,
        organization=assembly,
    )
    models.Membership.objects.create(
        slug="anna-alandova-tpa-chair",
        person=chair,
        organization=assembly,
        post=chair_post,
        role=Role.CHAIR,
        start_date=dt.date(2020, 1, 1),
        source=source,
    )
    plenipotentiary = _person("pavel-plenum", "Pavel Plenum", "Павел Пленум", "Pavel", "Plenum")
    plenipotentiary_post = models.Post.objects.create(
        slug="tpa-xaa-plenipotentiary",
        label_en="Plenipotentiary of Aland",
        label_ru="Полномочный представитель Аланда",
        role=Role.PLENIPOTENTIARY,
        organization=delegation_a,
    )
    models.Membership.objects.create(
        slug="pavel-plenum-tpa-xaa",
        person=plenipotentiary,
        organization=delegation_a,
        post=plenipotentiary_post,
        role=Role.PLENIPOTENTIARY,
        start_date=dt.date(2019, 6, 1),
        source=source,
    )
    models.Chairmanship.objects.create(
        slug="tpo-xaa-2026",
        organization=organization,
        country=xaa,
        start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2026, 12, 31),
    )
    event = models.Event.objects.create(
        slug="tpa-plenary-2026",
        kind="plenary_session",
        title_en="Plenary session of the TPA",
        title_ru="Пленарное заседание ТПА",
        place_en="Aland City",
        start_date=dt.date(2026, 11, 20),
        organizer=assembly,
        country=xaa,
        source=source,
    )
    news = models.NewsItem.objects.create(
        slug="tpa-chair-elected",
        date=dt.date(2020, 1, 1),
        title_en="Anna Alandova elected chair of the TPA",
        title_ru="Анна Аландова избрана председателем ТПА",
        body_en="The assembly elected its chair.",
        source=source,
    )
    news.people.add(chair)
    news.organizations.add(assembly)
    news.countries.add(xaa)
    return TinyAssembly(
        assembly=assembly,
        organization=organization,
        source=source,
        other_source=other,
        delegation_a=delegation_a,
        delegation_b=delegation_b,
        lower=lower,
        upper=upper,
        unicameral=unicameral,
        chair=chair,
        plenipotentiary=plenipotentiary,
        members=members,
        late_member=late,
        event=event,
        news=news,
    )
