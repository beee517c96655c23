"""Where an assembly's pages live: the default assembly's at the short addresses (/en/, /en/delegations/blr/), any
other under its own public id (/en/assemblies/pace/, /en/assemblies/pace/delegations/fra/)."""

from django.urls import reverse

from interparl.registry import models, selectors


def path_of(assembly: models.Organization, default: models.Organization | None = None) -> str | None:
    """The assembly's part of its pages' addresses: None for the default assembly."""
    default = default or selectors.default_assembly()
    return None if default is not None and assembly.pk == default.pk else assembly.slug


def home(path: str | None) -> str:
    return reverse("portal:home") if path is None else reverse("portal:assembly", args=[path])


def member(path: str | None, country: str) -> str:
    if path is None:
        return reverse("portal:member", args=[country.lower()])
    return reverse("portal:assembly-member", args=[path, country.lower()])
