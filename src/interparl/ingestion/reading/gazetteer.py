"""Names the reader recognises: states, national parliaments and chambers, inter-parliamentary assemblies,
international organisations and the organs of either, in English and Russian, in any grammatical case.

General knowledge (the tables below, and ISO 3166 names through ``countries.state_names``) is joined by what the
registry holds: its countries, its national organisations and its assemblies. Each name is matched by the keys
of its words (lemmas for Russian), longest name first, so «Палаты представителей» and "House of Representatives"
are the same chamber and "National Assembly of the Supreme Assembly" is not read as two.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .states import state_names
from .tokens import Token, keys_of

STATE, BODY, ASSEMBLY, ORGANIZATION, ORGAN = "state", "body", "assembly", "organization", "organ"


# The organisation an assembly belongs to: a text about the CSTO PA means the CSTO by "the Organisation".
ORGANIZATION_OF = {
    "CSTO PA": "CSTO",
    "PACE": "CoE",
    "OSCE PA": "OSCE",
    "NATO PA": "NATO",
    "IPA CIS": "CIS",
    "PA UBR": "Union State",
}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    code: str | None = None  # ISO alpha-3 for a state, the usual abbreviation for an assembly or organisation
    country: str | None = None  # the state a national body belongs to, when its name alone says it
    en: str | None = None
    ru: str | None = None

    def name(self, language: str) -> str | None:
        return (self.ru or self.en) if language == "ru" else (self.en or self.ru)


# National parliaments and chambers: (English, Russian, state when the name alone says it).
BODIES = [
    ("Parliament", "Парламент", None),
    ("House of Representatives", "Палата представителей", None),
    ("Senate", "Сенат", None),
    ("Senate of the Republic", "Сенат Республики", "ITA"),
    ("National Assembly", "Национальное собрание", None),
    ("National Council", "Национальный совет", None),
    ("Federal Assembly", "Федеральное собрание", None),
    ("Federal Council", "Федеральный совет", None),
    ("Supreme Council", "Верховный совет", None),
    ("Supreme Assembly", "Высшее собрание", None),
    ("Legislative Assembly", "Законодательное собрание", None),
    ("Legislative Chamber", "Законодательная палата", None),
    ("Chamber of Deputies", "Палата депутатов", None),
    ("Assembly of Representatives", "Собрание представителей", None),
    ("House", "Палата", None),
    ("Chamber", None, None),
    ("State Duma", "Государственная Дума", "RUS"),
    ("Duma", "Госдума", "RUS"),
    ("Federation Council", "Совет Федерации", "RUS"),
    ("Council of the Federation", None, "RUS"),
    ("Council of the Republic", "Совет Республики", "BLR"),
    ("Mazhilis", "Мажилис", "KAZ"),
    ("Majilis", None, "KAZ"),
    ("Jogorku Kenesh", "Жогорку Кенеш", "KGZ"),
    ("Majlisi Oli", "Маджлиси Оли", "TJK"),
    ("Majlisi milli", "Маджлиси милли", "TJK"),
    ("Majlisi namoyandagon", "Маджлиси намояндагон", "TJK"),
    ("Milli Majlis", "Милли Меджлис", "AZE"),
    ("Oliy Majlis", "Олий Мажлис", "UZB"),
    ("Mejlis", "Меджлис", "TKM"),
    ("Verkhovna Rada", "Верховная Рада", "UKR"),
    ("Bundestag", "Бундестаг", "DEU"),
    ("Bundesrat", "Бундесрат", "DEU"),
    ("House of Commons", "Палата общин", "GBR"),
    ("House of Lords", "Палата лордов", "GBR"),
    ("Sejm", "Сейм", "POL"),
    ("Storting", "Стортинг", "NOR"),
    ("Riksdag", "Риксдаг", "SWE"),
    ("Eduskunta", "Эдускунта", "FIN"),
    ("Folketing", "Фолькетинг", "DNK"),
    ("Althing", "Альтинг", "ISL"),
    ("Knesset", "Кнессет", "ISR"),
    ("Seimas", "Сейм Литвы", "LTU"),
    ("Saeima", "Сейм Латвии", "LVA"),
    ("Riigikogu", "Рийгикогу", "EST"),
    ("Oireachtas", None, "IRL"),
    ("Cortes Generales", "Генеральные кортесы", "ESP"),
    ("Congress of Deputies", "Конгресс депутатов", "ESP"),
    ("Grand National Assembly", "Великое национальное собрание", "TUR"),
    ("Tweede Kamer", None, "NLD"),
    ("Eerste Kamer", None, "NLD"),
    ("Assemblée nationale", None, "FRA"),
    ("Parliament of Georgia", "Парламент Грузии", "GEO"),
]
# Names of the same bodies that are not their usual name.
BODY_VARIANTS = {
    "Госдума": "State Duma",
    "Маджлиси намоёндагон": "Majlisi namoyandagon",
    "Majlisi Namoyandagon": "Majlisi namoyandagon",
    "Мажлис": "Mazhilis",
    "Дума": "State Duma",
}

ASSEMBLIES = [
    (
        "CSTO PA",
        [
            "CSTO Parliamentary Assembly",
            "Parliamentary Assembly of the CSTO",
            "CSTO PA",
            "PA CSTO",
            "Parliamentary Assembly of the Collective Security Treaty Organization",
            "Parliamentary Assembly of the Collective Security Treaty Organisation",
        ],
        [
            "ПА ОДКБ",
            "Парламентская Ассамблея ОДКБ",
            "Парламентская Ассамблея Организации Договора о коллективной безопасности",
        ],
    ),
    (
        "PACE",
        [
            "PACE",
            "Parliamentary Assembly of the Council of Europe",
            "Consultative Assembly of the Council of Europe",
            "Council of Europe Parliamentary Assembly",
        ],
        ["ПАСЕ", "Парламентская ассамблея Совета Европы"],
    ),
    (
        "OSCE PA",
        ["OSCE PA", "OSCE Parliamentary Assembly", "Parliamentary Assembly of the OSCE"],
        ["ПА ОБСЕ", "Парламентская ассамблея ОБСЕ"],
    ),
    ("NATO PA", ["NATO PA", "NATO Parliamentary Assembly"], ["ПА НАТО", "Парламентская ассамблея НАТО"]),
    (
        "PABSEC",
        ["PABSEC", "Parliamentary Assembly of the Black Sea Economic Cooperation"],
        ["ПАЧЭС", "Парламентская ассамблея Черноморского экономического сотрудничества"],
    ),
    ("APA", ["Asian Parliamentary Assembly"], ["Азиатская парламентская ассамблея", "АПА"]),
    ("Euronest", ["Euronest", "Euronest Parliamentary Assembly"], ["Евронест"]),
    (
        "IPA CIS",
        [
            "IPA CIS",
            "CIS Inter-Parliamentary Assembly",
            "CIS Interparliamentary Assembly",
            "Inter-Parliamentary Assembly of the CIS",
            "Interparliamentary Assembly of the CIS",
            "Inter-Parliamentary Assembly of the Commonwealth of Independent States",
            "Interparliamentary Assembly of Member Nations of the Commonwealth of Independent States",
        ],
        [
            "МПА СНГ",
            "Межпарламентская Ассамблея СНГ",
            "Межпарламентская Ассамблея государств — участников СНГ",
            "Межпарламентская Ассамблея государств-участников СНГ",
            "Межпарламентская Ассамблея государств — участников Содружества Независимых Государств",
        ],
    ),
    (
        "PA UBR",
        ["Parliamentary Assembly of the Union of Belarus and Russia", "Parliamentary Assembly of the Union State"],
        ["Парламентское Собрание Союза Беларуси и России", "Парламентское Собрание Союзного государства"],
    ),
    ("IPU", ["Inter-Parliamentary Union", "IPU"], ["Межпарламентский союз", "МПС"]),
    # Said of whichever assembly the text is about.
    (
        None,
        ["Parliamentary Assembly", "Assembly", "PA", "Inter-Parliamentary Assembly"],
        [
            "Парламентская Ассамблея",
            "Ассамблея",
            "ПА",
            "Межпарламентская Ассамблея",
            "Парламентское Собрание",
            "Собрание",
        ],
    ),
]

ORGANIZATIONS = [
    (
        "CSTO",
        ["CSTO", "Collective Security Treaty Organization", "Collective Security Treaty Organisation"],
        ["ОДКБ", "Организация Договора о коллективной безопасности"],
    ),
    (
        "CIS",
        ["CIS", "Commonwealth of Independent States", "Commonwealth"],
        ["СНГ", "Содружество Независимых Государств", "Содружество"],
    ),
    ("OSCE", ["OSCE", "Organization for Security and Co-operation in Europe"], ["ОБСЕ"]),
    ("NATO", ["NATO"], ["НАТО"]),
    ("CoE", ["Council of Europe"], ["Совет Европы"]),
    ("EAEU", ["EAEU", "Eurasian Economic Union"], ["ЕАЭС", "Евразийский экономический союз"]),
    ("SCO", ["SCO", "Shanghai Cooperation Organisation"], ["ШОС"]),
    ("Union State", ["Union State"], ["Союзное государство"]),
    (None, ["Organization", "Organisation"], ["Организация"]),
]

# Organs of an assembly or an organisation: what a chair presides over besides the assembly itself.
ORGANS = [
    ("Council", "Совет"),
    ("Bureau", "Бюро"),
    ("Standing Commission", "Постоянная комиссия"),
    ("Permanent Commission", None),
    ("Commission", "Комиссия"),
    ("Standing Committee", "Постоянный комитет"),
    ("General Committee", None),
    ("Committee", "Комитет"),
    ("Secretariat", "Секретариат"),
    ("Collective Security Council", "Совет коллективной безопасности", "CSTO"),
    ("Council of Heads of State", "Совет глав государств", "CIS"),
]


class Gazetteer:
    """Longest-match lookup of names over a sentence's words."""

    def __init__(self, registry: list[Entry | tuple[str, Entry]] | None = None):
        self.names: dict[tuple[str, ...], Entry] = {}
        for iso3, names in state_names().items():
            for name in names:
                self._add(name, Entry(STATE, iso3, iso3))
        for en, ru, country in BODIES:
            entry = Entry(BODY, None, country, en, ru)
            for name in (en, ru):
                if name:
                    self._add(name, entry)
        by_english = {en: (en, ru, country) for en, ru, country in BODIES}
        for variant, english in BODY_VARIANTS.items():
            en, ru, country = by_english[english]
            self._add(variant, Entry(BODY, None, country, en, ru))
        for code, english, russian in ASSEMBLIES:
            entry = Entry(ASSEMBLY, code, None, english[0], russian[0] if code else None)
            for name in (*english, *russian):
                self._add(
                    name,
                    entry
                    if code
                    else Entry(
                        ASSEMBLY, None, None, name if name in english else None, name if name in russian else None
                    ),
                )
        for code, english, russian in ORGANIZATIONS:
            entry = Entry(ORGANIZATION, code, None, english[0], russian[0])
            for name in (*english, *russian):
                self._add(name, entry)
        for en, ru, *organization in ORGANS:
            # An organ of an organisation (the CSTO's Collective Security Council) carries its code: its chair is
            # no assembly's officer.
            entry = Entry(ORGAN, organization[0] if organization else None, None, en, ru)
            for name in (en, ru):
                if name:
                    self._add(name, entry)
        for name, entry in registry or []:
            self._add(name, entry, replace=False)
        # The lengths of the names that begin with each word, longest first: most words begin none.
        lengths: dict[str, set[int]] = {}
        for keys in self.names:
            lengths.setdefault(keys[0], set()).add(len(keys))
        self.lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}
        # The second words of the longer names, by first word: "the" begins names, but "the weather" none.
        self.seconds: dict[str, set[str]] = {}
        for keys in self.names:
            if len(keys) > 1:
                self.seconds.setdefault(keys[0], set()).add(keys[1])

    def _add(self, name: str, entry: Entry, replace: bool = True) -> None:
        keys = keys_of(name)
        if keys and (replace or keys not in self.names):
            self.names[keys] = entry

    def find(self, tokens: list[Token]) -> list[tuple[int, int, Entry]]:
        """(first token, token after the last, entry) for every name in the words, longest first, left to right."""
        found = []
        i, count = 0, len(tokens)
        while i < count:
            first = tokens[i].key
            sizes = self.lengths.get(first)
            if sizes is None:
                i += 1
                continue
            longer = i + 1 < count and tokens[i + 1].key in self.seconds.get(first, ())
            for size in sizes:
                if i + size > count or (size > 1 and not longer):
                    continue
                entry = self.names.get(tuple(t.key for t in tokens[i : i + size]))
                if entry is not None and _plausible(tokens[i : i + size], entry):
                    found.append((i, i + size, entry))
                    i += size
                    break
            else:
                i += 1
        return found

    @classmethod
    @functools.cache
    def general(cls) -> Gazetteer:
        """General knowledge only (built once: ~2,000 names)."""
        return cls()

    @classmethod
    def from_registry(cls) -> Gazetteer:
        """General knowledge plus the registry's countries, national organisations and assemblies."""
        from interparl.registry import models

        Kind = models.Organization.Classification
        extra: list[tuple[str, Entry]] = []
        for country in models.Country.objects.all():
            for name in (
                country.name_en,
                country.name_ru,
                country.official_name_en,
                country.official_name_ru,
                *(n.get("name", "") for n in country.other_names or []),
            ):
                if name:
                    extra.append((name, Entry(STATE, country.iso3, country.iso3)))
        for org in models.Organization.objects.filter(
            classification__in=[Kind.PARLIAMENT, Kind.CHAMBER, Kind.ASSEMBLY]
        ).select_related("country"):
            iso3 = org.country.iso3 if org.country_id else None
            if org.classification == Kind.ASSEMBLY:
                entry = Entry(ASSEMBLY, org.slug, None, org.name_en, org.name_ru)
            else:
                entry = Entry(BODY, None, iso3, org.name_en, org.name_ru)
            for name in (org.name_en, org.name_ru, *(n.get("name", "") for n in org.other_names or [])):
                if name and len(keys_of(name)) > 1 or (name and entry.kind == ASSEMBLY):
                    extra.append((name, entry))
        return cls(extra)


def _plausible(words: list[Token], entry: Entry) -> bool:
    """A name is capitalised where the language capitalises it: "house" in "a house" is no chamber."""
    first = words[0]
    if entry.kind in (BODY, ORGAN, ORGANIZATION) or (entry.kind == ASSEMBLY and entry.code is None):
        return first.capitalised
    if entry.kind == STATE and len(words) == 1 and not first.cyrillic:
        return first.capitalised
    return True
