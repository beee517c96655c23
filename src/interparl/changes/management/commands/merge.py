from interparl.commands import RegistryCommand, console_for

from ...services import merge_people
from ..acting import acting_user, add_actor_arguments


class Command(RegistryCommand):
    help = (
        "Merge two person records found to be one person: memberships, links, names and identifiers move to the "
        "kept record, and the other's addresses redirect to it. Revert with `interparl revert '#N'`."
    )

    def add_arguments(self, parser):
        parser.add_argument("keep", help="Public id of the record to keep.")
        parser.add_argument("other", help="Public id of the record merged into it (it is removed).")
        add_actor_arguments(parser)

    def run(self, *args, keep: str, other: str, reason: str, user=None, **options):
        made = merge_people(keep, other, reason, acting_user(user))
        console_for(self.stdout).print(
            f"Merged {other} into {keep}: change set #{made.pk} (undo with `interparl revert '#{made.pk}'`)."
        )
