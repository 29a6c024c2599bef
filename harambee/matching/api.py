"""JSON API of matching: suggested counterparts, and the match workflow (propose, answer)."""

from datetime import datetime

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status

from harambee.accounts.auth import API_WRITE_AUTH, api_user
from harambee.core.errors import ErrorOut
from harambee.core.paging import Page, PageParams, page_of
from harambee.postings.access import posting_get_for_user
from harambee.postings.reading import rendering_for

from .access import MatchAction, match_get_for_user, match_list_for_user
from .explain import explain
from .models import MESSAGE_MAX_LENGTH, MatchStatus
from .selectors import match_messages, match_thread, suggestions_for
from .services import match_accept, match_decline, match_propose, match_withdraw, post_message

router = Router(tags=["matching"])


class ComponentOut(Schema):
    name: str
    value: float
    weight: float


class ReadingOut(Schema):
    title: str
    language: str
    source: str = Field(description="original, human (the author's translation) or machine (labelled so).")


class SuggestionOut(Schema):
    id: str
    kind: str
    title: str
    member: str
    language: str
    rank: int
    score: float
    reasons: list[str]
    components: list[ComponentOut]
    shared_concepts: list[str]
    similar: list[str] = Field(
        default_factory=list, description="Near-duplicates by the same member (nearly the same text), folded in."
    )
    in_reader_language: ReadingOut | None = Field(
        None, description="The title as a reader of `lang` sees it (`title` is the original)."
    )


class SuggestionsOut(Schema):
    posting: str
    semantic: bool
    pending: bool = Field(False, description="No matching index yet: the first one is being built.")
    results: list[SuggestionOut]


class SuggestionParams(Schema):
    lang: str = "en"
    limit: int = 10


def _reading(posting) -> ReadingOut:
    shown = rendering_for(posting)  # in the active language
    return ReadingOut(title=shown.title, language=shown.language, source=shown.source)


def _suggestions(request, external_id: str, params: SuggestionParams) -> SuggestionsOut:
    posting = posting_get_for_user(user=api_user(request), external_id=external_id)
    result = suggestions_for(posting=posting, limit=max(1, min(params.limit, 50)))
    language = params.lang if params.lang in ("ar", "zh", "en", "fr", "ru", "es") else "en"
    with translation.override("zh-hans" if language == "zh" else language):
        results = [
            SuggestionOut(
                id=other.external_id, kind=other.kind, title=other.title, member=other.member.code.upper(),
                language=other.language, rank=c.rank, score=c.score,
                reasons=[r.text for r in explain(c, candidate_language=other.language)],
                components=[ComponentOut(name=p.name, value=round(p.value, 4), weight=round(p.weight, 4))
                            for p in c.components],
                shared_concepts=list(c.shared_concepts),
                similar=[copy.external_id for copy in result.similar.get(other.pk, [])],
                in_reader_language=_reading(other),
            )
            for c, other in result.candidates
        ]  # fmt: skip
    return SuggestionsOut(
        posting=posting.external_id, semantic=result.semantic, pending=result.pending, results=results
    )


@router.get("/needs/{external_id}/suggestions", response=SuggestionsOut, summary="Suggested offers for a need")
def need_suggestions(request: HttpRequest, external_id: str, params: Query[SuggestionParams]):
    return _suggestions(request, external_id, params)


@router.get("/offers/{external_id}/suggestions", response=SuggestionsOut, summary="Suggested needs for an offer")
def offer_suggestions(request: HttpRequest, external_id: str, params: Query[SuggestionParams]):
    return _suggestions(request, external_id, params)


class MatchIn(Schema):
    need: str
    offer: str
    message: str = ""


class AnswerIn(Schema):
    response: str = ""


class MatchOut(Schema):
    id: int
    need: str
    offer: str
    proposer: str
    status: str
    message: str
    response: str
    score: float | None
    cooperation: int | None
    created_at: datetime
    decided_at: datetime | None


def _out(match) -> MatchOut:
    return MatchOut(
        id=match.pk, need=match.need.external_id, offer=match.offer.external_id,
        proposer=match.proposer.code.upper(), status=match.status, message=match.message, response=match.response,
        score=match.score, cooperation=match.cooperation_id, created_at=match.created_at, decided_at=match.decided_at,
    )  # fmt: skip


class MatchParams(PageParams):
    status: str = Field("", max_length=20, description="Only the matches in this status.")


@router.get("/matches", response=Page[MatchOut], auth=API_WRITE_AUTH, summary="Matches of your members")
def match_list(request: HttpRequest, params: Query[MatchParams]):
    matches = match_list_for_user(user=request.user)
    if params.status in MatchStatus.values:
        matches = matches.filter(status=params.status)
    return page_of(matches, params, lambda rows: [_out(m) for m in rows])


