"""The roles of people who keep the registry: Django groups made by a migration, with their permissions.

- editors propose changes (ingestion) and edit records in the admin;
- reviewers also approve or reject proposals, revert changes and merge records;
- administrators may do everything, including approving their own proposals and managing accounts.
"""

from __future__ import annotations

EDITORS, REVIEWERS, ADMINISTRATORS = "editors", "reviewers", "administrators"

REGISTRY_MODELS = (
    "source",
    "country",
    "organization",
    "person",
    "link",
    "post",
    "membership",
    "seatquota",
    "participation",
    "chairmanship",
    "rotationrule",
    "event",
    "newsitem",
)
EDITOR_PERMISSIONS = [
    *(f"registry.{action}_{model}" for model in REGISTRY_MODELS for action in ("view", "add", "change")),
    "changes.view_proposal",
    "changes.add_proposal",
    "changes.view_watchedpage",
    "changes.add_watchedpage",
    "changes.view_changeset",
]
REVIEWER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    *(f"registry.delete_{model}" for model in REGISTRY_MODELS),
    "changes.approve_proposal",
    "changes.revert_change",
    "changes.merge_person",
    "changes.change_watchedpage",
    "changes.delete_watchedpage",
]
ROLE_PERMISSIONS = {EDITORS: EDITOR_PERMISSIONS, REVIEWERS: REVIEWER_PERMISSIONS, ADMINISTRATORS: None}  # None: all


def is_in(user, group: str) -> bool:
    return bool(user and user.pk and user.groups.filter(name=group).exists())


def role_of(user) -> str:
    """The public word for who made a change: never an e-mail address."""
    if user is None:
        return "import"
    if user.is_superuser or is_in(user, ADMINISTRATORS):
        return "administrator"
    if is_in(user, REVIEWERS):
        return "reviewer"
    return "editor"


def public_name(user) -> str:
    """An editor's public name if they gave one, else their role."""
    if user is None:
        return "import"
    full = user.get_full_name().strip()
    return full if full and "@" not in full else role_of(user)


def sync_groups(apps=None) -> None:
    """Create the three groups and give each its permissions (run by a migration; safe to run again)."""
    from django.contrib.auth.management import create_permissions

    get = (lambda label: apps.get_model(*label.split("."))) if apps else None
    if apps is not None:
        for config in apps.get_app_configs():
            config.models_module = True
            create_permissions(config, apps=apps, verbosity=0)
            config.models_module = None
    Group = get("auth.Group") if get else __import__("django.contrib.auth.models", fromlist=["Group"]).Group
    Permission = (
        get("auth.Permission") if get else __import__("django.contrib.auth.models", fromlist=["Permission"]).Permission
    )
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if wanted is None:
            permissions = Permission.objects.filter(content_type__app_label__in=["registry", "changes", "auth"])
        else:
            pairs = [label.split(".") for label in wanted]
            permissions = [
                p
                for p in Permission.objects.filter(codename__in=[c for _, c in pairs]).select_related("content_type")
                if [p.content_type.app_label, p.codename] in pairs
            ]
        group.permissions.set(permissions)
