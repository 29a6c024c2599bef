"""The open data's IATI file at scale: time, bytes and peak memory, built whole or sent in pieces.

Run: uv run python benchmarks/iati_file.py --data-dir DIR   (a data folder with many public cooperations,
     e.g. the one benchmarks/dashboard.py makes: the demo, 100,000 postings, 20,000 cooperations)

Measures, in this process, with tracemalloc (Python allocations, lxml's C allocations not included)
and the resident set size:
- whole: `cooperation.iati_export.cooperations_to_iati_xml` (every activity built, then one tree);
- pieces: `opendata.iati_file.public_iati_chunks`, consumed piece by piece as the server sends them.
"""

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--mode", choices=["whole", "pieces", "both"], default="both")
    args = parser.parse_args()
    os.environ.update(HARAMBEE_DATA_DIR=args.data_dir, DJANGO_SETTINGS_MODULE="config.settings.local")
    import django

    django.setup()
    from harambee.cooperation.iati_export import cooperations_to_iati_xml
    from harambee.opendata.iati_file import _public_cooperations, public_iati_chunks

    count = _public_cooperations().count()
    print(f"{count:,} public cooperations")
    modes = ["pieces", "whole"] if args.mode == "both" else [args.mode]
    for mode in modes:
        tracemalloc.start()
        start = time.perf_counter()
        if mode == "whole":
            size = len(cooperations_to_iati_xml(_public_cooperations()))
        else:
            size = sum(len(piece) for piece in public_iati_chunks())
        elapsed = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{mode:6}: {elapsed:6.1f} s, {size / 1e6:6.1f} MB of XML, Python peak {peak / 1e6:7.1f} MB, "
            f"process max RSS so far {rss:7.1f} MB"
        )


if __name__ == "__main__":
    main()
