"""What users hand the registry from outside — files, standard input, pages in any encoding — read within limits.

A page is at most ``settings.MAX_PAGE_BYTES`` (20 MiB unless ``INTERPARL_MAX_PAGE_BYTES`` says otherwise), a
dataset file at most ``settings.MAX_DATASET_BYTES`` (``INTERPARL_MAX_DATASET_BYTES``, 50 MiB). Popolo files are
streamed and need no such limit. Anything larger is refused before it is read whole.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

from django.conf import settings

from interparl.errors import DatasetError

_READ_SIZE = 1 << 16
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _mib(size: int) -> str:
    return f"{size / (1 << 20):g} MiB"


def read_bytes(path: str | Path, limit: int, setting: str) -> bytes:
    """The whole file (or standard input for "-"), refused once it passes ``limit`` bytes."""
    name = "standard input" if str(path) == "-" else str(path)
    try:
        stream = sys.stdin.buffer if str(path) == "-" else open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise DatasetError([f"{name}: no such file"]) from None
    except IsADirectoryError:
        raise DatasetError([f"{name}: a folder, not a file"]) from None
    except OSError as exc:
        raise DatasetError([f"{name}: cannot be read ({exc.strerror or exc})"]) from None
    chunks, size = [], 0
    try:
        while chunk := stream.read(_READ_SIZE):
            size += len(chunk)
            if size > limit:
                raise DatasetError([f"{name}: larger than {_mib(limit)}, the most one input may be (set {setting})"])
            chunks.append(chunk)
    except IsADirectoryError:
        raise DatasetError([f"{name}: a folder, not a file"]) from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return b"".join(chunks)


def refuse_nul(text: str, name: str) -> str:
    """PostgreSQL cannot hold a NUL character and no registry text has one: refused on every database alike."""
    position = text.find("\x00")
    if position >= 0:
        raise DatasetError([f"{name}: contains a NUL character (at character {position}); not a text"])
    return text


def decode(data: bytes, name: str) -> str:
    """Text in whatever encoding the page uses: a byte-order mark, the charset an HTML page declares, UTF-8, or
    else the encoding detected from the bytes (legacy Cyrillic pages are often Windows-1251 or KOI8-R)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return refuse_nul(data.decode(encoding, errors="replace"), name)
    declared = _DECLARED_CHARSET.search(data[:8192])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            return refuse_nul(data.decode(encoding), name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall through to what the bytes say
    try:
        return refuse_nul(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DatasetError([f"{name}: not text in any encoding interparl can recognise"])
    return refuse_nul(str(best), name)


def read_page(path: str) -> str:
    """A page for extraction or ingestion, from a file or standard input ("-")."""
    name = "standard input" if path == "-" else path
    return decode(read_bytes(path, settings.MAX_PAGE_BYTES, "INTERPARL_MAX_PAGE_BYTES"), name)


def read_dataset_text(path: Path) -> str:
    data = read_bytes(path, settings.MAX_DATASET_BYTES, "INTERPARL_MAX_DATASET_BYTES")
    try:
        return refuse_nul(data.decode("utf-8-sig"), str(path))
    except UnicodeDecodeError as exc:
        raise DatasetError([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
