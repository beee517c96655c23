import os
import sys
from pathlib import Path

from interparl.commands import RegistryCommand
from interparl.errors import DatasetError

from ...dataset.popolo_export import write_popolo


class Command(RegistryCommand):
    help = "Export the whole registry as Popolo JSON (to a file, or to standard output)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["popolo"], default="popolo", help="The format (Popolo JSON).")
        parser.add_argument("--output", "-o", type=Path, default=None, help="File to write (default: stdout).")

    def run(self, *args, format="popolo", output=None, **options):
        if output is None:
            try:
                write_popolo(sys.stdout)
                sys.stdout.flush()
            except BrokenPipeError:
                # The reader stopped early (`interparl export | head`): that is not an error.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        try:
            out = open(output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise DatasetError([f"{output}: cannot be written ({exc.strerror or exc})"]) from None
        with out:
            write_popolo(out)
        self.stderr.write(f"wrote {output}")
