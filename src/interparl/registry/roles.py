"""The roles a person can have in an assembly, and one table of what each means.

Models, rules, extraction and planning all read this table: which roles hold a delegation's seat, which body a
post belongs to, which posts have a single holder, and each post's title in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("member")
    PLENIPOTENTIARY = "plenipotentiary_representative", _("plenipotentiary representative")
    HEAD_OF_DELEGATION = "head_of_delegation", _("head of delegation")
    DEPUTY_HEAD_OF_DELEGATION = "deputy_head_of_delegation", _("deputy head of delegation")
    CHAIR = "chair", _("chair")
    DEPUTY_CHAIR = "deputy_chair", _("deputy chair")
    EXECUTIVE_SECRETARY = "executive_secretary", _("executive secretary")
    DEPUTY_EXECUTIVE_SECRETARY = "deputy_executive_secretary", _("deputy executive secretary")
    SECRETARY_GENERAL = "secretary_general", _("secretary general")


DELEGATION, ASSEMBLY, SECRETARIAT = "delegation", "assembly", "secretariat"


@dataclass(frozen=True)
class Meaning:
    holds_seat: bool  # occupies one of a delegation's seats (a plenipotentiary is staff, not a seat)
    body: str  # where the post is: a national delegation, the assembly itself, or its secretariat
    single_holder: bool  # one person at a time (a new holder ends the previous one's term)
    title_en: str  # the post's title, for a post the registry creates
    title_ru: str


MEANING: dict[Role, Meaning] = {
    Role.MEMBER: Meaning(True, DELEGATION, False, "Member", "Член"),
    Role.PLENIPOTENTIARY: Meaning(
        False, DELEGATION, True, "Plenipotentiary representative", "Полномочный представитель"
    ),
    Role.HEAD_OF_DELEGATION: Meaning(True, DELEGATION, True, "Head of delegation", "Руководитель делегации"),
    Role.DEPUTY_HEAD_OF_DELEGATION: Meaning(
        True, DELEGATION, False, "Deputy head of delegation", "Заместитель руководителя делегации"
    ),
    Role.CHAIR: Meaning(False, ASSEMBLY, True, "Chair", "Председатель"),
    Role.DEPUTY_CHAIR: Meaning(False, ASSEMBLY, False, "Deputy chair", "Заместитель председателя"),
    Role.EXECUTIVE_SECRETARY: Meaning(False, SECRETARIAT, True, "Executive Secretary", "Ответственный секретарь"),
    Role.DEPUTY_EXECUTIVE_SECRETARY: Meaning(
        False, SECRETARIAT, False, "Deputy Executive Secretary", "Заместитель ответственного секретаря"
    ),
    Role.SECRETARY_GENERAL: Meaning(False, ASSEMBLY, True, "Secretary General", "Генеральный секретарь"),
}


def meaning(role: str) -> Meaning:
    return MEANING[Role(role)]


def roles_where(**conditions) -> frozenset[str]:
    """The roles whose meaning matches every condition, e.g. ``roles_where(holds_seat=True)``."""
    return frozenset(
        role.value for role, m in MEANING.items() if all(getattr(m, k) == v for k, v in conditions.items())
    )


SEAT_ROLES = roles_where(holds_seat=True)
DELEGATION_ROLES = roles_where(body=DELEGATION)
