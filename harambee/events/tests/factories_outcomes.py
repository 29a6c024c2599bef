"""Registrations for the outcomes tests, written directly (the nomination services are another area's);
and action items, notes and survey answers through the outcomes services."""

from harambee.events.choices import RegistrationStatus
from harambee.events.models import Registration
from harambee.events.outcomes import ActionInput, action_create


def make_registration(event, member, *, user=None, status=RegistrationStatus.APPROVED, sex="", name="", email=""):
    number = Registration.objects.count() + 1
    return Registration.objects.create(
        event=event,
        member=member,
        user=user,
        full_name=name or f"Delegate {number}",
        email=email or f"delegate{number}@example.org",
        sex=sex,
        status=status,
    )


def make_action(event, owner, *, title="Draft a national AI skills plan", actor=None, **overrides):
    return action_create(event=event, actor=actor, data=ActionInput(title=title, owner=owner, **overrides))
