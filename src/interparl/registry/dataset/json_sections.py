"""A JSON document of sections, each a list of records (Popolo), read without holding the file in memory.

``scan`` goes over the file once (``walk`` too, handing over each record as it is checked) and checks what must hold
before any record is trusted: the document is an
object, the sections the registry knows are lists, no record takes more than ``MAX_RECORD_CHARS`` characters of
JSON nor is nested deeper than ``MAX_DEPTH`` levels of the document, and no text holds a NUL character. It notes
where each section begins, so ``records`` then reads one section from there: the sections may come in any order,
and reading a section costs its own bytes, not the whole file's. Records are decoded by the standard library's
JSON decoder (in C) from a window of the file that holds one block and at most one record more.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .yaml_lines import DatasetError

BLOCK = 1 << 20  # bytes read at a time
MAX_DEPTH = 24  # levels of nesting in the document (the document and a section are the first two)
MAX_RECORD_CHARS = 1_000_000  # characters of JSON one record may take

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DESCRIBED = {"[": "a list", "{": "an object", '"': "a string"}


def _no_constants(name: str):
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_no_constants)
_SCAN = _DECODER.scan_once
_BETWEEN = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")


def describe(char: str) -> str:
    """What a JSON value starting with ``char`` is, in words."""
    if char in _DESCRIBED:
        return _DESCRIBED[char]
    return "a number" if char in "-0123456789" else "a literal"


@dataclass
class Section:
    name: str
    starts: list[int] = field(default_factory=list)  # byte offset of each list (a name may be given twice)
    size: int = 0  # bytes the section's lists take
    count: int = 0  # records


class _Invalid(Exception):
    def __init__(self, reason: str):
        self.reason = reason


class _Window:
    """The file's text from a byte offset on, decoded a block at a time; ``pos`` is where reading has got to."""

    def __init__(self, stream, offset: int):
        stream.seek(offset)
        self.stream, self.base = stream, offset  # base: the byte offset of text[0]
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.text, self.pos, self.eof = "", 0, False

    def offset(self, position: int | None = None) -> int:
        """The byte offset in the file of a position in the text."""
        return self.base + len(self.text[: self.pos if position is None else position].encode())

    def more(self) -> bool:
        if self.eof:
            return False
        data = self.stream.read(BLOCK)
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise _Invalid(f"not UTF-8 text near byte {self.stream.tell() - len(data) + exc.start}") from None
        self.eof = not data
        if self.pos > BLOCK:  # what has been read is let go
            self.base = self.offset()
            self.text, self.pos = self.text[self.pos :], 0
        self.text += text
        return True

    def peek(self) -> str:
        """The next character that is not whitespace ('' at the end of the file)."""
        while True:
            self.pos = _WHITESPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise _Invalid(f"expected {what} at byte {self.offset()}")
        self.pos += 1

    def value(self, too_large: str):
        """Decode the value that starts at ``pos``; return it and how many characters it took."""
        while True:
            start = self.pos  # reading more may let go of what came before: the value then starts at 0
            try:
                try:
                    value, end = _SCAN(self.text, start)  # what raw_decode calls, without its frame
                except StopIteration as stop:
                    raise json.JSONDecodeError("Expecting value", self.text, stop.value) from None
                if end < len(self.text) or self.eof:  # a number at the end of the text may go on in the next block
                    self.pos = end
                    if end - start > MAX_RECORD_CHARS:
                        raise DatasetError([too_large])
                    return value, end - start
            except json.JSONDecodeError as exc:
                if self.eof or not (exc.pos >= len(self.text) - 16 or exc.msg.startswith("Unterminated string")):
                    raise _Invalid(f"{exc.msg} at byte {self.offset(exc.pos)}") from None
            except ValueError as exc:
                raise _Invalid(str(exc)) from None
            if len(self.text) - start > MAX_RECORD_CHARS:
                raise DatasetError([too_large])
            self.more()

    def items(self) -> Iterator[int]:
        """Step through the list that starts at ``pos``: yields once at each item, which the caller decodes."""
        self.expect("[", "a list")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.pos
            between = _BETWEEN.match(self.text, self.pos)  # most often ", " and the next item, in this block
            if between and between.end() < len(self.text):
                self.pos = between.end()
                continue
            char = self.peek()
            if char == "]":
                self.pos += 1
                return
            if char != ",":
                raise _Invalid(f"expected ',' or ']' after an item at byte {self.offset()}")
            self.pos += 1
            self.peek()


