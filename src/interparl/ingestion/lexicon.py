"""Words the extractor needs: numbers, months, post titles, and the names of states in both languages.

Russian words are compared by lemma (pymorphy3), so «Республики Беларусь», «Кыргызстана» and
«Российской Федерации» resolve whatever their grammatical case. States are known from general knowledge
(below) and from whatever the registry holds (its countries and national organisations).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from number_parser import parse_number

# -- numbers ------------------------------------------------------------------------------------

NUMBER_WORD = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
RU_NUMBER_WORD = r"(?:\d{1,3}|(?:двадцат|тридцат|сорок|пятьдесят|шестьдесят)\w*(?:\s+(?:одн|дв|тр|четыр|пят|шест|сем|восьм|восем|девят)\w*)?|одн\w*|дв\w*|тр[её]\w*|четыр\w*|пят\w*|шест\w*|сем\w*|восьм\w*|восем\w*|девят\w*|десят\w*|одиннадцат\w*|двенадцат\w*|тринадцат\w*|четырнадцат\w*|пятнадцат\w*|шестнадцат\w*|семнадцат\w*|восемнадцат\w*|девятнадцат\w*)"


def to_number(text: str, language: str) -> int | None:
    """6, "six", "шести", "шестью", "twenty-two" → int; None for anything else."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    value = parse_number(text, language=language)
    return value if isinstance(value, int) and value >= 0 else None


# -- dates ----------------------------------------------------------------------------------------

MONTHS_EN = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS_RU = {
    stem: i
    for i, stem in enumerate(
        ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"],
        start=1,
    )
}
MONTH_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_RU = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"


@functools.lru_cache(maxsize=10_000)
def month_number(word: str) -> int | None:
    word = word.lower()
    if word in MONTHS_EN:
        return MONTHS_EN[word]
    for stem, number in sorted(MONTHS_RU.items(), key=lambda item: -len(item[0])):
        if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
            return number
    return None


