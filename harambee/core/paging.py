"""The one bound on page numbers of every paginated list (API and web).

Beyond it an offset would only scan further for nothing (and past 2**63 it overflowed the
database's integers: a 500). The web's paginator answers the nearest page instead.
"""

from typing import Annotated

from pydantic import Field

MAX_PAGE_NUMBER = 10_000

PageNumber = Annotated[int, Field(ge=1, le=MAX_PAGE_NUMBER, description=f"1 to {MAX_PAGE_NUMBER}")]
