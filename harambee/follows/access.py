"""Who sees and changes which follow: a person's follows are theirs alone (others' are not found).

What may be followed is what the person may see: a member through `registry.access.member_get_for_user`,
a need or offer through `postings.access.posting_get_for_user`, and a search of the lists (whose
results are filtered for the person each time a digest is made)."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Follow


def follow_list_for_user(*, user) -> QuerySet[Follow]:
    """The follows of `user` (none for a visitor who is not signed in)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Follow.objects.none()
    return Follow.objects.filter(person=user).select_related("member__country", "posting__member")


def follow_get_for_user(*, user, pk: int) -> Follow:
    """One of `user`'s own follows; 404 for anyone else's (its existence is not revealed)."""
    follow = follow_list_for_user(user=user).filter(pk=pk).first()
    if follow is None:
        raise Http404(_("No such follow."))
    return follow
