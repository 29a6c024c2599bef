"""Load the reference data: M49 countries and regions, the LDC/LLDC/SIDS/G77 groups, the reference
organisations and the datasets that say where each list comes from and how current it is.

The data lives in CSV files under harambee/registry/data/ and is loaded by
harambee.registry.reference.load_reference_data, which upserts and is idempotent. Later updates
to the lists (an LDC graduation, a new SIDS, a renamed organisation) come as new data migrations:
edit the CSV files (including the source and as-of date) and add a migration whose RunPython calls
load_reference_data(apps) again. Do not edit this migration.
"""

from django.db import migrations

from harambee.registry.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
