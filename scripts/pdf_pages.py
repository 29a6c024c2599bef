"""Render the pages of PDF files to PNG images for people to look at (pypdfium2).

uv run python scripts/pdf_pages.py report-fr.pdf report-ar.pdf --out /tmp/pages [--scale 1.5]
"""

import argparse
from pathlib import Path

import pypdfium2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+")
    parser.add_argument("--out", default=".")
    parser.add_argument("--scale", type=float, default=1.5)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.pdfs:
        document = pypdfium2.PdfDocument(name)
        for index in range(len(document)):
            image = document[index].render(scale=args.scale).to_pil()
            target = out / f"{Path(name).stem}-{index + 1}.png"
            image.save(target)
            print(target)


if __name__ == "__main__":
    main()
