from pathlib import Path

from django.db import OperationalError
from rich.progress import DownloadColumn, MofNCompleteColumn, TimeRemainingColumn
from rich.table import Table

from interparl.commands import RegistryCommand, console_for, progress_bar

from ... import search
from ...dataset.loader import load_dataset
from ...dataset.popolo import load_popolo
from ...dataset.yaml_lines import DatasetError


class Command(RegistryCommand):
    help = (
        "Load a file into the registry, atomically: a dataset (YAML, format interparl-dataset/1) "
        "or a Popolo JSON document. Nothing is written if anything in it is wrong."
    )

    loads_builtin_dataset = False  # a file loaded into an empty registry is all it holds

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A dataset (YAML) or a Popolo JSON file.")
        parser.add_argument(
            "--format",
            choices=["dataset", "popolo"],
            default=None,
            help="Default: popolo for .json files, dataset otherwise.",
        )
        parser.add_argument("--reason", default=None, help="Why: recorded in the change history.")

    def run(self, *args, file: Path, format=None, reason=None, **options):
        console = console_for(self.stdout)
        format = format or ("popolo" if file.suffix.lower() == ".json" else "dataset")
        if format == "popolo":
            progress = progress_bar(self.stderr, "importing", DownloadColumn(), TimeRemainingColumn())
            with progress:
                task = progress.add_task("import", total=None)
                try:
                    report = load_popolo(
                        file, reason, lambda done, total: progress.update(task, completed=done, total=total)
                    )
                except DatasetError as exc:
                    exc.problems.append(
                        f"{len(exc.problems)} problem(s): the file was rejected and nothing was written"
                    )
                    raise
        else:
            report = load_dataset(file, reason=reason)
        self.index_names()
        table = Table(title=f"Loaded {file}")
        for column in ("Table", "Added", "Changed", "Unchanged", "Rejected"):
            table.add_column(column, justify="right" if column != "Table" else "left")
        for name, counts in report.counts.items():
            table.add_row(name, *(str(counts[k]) for k in ("added", "changed", "unchanged", "rejected")))
        console.print(table)
        if report.mapped:
            mapped = Table(title="Mapped to the registry's terms")
            mapped.add_column("What")
            mapped.add_column("Records", justify="right")
            for what, count in sorted(report.mapped.items()):
                mapped.add_row(what, f"{count:,}")
            console.print(mapped)

    def index_names(self) -> None:
        """Fold what the load wrote into the search entries now, so that no visitor's first search waits for it."""
        progress = progress_bar(self.stderr, "indexing names for search", MofNCompleteColumn(), TimeRemainingColumn())
        try:
            with progress:
                task = progress.add_task("index", total=None)
                search.refresh(lambda done, total: progress.update(task, completed=done, total=total))
        except OperationalError as exc:  # the load is written; the first search will fold the names instead
            self.stderr.write(f"the names were not indexed for search yet ({exc}); the first search will do it")
