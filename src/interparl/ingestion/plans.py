"""A plan: the changes a page would make to the registry, each with the facts and the span of text behind it, and
what it would write as data (``operations``), so it can be shown, stored as a proposal and approved as shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from interparl.changes.operations import Operation

ADD, CHANGE, END, CONFLICT, UNCHANGED, SKIPPED = "add", "change", "end", "conflict", "unchanged", "skipped"
SIGNS = {ADD: "+", CHANGE: "~", END: "-", CONFLICT: "!", UNCHANGED: "=", SKIPPED: "?"}


@dataclass
class Change:
    action: str
    kind: str
    summary: str
    span: list[int]
    quote: str
    operations: list[Operation] = field(default_factory=list)  # empty: nothing to write

    def to_dict(self) -> dict:
        return {
            "action": self.action,
            "kind": self.kind,
            "summary": self.summary,
            "span": self.span,
            "quote": self.quote,
            "operations": [o.to_dict() for o in self.operations],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Change:
        return cls(
            data["action"],
            data["kind"],
            data["summary"],
            list(data["span"]),
            data["quote"],
            [Operation.from_dict(o) for o in data.get("operations", [])],
        )


@dataclass
class Plan:
    assembly: str
    as_of: dt.date
    source_label: str
    language: str
    changes: list[Change] = field(default_factory=list)

    def add(self, action, kind, summary, fact, text, *operations: Operation) -> None:
        start, end = fact.span
        self.changes.append(Change(action, kind, summary, [start, end], text[start:end], list(operations)))

    @property
    def pending(self) -> list[Change]:
        return [c for c in self.changes if c.operations]

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    def to_dict(self) -> dict:
        return {
            "assembly": self.assembly,
            "as_of": self.as_of.isoformat(),
            "source": self.source_label,
            "language": self.language,
            "summary": {a: self.count(a) for a in (ADD, CHANGE, END, CONFLICT, UNCHANGED, SKIPPED)},
            "changes": [c.to_dict() for c in self.changes],
        }