def _deeper_than(value, levels: int) -> bool:
    """Whether ``value`` holds lists or objects nested more than ``levels`` deep (itself the first)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > levels:
            return True
        for inner in item.values() if isinstance(item, dict) else item:
            if isinstance(inner, (dict, list)):
                stack.append((inner, depth + 1))
    return False


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    return isinstance(value, list) and any(_holds_nul(v) for v in value)


def _checked(window: _Window, value, size: int, where: str):
    text, start, end = window.text, window.pos - size, window.pos
    # Only a record with more lists and objects than levels allowed can be nested too deeply: most are not walked.
    containers = text.count("{", start, end) + text.count("[", start, end)
    if containers > MAX_DEPTH - 2 and _deeper_than(value, MAX_DEPTH - 2):
        raise DatasetError([f"{where}: nested more than {MAX_DEPTH} levels deep"])
    if text.find("\\u0000", start, end) != -1 and _holds_nul(value):
        raise DatasetError([f"{where}: contains a NUL character, which no registry text may hold"])
    return value


def _decoded(window: _Window, where: str):
    try:
        value, size = window.value(f"{where}: a record holds more than {MAX_RECORD_CHARS:,} characters")
    except RecursionError:
        raise DatasetError([f"{where}: nested more than {MAX_DEPTH} levels deep"]) from None
    return _checked(window, value, size, where)


def scan(path: Path, lists: set[str], handle_position=None) -> dict[str, Section]:
    """Check the whole document (see the module's text) and return where its sections are; ``lists``: the names of
    the sections that must be lists of records."""
    walker = walk(path, lists, handle_position)
    while True:
        try:
            next(walker)
        except StopIteration as done:
            return done.value


def walk(
    path: Path, lists: set[str], handle_position=None
) -> Generator[tuple[str, int, object, int], None, dict[str, Section]]:
    """``scan``, yielding each record of the ``lists`` sections as it is checked: (section, index, record, bytes of
    the file read so far); returns where the sections are. A problem found is raised where it is found, after the
    records before it were yielded."""
    sections: dict[str, Section] = {}
    with open(path, "rb") as stream:
        window = _Window(stream, 0)
        try:
            first = window.peek()
            if first == "\ufeff":  # a byte-order mark
                window.pos += 1
                first = window.peek()
            if not first:
                raise DatasetError([f"{path}: the file is empty"])
            if first != "{":
                raise DatasetError([f"{path}: expected a JSON object with Popolo sections, found {describe(first)}"])
            window.pos += 1
            if window.peek() == "}":
                window.pos += 1
            else:
                while True:
                    if window.peek() != '"':
                        raise _Invalid(f"expected a section's name at byte {window.offset()}")
                    name, _size = window.value(f"{path}: a section's name is too long")
                    window.expect(":", "':' after a section's name")
                    char = window.peek()
                    if name in lists and char != "[":
                        raise DatasetError([f"{path}: {name}: expected a list of records, found {describe(char)}"])
                    if char == "[":
                        section = sections.setdefault(name, Section(name))
                        begun = window.offset()
                        section.starts.append(begun)
                        wanted = name in lists
                        for index, _at in enumerate(window.items(), start=section.count):
                            record = _decoded(window, f"{path}: {name}[{index}]")
                            section.count = index + 1
                            if handle_position and index % 1000 == 0:
                                handle_position(stream.tell())
                            if wanted:
                                yield name, index, record, window.base + window.pos
                        section.size += window.offset() - begun
                    else:
                        _decoded(window, f"{path}: {name}")
                    char = window.peek()
                    window.pos += 1
                    if char == "}":
                        break
                    if char != ",":
                        raise _Invalid(f"expected ',' or '}}' after a section at byte {window.offset() - 1}")
            if window.peek():
                raise _Invalid(f"more after the end of the document at byte {window.offset()}")
        except _Invalid as exc:
            raise DatasetError([f"{path}: not valid JSON ({exc.reason})"]) from None
    return sections


def records(path: Path, section: Section, handle_position) -> Iterator[tuple[int, object, int]]:
    """The records of a section ``scan`` has checked: (index, record, bytes of the file read so far)."""
    index = 0
    with open(path, "rb") as stream:
        for start in section.starts:
            window = _Window(stream, start)
            for _at in window.items():
                record, _size = window.value("")
                position = window.base + window.pos  # bytes read, nearly: for progress
                if index % 1000 == 0:
                    handle_position(position)
                yield index, record, position
                index += 1
