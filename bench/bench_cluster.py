"""Batch throughput on a Dask LocalCluster against the local worker pool (a script, not a test).

    .venv/bin/python bench/bench_cluster.py [--jobs 2] [--copies 3] [--scans]

Copies the text, DOCX and PDF samples of ``sources/`` (with ``--scans``, the
scanned PDFs too) ``--copies`` times into a temporary folder and converts it
with ``run_batch``, every run ``force``d, in this process:

1. the local worker pool of ``--jobs`` processes (the baseline), start-up included;
2. ``--cluster local``: a LocalCluster of ``--jobs`` worker processes, start-up included;
3. the same cluster already started and warmed (``--scheduler ADDRESS``): the
   per-file cost alone, as on a long-lived cluster.

Prints seconds, files per second and the ratio to the baseline, and checks that
every run wrote the same bytes.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


def _corpus(folder: Path, copies: int, scans: bool) -> int:
    samples = [
        p
        for p in sorted(SOURCES.iterdir())
        if p.suffix in (".txt", ".docx", ".pdf") and (scans or ".scan." not in p.name)
    ]
    for copy in range(copies):
        for sample in samples:
            shutil.copyfile(sample, folder / f"{copy}-{sample.name}")
    return copies * len(samples)


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.glob("*.json") if p.name != "run.json"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--copies", type=int, default=3, help="copies of each sample")
    parser.add_argument("--scans", action="store_true", help="include the scanned PDFs (OCR)")
    args = parser.parse_args()

    from referentiel.batch import run_batch
    from referentiel.batch_dask import local_cluster

    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        files = _corpus(src, args.copies, args.scans)
        outputs = {}

        def timed(name: str, run: Callable[[Path], object]) -> float:
            out = Path(tmp) / name
            start = time.perf_counter()
            run(out)
            seconds = time.perf_counter() - start
            outputs[name] = _outputs(out)
            return seconds

        def batch(out: Path, scheduler: str | None) -> object:
            return run_batch(
                src, out, jobs=args.jobs, force=True, progress=False, scheduler=scheduler
            )

        rows = [("local pool", timed("local", lambda out: batch(out, None)))]
        rows.append(("--cluster local", timed("cluster", lambda out: batch(out, "local"))))
        with local_cluster(args.jobs) as cluster:
            address = cluster.scheduler_address
            batch(Path(tmp) / "warm-up", address)
            rows.append(("started cluster", timed("started", lambda out: batch(out, address))))

    baseline = rows[0][1]
    print(f"{files} files, {args.jobs} worker processes")
    print(f"{'executor':<18}{'seconds':>9}{'files/s':>9}{'vs pool':>9}")
    for name, seconds in rows:
        print(f"{name:<18}{seconds:>9.1f}{files / seconds:>9.2f}{baseline / seconds:>8.2f}×")
    same = all(o == outputs["local"] for o in outputs.values())
    print("outputs byte-identical across runs:", same)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
