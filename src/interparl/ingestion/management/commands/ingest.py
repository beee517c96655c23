import datetime as dt

from interparl.commands import RegistryCommand, console_for, iso_date, print_json
from interparl.inputs import read_page
from interparl.registry import selectors

from ...applying import apply_plan, prepare, propose_plan
from ...plans import ADD, CHANGE, CONFLICT, END, SIGNS, SKIPPED, UNCHANGED

STYLES = {ADD: "green", CHANGE: "yellow", END: "red", CONFLICT: "bold magenta", UNCHANGED: "dim", SKIPPED: "cyan"}


class Command(RegistryCommand):
    help = (
        "Compare what a page states with the registry and show the change it would make; store it for review "
        "with --propose, or write it with its sources with --apply."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Text, Markdown or HTML; '-' for standard input.")
        parser.add_argument("--assembly", default=None, help="Assembly id (default: the built-in one).")
        parser.add_argument("--source", default=None, help="Address of the page the text comes from.")
        parser.add_argument(
            "--as-of", type=iso_date, default=None, help="The date the text describes (default: today)."
        )
        parser.add_argument(
            "--lang", choices=["auto", "en", "ru"], default="auto", help="Language of the text (default: per sentence)."
        )
        parser.add_argument("--format", choices=["table", "json"], default="table", help="How to show the change.")
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--propose", action="store_true", help="Store the change as a proposal for a reviewer (see `proposals`)."
        )
        action.add_argument(
            "--apply", action="store_true", help="Write the change at once (one transaction), as an approved proposal."
        )

    def run(
        self,
        *args,
        file,
        assembly=None,
        source=None,
        as_of=None,
        lang="auto",
        format="table",
        apply=False,
        propose=False,
        **options,
    ):
        organization = selectors.assembly_or_default(assembly)
        raw = read_page(file)
        as_of = as_of or dt.date.today()
        text, plan = prepare(raw, organization, as_of, url=source, path=file, language=lang)
        applied = proposed = None
        if apply and plan.pending:
            applied = apply_plan(plan, raw, url=source, path=file)
        elif propose and plan.pending:
            proposed = propose_plan(plan, raw, url=source, path=file)
        if format == "json":
            stored = applied or proposed
            print_json(
                self.stdout, {**plan.to_dict(), "applied": bool(applied), "proposal": stored.pk if stored else None}
            )
            return
        console = console_for(self.stdout)
        console.print(
            f"[bold]{organization.slug}[/] as of {as_of} · source: {plan.source_label} · language: {plan.language}"
        )
        for change in plan.changes:
            style = STYLES[change.action]
            console.print(
                f"[{style}]{SIGNS[change.action]} {change.kind:<12} {change.summary}[/] "
                f"[dim]@{change.span[0]}–{change.span[1]}[/]",
                highlight=False,
            )
        counts = ", ".join(f"{plan.count(a)} {a}" for a in (ADD, CHANGE, END, CONFLICT, UNCHANGED, SKIPPED))
        console.print(f"\n{counts}")
        if applied:
            console.print(
                f"[bold green]Applied {len(plan.pending)} change(s) in one transaction[/] "
                f"(proposal #{applied.pk}, change set #{applied.changeset_id})."
            )
        elif proposed:
            console.print(
                f"[bold]Proposal #{proposed.pk}[/] stored with {len(plan.pending)} change(s): "
                f"`interparl proposals show {proposed.pk}`, then approve or reject it."
            )
        elif plan.pending:
            console.print(
                f"Nothing written. Run again with --propose to store {len(plan.pending)} change(s) for review, "
                "or --apply to write them now."
            )
        elif plan.count(SKIPPED):
            console.print("Nothing to write: the rest is already recorded, and the skipped facts (?) say why not.")
        else:
            console.print("Nothing to write: the registry already says all this.")
