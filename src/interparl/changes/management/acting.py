"""What the commands that change the registry share: the account they act as, and the reason they record."""

from django.contrib.auth import get_user_model

from interparl.errors import DatasetError


def add_actor_arguments(parser, reason_required: bool = True) -> None:
    if reason_required:
        parser.add_argument("--reason", required=True, help="Why: shown in the public change log.")
    parser.add_argument("--user", default=None, help="Act as this account (its permissions are checked).")


def acting_user(name: str | None):
    """The account a command acts as (its permissions are checked); None: the machine's operator."""
    if not name:
        return None
    try:
        return get_user_model().objects.get(username=name)
    except get_user_model().DoesNotExist:
        raise DatasetError([f"--user: no account '{name}'"]) from None
