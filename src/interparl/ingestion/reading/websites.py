"""Official websites a text states: "published on the official website of the Parliament …, www.parlam.kz",
«размещаются на сайте paodkb.org», a link's target in HTML. Addresses mentioned in passing ("see … for the full
text"), e-mail addresses and share buttons are not websites."""

from __future__ import annotations

import re

from .facts import Website
from .gazetteer import ASSEMBLY, BODY
from .mentions import Sentence
from .words import SITE

ADDRESS = re.compile(
    r"(?<![\w@./-])(?:https?://)?(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.(?P<tld>[a-z]{2,24})(?![\w@-])(?:/[^\s<>()\"'»,;]*)?",
    re.IGNORECASE,
)
CUE = re.compile(
    r"\b(?:web\s*sites?|sites?|homepage|web\s+page|portal|publish\w*|available\s+at|at\s+the\s+address|online|"
    r"found\s+at|visit)\b"
    r"|(?<!\w)(?:сайт\w*|портал\w*|по\s+адресу|размещ\w+|публику\w+|доступн\w+)(?!\w)",
    re.IGNORECASE,
)
GENERIC_TLDS = {"org", "com", "net", "int", "gov", "edu", "info", "eu", "site", "online"}
SHARING = re.compile(r"share|sharer|url=|intent/|vk\.com|facebook\.com|twitter\.com|x\.com|t\.me|ok\.ru", re.I)
OWNER_LEAD = re.compile(
    r"^.*?\b(?:web\s*sites?|sites?|homepage|portal)\s+of\s+(?:the\s+)?|^.*?(?<!\w)(?:сайт\w*|портал\w*)\s+",
    re.IGNORECASE,
)


def read_websites(s: Sentence, context) -> list[Website]:
    if not ((SITE in s.cues and CUE.search(s.text)) or _labelled(s)):
        return []
    found = []
    for match in ADDRESS.finditer(s.text):
        address = match.group(0).rstrip(".")
        tld = match["tld"].lower()
        if not (address.lower().startswith(("http", "www.")) or tld in GENERIC_TLDS or len(tld) == 2):
            continue
        if SHARING.search(address) or re.fullmatch(r"[\d.]+", address):
            continue
        if "." not in address.split("//")[-1].split("/")[0]:
            continue
        if re.match(r"\s*\((?:https?://|www\.)", s.text[match.end() :]):
            continue  # a link's label, followed by its target: the target is the address
        before = s.text[: match.start()]
        owner = _owner(before)
        found.append(Website(address, owner, s.country() or context.country, []))
    return found


LABEL = re.compile(r"^(?P<label>[^:–—]{2,120}?)\s*[:–—]\s*\S")


def _labelled(s: Sentence) -> bool:
    """ "Parliament of the Republic of Moldova: www.parlament.md": a body's name, then its address."""
    label = LABEL.match(s.text)
    if label is None or not ADDRESS.search(s.text, label.end() - 1):
        return False
    end = s.token_at(label.end("label"))
    return any(n.kind in (BODY, ASSEMBLY) and n.start < end for n in s.named)


def _owner(before: str) -> str | None:
    """Who the site belongs to: "website of the State Duma: …", «сайт Совета Федерации —», "Палата (http://…)"."""
    tail = before[-200:].rstrip(" (\t")
    label = tail.rsplit(" ", 1)[-1]
    if ADDRESS.fullmatch(label):  # "house.gov.by (http://…)": a link labelled with its own address
        tail = tail[: -len(label)]
    clause = re.split(r"[,.;:!?]\s", tail.rstrip(" :–—-\t"))[-1]
    owner = OWNER_LEAD.sub("", clause).strip(" :–—(-")
    owner = re.sub(r"^(?:the|a)\s+", "", owner, flags=re.IGNORECASE)
    return owner if owner[:1].isupper() and len(owner) <= 120 else None
