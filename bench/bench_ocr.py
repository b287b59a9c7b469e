"""OCR throughput: pages per minute on all cores, and where the time goes.

Every page of ``sources/*.scan.pdf`` is OCR'd through the backend's parallel
runner (one single-threaded Tesseract per core). Reported: wall-clock pages per
minute, and the share of the workers' time spent inside Tesseract versus the
rest (rasterise, deskew, rulings, layout and corrections). The machine load is
printed too: on a shared machine, numbers are only comparable at equal load.

Usage: ``python bench/bench_ocr.py [--repeat N]``  (prints a markdown table)
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path

from referentiel import ocrfix
from referentiel.backends.ocr_page import PageJob, ocr_page
from referentiel.backends.ocr_raster import page_count
from referentiel.backends.ocr_runner import run_parallel, workers
from referentiel.options import Limits

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs over the corpus (best kept)")
    args = parser.parse_args()
    limits = Limits()
    jobs = [
        PageJob(path, "pdf", index, limits)
        for path in sorted((ROOT / "sources").glob("*.scan.pdf"))
        for index in range(page_count(path, "pdf", limits))
    ]
    ocrfix.lexicon()  # loaded once before the workers fork, as the backend does
    best = None
    for _ in range(args.repeat):
        load = os.getloadavg()[0]
        start = time.perf_counter()
        pages = run_parallel(ocr_page, jobs)
        wall = time.perf_counter() - start
        if best is None or wall < best[0]:
            best = (wall, pages, load)
    assert best is not None
    wall, pages, load = best
    stages: Counter[str] = Counter()
    for page in pages:
        stages.update(page.timings)
    total = sum(stages.values())
    print(f"{len(jobs)} pages, {workers(len(jobs))} workers, load average before run {load:.2f}")
    print()
    print("| measure | value |")
    print("|---|---:|")
    print(f"| wall time | {wall:.1f} s |")
    print(f"| pages / minute | {60 * len(jobs) / wall:.1f} |")
    print(f"| Tesseract share of worker time | {stages['tesseract'] / total:.1%} |")
    print(f"| rest (everything but Tesseract) | {1 - stages['tesseract'] / total:.1%} |")
    for stage, seconds in stages.most_common():
        print(f"| {stage} | {seconds / len(jobs):.2f} s/page ({seconds / total:.1%}) |")


if __name__ == "__main__":
    main()
