"""Read YAML while remembering the line of every key, so errors can point into the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from interparl.errors import DatasetError
from interparl.inputs import read_dataset_text

__all__ = ["DatasetError", "locate", "read_yaml"]

# Dataset files are flat lists of records: nothing in them is nested this deep.
MAX_DEPTH = 32


Path_ = tuple  # a key path such as ("people", 3, "name", "en")


def read_yaml(path: Path) -> tuple[object, dict[Path_, int]]:
    """The document as plain Python data, and the 1-based line of each key path."""
    text = read_dataset_text(path)
    _refuse_aliases_and_depth(text, path)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        problems: list[str] = []
        data = _build(loader, node, (), lines, problems, path) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        reason = getattr(exc, "problem", None) or str(exc)
        raise DatasetError([f"{where}: not valid YAML: {reason}"]) from None
    finally:
        loader.dispose()
    if problems:
        raise DatasetError(problems)
    return data, lines


def _refuse_aliases_and_depth(text: str, path: Path) -> None:
    """Walk the parser's events (which keep no tree) before anything is built. An alias can make a tiny file
    expand to gigabytes ("billion laughs"), and deep nesting exhausts the stack: neither has a place in a dataset,
    which says each thing once."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise DatasetError(
                    [f"{path}:{event.start_mark.line + 1}: aliases (*{event.anchor}) are not allowed in dataset files"]
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise DatasetError(
                        [f"{path}:{event.start_mark.line + 1}: nested more than {MAX_DEPTH} levels deep"]
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        reason = getattr(exc, "problem", None) or str(exc)
        raise DatasetError([f"{where}: not valid YAML: {reason}"]) from None


def _build(loader, node, at: Path_, lines, problems, path):
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                problems.append(f"{path}:{key_node.start_mark.line + 1}: {_dotted(at + (key,))}: duplicate key")
            result[key] = _build(loader, value_node, at + (key,), lines, problems, path)
            lines[at + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, at + (i,), lines, problems, path) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _dotted(at: Path_) -> str:
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def locate(path: Path, lines: dict[Path_, int], at: Path_, reason: str | None) -> str:
    """'file:line: key.path: reason' (or without the reason), using the nearest key that has a line."""
    probe = tuple(at)
    while probe and probe not in lines:
        probe = probe[:-1]
    place = f"{path}:{lines.get(probe, 1)}: {_dotted(tuple(at))}"
    return f"{place}: {reason}" if reason else place
