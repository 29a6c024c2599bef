"""Notifications link to a named URL pattern (reversed in each reader's language) instead of a
stored path (0003 then drops the path), and name who acted in the ``actor`` parameter. Existing rows are converted: the path
is resolved to its pattern name and arguments; ``actor`` names the member that acted (proposer,
answering side, reporting side, round provider) in every language, which the old ``member``
parameter did not for States."""

from django.db import migrations, models
from django.urls import Resolver404, resolve
from django.utils import translation

RENAMED = {"match_proposed", "match_accepted", "match_declined", "match_withdrawn", "cooperation_progress"}


def member_names(member):
    """A member's name in each language of the site (a State's from CLDR), as notifications store it."""
    from django.conf import settings

    from harambee.registry.names import territory_name

    names = {}
    for code, _name in settings.LANGUAGES:
        if member.kind == "state" and member.country_id:
            names[code] = territory_name(member.country.iso2, code) or member.name or member.code.upper()
        else:
            names[code] = (member.name_translations or {}).get(code.split("-")[0]) or member.name
    return names


def who_acted(apps, notification):
    """The member that acted, for a notification written before notifications named it well."""
    pk = notification.url_kwargs.get("pk")
    if notification.kind.startswith("match_"):
        match = apps.get_model("matching", "Match").objects.select_related(
            "proposer__country", "need__member__country", "offer__member__country"
        ).filter(pk=pk).first()
        if match is None:
            return None
        if notification.kind in ("match_proposed", "match_withdrawn"):
            return match.proposer
        return match.offer.member if match.proposer_id == match.need.member_id else match.need.member
    if notification.kind == "cooperation_progress":
        update = (
            apps.get_model("cooperation", "ProgressUpdate")
            .objects.select_related("member__country")
            .filter(cooperation_id=pk, created_at__lte=notification.created_at)
            .order_by("-created_at", "-id")
            .first()
        )
        return update.member if update else None
    if notification.kind == "round_published":
        round_ = apps.get_model("allocation", "AllocationRound").objects.select_related("provider__country")
        round_ = round_.filter(pk=pk).first()
        return round_.provider if round_ else None
    return None


def forwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    for notification in Notification.objects.all().iterator():
        if notification.url:
            with translation.override("en"):
                try:
                    match = resolve("/en" + notification.url)
                except Resolver404:
                    match = None
            if match is not None and match.view_name:
                notification.url_name = match.view_name
                notification.url_kwargs = match.kwargs
        params = dict(notification.params or {})
        stored = params.pop("member", "") if notification.kind in RENAMED else ""
        if notification.kind in RENAMED or notification.kind == "round_published":
            member = who_acted(apps, notification)
            params["actor"] = member_names(member) if member is not None else (stored or "…")
        notification.params = params
        notification.save(update_fields=["url_name", "url_kwargs", "params"])


def backwards(apps, schema_editor):
    from django.urls import NoReverseMatch, reverse

    Notification = apps.get_model("notifications", "Notification")
    for notification in Notification.objects.exclude(url_name="").iterator():
        with translation.override("en"):
            try:
                path = reverse(notification.url_name, kwargs=notification.url_kwargs)
            except NoReverseMatch:
                continue
        notification.url = path.removeprefix("/en")
        params = dict(notification.params or {})
        if notification.kind in RENAMED and "actor" in params:
            params["member"] = params.pop("actor")
        notification.params = params
        notification.save(update_fields=["url", "params"])


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("allocation", "0001_rounds"),
        ("matching", "0001_initial"),
        ("cooperation", "0003_tracking_iati_and_pledges"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="url_name",
            field=models.CharField(blank=True, help_text="A URL pattern name.", max_length=100, verbose_name="link"),
        ),
        migrations.AddField(
            model_name="notification",
            name="url_kwargs",
            field=models.JSONField(blank=True, default=dict, verbose_name="link parameters"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
