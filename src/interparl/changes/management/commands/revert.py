from interparl.commands import RegistryCommand, console_for

from ...services import revert_change, revert_changeset
from ..acting import acting_user, add_actor_arguments


class Command(RegistryCommand):
    help = (
        "Undo a change (its id from the change log, e.g. person-42) or a whole change set (#N, an approved "
        "proposal or a merge); the revert is itself a change, with its reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("change", help="A change id (kind-number) or a change set (#N or changeset:N).")
        add_actor_arguments(parser)

    def run(self, *args, change: str, reason: str, user=None, **options):
        who = acting_user(user)
        number = change.removeprefix("#").removeprefix("changeset:")
        made = revert_changeset(int(number), reason, who) if number.isdigit() else revert_change(change, reason, who)
        console_for(self.stdout).print(f"Reverted {change}: change set #{made.pk}.")