def make_date(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    try:
        if month and day:
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


# -- posts ----------------------------------------------------------------------------------------

# Longest first, so "deputy executive secretary" is never read as "executive secretary".
ROLE_PATTERNS_EN = [
    (r"plenipotentiary\s+representatives?", "plenipotentiary_representative"),
    (r"deputy\s+heads?\s+of\s+(?:the\s+)?delegation", "deputy_head_of_delegation"),
    (r"heads?\s+of\s+(?:the\s+)?delegation", "head_of_delegation"),
    (r"deputy\s+executive\s+secretar(?:y|ies)", "deputy_executive_secretary"),
    (r"executive\s+secretar(?:y|ies)", "executive_secretary"),
    (r"(?:deputy\s+chair(?:man|woman|person)?|vice[- ]chair(?:man|woman|person)?|vice[- ]president)", "deputy_chair"),
    (r"(?:chair(?:man|woman|person)?|president|speaker)", "chair"),
    (r"members?\s+of\s+(?:the\s+)?delegation|delegation\s+members?", "member"),
]
ROLE_PATTERNS_RU = [
    (r"полномочн\w+\s+представител\w+", "plenipotentiary_representative"),
    (r"заместител\w+\s+руководител\w+\s+делегаци\w+", "deputy_head_of_delegation"),
    (r"(?:руководител\w+|глав\w+)\s+делегаци\w+", "head_of_delegation"),
    (r"заместител\w+\s+ответственн\w+\s+секретар\w+", "deputy_executive_secretary"),
    (r"ответственн\w+\s+секретар\w+", "executive_secretary"),
    (r"заместител\w+\s+председател\w+", "deputy_chair"),
    (r"председател\w+", "chair"),
    (r"член\w*\s+делегаци\w+", "member"),
]


def roles_in(label: str, language: str) -> list[tuple[str, int, int]]:
    """The posts named in a label, in order, with where each is: "Plenipotentiary …, deputy Executive Secretary"."""
    patterns = ROLE_PATTERNS_RU if language == "ru" else ROLE_PATTERNS_EN
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern, role in patterns:
        for match in re.finditer(rf"\b{pattern}\b", label, re.IGNORECASE):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((role, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


# -- Russian lemmas -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=50000)
def lemma(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if not re.search(r"[а-я]", word):
        return word
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def genitive(word: str) -> str:
    """«Ассамблея» → «Ассамблеи» (for titles such as «20-летие Ассамблеи»)."""
    parse = _morph().parse(word)[0]
    inflected = parse.inflect({"gent"})
    if not inflected:
        return word
    return inflected.word.capitalize() if word[:1].isupper() else inflected.word


def place_name(phrase: str) -> str:
    """«в Бишкеке» → «Бишкек»; "in Bishkek" → "Bishkek". Only place names are put in the nominative."""
    words = phrase.split()
    if not words or not re.search(r"[А-Яа-яЁё]", phrase):
        return phrase
    result = []
    for word in words:
        parses = _morph().parse(word)
        geo = next((p for p in parses if "Geox" in p.tag), None)
        result.append(geo.normal_form.title() if geo else word)
    return " ".join(result)


# -- states ---------------------------------------------------------------------------------------

# General knowledge, so that texts of assemblies the registry has never seen still resolve (PACE, OSCE PA, NATO PA,
# the CIS assembly). The states texts about these assemblies name, with the name forms ISO 3166 (pycountry, in English and Russian)
# does not give: adjectives («белорусский», "Kyrgyz"), older and short names ("Byelorussia", «Россия»),
# abbreviations («КНР», "USA"). Russian forms are lemmas. The ISO names themselves come from pycountry.
STATE_VARIANTS: dict[str, tuple[str, ...]] = {
    "ARM": ("armenian", "армянский"),
    "AZE": ("azerbaijani", "азербайджанский"),
    "BLR": ("belarusian", "byelorussia", "белоруссия", "белорусский"),
    "KAZ": ("kazakh", "казахстанский"),
    "KGZ": ("kyrgyz", "kirghizia", "kirgizia", "кыргызстан", "кыргызский", "киргизский"),
    "MDA": ("moldovan", "молдова", "молдавия", "молдавский"),
    "RUS": ("russia", "россия", "российский"),
    "TJK": ("tajik", "таджикский"),
    "TKM": ("turkmen", "туркмения", "туркменский"),
    "UZB": ("uzbek", "узбекский"),
    "UKR": ("ukrainian", "украинский"),
    "GEO": ("georgian", "грузинский"),
    "SRB": ("serbian", "сербский"),
    "AFG": ("afghan", "афганский"),
    "CHN": ("кнр", "китайский"),
    "MNG": ("монгольский",),
    "IRN": ("иранский",),
    "TUR": ("turkey", "turkiye", "turkish", "турецкий"),
    "FRA": ("french", "французский"),
    "DEU": ("german", "фрг", "германский", "немецкий"),
    "GBR": ("great britain", "britain", "british", "великобритания", "соединённый королевство", "британский"),
    "ITA": ("italian", "итальянский"),
    "ESP": ("spanish", "испанский"),
    "PRT": ("португальский",),
    "NLD": ("dutch", "нидерландский"),
    "BEL": ("бельгийский",),
    "LUX": (),
    "CHE": ("swiss", "швейцарский"),
    "AUT": ("austrian", "австрийский"),
    "POL": ("polish", "польский"),
    "CZE": ("чешский",),
    "SVK": ("словацкий",),
    "HUN": ("hungarian", "венгерский"),
    "ROU": ("romanian", "румынский"),
    "BGR": ("bulgarian", "болгарский"),
    "GRC": ("hellenic", "greek", "греческий"),
    "CYP": ("кипрский",),
    "MLT": (),
    "SVN": ("словенский",),
    "HRV": ("хорватский",),
    "BIH": (),
    "MNE": ("черногорский",),
    "MKD": ("северный македония",),
    "ALB": ("албанский",),
    "DNK": ("danish", "датский"),
    "NOR": ("norwegian", "норвежский"),
    "SWE": ("swedish", "шведский"),
    "FIN": ("finnish", "финляндский", "финский"),
    "ISL": ("исландский",),
    "IRL": ("ирландский",),
    "EST": ("эстонский",),
    "LVA": ("латвийский",),
    "LTU": ("литовский",),
    "USA": ("usa", "american", "сша", "соединённый штат америка", "американский"),
    "CAN": ("canadian", "канадский"),
    "AND": (),
    "MCO": (),
    "SMR": (),
    "LIE": (),
}

# Organisations whose abbreviations texts use for the chaired organisation.
ORGANIZATIONS = {
    "csto": "CSTO",
    "collective security treaty organization": "CSTO",
    "collective security treaty organisation": "CSTO",
    "одкб": "CSTO",
    "организация договор о коллективный безопасность": "CSTO",
    "cis": "CIS",
    "commonwealth of independent states": "CIS",
    "снг": "CIS",
    "osce": "OSCE",
    "обсе": "OSCE",
    "nato": "NATO",
    "нато": "NATO",
    "council of europe": "CoE",
    "совет европа": "CoE",
    "eaeu": "EAEU",
    "еаэс": "EAEU",
    "sco": "SCO",
    "шос": "SCO",
}


# -- the shapes of phrases the extractor looks for ------------------------------------------------------

FLAGS = re.IGNORECASE | re.UNICODE

NAME_LATIN = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?"
NAME_CYRILLIC = r"[А-ЯЁ][а-яё'’]+(?:-[А-ЯЁ]?[а-яё'’]+)?"
PERSON = (
    rf"(?:{NAME_LATIN}(?:\s+[A-Z]\.)?(?:\s+{NAME_LATIN}){{1,2}}|{NAME_CYRILLIC}(?:\s+[А-ЯЁ]\.)?(?:\s+{NAME_CYRILLIC}){{1,2}}"
    rf"|{NAME_CYRILLIC}\s+[А-ЯЁ]\.\s*[А-ЯЁ]\.)"
)
URL = re.compile(r"https?://[^\s<>()\"'»]+[^\s<>()\"'».,;:!?]")

EN_NOUNS = (
    r"(?:full\s+members?|full\s+representatives?|substitute\s+members?|substitutes?|alternates?|alternate\s+members?|"
    r"deputies|deputy|members?|senators?|representatives?|parliamentarians?|MPs|delegates?|persons|people)"
)
RU_NOUNS = (
    r"(?:(?:полноправн\w+\s+)?член\w*|депутат\w*|сенатор\w*|представител\w*|парламентари\w*|заместител\w*|"
    r"делегат\w*|человек)"
)
EN_VERBS = (
    r"(?:consists\s+of|comprises|includes|is\s+composed\s+of|is\s+made\s+up\s+of|is\s+represented\s+by|"
    r"is\s+formed\s+of|has|numbers|:|–|—)"
)
RU_VERBS = (
    r"(?:состоит\s+из|включает(?:\s+в\s+себя)?|представлена|насчитывает|формируется\s+из|сформирована\s+из|:|–|—)"
)

# A name of a parliament or an assembly: at most 16 words. Bounded, so that a pattern with two such names in a row
# tries a bounded number of splits at each place instead of every split of the sentence.
PHRASE = r"(?:\S++\s++){0,15}?\S+?"

EVENT_WORDS_EN = r"(?:summit|session|meeting|forum|conference|anniversary|congress)"
EVENT_WORDS_RU = (
    r"(?:саммит\w*|сесси\w*|заседани\w*|форум\w*|конференци\w*|годовщин\w*|\w*-?летие\w*|юбиле\w*|съезд\w*)"
)

SUBSTITUTE_WORDS = re.compile(r"substitut|alternate|заместител", re.IGNORECASE)


def clean_phrase(phrase: str | None) -> str | None:
    """A phrase without surrounding punctuation and a leading article."""
    if phrase is None:
        return None
    phrase = re.sub(r"^\s*(?:the|a)\s+", "", phrase.strip(" ,;:.()–—-"), flags=FLAGS)
    return phrase.strip() or None
