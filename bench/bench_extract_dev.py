"""Score `interparl extract` on the annotated development passages in ../shared/extraction-dev (not copied into
the project): precision, recall and F1 per case category, per kind of fact, and overall, with the matching rules
of that folder's README (lenient word stems for names, chambers and places; everything else exact).

Run: .venv/bin/python bench/bench_extract_dev.py [--cases ../shared/extraction-dev/cases] [--misses]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
STOP = {"the", "of", "a", "an", "and", "in", "on", "at", "to", "for", "в", "во", "и", "на", "по", "при", "с", "со"}
ENDINGS = sorted(
    "ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ов ев ам ям ах ях ом ем ую юю а я ы и у ю е о ь".split(),
    key=len,
    reverse=True,
)
KINDS = ("seats", "people", "websites", "chairmanships", "events")


def stems(text: str | None) -> set[str]:
    found = set()
    for word in re.findall(r"\w+", (text or "").lower().replace("ё", "е")):
        if word in STOP:
            continue
        if re.fullmatch(r"[а-я]+", word) and len(word) > 3:
            for ending in ENDINGS:
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    word = word[: -len(ending)]
                    break
        found.add(word[:5])
    return found


def name_matches(predicted: str, gold: str) -> bool:
    p, g = stems(predicted), stems(gold)
    return g <= p or (len(p) >= 2 and p <= g)


def chamber_matches(predicted: str | None, alternatives: list) -> bool:
    if "*" in alternatives:
        return True
    if predicted is None:
        return None in alternatives
    return any(a is not None and stems(a) <= stems(predicted) for a in alternatives)


def url_key(url: str) -> str:
    url = re.sub(r"^[a-z]+://", "", url.strip().lower())
    return url.removeprefix("www.").rstrip("/")


def roles(values) -> frozenset:
    return frozenset(values) - {"member"}


def predictions(result) -> dict[str, list]:
    data = result.to_dict()
    seats = [
        {"country": d["country"], "chamber": s["chamber"], "count": s["count"], "kind": s["kind"]}
        for d in data["delegations"]
        for s in d["seats"]
    ]
    return {
        "seats": seats,
        "people": data["people"],
        "websites": [w["url"] for w in data["websites"]],
        "chairmanships": data["chairmanships"],
        "events": data["events"],
    }


def same(kind: str, predicted, gold) -> bool:
    if kind == "seats":
        return (
            predicted["country"] == gold["country"]
            and predicted["count"] == gold["count"]
            and predicted["kind"] == gold.get("kind", "member")
            and chamber_matches(predicted["chamber"], gold["chamber"])
        )
    if kind == "people":
        return (
            name_matches(predicted["name"], gold["name"])
            and (gold["country"] is None or predicted["country"] == gold["country"])
            and roles(predicted["roles"]) == roles(gold["roles"])
        )
    if kind == "websites":
        return url_key(predicted) == url_key(gold)
    if kind == "chairmanships":
        return predicted["country"] == gold["country"] and predicted["start"] == gold["start"]
    place = gold.get("place")
    return predicted["date"] == gold["date"] and (
        place is None or predicted.get("place") is None or stems(place) <= stems(predicted["place"])
    )


def score(predicted: dict, gold: dict) -> dict[str, Counter]:
    ignored = gold.get("people_ignore", [])
    predicted = dict(predicted)
    predicted["people"] = [p for p in predicted["people"] if not any(name_matches(p["name"], name) for name in ignored)]
    optional = {e["date"] for e in gold.get("events_optional", [])}
    predicted["events"] = [e for e in predicted["events"] if "*" not in optional and e["date"] not in optional]
    counts = {}
    for kind in KINDS:
        left = list(gold.get(kind, []))
        tally = Counter()
        for fact in predicted[kind]:
            match = next((g for g in left if same(kind, fact, g)), None)
            if match is None:
                tally["fp"] += 1
            else:
                left.remove(match)
                tally["tp"] += 1
        tally["fn"] += len(left)
        counts[kind] = tally
    return counts


def prf(tally: Counter) -> tuple[float, float, float]:
    p = tally["tp"] / (tally["tp"] + tally["fp"]) if tally["tp"] + tally["fp"] else 1.0
    r = tally["tp"] / (tally["tp"] + tally["fn"]) if tally["tp"] + tally["fn"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=ROOT.parent / "shared" / "extraction-dev" / "cases")
    parser.add_argument("--misses", action="store_true", help="List every miss and false alarm.")
    options = parser.parse_args()
    os.environ.setdefault("INTERPARL_DATA_DIR", tempfile.mkdtemp(prefix="interparl-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interparl.settings")
    import django

    django.setup()
    from interparl.ingestion.extract import extract
    from interparl.ingestion.knowledge import Knowledge

    resolver = Knowledge()
    by_category: dict[str, Counter] = defaultdict(Counter)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    console = Console()
    for gold_path in sorted(options.cases.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        text_path = next(p for p in options.cases.glob(name + ".*") if not p.name.endswith(".gold.json"))
        _text, result = extract(text_path.read_text(encoding="utf-8"), "auto", resolver)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        counts = score(predictions(result), gold)
        category = re.sub(r"-\d+$", "", name)
        for kind, tally in counts.items():
            by_category[category] += tally
            by_kind[kind] += tally
        if options.misses:
            for kind, tally in counts.items():
                if tally["fp"] or tally["fn"]:
                    console.print(f"{name} {kind}: {dict(tally)}")
    for title, groups in (("per case category", by_category), ("per kind of fact", by_kind)):
        table = Table(title=f"Extraction on the development passages, {title}")
        for column in ("", "found", "missed", "false", "precision", "recall", "F1"):
            table.add_column(column, justify="left" if not column else "right")
        for key in sorted(groups):
            tally = groups[key]
            p, r, f = prf(tally)
            table.add_row(key, str(tally["tp"]), str(tally["fn"]), str(tally["fp"]), f"{p:.2f}", f"{r:.2f}", f"{f:.2f}")
        total = sum(groups.values(), Counter())
        p, r, f = prf(total)
        table.add_row(
            "[bold]overall",
            str(total["tp"]),
            str(total["fn"]),
            str(total["fp"]),
            f"{p:.2f}",
            f"{r:.2f}",
            f"[bold]{f:.2f}",
        )
        console.print(table)


if __name__ == "__main__":
    main()
