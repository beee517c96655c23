"""Template helpers: translated data with a visible fallback, partial dates, JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interparl.registry.partial_dates import PartialDate

from .. import addresses

register = template.Library()

OTHER = {"en": "ru", "ru": "en"}


@register.simple_tag
def tr(obj, field: str):
    """The field in the page's language; if missing, the other language's text, marked as such."""
    if obj is None:
        return ""
    language = (get_language() or "en")[:2]
    value = getattr(obj, f"{field}_{language}", None)
    if value:
        return value
    other = OTHER.get(language, "en")
    fallback = getattr(obj, f"{field}_{other}", None) or ""
    if not fallback:
        return ""
    return format_html(
        '<span lang="{}" class="fallback" title="{}">{}</span>', other, _("Not available in this language"), fallback
    )


def _partial(value, after_since: bool) -> str:
    if not value:
        return ""
    date = value if isinstance(value, PartialDate) else PartialDate.parse(value)
    from django.utils.formats import date_format

    russian = (get_language() or "").startswith("ru")
    if date.precision == "day":
        return date_format(date.earliest(), "j E Y" if russian else "j F Y")
    if date.precision == "month":
        if russian and after_since:
            return date_format(date.earliest(), "E Y")  # «с ноября 2016»: after «с» the month is genitive
        text = date_format(date.earliest(), "F Y")
        return text[:1].lower() + text[1:] if russian else text
    return str(date.year)


@register.filter
def partial(value):
    """A partial date (2024, 2024-02, 2024-02-15) the way the page's language reads it on its own: a month is
    named in the nominative ("ноябрь 2016", "November 2016")."""
    return _partial(value, after_since=False)


@register.filter
def partial_since(value):
    """The same after "since" / «с», where Russian puts the month in the genitive ("с ноября 2016")."""
    return _partial(value, after_since=True)


@register.simple_tag
def jsonld(data):
    """A schema.org JSON-LD block, safe inside <script>."""
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def status_label(status):
    labels = {
        "member": _("member"),
        "participation_frozen": _("participation frozen"),
        "suspended": _("membership suspended"),
        "withdrawn": _("withdrawn"),
        "observer": _("observer"),
        "partner": _("partner"),
    }
    return labels.get(status, status)


@register.filter
def basis_label(basis):
    from interparl.registry.models import Chairmanship

    return dict(Chairmanship.Basis.choices).get(basis, basis)


@register.filter
def role_label(role):
    from interparl.registry.roles import Role

    return dict(Role.choices).get(role, role)


@register.simple_tag
def member_url(assembly_path: str | None, country: str) -> str:
    """A member state's page in the assembly whose part of the address is ``assembly_path`` (None: the default)."""
    return addresses.member(assembly_path, country)
