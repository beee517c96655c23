"""Hostile and oversized input, as a user would hand it to the command line: time and peak memory.

- a 200 MB Popolo file whose bulk is one section other than persons/memberships (organisations with long
  descriptions): imported streaming, so peak memory stays far below the file's size;
- a 200 MB Popolo file of nested arrays: refused at the nesting limit before memory grows;
- 200,000 words of adversarial text (runs of capitalised words, patterns' keywords never completed, separators)
  against 200,000 words of plain prose through `interparl extract`: linear time, bounded memory.

Each case runs in its own process on a fresh SQLite registry; peak RSS is that process's maximum resident size.
Run: .venv/bin/python bench/bench_hostile.py [--megabytes 200] [--words 200000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.security.hostile_texts import adversarial_text, plain_text  # noqa: E402

INTERPARL = str(Path(sys.executable).parent / "interparl")


def big_organizations(path: Path, megabytes: int) -> None:
    description = "A body of the assembly. " * 4000  # ~96 KB per record
    count = megabytes * 1_000_000 // len(description)
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"sources": [{"id": "bench", "document": "generated"}],\n"organizations": [\n')
        for n in range(count):
            record = {
                "id": f"body-{n}",
                "classification": "commission",
                "name": f"Body {n}",
                "i18n": {"description": {"en": description, "ru": None}},
                "sources": [{"id": "bench"}],
            }
            out.write(("" if n == 0 else ",\n") + json.dumps(record))
        out.write("\n]}\n")


def nested(path: Path, megabytes: int) -> None:
    half = megabytes * 1_000_000 // 2
    with open(path, "w") as out:
        out.write('{"persons": ')
        for _ in range(half // 1_000_000):
            out.write("[" * 1_000_000)
        for _ in range(half // 1_000_000):
            out.write("]" * 1_000_000)
        out.write("}")


def run(args: list[str], data: Path, stdin: Path | None = None) -> tuple[int, float, float]:
    """Exit status, seconds and peak RSS (MiB) of one command in a process of its own."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["INTERPARL_DATA_DIR"] = str(data)
    script = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "stdin = open(sys.argv[1], 'rb') if sys.argv[1] != '-' else None;"
        "quiet = subprocess.DEVNULL;"
        "code = subprocess.run(sys.argv[2:], stdin=stdin, stdout=quiet, stderr=quiet).returncode;"
        "print(code, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(stdin) if stdin else "-", INTERPARL, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--words", type=int, default=200_000)
    options = parser.parse_args()
    console = Console()
    table = Table(title="Hostile input: time and peak memory of the command")
    for column in ("case", "input", "exit", "seconds", "peak RSS"):
        table.add_column(column, justify="left" if column in ("case", "input") else "right")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        baseline = run(["check"], tmp / "registry-0")  # a prepared registry: the cost of starting at all
        table.add_row(
            "`interparl check` (for scale)",
            "built-in data",
            str(baseline[0]),
            f"{baseline[1]:.1f}",
            f"{baseline[2]:.0f} MiB",
        )
        cases = [
            ("Popolo, one huge section", "organizations.json", big_organizations, ["load"]),
            ("Popolo, nested arrays", "nested.json", nested, ["load"]),
        ]
        for index, (name, filename, make, command) in enumerate(cases, start=1):
            path = tmp / filename
            console.print(f"writing {filename} …")
            make(path, options.megabytes)
            size = path.stat().st_size / 1_000_000
            code, seconds, rss = run([*command, str(path)], tmp / f"registry-{index}")
            table.add_row(name, f"{size:.0f} MB", str(code), f"{seconds:.1f}", f"{rss:.0f} MiB")
            path.unlink()
        for name, text in (
            ("extract, plain prose", plain_text(options.words)),
            ("extract, adversarial text", adversarial_text(options.words)),
        ):
            path = tmp / "page.txt"
            path.write_text(text, encoding="utf-8")
            code, seconds, rss = run(["extract", "-"], tmp / "registry-0", stdin=path)
            table.add_row(name, f"{len(text.split()):,} words", str(code), f"{seconds:.1f}", f"{rss:.0f} MiB")
    console.print(table)


if __name__ == "__main__":
    main()
