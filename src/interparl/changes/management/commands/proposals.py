from rich.table import Table

from interparl.commands import RegistryCommand, console_for, print_json
from interparl.errors import DatasetError

from ...models import Proposal
from ...review import approve, reject
from ..acting import acting_user, add_actor_arguments


def numbers(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise DatasetError([f"--only: '{text}' is not a list of change numbers such as 1,3"]) from None


class Command(RegistryCommand):
    help = "Review proposals: list them, show one, approve all or some of its changes, or reject it with a reason."

    def add_arguments(self, parser):
        parser.add_argument(
            "action", choices=["list", "show", "approve", "reject"], nargs="?", default="list", help="What to do."
        )
        parser.add_argument("number", nargs="?", type=int, help="The proposal's number (show, approve, reject).")
        parser.add_argument("--only", default=None, help="Approve only these changes, e.g. 1,3 (see `show`).")
        parser.add_argument("--reason", default="", help="Why the proposal is rejected (required for reject).")
        add_actor_arguments(parser, reason_required=False)
        parser.add_argument(
            "--status", default=None, choices=[s for s, _ in Proposal.Status.choices], help="List only these."
        )
        parser.add_argument("--format", choices=["table", "json"], default="table", help="How to show the answer.")

    def run(
        self, *args, action="list", number=None, only=None, reason="", user=None, status=None, format="table", **options
    ):
        console = console_for(self.stdout)
        if action == "list":
            proposals = Proposal.objects.all()[:200] if status is None else Proposal.objects.filter(status=status)[:200]
            if format == "json":
                print_json(self.stdout, [self._brief(p) for p in proposals])
                return
            table = Table(title="Proposals")
            for column in ("No.", "Made", "Source", "As of", "Changes", "Status"):
                table.add_column(column)
            for p in proposals:
                table.add_row(
                    str(p.pk),
                    f"{p.created:%Y-%m-%d %H:%M}",
                    p.source_url or p.source_document,
                    str(p.as_of),
                    str(len(p.pending_numbers)),
                    p.get_status_display(),
                )
            console.print(table)
            return
        if number is None:
            raise DatasetError([f"proposals {action}: give the proposal's number"])
        try:
            proposal = Proposal.objects.get(pk=number)
        except Proposal.DoesNotExist:
            raise DatasetError([f"no proposal #{number}"]) from None
        if action == "show":
            if format == "json":
                print_json(self.stdout, {**self._brief(proposal), "changes": proposal.changes})
                return
            console.print(f"[bold]{proposal}[/] · {proposal.get_status_display()} · as of {proposal.as_of}")
            for n, change in enumerate(proposal.changes, start=1):
                mark = "*" if change.get("operations") else " "
                console.print(
                    f"{mark}{n:>3}  {change['action']:<9} {change['kind']:<12} {change['summary']}", highlight=False
                )
            console.print("[dim]* a change approval would write[/]")
        elif action == "approve":
            written = approve(proposal, acting_user(user), numbers(only) if only else None)
            console.print(f"Proposal #{proposal.pk} approved: change set #{written.pk} written.")
        else:
            reject(proposal, acting_user(user), reason)
            console.print(f"Proposal #{proposal.pk} rejected: {reason}")

    @staticmethod
    def _brief(p: Proposal) -> dict:
        return {
            "number": p.pk,
            "created": p.created.isoformat(),
            "source": p.source_url or p.source_document,
            "assembly": p.assembly,
            "as_of": p.as_of.isoformat(),
            "status": p.status,
            "pending": p.pending_numbers,
            "approved": p.approved,
            "changeset": p.changeset_id,
        }
