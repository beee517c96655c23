"""Import a large generated Popolo file into an empty SQLite registry and export it again.

Prints rows per second, the peak memory of the process and the file size, so streaming can be checked:
peak memory should stay far below what holding the parsed file would take.
Run: .venv/bin/python bench/bench_popolo.py [--people 20000] [--memberships 200000]
"""

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path


def generate(path: Path, people: int, memberships: int) -> None:
    """A synthetic assembly: 40 delegations, `people` members, `memberships` one-year terms."""
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"sources": [{"id": "bench", "document": "generated"}],\n"countries": [],\n"organizations": [\n')
        out.write(
            json.dumps(
                {
                    "id": "bench-assembly",
                    "classification": "assembly",
                    "name": "Bench Assembly",
                    "sources": [{"id": "bench"}],
                }
            )
        )
        for d in range(40):
            out.write(
                ",\n"
                + json.dumps(
                    {
                        "id": f"bench-delegation-{d}",
                        "classification": "delegation",
                        "name": f"Delegation {d}",
                        "parent_id": "bench-assembly",
                    }
                )
            )
        out.write('\n],\n"persons": [\n')
        for p in range(people):
            out.write(
                ("" if p == 0 else ",\n")
                + json.dumps(
                    {
                        "id": f"p{p}",
                        "name": f"Member {p}",
                        "i18n": {"name": {"en": f"Member {p}", "ru": f"Член {p}"}},
                        "sources": [{"id": "bench"}],
                    },
                    ensure_ascii=False,
                )
            )
        out.write('\n],\n"memberships": [\n')
        for m in range(memberships):
            year = 1990 + (m // people) % 35
            out.write(
                ("" if m == 0 else ",\n")
                + json.dumps(
                    {
                        "id": f"m{m}",
                        "person_id": f"p{m % people}",
                        "organization_id": f"bench-delegation-{m % 40}",
                        "role": "member",
                        "start_date": f"{year}-01-01",
                        "end_date": f"{year}-12-31",
                        "sources": [{"id": "bench"}],
                    }
                )
            )
        out.write("\n]}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--memberships", type=int, default=200000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="interparl-popolo-"))
    os.environ["INTERPARL_DATA_DIR"] = str(work)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interparl.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.table import Table

    from interparl.registry.dataset.popolo import load_popolo
    from interparl.registry.dataset.popolo_export import export_popolo

    source = work / "large.json"
    began = time.perf_counter()
    generate(source, args.people, args.memberships)
    generated = time.perf_counter() - began
    call_command("migrate", verbosity=0)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with Progress(TextColumn("importing"), BarColumn(), DownloadColumn(), TimeRemainingColumn()) as progress:
        task = progress.add_task("import", total=None)
        began = time.perf_counter()
        report = load_popolo(
            source, "benchmark", lambda done, total: progress.update(task, completed=done, total=total)
        )
        imported = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    began = time.perf_counter()
    export_popolo(work / "export.json")
    exported = time.perf_counter() - began

    rows = report.total("added")
    table = Table(title="Popolo import and export")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("file size", f"{source.stat().st_size / 2**20:.1f} MiB")
    table.add_row("people / memberships", f"{args.people} / {args.memberships}")
    table.add_row("generate file", f"{generated:.1f} s")
    table.add_row("import (validate, write, history, rules)", f"{imported:.1f} s")
    table.add_row("rows added per second", f"{rows / imported:,.0f}")
    table.add_row("export", f"{exported:.1f} s")
    table.add_row("peak memory before import (RSS)", f"{rss_before:.0f} MiB")
    table.add_row("peak memory during import (RSS)", f"{peak:.0f} MiB")
    Console().print(table)


if __name__ == "__main__":
    main()
