"""Render the pages of PDF files to PNG images, for people to look at what the platform prints.

    uv run python benchmarks/render_pdf_pages.py badge-ar.pdf letter-zh.pdf --out /tmp/pages [--dpi 110]

Each page becomes ``<out>/<file stem>-<page number>.png``. Uses pypdfium2 (a development dependency,
PDFium in a wheel); falls back to Poppler's ``pdftoppm`` when that is installed and pypdfium2 is not.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path


def render(pdf: Path, out: Path, dpi: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    try:
        import pypdfium2 as pdfium  # lazy: a development dependency, needed only by this script
    except ImportError:
        if not shutil.which("pdftoppm"):
            raise SystemExit("Install pypdfium2 (uv sync) or Poppler's pdftoppm.") from None
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / pdf.stem)], check=True)
        return sorted(out.glob(f"{pdf.stem}-*.png"))
    document = pdfium.PdfDocument(str(pdf))
    written = []
    for number, page in enumerate(document, start=1):
        target = out / f"{pdf.stem}-{number}.png"
        page.render(scale=dpi / 72).to_pil().save(target)
        written.append(target)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path("pdf-pages"))
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args(argv)
    for pdf in args.pdfs:
        for path in render(pdf, args.out, args.dpi):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