@router.post(
    "/matches",
    response={201: MatchOut, 409: ErrorOut},
    auth=API_WRITE_AUTH,
    summary="Propose a match",
    description="409 Conflict when the need and the offer are already proposed (by whom, when) or already "
    "work together (which cooperation), even when both sides propose at the same moment.",
)
def match_create(request: HttpRequest, payload: MatchIn):
    user = request.user
    need = posting_get_for_user(user=user, external_id=payload.need)
    offer = posting_get_for_user(user=user, external_id=payload.offer)
    match = match_propose(need=need, offer=offer, actor=user, message=payload.message)
    return Status(201, _out(match_get_for_user(user=user, pk=match.pk)))


@router.get("/matches/{match_id}", response=MatchOut, auth=API_WRITE_AUTH, summary="One match")
def match_detail(request: HttpRequest, match_id: int):
    return _out(match_get_for_user(user=request.user, pk=match_id))


ANSWERED = (
    '409 Conflict when the proposal was already answered or withdrawn: by whom and when ("Already accepted by '
    '… on …"), also for the later of two answers given at the same moment.'
)


def _answer(request, match_id: int, payload: AnswerIn, service, action):
    match = match_get_for_user(user=request.user, pk=match_id, action=action)
    service(match=match, actor=request.user, response=payload.response)
    return _out(match_get_for_user(user=request.user, pk=match_id))


@router.post(
    "/matches/{match_id}/accept",
    response={200: MatchOut, 409: ErrorOut},
    auth=API_WRITE_AUTH,
    summary="Accept a proposal",
    description=ANSWERED,
)
def match_accept_view(request: HttpRequest, match_id: int, payload: AnswerIn):
    return _answer(request, match_id, payload, match_accept, MatchAction.ANSWER)


@router.post(
    "/matches/{match_id}/decline",
    response={200: MatchOut, 409: ErrorOut},
    auth=API_WRITE_AUTH,
    summary="Decline a proposal",
    description=ANSWERED,
)
def match_decline_view(request: HttpRequest, match_id: int, payload: AnswerIn):
    return _answer(request, match_id, payload, match_decline, MatchAction.ANSWER)


@router.post(
    "/matches/{match_id}/withdraw",
    response={200: MatchOut, 409: ErrorOut},
    auth=API_WRITE_AUTH,
    summary="Withdraw a proposal",
    description=ANSWERED,
)
def match_withdraw_view(request: HttpRequest, match_id: int, payload: AnswerIn):
    return _answer(request, match_id, payload, match_withdraw, MatchAction.WITHDRAW)


# ---------------------------------------------------------------------------------------------------
# The conversation of a match


class MessageIn(Schema):
    body: str = Field(description=f"Plain text, 1 to {MESSAGE_MAX_LENGTH} characters.")


class MessageOut(Schema):
    id: int
    author: str = Field(description="The author, named by their consent (else by the member they wrote for).")
    member: str | None = Field(description="Code of the member the author wrote for; null: the secretariat.")
    body: str
    created_at: datetime


def _messages_out(user, match, messages) -> list[MessageOut]:
    return [
        MessageOut(
            id=item.message.pk, author=item.author, body=item.message.body, created_at=item.message.created_at,
            member=item.message.member.code.upper() if item.message.member else None,
        )
        for item in match_thread(match=match, viewer=user, messages=messages)
    ]  # fmt: skip


@router.get(
    "/matches/{match_id}/messages",
    response=Page[MessageOut],
    auth=API_WRITE_AUTH,
    summary="The conversation of a match",
    description="Oldest first. The people of both members and the secretariat read it; 404 for everyone else.",
)
def match_message_list(request: HttpRequest, match_id: int, params: Query[PageParams]):
    match = match_get_for_user(user=request.user, pk=match_id)
    return page_of(match_messages(match), params, lambda rows: _messages_out(request.user, match, rows))


@router.post(
    "/matches/{match_id}/messages",
    response={201: MessageOut, 409: ErrorOut},
    auth=API_WRITE_AUTH,
    summary="Write in the conversation of a match",
    description="For the side you act for (editors and managers of either member; the secretariat as the "
    "secretariat); the other side is notified in the app and by e-mail. 403 for those who only read it; 409 "
    "Conflict once the match was declined or withdrawn.",
)
def match_message_create(request: HttpRequest, match_id: int, payload: MessageIn):
    match = match_get_for_user(user=request.user, pk=match_id)
    message = post_message(actor=request.user, match=match, body=payload.body)
    return Status(201, _messages_out(request.user, match, [message])[0])
