"""Read an assembly's page and list the facts it states, sentence by sentence, in English or Russian.

Each fact keeps the span of the sentence it came from. A sentence that yields no fact is listed as
unparsed: nothing is dropped silently. The patterns are written for the ways assemblies phrase their
composition ("Delegation of X to the PA consists of 7 deputies of … and 4 members of …", «Делегация …
представлена шестью депутатами …»), posts ("Plenipotentiary representative of X, deputy Executive
Secretary of the PA: NAME"), websites, chairmanship hand-overs and dated events.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from interparl.registry.roles import DELEGATION_ROLES

from . import lexicon
from .countries import CountryResolver, organization_code
from .dates import dateline_year, find_dates
from .lexicon import (
    EN_VERBS,
    EVENT_WORDS_EN,
    EVENT_WORDS_RU,
    FLAGS,
    PERSON,
    PHRASE,
    RU_VERBS,
    URL,
    clean_phrase,
)
from .seats import seat_counts
from .text import Sentence, read_text, sentences

# -- the result -----------------------------------------------------------------------------------


@dataclass
class Extraction:
    language: str
    delegations: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    websites: list[dict] = field(default_factory=list)
    chairmanships: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    unparsed: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def fact_count(self) -> int:
        return sum(len(getattr(self, k)) for k in ("delegations", "people", "websites", "chairmanships", "events"))


# -- the extractor --------------------------------------------------------------------------------


def detect_language(text: str) -> str:
    cyrillic = len(re.findall(r"[А-Яа-яЁё]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ru" if cyrillic > latin else "en"


class Extractor:
    def __init__(self, language: str, resolver: CountryResolver, default_year: int | None):
        self.language = language
        self.resolver = resolver
        self.default_year = default_year
        self.context_country: str | None = None  # the state the text is about, for sentences that don't say

    # -- delegations -------------------------------------------------------------------------------
    def delegation(self, sentence: Sentence) -> dict | None:
        text = sentence.text.rstrip(".")
        if self.language == "ru":
            match = re.search(
                rf"(?:^|\b)Делегаци\w+\s+(?P<parl>{PHRASE})\s+в\s+(?P<assembly>{PHRASE})\s*(?P<verb>{RU_VERBS})\s+(?P<rest>.+)$",
                text,
                FLAGS,
            ) or re.search(
                rf"В\s+состав\s+делегаци\w+\s+(?P<parl>{PHRASE})\s+в\s+(?P<assembly>{PHRASE})\s+(?P<verb>вход\w+)\s+(?P<rest>.+)$",
                text,
                FLAGS,
            )
        else:
            match = None
            for preposition in ("to", "in", "at"):
                match = re.search(
                    rf"(?:^|\b)(?:the\s+)?delegation\s+of\s+(?P<parl>{PHRASE})\s+{preposition}\s+(?P<assembly>{PHRASE}),?\s*"
                    rf"(?P<verb>{EN_VERBS})\s+(?P<rest>.+)$",
                    text,
                    FLAGS,
                )
                if match:
                    break
            match = (
                match
                or re.search(
                    r"(?:^|\b)(?:the\s+)?(?P<parl>[A-Z][\w-]*+(?:\s++[\w-]++){0,15}?)\s+is\s+represented\s+in\s+"
                    rf"(?P<assembly>{PHRASE})\s+by\s+"
                    r"(?P<rest>.+)$",
                    text,
                )
                or re.search(
                    rf"(?:^|\b)(?:the\s+)?(?P<parl>[A-Z][a-z]+)\s+delegation\s+(?:to|in)\s+(?P<assembly>{PHRASE}),?\s+"
                    rf"(?P<verb>{EN_VERBS})\s+(?P<rest>.+)$",
                    text,
                )
            )
        if not match:
            return None
        seats, total = seat_counts(match["rest"], self.language)
        if not seats:
            return None
        parliament = clean_phrase(match["parl"])
        country = self.resolver.resolve(parliament) or self.resolver.resolve(match["rest"])
        if country:
            self.context_country = country
        return {
            "country": country,
            "parliament": parliament,
            "assembly": clean_phrase(match["assembly"]),
            "seats": seats,
            "total": total,
            "span": sentence.span,
        }

    # -- people ------------------------------------------------------------------------------------
    def people(self, sentence: Sentence) -> list[dict]:
        text = sentence.text.rstrip(".")
        label, names = None, None
        labelled = re.match(
            rf"^(?P<label>.+?)\s*(?::|\s[–—-]\s)\s*(?P<names>{PERSON}(?:\s*(?:,|;|\band\b|\bи\b)\s*{PERSON})*)$", text
        )
        if labelled and lexicon.roles_in(labelled["label"], self.language):
            label, names = labelled["label"], self.split_names(labelled["names"])
        else:
            name_first = re.match(
                rf"^(?P<name>{PERSON})\s*(?:,|–|—|\s-\s|\bis\b|\bwas\b|\bserves\s+as\b|\bhas\s+been\b|\bявляется\b|\bназначен\w*\b)"
                rf"\s*(?:(?:appointed|elected|named)\s+(?:as\s+)?)?(?:the\s+)?(?P<label>.+)$",
                text,
            )
            if name_first and lexicon.roles_in(name_first["label"], self.language):
                label, names = name_first["label"], [name_first["name"]]
        if not label:
            return []
        roles = lexicon.roles_in(label, self.language)
        organization = self.organization_of(label, roles)
        country = self.resolver.resolve(label)
        # Delegation posts belong to the state the page is about; an assembly's own officers to none.
        delegation_post = any(r in DELEGATION_ROLES for r, *_ in roles)
        if country is None and delegation_post:
            country = self.context_country
        return [
            {
                "name": name,
                "country": country or (self.resolver.person_country(name) if delegation_post else None),
                "organization": organization,
                "roles": list(dict.fromkeys(r for r, *_ in roles)),
                "span": sentence.span,
            }
            for name in names
        ]

    def split_names(self, text: str) -> list[str]:
        return [n.strip() for n in re.split(r"\s*(?:,|;|\band\b|\bи\b)\s*", text) if re.fullmatch(PERSON, n.strip())]

    def organization_of(self, label: str, roles) -> str | None:
        """The organisation a post belongs to, as written: what follows the first post title."""
        for _role, _start, end in roles:
            after = label[end:]
            next_role = min((s for _, s, _ in roles if s >= end), default=None)
            if next_role is not None:
                after = label[end:next_role]
            after = re.split(r"\s*(?:,|;|\s[–—-]\s)\s*", after)[0]
            after = re.sub(r"^\s*(?:of|for)\s+", "", after, flags=FLAGS)
            after = re.sub(
                r"\s+(?:(?:to|in|at)\s+(?:the\s+)?|в\s+)(?:CSTO\s+PA|ПА\s+ОДКБ|PACE|ПАСЕ|[A-ZА-Я]{2,}(?:\s+[A-ZА-Я]{2,})?)$",
                "",
                after,
            )
            after = clean_phrase(after)
            if (
                after
                and (after[0].isupper() or self.language == "ru")
                and not re.fullmatch(r"(?:the\s+)?(?:PA|ПА)", after)
            ):
                return after
        return None

    # -- websites ----------------------------------------------------------------------------------
    def websites(self, sentence: Sentence) -> list[dict]:
        found = []
        for url_match in URL.finditer(sentence.text):
            before = sentence.text[: url_match.start()]
            owner = None
            keyword = re.search(
                r"(?:official\s+)?(?:web\s*site|site|homepage|web\s+page|portal)\s+of\s+(?P<owner>.+?)\s*(?::|–|—|\s-\s|\bis\b|\(|$)",
                before,
                FLAGS,
            ) or re.search(
                r"(?:официальн\w+\s+)?(?:сайт|веб-сайт|портал|страниц\w+)\s+(?P<owner>.+?)\s*(?::|–|—|\s-\s|\(|$)",
                before,
                FLAGS,
            )
            if keyword:
                owner = clean_phrase(keyword["owner"])
            else:
                label = re.match(r"^(?P<owner>[^:()]{3,120}?)\s*(?::|–|—|\()\s*(?:[\w.-]+\s*\()?$", before.strip())
                if not label:
                    continue  # an address mentioned in passing is not a website fact
                owner = clean_phrase(label["owner"])
            country = self.resolver.resolve(owner) or self.context_country
            found.append({"url": url_match.group(0), "owner": owner, "country": country, "span": sentence.span})
        return found

    # -- chairmanships -----------------------------------------------------------------------------
    def chairmanship(self, sentence: Sentence) -> dict | None:
        text = sentence.text.rstrip(".")
        if self.language == "ru":
            patterns = [
                r"^(?:С|Начиная\s+с)\s+(?P<date>.+?\d{4}\s*(?:года|г\.)?)\s+(?P<country>.+?)\s+(?:председательствует|возглавляет|принял\w*\s+председательство|приступил\w*\s+к\s+председательству)\s+в\s+(?P<org>.+)$",
                r"^(?P<country>.+?)\s+(?:председательствует|будет\s+председательствовать|председательствовал\w*|приступил\w*\s+к\s+председательству|(?:примет|принял\w*|принимает)(?:\s+на\s+себя)?\s+председательство)\s+в\s+(?P<org>.+?)(?:\s+с\s+(?P<date>.+))?$",
                r"председательство\s+в\s+(?P<org>.+?)\s+(?:перешло|было\s+передано|передано|переходит|перейдет|перейдёт)\s+(?:от\s+\S+(?:\s+\S+)?\s+)?к\s+(?P<country>.+?)(?:\s+с\s+(?P<date>.+))?$",
            ]
        else:
            verbs = (
                r"(?:chairs|has\s+chaired|is\s+chairing|has\s+been\s+chairing|presides\s+over|will\s+chair|"
                r"(?:holds|took\s+over|has\s+taken\s+over|takes\s+over|assumed|has\s+assumed|assumes)\s+the\s+chairmanship\s+(?:of|in))"
            )
            patterns = [
                rf"^(?:Since|From|As\s+of|Starting(?:\s+on)?|On)\s+(?P<date>[^,]+?\d{{4}}),?\s+(?P<country>.+?)\s+{verbs}\s+(?P<org>.+)$",
                rf"^(?P<country>.+?)\s+{verbs}\s+(?P<org>.+?)(?:\s+(?:since|from|as\s+of|on|starting)\s+(?P<date>.+))?$",
                r"(?:^|\b)(?:the\s+)?chairmanship\s+(?:of|in)\s+(?P<org>.+?)\s+(?:passed|was\s+(?:handed\s+over|transferred|passed)|went|passes|will\s+pass|is\s+passing)\s+(?:from\s+\S+(?:\s+\S+)?\s+)?to\s+(?P<country>.+?)(?:\s+(?:on|from|since|as\s+of)\s+(?P<date>.+))?$",
            ]
        for pattern in patterns:
            match = re.search(pattern, text, FLAGS)
            if not match:
                continue
            organization = organization_code(match["org"])
            country = self.resolver.resolve(match["country"])
            if not (organization and country):
                continue
            dates = find_dates(match["date"] or text, self.language, self.default_year)
            start = dates[0].start if dates else None
            if start is None:  # "In 2027 the chairmanship will pass to …": a year is a partial date
                year = re.search(r"\b(?:in|from|since|в|с)\s+((?:19|20)\d{2})\b", text, FLAGS)
                start = year.group(1) if year else None
            return {
                "organization": organization,
                "country": country,
                "start": start,
                "end": None,
                "span": sentence.span,
            }
        return None

    # -- events ------------------------------------------------------------------------------------
    def event(self, sentence: Sentence) -> dict | None:
        text = sentence.text
        dates = find_dates(text, self.language, self.default_year)
        if not dates or not dates[0].start:
            return None
        words = EVENT_WORDS_RU if self.language == "ru" else EVENT_WORDS_EN
        keyword = re.search(rf"(?<![\w-]){words}", text, FLAGS)
        if not keyword:
            return None
        title = self.event_title(text, keyword)
        place = None
        for match in re.finditer(
            r"(?:\bin|\bв|\bво|\bunder|\bпод)\s+(?P<place>[A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+)?)", text
        ):
            candidate = match["place"]
            if lexicon.month_number(candidate.split()[0]) or candidate.isupper() or organization_code(candidate):
                continue
            if re.match(r"(?:The|This|That|Its|It|He|She)\b", candidate):
                continue
            place = lexicon.place_name(candidate)
            if match.group(0).lower().startswith(("under", "под")):
                place = ("near " if self.language == "en" else "под ") + place
            break
        return {"date": dates[0].start, "end_date": dates[0].end, "title": title, "place": place, "span": sentence.span}

    def event_title(self, text: str, keyword: re.Match) -> str:
        before = text[: keyword.start()].split()
        kept = []
        for word in reversed(before[-4:]):
            bare = word.strip(",;:")
            if bare != word or not bare:
                break
            if re.fullmatch(r"(?:The|A|An|This|That|Its|On|In|At|В|На|С)", bare):
                break
            if re.fullmatch(
                r"\d+(?:st|nd|rd|th|-?[ейяго]{1,2})?|[A-ZА-ЯЁ][\w-]*|plenary|regular|joint|field|annual|extraordinary|"
                r"пленарн\w+|очередн\w+|выездн\w+|совместн\w+|внеочередн\w+|торжественн\w+",
                bare,
            ):
                kept.insert(0, bare)
            else:
                break
        after = text[keyword.end() :]
        stop = re.search(
            r"\s+(?:in|at|on|will|was|were|took|held|under|near|and|where|в|во|на|под|состоял\w*|прош\w+|пройд\w+|отмет\w+)\b|[,.;:(]|$",
            after,
        )
        tail = after[: stop.start()] if stop else after
        if self.language == "en" and not re.match(r"\s+of\b", tail):
            tail = ""
        title = " ".join([*kept, keyword.group(0)]) + tail
        # "the Assembly will celebrate its 20th anniversary" → "20th anniversary of the Assembly"
        subject = re.search(
            r"\bthe\s+(?P<subject>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?:will\s+)?(?:celebrate|mark)s?\s+its\b", text
        )
        if subject:
            title += f" of the {subject['subject']}"
        subject = re.search(r"(?P<subject>[А-ЯЁ][а-яё]+)\s+(?:отметит|отмечает|отметила|празднует|отпразднует)\s", text)
        if subject and self.language == "ru":
            title += " " + lexicon.genitive(subject["subject"])
        return title.strip()

    # -- a whole sentence --------------------------------------------------------------------------
    def read(self, sentence: Sentence, result: Extraction) -> None:
        before = result.fact_count
        country_here = self.resolver.resolve(sentence.text)
        heading = len(sentence.text) < 80 and not re.search(r"[.!?:]$", sentence.text) and not URL.search(sentence.text)
        if country_here and heading:
            self.context_country = country_here  # a heading such as "Republic of Tajikistan"
        delegation = self.delegation(sentence)
        if delegation:
            result.delegations.append(delegation)
        else:
            result.people.extend(self.people(sentence))
        result.websites.extend(self.websites(sentence))
        chair = self.chairmanship(sentence)
        if chair:
            result.chairmanships.append(chair)
        elif not delegation:
            event = self.event(sentence)
            if event:
                result.events.append(event)
        if result.fact_count == before:
            result.unparsed.append({"text": sentence.text, "span": sentence.span})


def extract(raw: str, language: str = "auto", resolver: CountryResolver | None = None) -> tuple[str, Extraction]:
    """The text as read (HTML reduced) and every fact found in it."""
    text = read_text(raw)
    per_sentence = language == "auto"  # a page may quote the other language: each sentence is read in its own
    if per_sentence:
        language = detect_language(text)
    resolver = resolver or CountryResolver()
    year = dateline_year(text, language) or dateline_year(text, "ru" if language == "en" else "en")
    extractor = Extractor(language, resolver, year)
    result = Extraction(language)
    for sentence in sentences(text):
        extractor.language = detect_language(sentence.text) if per_sentence else language
        extractor.read(sentence, result)
    return text, result
