"""How people are named to others: never by e-mail address, by name only with their consent."""

from django.utils.translation import gettext as _

from .models import Membership


def person_public_name(user, member) -> str:
    """The name under which ``user``, acting for ``member``, is shown to other people: the person's
    name when they consented to be shown for that member (``Membership.show_publicly``), otherwise
    the member's name in the active language; never an e-mail address. With no member (the person
    acted as the secretariat, e.g. approving an organisation) it is "the secretariat"; with no
    person (the platform acted), the member's name."""
    if member is None:
        return _("the secretariat")
    name = (getattr(user, "full_name", "") or "").strip()
    if name and Membership.objects.filter(user=user, member=member, show_publicly=True).exists():
        return name
    return member.display_name


def person_public_label(user, member) -> str:
    """``person_public_name`` followed by the member when it is the person's name:
    "Mwila Banda (Zambia)"; otherwise the member's name alone: "Zambia"."""
    name = person_public_name(user, member)
    if member is None or name == member.display_name:
        return name
    return _("%(person)s (%(member)s)") % {"person": name, "member": member.display_name}
