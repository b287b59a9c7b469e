"""OCR throughput: pages per minute on all cores, and where the time goes.

Every page of ``sources/*.scan.pdf`` is OCR'd through the backend's parallel
runner (one single-threaded Tesseract per core). Reported: wall-clock pages per
minute; CPU seconds per page (worker and Tesseract, counted per stage, so they
hold on a loaded machine), and the share of that CPU time spent inside Tesseract
versus the rest (rasterise, deskew, rulings, layout and corrections). The
machine load is printed too: wall-clock pages per minute are only comparable at
equal load.

Usage: ``python bench/bench_ocr.py [--repeat N]``  (prints a markdown table)
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from referentiel import ocrfix
from referentiel.backends.ocr_page import PageJob, ocr_page
from referentiel.backends.ocr_raster import page_count
from referentiel.backends.ocr_runner import run_parallel, workers
from referentiel.options import Limits

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class OcrRun:
    """One OCR pass over every scan page: wall time, load, seconds per stage."""

    pages: int
    workers: int
    wall: float
    load: float
    stages: Counter[str]

    @property
    def tesseract_share(self) -> float:
        return self.stages["tesseract"] / sum(self.stages.values())

    @property
    def cpu_per_page(self) -> float:
        """CPU seconds per page, workers and Tesseract together."""
        return sum(self.stages.values()) / self.pages


def measure(repeat: int = 1) -> OcrRun:
    """The fastest of ``repeat`` passes over ``sources/*.scan.pdf``."""
    limits = Limits()
    jobs = [
        PageJob(path, "pdf", index, limits)
        for path in sorted((ROOT / "sources").glob("*.scan.pdf"))
        for index in range(page_count(path, "pdf", limits))
    ]
    ocrfix.lexicon()  # loaded once before the workers fork, as the backend does
    best: OcrRun | None = None
    for _ in range(repeat):
        load = os.getloadavg()[0]
        start = time.perf_counter()
        pages = run_parallel(ocr_page, jobs)
        wall = time.perf_counter() - start
        if best is None or wall < best.wall:
            stages: Counter[str] = Counter()
            for page in pages:
                stages.update(page.timings)
            best = OcrRun(len(jobs), workers(len(jobs)), wall, load, stages)
    assert best is not None
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs over the corpus (best kept)")
    args = parser.parse_args()
    run = measure(args.repeat)
    total = sum(run.stages.values())
    print(f"{run.pages} pages, {run.workers} workers, load average before run {run.load:.2f}")
    print()
    print("| measure | value |")
    print("|---|---:|")
    print(f"| wall time | {run.wall:.1f} s |")
    print(f"| pages / minute | {60 * run.pages / run.wall:.1f} |")
    print(f"| CPU / page | {run.cpu_per_page:.2f} s |")
    print(f"| Tesseract share of CPU time | {run.tesseract_share:.1%} |")
    print(f"| rest (everything but Tesseract) | {1 - run.tesseract_share:.1%} |")
    for stage, seconds in run.stages.most_common():
        print(f"| {stage} | {seconds / run.pages:.3f} s/page ({seconds / total:.1%}) |")


if __name__ == "__main__":
    main()
