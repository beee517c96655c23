"""Compare extracted facts with the registry and plan the change: what to add, change, end, or flag.

Nothing is written here. Each planned ``Change`` holds what it would write as data (``operations``: create a
record with these values, or change these fields from what the plan saw), so a proposal can be stored, reviewed
and approved later exactly as it was shown. Disagreements with a recorded quota are conflicts: the new version
is recorded beside the one in force, never over it.
"""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify

from interparl.changes.operations import create, update
from interparl.registry import models, roles
from interparl.registry.partial_dates import PartialDate

from . import matching
from .newcomers import Newcomers
from .plans import ADD, CHANGE, CONFLICT, END, SKIPPED, UNCHANGED, Plan
from .reading import facts

Kind = models.Organization.Classification


def _slug(*parts) -> str:
    return slugify("-".join(str(p) for p in parts if p))[:150] or "x"


class Planner:
    def __init__(self, assembly: models.Organization, as_of: dt.date, source_slug: str, text: str, language: str):
        self.assembly = assembly
        self.as_of = as_of
        self.source_slug = source_slug
        self.text = text
        self.language = language
        self.plan = Plan(assembly.slug, as_of, source_slug, language)
        self.dateline: str | None = None  # the text's own date, for facts it does not date
        self.newcomers = Newcomers(self.plan, text)
        self.planned_people: dict[str, str] = {}  # name → slug of a person this plan creates
        self.planned_posts: dict[tuple[str, str], models.Post] = {}  # posts this plan creates

    # -- quotas ------------------------------------------------------------------------------------
    def _assembly_of(self, fact: facts.Delegation | facts.PersonFact) -> models.Organization:
        """The assembly a composition is about: the one the text names, if not the one being ingested into."""
        code = fact.assembly_code
        if not code or code.lower() in (self.assembly.slug, (self.assembly.abbreviation_en or "").lower()):
            return self.assembly
        return self.newcomers.assembly(code, fact)

    def delegation(self, fact: facts.Delegation) -> None:
        assembly = self._assembly_of(fact)
        delegation = matching.delegation_of(assembly, fact.country) if assembly.pk else None
        where = fact.parliament or fact.country or "?"
        if delegation is None and assembly is not self.assembly and fact.country:
            # A page about an assembly the registry does not hold (or holds without this state): propose it.
            country = self.newcomers.country(fact.country, fact)
            if country is not None:
                delegation = self.newcomers.delegation(assembly, country, fact)
        if delegation is None:
            self.plan.add(SKIPPED, "quota", f"no delegation of {where} in {assembly.slug}", fact, self.text)
            return
        if delegation.pk:
            chambers = matching.chambers_of(delegation)
        else:
            chambers = self.newcomers.chambers(delegation, [seat.chamber for seat in fact.seats], fact)
        named = {id(seat): matching.best_organization(seat.chamber, chambers) for seat in fact.seats}
        counts: dict[str, dict] = {}
        for seat in fact.seats:
            chamber = named[id(seat)]
            if chamber is None and seat.chamber is None:
                # Unnamed seats belong to the one chamber the sentence does not name (or a unicameral parliament).
                rest = [c for c in chambers if c not in named.values()]
                chamber = rest[0] if len(rest) == 1 else None
            if chamber is None:
                self.plan.add(
                    SKIPPED,
                    "quota",
                    f"{delegation.slug}: cannot tell which chamber “{seat.chamber}” is",
                    fact,
                    self.text,
                )
                continue
            entry = counts.setdefault(chamber.slug, {"chamber": chamber, "seats": 0, "substitute_seats": 0})
            entry["substitute_seats" if seat.kind == "substitute" else "seats"] += seat.count
        for entry in counts.values():
            self.quota(delegation, entry["chamber"], entry["seats"], entry["substitute_seats"], fact)

    def quota(self, delegation, chamber, seats: int, substitutes: int, fact: facts.Delegation) -> None:
        state = delegation.country.iso3 if delegation.country_id else delegation.slug
        label = f"{state} {chamber.name_en or chamber.name_ru}"
        versions = (
            models.SeatQuota.objects.current(at=self.as_of).filter(delegation=delegation, chamber=chamber)
            if delegation.pk and chamber.pk
            else []
        )
        in_force = next((q for q in versions if q.in_force), None)
        own = next((q for q in versions if q.source and q.source.slug == self.source_slug), None)
        wanted = (seats, substitutes)
        shown = f"{seats}" + (f" + {substitutes} substitutes" if substitutes else "")
        if own is not None:
            if (own.seats, own.substitute_seats) == wanted:
                self.plan.add(
                    UNCHANGED, "quota", f"{label}: {shown} (already recorded from this source)", fact, self.text
                )
            else:

                def recount(quota):
                    quota.seats, quota.substitute_seats = wanted

                self.plan.add(
                    CHANGE,
                    "quota",
                    f"{label}: {own.seats} → {shown} (this source's version)",
                    fact,
                    self.text,
                    update(own, recount),
                )
            return
        new_version = models.SeatQuota(
            slug=_slug(delegation.slug, chamber.slug, self.source_slug),
            delegation=delegation,
            chamber=chamber,
            seats=seats,
            substitute_seats=substitutes,
            in_force=in_force is None,
        )
        if in_force is None:
            action, summary = ADD, f"{label}: {shown} seats (no quota recorded)"
        elif (in_force.seats, in_force.substitute_seats) == wanted:
            action, summary = ADD, f"{label}: {shown} confirmed by this source (kept as a recorded version)"
        else:
            recorded = f"{in_force.seats}" + (f" + {in_force.substitute_seats}" if in_force.substitute_seats else "")
            action = CONFLICT
            summary = (
                f"{label}: the text says {shown}, the registry has {recorded} "
                f"({in_force.source.slug if in_force.source else 'no source'}); recorded as an alternative"
            )
        self.plan.add(action, "quota", summary, fact, self.text, create(new_version))

    # -- people and posts --------------------------------------------------------------------------
    def person(self, fact: facts.PersonFact) -> None:
        try:
            person = matching.find_person(fact.name)
        except matching.AmbiguousName as exc:
            self.plan.add(SKIPPED, "person", f"{exc}; not added, to avoid a duplicate", fact, self.text)
            return
        slug = person.slug if person else self.planned_people.get(fact.name)
        placeable = [role for role in fact.roles if self._target(fact, role)[0] is not None]
        if person is None and slug is None and placeable:
            fields = matching.new_person_fields(fact.name)
            slug = _slug(fields.get("name_en") or fact.name)
            while models.Person.objects.filter(slug=slug).exists():
                slug += "-2"
            self.planned_people[fact.name] = slug
            new_person = create(models.Person(slug=slug, **fields))
            self.plan.add(ADD, "person", f"{fact.name} (new person “{slug}”)", fact, self.text, new_person)
        for role in fact.roles:
            self.post(fact, role, slug, person)

    def _target(self, fact, role) -> tuple[models.Organization | None, str]:
        body = roles.meaning(role).body
        assembly = self._assembly_of(fact)
        if body == roles.DELEGATION:
            delegation = matching.delegation_of(assembly, fact.country) if assembly.pk else None
            if delegation is None and assembly is not self.assembly and fact.country:
                country = self.newcomers.country(fact.country, fact)
                delegation = self.newcomers.delegation(assembly, country, fact) if country else None
            return delegation, f"no delegation of {fact.country or 'an unknown state'} in {assembly.slug}"
        if body == roles.SECRETARIAT and assembly.pk:
            secretariat = assembly.children.filter(
                classification=models.Organization.Classification.SECRETARIAT
            ).first()
            return secretariat or assembly, ""
        return assembly, ""

    def post(self, fact: facts.PersonFact, role: str, person_slug: str, person: models.Person | None) -> None:
        organization, why = self._target(fact, role)
        # From the date the text gives (elected, appointed, joined), else the text's own date, else the date asked.
        start = PartialDate.parse(fact.start or self.dateline or self.as_of)
        name = fact.name
        if organization is None:
            self.plan.add(SKIPPED, "post", f"{name}: {role} — {why}", fact, self.text)
            return
        stored = organization.pk is not None  # else an organisation this plan proposes
        current = (
            models.Membership.objects.current(at=start.earliest()).filter(organization=organization, role=role)
            if stored
            else models.Membership.objects.none()
        )
        if role == roles.Role.MEMBER:
            post = None
        else:
            post = (
                models.Post.objects.filter(organization=organization, role=role).first() if stored else None
            ) or self.planned_posts.get((organization.slug, role))
            if post is None:
                meaning = roles.meaning(role)
                post = models.Post(
                    slug=_slug(organization.slug, role),
                    organization=organization,
                    role=role,
                    label_en=f"{meaning.title_en} — {organization.name_en or organization.name_ru}",
                    label_ru=f"{meaning.title_ru} — {organization.name_ru or organization.name_en}",
                    max_holders=1 if meaning.single_holder else None,
                )
                self.planned_posts[(organization.slug, role)] = post
                self.plan.add(ADD, "post", f"post “{post.label_en}”", fact, self.text, create(post))
            elif post.pk:
                current = current.filter(post=post)
        undated = (
            models.Membership.objects.filter(
                organization=organization, role=role, person=person, start_date__isnull=True, end_date__isnull=True
            ).first()
            if stored and person is not None
            else None
        )
        if undated is not None:  # the registry has this holder without dates: the text may date the start
            if fact.start is None:
                self.plan.add(UNCHANGED, "post", f"{name}: {role} of {organization.slug}", fact, self.text)
                return

            def date(membership):
                membership.start = start

            self.plan.add(
                CHANGE,
                "post",
                f"{name}: {role} of {organization.slug} since {start}",
                fact,
                self.text,
                update(undated, date),
            )
            return
        holders = list(current.select_related("person"))
        if person is not None and any(m.person_id == person.pk for m in holders):
            self.plan.add(UNCHANGED, "post", f"{name}: {role} of {organization.slug}", fact, self.text)
            return
        single = post is not None and (post.max_holders or 0) == 1
        if single:
            for holder in holders:

                def end(membership):
                    membership.end = PartialDate.parse(start.earliest() - dt.timedelta(days=1))
                    for language, words in (("en", "Succeeded per"), ("ru", "Сменён по источнику")):
                        note = getattr(membership, f"note_{language}") or ""
                        setattr(
                            membership,
                            f"note_{language}",
                            (note + " " if note else "") + f"{words} {self.source_slug}.",
                        )

                self.plan.add(
                    END,
                    "post",
                    f"{holder.person.name}: {role} of {organization.slug} ends "
                    f"{start.earliest() - dt.timedelta(days=1)} (succeeded by {name})",
                    fact,
                    self.text,
                    update(holder, end),
                )
        # The person and the post may be made by this same plan: the membership refers to them by public id.
        membership = models.Membership(
            slug=_slug(person_slug, organization.slug, post.slug if post else role, start),
            person=person or models.Person(slug=person_slug),
            organization=organization,
            post=post,
            role=role,
        )
        if fact.start is None:
            membership.note_en = f"Holder on {start} per the source; the start date is not stated."
            membership.note_ru = f"Занимает пост на {start} по источнику; дата начала не указана."
        membership.start = start
        self.plan.add(
            ADD,
            "post",
            f"{name}: {role} of {organization.slug} from {start}",
            fact,
            self.text,
            create(membership),
        )

    # -- websites ----------------------------------------------------------------------------------
    def website(self, fact: facts.Website) -> None:
        candidates = []
        delegation = matching.delegation_of(self.assembly, fact.country)
        if delegation and delegation.sent_by:
            candidates = [delegation.sent_by, *matching.chambers_of(delegation)]
        elif fact.country:
            candidates = list(models.Organization.objects.filter(country__iso3=fact.country))
        owner = matching.best_organization(fact.owner, candidates)
        if owner is None:
            self.plan.add(SKIPPED, "website", f"{fact.url}: cannot tell whose site “{fact.owner}” is", fact, self.text)
            return
        if models.Link.objects.filter(organization=owner, url=fact.url).exists():
            self.plan.add(UNCHANGED, "website", f"{owner.slug}: {fact.url}", fact, self.text)
            return
        link = models.Link(
            key=f"organization:{owner.slug}:{fact.url}"[:300],
            url=fact.url,
            note_en="official website",
            note_ru="официальный сайт",
            organization=owner,
        )
        self.plan.add(ADD, "website", f"{owner.slug}: {fact.url}", fact, self.text, create(link))

    # -- chairmanships -----------------------------------------------------------------------------
    def chairmanship(self, fact: facts.Chairmanship) -> None:
        organization = fact.organization and (
            models.Organization.objects.filter(abbreviation_en__iexact=fact.organization).first()
            or models.Organization.objects.filter(slug=fact.organization.lower()).first()
        )
        country = models.Country.objects.filter(iso3=fact.country).first()
        if organization is None or country is None:
            self.plan.add(
                SKIPPED,
                "chairmanship",
                f"{fact.organization or 'an organisation the text does not name'}: unknown organisation or state",
                fact,
                self.text,
            )
            return
        start = PartialDate.parse(fact.start) if fact.start else None
        day = start.earliest() if start else self.as_of
        terms = models.Chairmanship.objects.filter(organization=organization)
        current = terms.current(at=day).filter(country=country).first()
        if current is not None:
            self.plan.add(
                UNCHANGED, "chairmanship", f"{organization.slug}: {country.iso3} from {current.start}", fact, self.text
            )
            return
        if start is None:
            self.plan.add(
                SKIPPED,
                "chairmanship",
                f"{organization.slug}: {country.iso3} takes over, but the text gives no date",
                fact,
                self.text,
            )
            return
        day_before = start.earliest() - dt.timedelta(days=1)
        for previous in terms.filter(end_date__isnull=True, start_date__lt=start.earliest()):

            def end(term):
                term.end = PartialDate.parse(day_before)

            self.plan.add(
                END,
                "chairmanship",
                f"{organization.slug}: {previous.country.iso3} term ends {day_before}",
                fact,
                self.text,
                update(previous, end),
            )
        term = models.Chairmanship(
            slug=_slug(organization.slug, country.iso3, start),
            organization=organization,
            country=country,
            basis="rotation",
            confirmed=not fact.announced,  # an announced hand-over stays unconfirmed until it has happened
        )
        term.start = start
        shown = f"{organization.slug}: {country.iso3} from {start}" + (" (announced)" if fact.announced else "")
        self.plan.add(ADD, "chairmanship", shown, fact, self.text, create(term))

    # -- events ------------------------------------------------------------------------------------
    def event(self, fact: facts.Event) -> None:
        start = PartialDate.parse(fact.date)
        same_day = models.Event.objects.filter(start_date=start.earliest())
        for existing in same_day:
            titles = [existing.title_en, existing.title_ru]
            if any(t and (matching.same_name(t, fact.title) or _kind(fact.title) == existing.kind) for t in titles):
                self.plan.add(UNCHANGED, "event", f"{start}: {existing.title} ({existing.slug})", fact, self.text)
                return
        field = "title_ru" if self.language == "ru" else "title_en"
        place_field = "place_ru" if self.language == "ru" else "place_en"
        sentence = self.text[fact.span[0] : fact.span[1]]
        kind = _kind(fact.title)
        kind = kind if kind != "other" else _kind(sentence)  # "the PA Council held a field session"
        event = models.Event(
            slug=_slug(start, fact.title)[:150],
            kind=kind,
            **{field: fact.title, place_field: fact.place or ""},
        )
        event.start = start
        if fact.end_date:
            event.end = PartialDate.parse(fact.end_date)
        summary = f"{start}: {fact.title}" + (f", {fact.place}" if fact.place else "")
        self.plan.add(ADD, "event", summary, fact, self.text, create(event))


def _kind(title: str) -> str:
    lowered = title.lower()
    for words, kind in (
        (("plenary", "пленарн"), "plenary_session"),
        (("council", "совет", "совета"), "council_meeting"),
        (("summit", "саммит"), "summit"),
        (("forum", "форум"), "forum"),
        (("anniversary", "летие", "годовщин", "юбиле"), "anniversary"),
    ):
        if any(w in lowered for w in words):
            return kind if not (kind == "council_meeting" and "security" in lowered) else "summit"
    return "other"


def build_plan(
    extraction: facts.Extraction, text: str, assembly: models.Organization, as_of: dt.date, source_slug: str
) -> Plan:
    planner = Planner(assembly, as_of, source_slug, text, extraction.language)
    planner.dateline = extraction.dateline
    for fact in extraction.delegations:
        planner.delegation(fact)
    for fact in extraction.people:
        planner.person(fact)
    for fact in extraction.websites:
        planner.website(fact)
    for fact in extraction.chairmanships:
        planner.chairmanship(fact)
    for fact in extraction.events:
        planner.event(fact)
    return planner.plan
