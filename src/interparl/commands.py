"""The base of every `interparl` command (``cli.py`` is the entry point): one-line errors with exit status 2,
and a ready database."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from interparl.dates import parse_date
from interparl.errors import InputError


class _OneLineParser(CommandParser):
    def error(self, message):
        if getattr(self, "called_from_command_line", False):
            print(f"{self.prog}: error: {message}", file=sys.stderr)
            raise SystemExit(2)
        raise CommandError(f"Error: {message}", returncode=2)


def iso_date(value: str) -> dt.date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def print_json(stdout, data) -> None:
    stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class RegistryCommand(BaseCommand):
    """A command that reads or writes the registry. Subclasses implement ``run``."""

    prepares_database = True  # migrate, and load the built-in dataset into an empty registry
    loads_builtin_dataset = True

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = _OneLineParser
        return parser

    def handle(self, *args, **options):
        try:
            if self.prepares_database:
                from interparl.registry.services import prepare_database

                prepare_database(load_builtin=self.loads_builtin_dataset)
            return self.run(*args, **options)
        except InputError as exc:
            raise CommandError("\n".join(exc.lines), returncode=2) from None

    def run(self, *args, **options):  # pragma: no cover - abstract
        raise NotImplementedError


def progress_bar(stderr, label: str, *amounts):
    """A progress bar on the command's error output (gone when done): ``label``, the bar, then ``amounts`` (rich
    columns such as a count or the time remaining)."""
    from rich.progress import BarColumn, Progress, TextColumn

    return Progress(TextColumn(label), BarColumn(), *amounts, console=console_for(stderr), transient=True)


def console_for(stdout):
    """A rich console on the command's output; wide enough for tables when piped to a file."""
    from rich.console import Console

    out = getattr(stdout, "_out", stdout)
    interactive = hasattr(out, "isatty") and out.isatty()
    return Console(file=out, width=None if interactive else 160)
