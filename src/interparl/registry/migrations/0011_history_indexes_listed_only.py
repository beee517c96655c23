"""Indexes no query reads are dropped: a history table's references other than those the change log lists by
(person, organisation, delegation), and a membership's own index on its organisation (the as-of index begins with
it). Each is dropped by name, as the database has it: altering the fields would make SQLite copy every table (and
lose the tables' version triggers)."""

import django.db.models.deletion
from django.db import migrations, models

# (model, field) whose column loses its index.
UNINDEXED = [
    ("historicalchairmanship", "country"),
    ("historicalchairmanship", "source"),
    ("historicalevent", "country"),
    ("historicalevent", "organizer"),
    ("historicalevent", "source"),
    ("historicallink", "source"),
    ("historicalmembership", "on_behalf_of"),
    ("historicalmembership", "post"),
    ("historicalmembership", "source"),
    ("historicalnewsitem", "source"),
    ("historicalorganization", "country"),
    ("historicalorganization", "parent"),
    ("historicalorganization", "sent_by"),
    ("historicalorganization", "source"),
    ("historicalparticipation", "country"),
    ("historicalparticipation", "participant"),
    ("historicalparticipation", "source"),
    ("historicalperson", "source"),
    ("historicalpost", "source"),
    ("historicalrotationrule", "source"),
    ("historicalseatquota", "chamber"),
    ("historicalseatquota", "source"),
    ("membership", "organization"),
]


def _single_column_indexes(schema_editor, table: str, column: str) -> list[str]:
    with schema_editor.connection.cursor() as cursor:
        constraints = schema_editor.connection.introspection.get_constraints(cursor, table)
    return [
        name
        for name, c in constraints.items()
        if c["index"] and not c["unique"] and not c["primary_key"] and c["columns"] == [column]
    ]


def drop_indexes(apps, schema_editor):
    for model_name, field_name in UNINDEXED:
        model = apps.get_model("registry", model_name)
        column = model._meta.get_field(field_name).column
        for name in _single_column_indexes(schema_editor, model._meta.db_table, column):
            schema_editor.execute(schema_editor._delete_index_sql(model, name))


def create_indexes(apps, schema_editor):
    for model_name, field_name in UNINDEXED:
        model = apps.get_model("registry", model_name)
        field = model._meta.get_field(field_name)
        if not _single_column_indexes(schema_editor, model._meta.db_table, field.column):
            schema_editor.execute(schema_editor._create_index_sql(model, fields=[field]))


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0010_search_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop_indexes, create_indexes)],
            state_operations=[
                migrations.AlterField(
                    model_name="historicalchairmanship",
                    name="country",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.country",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalchairmanship",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalevent",
                    name="country",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.country",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalevent",
                    name="organizer",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalevent",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicallink",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalmembership",
                    name="on_behalf_of",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="The chamber the person sits for (Popolo on_behalf_of). Empty: not stated.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalmembership",
                    name="post",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.post",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalmembership",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalnewsitem",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalorganization",
                    name="country",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="The state, where the organisation is national.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.country",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalorganization",
                    name="parent",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text=(
                            "The organisation this one is part of (a chamber's parliament, a delegation's assembly)."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalorganization",
                    name="sent_by",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="For a delegation: the national parliament that sends it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalorganization",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalparticipation",
                    name="country",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.country",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalparticipation",
                    name="participant",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="For an observer organisation (e.g. a foreign parliament) instead of a state.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalparticipation",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalperson",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalpost",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalrotationrule",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalseatquota",
                    name="chamber",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="The chamber, or the parliament itself when it is unicameral.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.organization",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalseatquota",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Where this fact came from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registry.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="membership",
                    name="organization",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="registry.organization",
                    ),
                ),
            ],
        ),
    ]
