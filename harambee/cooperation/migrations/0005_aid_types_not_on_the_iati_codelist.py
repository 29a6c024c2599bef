"""Aid types the platform accepted before the IATI codelist was the rule (harambee.iati.codelists):
the default D021 for South-South training and the sub-codes of the old hand-typed list are not
AidType codes of the vendored 2.03 codelist; each becomes the code it belongs to."""

from django.db import migrations

# Frozen here on purpose (a migration must not change with the codelists).
PARENT = {
    "D021": "D02",
    "D011": "D01",
    "D012": "D01",
    "D013": "D01",
    "B021": "B02",
    "B022": "B02",
    "B031": "B03",
    "B032": "B03",
    "B033": "B03",
}


def forwards(apps, schema_editor):
    Cooperation = apps.get_model("cooperation", "Cooperation")
    for old, new in PARENT.items():
        Cooperation.objects.filter(aid_type=old).update(aid_type=new)


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0004_result_type_from_iati_codelist_pledge_units_from_taxonomy")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
