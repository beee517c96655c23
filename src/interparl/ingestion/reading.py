"""Reading the input of `extract` and `ingest`: a file, or standard input for "-"."""

import sys
from pathlib import Path

from interparl.registry.dataset.yaml_lines import DatasetError


def read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError([f"{path}: no such file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError([f"{path}: cannot be read ({exc})"]) from None
