"""Destructive actions ask first: one pattern for every view that withdraws, declines, removes or revokes.

The page's button posts to the action's URL as before. Without `confirmed=yes` in the POST the view
answers with a confirmation page (what will happen, a button that posts the same fields again with
`confirmed=yes`, and a way back) and changes nothing; with it, the view acts. No script needed.
Call it after the access checks, so that a 404 or 403 comes before the question."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRMED = "confirmed"


def confirmation_page(
    request: HttpRequest, *, question: str, consequence: str, confirm_label: str, cancel_url: str
) -> HttpResponse | None:
    """None when the person has confirmed; otherwise the page that asks them to."""
    if request.POST.get(CONFIRMED) == "yes":
        return None
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in {"csrfmiddlewaretoken", CONFIRMED}
        for value in values
    ]
    context = {
        "question": question,
        "consequence": consequence,
        "confirm_label": confirm_label,
        "cancel_url": cancel_url,
        "action": request.path,
        "fields": fields,
    }
    return render(request, "core/confirm.html", context)
