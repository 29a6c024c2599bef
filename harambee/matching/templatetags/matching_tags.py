"""``{% suggested_counterparts posting %}``: the top counterparts of a posting with their reasons."""

from django import template

from harambee.matching.explain import breakdown, explain
from harambee.matching.models import LIVE_STATUSES, Match
from harambee.matching.selectors import suggestions_for
from harambee.postings.choices import OPEN_STATUSES
from harambee.registry.access import member_can_act_for

register = template.Library()


@register.inclusion_tag("matching/suggestions.html", takes_context=True)
def suggested_counterparts(context, posting):
    request = context["request"]
    user = request.user
    result = suggestions_for(posting=posting)
    own_side = member_can_act_for(user, posting.member) and posting.status in OPEN_STATUSES
    rows = []
    for candidate, other in result.candidates:
        need, offer = (posting, other) if posting.kind == "need" else (other, posting)
        rows.append(
            {
                "posting": other,
                "similar": result.similar.get(other.pk, []),
                "kind_path": "needs" if other.kind == "need" else "offers",
                "score": candidate.score,
                "reasons": explain(candidate, candidate_language=other.language),
                "breakdown": breakdown(candidate),
                "can_propose": own_side or member_can_act_for(user, other.member),
                "need": need,
                "offer": offer,
            }
        )
    # a pair already proposed or working together links to its match instead of offering a proposal
    if any(row["can_propose"] for row in rows):
        side = "need" if posting.kind == "need" else "offer"
        live = Match.objects.filter(**{side: posting}, status__in=LIVE_STATUSES).only(
            "pk", "need_id", "offer_id", "status"
        )
        live = {(m.need_id, m.offer_id): m for m in live}
        for row in rows:
            if row["can_propose"]:
                row["live_match"] = live.get((row["need"].pk, row["offer"].pk))
    return {
        "request": request,
        "posting": posting,
        "rows": rows,
        "semantic": result.semantic,
        "semantic_configured": result.semantic_configured,
        "pending": result.pending,
        "closed": result.closed,
    }
