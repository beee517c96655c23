"""Turn a page into plain text (HTML reduced, link targets kept) and cut it into sentences with offsets.

Every offset the extractor reports is into the text this module returns, so a reader can find the
quoted span in `interparl extract --format text` output or in the reduced page.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import NamedTuple

BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "dl",
    "title",
}
CELL_TAGS = {"td", "th", "dd"}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _Reducer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.links: list[str] = []
        self.cells = 0  # cells of the current row (or terms of the current list) read so far

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
            self.cells = 0
        elif tag == "dt":  # a term starts a line; its description follows on it
            self.parts.append("\n")
            self.cells = 1
        elif tag in CELL_TAGS:
            # A row's cells, a term and its description, read as one line: "Head of delegation — Name".
            self.parts.append(" — " if self.cells else "\n")
            self.cells += 1
        if tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "a" and self.links:
            href, first_part = self.links.pop()
            label = "".join(self.parts[first_part:]).strip()
            # Keep the link's target beside its text: "Website of X: <a href=URL>X</a>" must keep its URL.
            if href.startswith(("http://", "https://")) and label != href:
                self.parts.append(f" ({href})")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:html|body|p|div|a\s|br|li|h[1-6]|table|span)\b", text, re.IGNORECASE))


def reduce_html(text: str) -> str:
    reducer = _Reducer()
    reducer.feed(text)
    reducer.close()
    reduced = html.unescape("".join(reducer.parts))
    return _normalise_space(reduced)


def reduce_markdown(text: str) -> str:
    # [label](url) keeps both; emphasis and heading marks go.
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r"\1 (\2)", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__|\*|_)(\S[^*_]*?\S|\S)\1", r"\2", text)
    return _normalise_space(text)


# Each pattern matches only what it changes (not every single space or line end): a long text is mostly words
# with single spaces between them, and a substitution per space would cost more than the rest of the reading.
_BLANKS = re.compile(r"\t[ \t]*| [ \t]+")
_LINE_EDGES = re.compile(r" \n *|\n ")
_BLANK_LINES = re.compile(r"\n{3,}")


def _normalise_space(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = _BLANKS.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def read_text(raw: str) -> str:
    """Plain text from plain text, Markdown or HTML."""
    if looks_like_html(raw):
        return reduce_html(raw)
    if re.search(r"\[[^\]]+\]\(https?://|^#{1,6} ", raw, re.MULTILINE):
        return reduce_markdown(raw)
    return _normalise_space(raw)


class Sentence(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def span(self) -> list[int]:
        return [self.start, self.end]


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:St|Mr|Mrs|Ms|Dr|Prof|No|nos|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|"
    r"г|гг|ул|им|т\.е|т\.д|т\.п|см|стр|чел|млн|млрд|тыс)|\b[A-ZА-ЯЁ])\.$"
)
_URL = re.compile(r"https?://\S+")
# The mark that ends a sentence is matched, not looked behind for at every character: the boundary starts after it.
_BOUNDARY = re.compile(r"[.!?…](?P<gap>[\"»”’)]*\s+)(?=[\"«“(]?[A-ZА-ЯЁ0-9])|(?P<lines>\n+)")


def sentences(text: str) -> list[Sentence]:
    """Sentences with their character offsets. Lines are never joined; URLs are never split."""
    protected = _URL.sub(lambda m: m.group(0).replace(".", "\x00"), text)
    found: list[Sentence] = []
    start = 0
    for boundary in _BOUNDARY.finditer(protected):
        lines = boundary.start("lines")
        end = lines if lines >= 0 else boundary.start() + 1
        gap = boundary.group("gap")
        # Only the last few characters can hold an abbreviation: looking further back would make a text of many
        # "A. B. C." quadratic to read.
        if (
            gap is not None
            and gap.isspace()
            and "\n" not in gap
            and protected[end - 1] == "."
            and _ABBREVIATIONS.search(protected, max(start, end - 12), end)
        ):
            continue  # "St. Petersburg", "V. Kogut", "2025 г. в"
        _add(found, text, start, end)
        start = boundary.end()
    _add(found, text, start, len(text))
    return found


# No sentence an assembly writes comes near this (the longest we have seen is under 300 characters). A longer
# run without a sentence end is read in pieces, so that the cost of reading a text stays linear in its length
# whatever it holds: every pattern then works on at most this many characters at a time.
MAX_SENTENCE = 600
_CLAUSE_END = re.compile(r"[;,:]\s")
_SPACE = re.compile(r"\s")


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        # Cut after the last clause end in the second half of the window, else after its last space.
        cut = max((m.end() for m in _CLAUSE_END.finditer(window, MAX_SENTENCE // 2)), default=None) or max(
            (m.end() for m in _SPACE.finditer(window, MAX_SENTENCE // 2)), default=MAX_SENTENCE
        )
        _add_piece(found, text, start, start + cut)
        start += cut
    _add_piece(found, text, start, end)


def _add_piece(found: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + chunk.index(stripped)
    found.append(Sentence(stripped, offset, offset + len(stripped)))
