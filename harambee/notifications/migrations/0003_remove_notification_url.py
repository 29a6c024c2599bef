from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_link_by_url_name"),
    ]

    operations = [
        migrations.RemoveField(model_name="notification", name="url"),
    ]
