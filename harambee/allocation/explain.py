"""A round in words: its policy as sentences, its snapshot as a short fingerprint, its fills as
percentages of named groups and regions (the round's page and the audit trail, docs/allocation.md)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import format_percent
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext as _

from harambee.registry.choices import COUNTRY_GROUP_NAMES
from harambee.registry.names import territory_name

from .core.instance import NO_GROUP

#: How many hexadecimal characters of a snapshot's hash the page shows (48 bits: a collision
#: between two rounds is out of reach; the full hash is one click away).
FINGERPRINT_LENGTH = 12


def _locale() -> str:
    return to_locale(get_language() or "en")


def _number(value: Any) -> str | None:
    """A policy number in the reader's language ("0.2", "0,2"); None when it is not a number."""
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number) >= 10**6:  # the engine takes bonuses up to 1000
        return None
    places = max(0, -number.normalize().as_tuple().exponent)
    return floatformat(number, str(min(places, 6)))


def percent(share: Any) -> str:
    """A share in [0, 1] as a percentage in the reader's language ("30%", "30 %"); "—" for none."""
    if isinstance(share, bool) or not isinstance(share, int | float | Decimal | str):
        return "—"
    try:
        value = Decimal(str(share))
    except (InvalidOperation, ValueError):
        return "—"
    if not value.is_finite() or abs(value) >= 10**6:
        return "—"
    return format_percent(value, locale=_locale())


def group_name(code: str) -> str:
    """A country group by its name ("Least developed countries"); requests of no group as such."""
    if code == NO_GROUP:
        return _("Members in no country group")
    return str(COUNTRY_GROUP_NAMES.get(str(code), code))


def region_name(code: str) -> str:
    """An M49 region by its CLDR name in the reader's language ("Africa" for 002)."""
    if code == NO_GROUP:
        return _("Members without a region")
    return territory_name(str(code), get_language()) or str(code)


def fingerprint(snapshot_hash: str) -> str:
    """The first characters of a snapshot's hash: enough to tell two rounds' inputs apart."""
    return str(snapshot_hash or "")[:FINGERPRINT_LENGTH]


def policy_sentences(policy: Any) -> list[str]:
    """The policy of docs/allocation.md, key by key, in sentences in the reader's language.

    Every key is optional (an empty policy is the optimal mode with no priorities); values that are
    not what the engine expects are left out rather than shown raw."""
    policy = policy if isinstance(policy, dict) else {}
    sentences = []
    mode = policy.get("mode") or "optimal"
    if mode == "optimal":
        sentences.append(_("Optimal mode: the capacity goes to the requests that give the highest total match score."))
    elif mode == "stable":
        sentences.append(
            _(
                "Stable mode: each offer takes the highest-scoring requests among those that want it, "
                "so no request loses its place to a lower-scoring one."
            )
        )
    bonuses = policy.get("priority_bonus")
    if isinstance(bonuses, dict):
        shown = [(group, _number(bonus)) for group, bonus in sorted(bonuses.items())]
        for group, bonus in shown:
            if bonus is not None:
                sentences.append(
                    _("Requests from %(group)s get a priority bonus of %(bonus)s added to their match score.")
                    % {"group": group_name(group), "bonus": bonus}
                )
        if sum(1 for _group, bonus in shown if bonus is not None) > 1:
            sentences.append(_("A request in several of these groups gets the largest of its bonuses."))
    cap = policy.get("max_units_per_member")
    if isinstance(cap, int) and not isinstance(cap, bool):
        sentences.append(
            ngettext("Each member gets at most %(count)s unit.", "Each member gets at most %(count)s units.", cap)
            % {"count": cap}
        )
    reserves = policy.get("reserve")
    if isinstance(reserves, dict):
        for group, share in sorted(reserves.items()):
            if _number(share) is not None:
                sentences.append(
                    _(
                        "%(share)s of each offer's capacity is reserved for %(group)s; "
                        "what they do not take goes to the other requests."
                    )
                    % {"share": percent(share), "group": group_name(group)}
                )
    if policy.get("fairness") == "maxmin":
        sentences.append(
            _(
                "Max-min fairness: the lowest fill rate among country groups is raised as far as "
                "possible before the total match score counts."
            )
        )
    if len(sentences) == 1:
        sentences.append(_("No priorities, caps or reserves."))
    return sentences


def policy_text(policy: Any) -> str:
    """`policy_sentences` as one paragraph (the audit trail's reading of a round's policy)."""
    return " ".join(policy_sentences(policy))


def fills(by_code: Any, name) -> list[tuple[str, str]]:
    """(name, percentage) of a result's fill ratios ({code: placed / requests}), by `name`."""
    if not isinstance(by_code, dict):
        return []
    return [(name(code), percent(ratio) if ratio is not None else "—") for code, ratio in by_code.items()]
