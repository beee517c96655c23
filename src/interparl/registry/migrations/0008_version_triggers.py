"""Every registry write bumps the registry's version, in the same transaction: triggers on the change-history
tables and on the news items' lists of references (see interparl.registry.versioning)."""

from django.db import migrations
from django.db.models import Max

from interparl.registry.versioning import install_triggers

HISTORY = [
    "HistoricalSource",
    "HistoricalCountry",
    "HistoricalOrganization",
    "HistoricalPerson",
    "HistoricalLink",
    "HistoricalPost",
    "HistoricalMembership",
    "HistoricalSeatQuota",
    "HistoricalParticipation",
    "HistoricalChairmanship",
    "HistoricalRotationRule",
    "HistoricalEvent",
    "HistoricalNewsItem",
]


def forwards(apps, schema_editor):
    history = [apps.get_model("registry", name) for name in HISTORY]
    news = apps.get_model("registry", "NewsItem")
    lists = [news._meta.get_field(name).remote_field.through for name in ("countries", "people", "organizations", "events")]
    tables = {model._meta.db_table: ("INSERT",) for model in history}
    tables |= {through._meta.db_table: ("INSERT", "DELETE") for through in lists}
    changed = max((d for model in history if (d := model.objects.aggregate(last=Max("history_date"))["last"])), default=None)
    apps.get_model("registry", "RegistryVersion").objects.update_or_create(pk=1, defaults={"number": 1, "changed": changed})
    install_triggers(schema_editor, tables)


class Migration(migrations.Migration):
    dependencies = [("registry", "0007_version_row_and_as_of_indexes")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
