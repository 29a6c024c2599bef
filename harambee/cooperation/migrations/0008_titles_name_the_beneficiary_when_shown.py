"""Cooperation titles no longer hold the beneficiary's English name ("Course → Egypt" on Arabic
pages): a title made from an offer keeps the offer's title and pages add the beneficiary's name in
the reader's language (``Cooperation.display_title``).

Existing rows are converted: a cooperation started by a match or an allocation round whose title
ends in " → " and the beneficiary's English name as it was stored (CLDR, the UN name, or an
organisation's own name) keeps the part before the arrow and names the beneficiary when shown.
Titles people typed are left as they are. Notifications that quoted such a title get it in every
language of the site."""

from django.db import migrations

ARROW = " → "


def english_names(member) -> set[str]:
    """The English names a title may have frozen for ``member``: CLDR's (what titles used) and the UN's."""
    from babel import Locale

    from harambee.registry.names import territory_name

    if member.kind == "state" and member.country_id:
        iso2 = member.country.iso2
        names = {Locale.parse("en").territories.get(iso2, ""), territory_name(iso2, "en"), member.name}
    else:
        names = {(member.name_translations or {}).get("en", ""), member.name}
    return {name[:140] for name in names if name}


def display_titles(cooperation) -> dict[str, str]:
    """The title in each language of the site, as ``Cooperation.display_title`` shows it."""
    from django.conf import settings
    from django.utils import translation

    from harambee.registry.names import territory_name

    member = cooperation.beneficiary
    titles = {}
    for code, _name in settings.LANGUAGES:
        if member.kind == "state" and member.country_id:
            name = territory_name(member.country.iso2, code) or member.name or member.code.upper()
        else:
            name = (member.name_translations or {}).get(code.split("-")[0]) or member.name
        with translation.override(code):
            titles[code] = translation.gettext("%(offer)s → %(beneficiary)s") % {
                "offer": cooperation.title,
                "beneficiary": name,
            }
    return titles


def forwards(apps, schema_editor):
    Cooperation = apps.get_model("cooperation", "Cooperation")
    Notification = apps.get_model("notifications", "Notification")
    converted = {}
    candidates = Cooperation.objects.filter(
        origin__in=["match", "allocation"], offer__isnull=False, title_names_beneficiary=False, title__contains=ARROW
    ).select_related("beneficiary__country")
    for cooperation in candidates.iterator():
        head, _arrow, tail = cooperation.title.rpartition(ARROW)
        if head and tail in english_names(cooperation.beneficiary):
            old = cooperation.title
            cooperation.title = head
            cooperation.title_names_beneficiary = True
            cooperation.save(update_fields=["title", "title_names_beneficiary"])
            converted[cooperation.pk] = (old, display_titles(cooperation))
    if not converted:
        return
    for notification in Notification.objects.filter(url_name="cooperation:detail").iterator():
        pk = (notification.url_kwargs or {}).get("pk")
        params = notification.params or {}
        if pk in converted and params.get("cooperation") == converted[pk][0]:
            notification.params = {**params, "cooperation": converted[pk][1]}
            notification.save(update_fields=["params"])


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0007_cooperation_title_names_beneficiary"),
        ("notifications", "0003_remove_notification_url"),
        ("registry", "0004_un_names_and_state_members"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
