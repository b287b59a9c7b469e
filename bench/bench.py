"""Extraction benchmark over the sample corpus (a script, not a test).

    .venv/bin/python bench/bench.py [--repeat 3]

Reports, per input format (text, docx, pdf): pages per second and peak memory
of ``extract`` (pages = pages of the document's PDF twin, so formats compare);
the floor — pdfplumber's bare ``page.extract_text()`` over the same PDFs — and
the ratio of full PDF extraction to it (target ≤ 2.5×); peak memory on a
100-page PDF made by repeating the samples (target < 400 MB); and start-up
(imports, rules, spaCy model) paid once per process, reported apart.

Timings are the best of ``--repeat`` runs, measured in this process after a
warm-up; peak memory is measured in a fresh subprocess per case (the kernel's
resident-set high-water mark, VmHWM, which unlike ``ru_maxrss`` does not carry
the parent's size over ``fork``/``exec``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
NAMES = sorted(p.stem for p in SOURCES.glob("*.txt"))
FORMATS = {"text": ".txt", "docx": ".docx", "pdf": ".pdf"}


def _pages(name: str) -> int:
    import pdfplumber

    with pdfplumber.open(SOURCES / f"{name}.pdf") as pdf:
        return len(pdf.pages)


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _floor(paths: list[Path]) -> None:
    """pdfplumber's bare text extraction: the cost of reading the characters at all."""
    import pdfplumber

    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()


def _startup() -> dict[str, float]:
    """Seconds spent once per process: imports, rules, spaCy model (fresh interpreter)."""
    sample = str(SOURCES / (NAMES[0] + ".txt"))
    code = (
        "import time, json; t = time.perf_counter();"
        "import referentiel.api, referentiel.segment; t1 = time.perf_counter();"
        f"referentiel.api.extract({sample!r}); t2 = time.perf_counter();"
        f"referentiel.api.extract({sample!r}); t3 = time.perf_counter();"
        "print(json.dumps({'imports': t1 - t, 'first': t2 - t1, 'second': t3 - t2}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    times = json.loads(out.stdout.strip().splitlines()[-1])
    return {"imports": times["imports"], "rules_and_model": times["first"] - times["second"]}


def _peak_mb(paths: list[Path], parse_only: bool = False) -> tuple[float, float]:
    """(peak RSS after imports and a warm-up, peak RSS after extracting ``paths``), in MB."""
    call = "referentiel.api.parse" if parse_only else "referentiel.api.extract"
    code = (
        "import sys, json, referentiel.api, referentiel.segment;"
        "hwm = lambda: int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))"
        ".split()[1]) / 1024;"
        f"referentiel.api.extract({str(SOURCES / (NAMES[0] + '.txt'))!r});"
        "base = hwm();"
        f"[{call}(p) for p in sys.argv[1:]];"
        "print(json.dumps([base, hwm()]))"
    )
    argv = [sys.executable, "-c", code, *map(str, paths)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    base, peak = json.loads(out.stdout.strip().splitlines()[-1])
    return base, peak


def _hundred_pages(folder: Path) -> Path:
    """A 100-page PDF made by repeating the sample PDFs."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    readers = [PdfReader(SOURCES / f"{name}.pdf") for name in NAMES]
    while len(writer.pages) < 100:
        for reader in readers:
            for page in reader.pages:
                if len(writer.pages) < 100:
                    writer.add_page(page)
    path = folder / "hundred-pages.pdf"
    writer.write(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per case (best kept)")
    args = parser.parse_args(argv)

    from referentiel.api import extract, parse

    startup = _startup()
    pages = {name: _pages(name) for name in NAMES}
    total_pages = sum(pages.values())
    extract(SOURCES / f"{NAMES[0]}.txt")  # warm-up: rules and model loaded here

    rows = []
    for fmt, suffix in FORMATS.items():
        paths = [SOURCES / f"{name}{suffix}" for name in NAMES]
        seconds = _best(lambda paths=paths: [extract(p) for p in paths], args.repeat)
        base, peak = _peak_mb(paths)
        rows.append((fmt, seconds, total_pages / seconds, peak, peak - base))

    pdfs = [SOURCES / f"{name}.pdf" for name in NAMES]
    floor = parse_pdf = extract_pdf = float("inf")
    for _ in range(args.repeat):  # interleaved, so that load from elsewhere hits all three
        floor = min(floor, _best(lambda: _floor(pdfs), 1))
        parse_pdf = min(parse_pdf, _best(lambda: [parse(p) for p in pdfs], 1))
        extract_pdf = min(extract_pdf, _best(lambda: [extract(p) for p in pdfs], 1))
    rows = [
        (r[0], extract_pdf, total_pages / extract_pdf, r[3], r[4]) if r[0] == "pdf" else r
        for r in rows
    ]

    with tempfile.TemporaryDirectory() as tmp:
        big = _hundred_pages(Path(tmp))
        big_seconds = _best(lambda: extract(big), 1)
        big_base, big_peak = _peak_mb([big])

    print(f"corpus: {len(NAMES)} référentiels, {total_pages} pages (PDF twins)\n")
    print("| input | extract time (s) | pages/s | peak RSS (MB) | over start-up (MB) |")
    print("|---|---:|---:|---:|---:|")
    for fmt, seconds, rate, peak, extra in rows:
        print(f"| {fmt} | {seconds:.2f} | {rate:.1f} | {peak:.0f} | {extra:.0f} |")
    print(f"| pdf floor: pdfplumber `extract_text` | {floor:.2f} | {total_pages / floor:.1f} | | |")
    print(f"| pdf backend only (`parse`) | {parse_pdf:.2f} | {total_pages / parse_pdf:.1f} | | |")
    print(
        f"| 100-page PDF, extract | {big_seconds:.2f} | {100 / big_seconds:.1f} "
        f"| {big_peak:.0f} | {big_peak - big_base:.0f} |"
    )
    print()
    ratio = extract_pdf / floor
    print(f"ratio full PDF extract / bare extract_text: {ratio:.2f}x (target <= 2.5x)")
    print(f"ratio PDF backend parse / bare extract_text: {parse_pdf / floor:.2f}x")
    print(f"100-page PDF peak RSS: {big_peak:.0f} MB (target < 400 MB)")
    print(
        f"start-up, once per process: imports {startup['imports']:.2f} s, "
        f"rules + spaCy model {startup['rules_and_model']:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
