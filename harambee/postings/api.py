"""The JSON API for needs and offers: list with the web's filters and search, detail, create,
update and lifecycle transitions, with the web's permissions (one access layer)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.decorators import decorate_view

from harambee.accounts.auth import API_WRITE_AUTH, api_user
from harambee.core.pagecache import public_page_cache
from harambee.core.paging import Page, PageParams, page_of
from harambee.registry.access import member_list_for_user, people_names

from . import text
from .access import PostingAction, default_contact, members_user_may_post_for, posting_get_for_user
from .choices import PUBLIC_STATUSES, PostingKind, PostingStatus
from .selectors import (
    PostingFilters,
    posting_form_input,
    posting_search,
    posting_search_suggestion,
    postings_generation,
)
from .services import new_external_id, posting_create, posting_transition, posting_update
from .validation import PostingIn, TranslationSchema, parse_posting

router = Router(tags=["needs and offers"])


class PostingOut(Schema):
    id: str
    kind: str
    member: str
    status: str
    title: str
    description: str
    language: str
    modalities: list[str]
    themes: list[str]
    sectors: list[str]
    target_groups: list[str] = []
    sdgs: list[int] = []
    channel: str = ""
    delivery_languages: list[str]
    format: str | None
    location: str = ""
    capacity: dict | None
    apply_by: date | None = None
    start: date | None
    end: date | None
    eligible_groups: list[str]
    eligible_regions: list[str]
    eligible_members: list[str] = []
    translations: list[TranslationSchema] = []
    freshness: str
    published_at: str | None
    contact: str | None = Field(
        None,
        description="Whom to contact: the person's name if they consent to be shown, else their member's "
        "name; never an e-mail address.",
    )


class ListParams(PageParams):
    q: str = Field("", max_length=200)
    status: list[str] = []
    member: str = Field("", max_length=32)
    modality: list[str] = []
    theme: list[str] = []
    sector: list[str] = []
    target_group: list[str] = []
    region: list[str] = []
    group: list[str] = []
    language: list[str] = []
    format: list[str] = []


class PostingSearchPage(Page[PostingOut]):
    """A page of needs or offers; with a query, best matches first (docs/search.md)."""

    suggestion: str | None = Field(
        None, description="A corrected query when `q` found few postings and the corrected one finds more."
    )


class TransitionIn(Schema):
    action: str = Field(..., max_length=40)
    reason: str = Field("", max_length=1000)


def _out(posting, *, contact: str | None) -> PostingOut:
    data = posting_form_input(posting)
    return PostingOut(
        **{k: v for k, v in data.items() if k in PostingOut.model_fields and k != "contact"},
        status=posting.status,
        freshness=posting.freshness,
        published_at=posting.published_at.isoformat() if posting.published_at else None,
        contact=contact,
    )


def _outs(postings, user) -> list[PostingOut]:
    """The postings as the API shows them to `user`, contacts named by the one rule for people."""
    with_contact = [p for p in postings if p.contact_id]
    named = people_names([(p.contact, p.member.code) for p in with_contact], viewer=user)
    names = dict(zip(with_contact, named, strict=True))
    return [_out(p, contact=names.get(p)) for p in postings]


def _list(request, kind: str, params: ListParams) -> dict:
    user = api_user(request)
    allowed = set(PostingStatus.values) if getattr(user, "is_authenticated", False) else set(PUBLIC_STATUSES)
    bad = [s for s in params.status if s not in allowed]
    if bad:
        raise ValidationError({"status": _("Unknown status: %(code)s") % {"code": bad[0]}})
    facets = {
        name: getattr(params, name)
        for name in ("modality", "theme", "sector", "target_group", "region", "group", "language", "format")
        if getattr(params, name)
    }
    filters = PostingFilters(kind=kind, q=params.q, status=params.status, member=params.member.lower(), facets=facets)
    qs = posting_search(user=user, filters=filters).prefetch_related("translations", "eligible_members")
    page = page_of(qs.select_related("contact"), params, lambda postings: _outs(postings, user))
    return {**page, "suggestion": posting_search_suggestion(filters)}


class PostingBody(PostingIn):
    """A posting in the interchange format (`PostingIn`, checked by `parse_posting` like a form or an
    imported line), and whether to submit it at once."""

    submit: bool = Field(False, description="Submit (publish, without pre-moderation) right away.")


def _body(payload: PostingBody, **fixed) -> tuple[dict, bool]:
    """The body as sent, with the fields the endpoint decides; `submit` apart."""
    body = dict(payload.raw)
    submit = body.pop("submit", False)
    unknown = sorted(name for name in body if name not in PostingIn.model_fields)
    if unknown or not isinstance(submit, bool):
        errors = {name: [_("Unknown field.")] for name in unknown}
        if not isinstance(submit, bool):
            errors["submit"] = [_("Expected true or false.")]
        raise ValidationError(errors)
    return {**body, **fixed}, submit


def _create(request, kind: str, payload: PostingBody):
    user = request.user
    body, submit = _body(payload, kind=kind)
    member_code = body.get("member") if isinstance(body.get("member"), str) else ""
    member = members_user_may_post_for(user).filter(code=member_code.lower()).first()
    if member is None:
        # A member the user may not even see is as unknown as one that does not exist.
        if member_list_for_user(user=user).filter(code=member_code.lower()).exists():
            raise PermissionDenied(_("You may not write needs or offers for this member."))
        raise ValidationError({"member": _("Unknown member: %(code)s") % {"code": member_code[:40]}})
    body["id"] = body.get("id") or new_external_id(kind)
    data = parse_posting(body, detect=text.detect_language)
    posting = posting_create(actor=user, member=member, data=data, contact=default_contact(user, member))
    if submit:
        posting = posting_transition(posting=posting, actor=user, action="submit")
    return Status(201, _outs([posting_get_for_user(user=user, external_id=posting.external_id)], user)[0])


def _update(request, kind: str, external_id: str, payload: PostingBody):
    user = request.user
    posting = posting_get_for_user(user=user, external_id=external_id, action=PostingAction.EDIT)
    if posting.kind != kind:
        raise ValidationError({"kind": _("A need cannot become an offer, nor an offer a need.")})
    body, _submit = _body(payload, kind=kind, id=posting.external_id, member=posting.member.code)
    data = parse_posting(body, detect=text.detect_language)
    posting_update(posting=posting, actor=user, data=data, contact=posting.contact)
    return _outs([posting_get_for_user(user=user, external_id=external_id)], user)[0]


def _transition(request, external_id: str, payload: TransitionIn):
    user = request.user
    posting = posting_get_for_user(user=user, external_id=external_id)
    posting_transition(posting=posting, actor=user, action=payload.action, reason=payload.reason)
    return _outs([posting_get_for_user(user=user, external_id=external_id)], user)[0]


def _register(path: str, kind: str) -> None:
    noun = "needs" if kind == PostingKind.NEED else "offers"

    @router.get(f"/{path}", response=PostingSearchPage, summary=f"List and search {noun}", operation_id=f"{noun}_list")
    @decorate_view(public_page_cache(postings_generation))
    def list_view(request: HttpRequest, params: Query[ListParams]):
        return _list(request, kind, params)

    @router.get(
        f"/{path}/{{external_id}}", response=PostingOut, summary=f"One of the {noun}", operation_id=f"{noun}_get"
    )
    def detail_view(request: HttpRequest, external_id: str):
        user = api_user(request)
        return _outs([posting_get_for_user(user=user, external_id=external_id)], user)[0]

    @router.post(
        f"/{path}", response={201: PostingOut}, auth=API_WRITE_AUTH, summary=f"Create one of the {noun}",
        operation_id=f"{noun}_create",
    )  # fmt: skip
    def create_view(request: HttpRequest, payload: PostingBody):
        return _create(request, kind, payload)

    @router.put(
        f"/{path}/{{external_id}}", response=PostingOut, auth=API_WRITE_AUTH, summary=f"Replace one of the {noun}",
        operation_id=f"{noun}_update",
    )  # fmt: skip
    def update_view(request: HttpRequest, external_id: str, payload: PostingBody):
        return _update(request, kind, external_id, payload)

    @router.post(
        f"/{path}/{{external_id}}/transitions", response=PostingOut, auth=API_WRITE_AUTH,
        summary=f"Move one of the {noun} through its lifecycle", operation_id=f"{noun}_transition",
    )  # fmt: skip
    def transition_view(request: HttpRequest, external_id: str, payload: TransitionIn):
        return _transition(request, external_id, payload)


_register("needs", PostingKind.NEED)
_register("offers", PostingKind.OFFER)
