"""`{% audit_prepared entries as rows %}`: a page of audit entries ready to show to the reader."""

from django import template

from harambee.audit.display import prepare

register = template.Library()


@register.simple_tag(takes_context=True)
def audit_prepared(context, entries, show_emails=False):
    """The entries with who, object and changes named for the signed-in reader (see audit.display)."""
    request = context.get("request")
    return prepare(entries or [], viewer=getattr(request, "user", None), show_emails=bool(show_emails))
