"""Reload the reference data for its two new datasets: the UN (M49) names of countries, areas and
regions in the six UN languages (m49_names) and the States that can be members (un_member_states).
See docs/adr/0002."""

from django.db import migrations

from harambee.registry.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0003_more_un_entities"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
