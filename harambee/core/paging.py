"""The one pagination scheme of every list: its bounds, and the API's parameters and envelope.

Every list endpoint of the API takes `page` (1 to MAX_PAGE_NUMBER) and `page_size` (1 to
MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when not given) and answers one envelope,
`{"count": …, "page": …, "page_size": …, "items": [...]}` (`Page[ItemOut]`), built by `page_of`.
Beyond MAX_PAGE_NUMBER an offset would only scan further for nothing (and past 2**63 it overflowed
the database's integers: a 500); the web's paginator answers the nearest page instead.
"""

from collections.abc import Callable, Sequence
from typing import Annotated, Generic, TypeVar

from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field

MAX_PAGE_NUMBER = 10_000
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 20

PageNumber = Annotated[int, Field(ge=1, le=MAX_PAGE_NUMBER, description=f"1 to {MAX_PAGE_NUMBER}")]
PageSize = Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE, description=f"Items per page, 1 to {MAX_PAGE_SIZE}")]

Item = TypeVar("Item")


class PageParams(Schema):
    """The query parameters of every list endpoint (filters of a list extend this schema)."""

    page: PageNumber = 1
    page_size: PageSize = DEFAULT_PAGE_SIZE


class Page(Schema, Generic[Item]):
    """The answer of every list endpoint: `count` items in all, `page` of `page_size` of them in `items`."""

    count: int = Field(description="How many items the list has in all (every page).")
    page: int
    page_size: int
    items: list[Item]

    def __class_getitem__(cls, item):
        """`Page[MemberOut]` is `MemberPage`: a class of its own, so that the OpenAPI document names
        it so (a parametrised generic would be named `Page_MemberOut_`)."""
        generic = super().__class_getitem__(item)
        if cls is not Page or isinstance(item, TypeVar):
            return generic
        if item not in _PAGES:
            name = f"{item.__name__.removesuffix('Out')}Page"
            _PAGES[item] = type(name, (generic,), {"__module__": item.__module__, "__qualname__": name})
        return _PAGES[item]


_PAGES: dict[type, type[Page]] = {}


def page_of(items: QuerySet | Sequence, params: PageParams, convert: Callable[[list], list] | None = None) -> dict:
    """The envelope of page `params.page` of `items` (a query set is sliced in the database);
    `convert` turns the page's objects into what the endpoint answers (one call for the page, so
    that it can load what they need in one query)."""
    offset = (params.page - 1) * params.page_size
    chunk = list(items[offset : offset + params.page_size])
    count = items.count() if isinstance(items, QuerySet) else len(items)
    return {
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "items": convert(chunk) if convert is not None else chunk,
    }
