"""Text extraction time against input size (a script, not a test): it must be linear.

    .venv/bin/python bench/text_scaling.py [--sizes 1000 10000 100000] [--repeat 2]

Each input is a référentiel followed by filler lines that never end a sentence
(lower case, no final stop) up to N lines — the input that made text reflow
quadratic (issue 12: 21 s at 10 000 lines, 242 s at 25 000). Two référentiels:
a raw OCR text (paragraphs rebuilt by :mod:`referentiel.backends.text_reflow`) and a
line-oriented text extraction (TAB tables). For each size the script prints the
reader's time (``parse``) and the whole ``extract``'s, in microseconds per line:
flat columns mean linear time. Times are the best of ``--repeat`` runs in this
process, after a warm-up (rules, spaCy model).
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from referentiel.api import extract, parse
from referentiel.errors import ReferentielError

ROOT = Path(__file__).resolve().parent.parent


REFERENTIELS = {
    "raw OCR": ROOT / "tests" / "data" / "ocr_raw" / "cqp-delegue-veterinaire.ocr.txt",
    "lines": ROOT / "sources" / "cqp-delegue-veterinaire.txt",
}


def make_input(referentiel: Path, lines: int, folder: Path) -> Path:
    """``referentiel`` followed by unfinished lines, ``lines`` lines in all."""
    head = referentiel.read_text(encoding="utf-8").rstrip("\n").split("\n")
    filler = (f"suite du texte numéro {i} qui ne finit pas sa phrase" for i in range(lines))
    body = head + [next(filler) for _ in range(max(0, lines - len(head)))]
    path = folder / f"{referentiel.stem}-{lines}.txt"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def best(run: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(ReferentielError):  # a refusal still measures the work
            run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="referentiel-bench-") as tmp:
        folder = Path(tmp)
        for referentiel in REFERENTIELS.values():  # warm-up: rules, lexicon, spaCy model
            best(lambda p=referentiel: extract(p), 1)
        print(f"{'input':10} {'lines':>8} {'parse µs/line':>14} {'extract µs/line':>16}")
        for name, referentiel in REFERENTIELS.items():
            for size in args.sizes:
                path = make_input(referentiel, size, folder)
                read = best(lambda p=path: parse(p), args.repeat)
                whole = best(lambda p=path: extract(p), args.repeat)
                print(f"{name:10} {size:>8} {read / size * 1e6:>14.1f} {whole / size * 1e6:>16.1f}")


if __name__ == "__main__":
    main()
