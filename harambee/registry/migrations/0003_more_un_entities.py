"""Adds FAO, WHO, WMO, ECLAC and ESCWA to the reference organisations (organisations.csv) by
running the idempotent loader again, as every later update of the reference lists does."""

from django.db import migrations


def load(apps, schema_editor):
    from harambee.registry.reference import load_reference_data

    load_reference_data(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_load_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
