"""Speed and memory benchmark (a script, not a test): the figures of the README's speed table.

    .venv/bin/python bench/bench.py [--rounds 5] [--no-scans] [--no-long] [--memory-only]

Reports, in one run:

1. text PDFs (the three samples): full extraction (tables, structure, JSON)
   against the bare readers run in the same process — pdfplumber's
   ``extract_text``, pypdfium2's raw text, and docling's model-free pipeline
   when it is installed — in pages/s, with ratios;
2. DOCX and text: pages/s (pages of the document's PDF twin, so formats compare);
3. scans: pages/min on all cores and Tesseract's share of the workers' time
   (:mod:`bench_ocr`);
4. batch: start-up of one worker (seconds, MiB), the French words the hyphen
   joiner loads against the OCR corrector's full lexicon (seconds, MiB kept,
   peak), and the peak memory of a 60-file batch with two workers (the
   samples, six times over);
5. seconds per page of full extraction at 10, 100 and 500 pages (PDFs made by
   repeating the sample pages with pypdf), with the peak memory of each.

Timings are CPU seconds of this single-threaded process (one core's work,
less sensitive than wall time to other work on a shared machine), medians of
``--rounds`` interleaved rounds: in each round every contender reads every
file once, so that load from elsewhere hits them all alike. Sections 4 and 5
run in fresh processes (peak memory is the kernel's high-water mark, VmHWM).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_ocr import measure as measure_ocr
from referentiel import rules, textclean
from referentiel.api import extract
from referentiel.batch_pool import _worker_main
from referentiel.options import Options
from referentiel.segment import draft

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
NAMES = sorted(p.stem for p in SOURCES.glob("*.txt"))
PACKAGE = extract.__module__.split(".")[0]
LONG_SIZES = (10, 100, 500)
BATCH_COPIES = 6  # 10 sample files (text, Word, PDF) six times over: 60 files

Reader = Callable[[Path], object]


def _pages(path: Path) -> int:
    import pypdfium2

    with pypdfium2.PdfDocument(path) as pdf:  # type: ignore[no-untyped-call]
        return len(pdf)


def _pdfplumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def _pdfium_text(path: Path) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    for page in pdf:
        text = page.get_textpage()
        text.get_text_range()
        text.close()
        page.close()
    pdf.close()


def _docling() -> Reader | None:
    """docling's PDF pipeline without OCR and table models, when installed."""
    try:
        from docling.datamodel.base_models import InputFormat
        from docling.datamodel.pipeline_options import PdfPipelineOptions
        from docling.document_converter import DocumentConverter, PdfFormatOption
    except ImportError:
        return None
    options = PdfPipelineOptions(do_ocr=False, do_table_structure=False)
    converter = DocumentConverter(
        format_options={InputFormat.PDF: PdfFormatOption(pipeline_options=options)}
    )
    return lambda path: converter.convert(path).document.export_to_markdown()


def _new_document(path: Path) -> object:
    """``extract`` with the per-text caches emptied first (folded texts, rule answers):
    every round reads the same files, which a batch never does, so each file pays for
    its own texts as a new document would."""
    text_caches = [rules.key, rules._bare]
    for module in (textclean, draft):
        text_caches += [  # the module's own caches, not the rules it imports
            f
            for f in vars(module).values()
            if hasattr(f, "cache_clear") and f.__module__ == module.__name__
        ]
    for cached in text_caches:
        cached.cache_clear()
    rules.default_rules().forget()
    return extract(path)


def interleaved(contenders: dict[str, tuple[Reader, list[Path]]], rounds: int) -> dict[str, float]:
    """Median CPU seconds per contender over ``rounds`` rounds, each reading its files once."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for read, paths in contenders.values():  # warm-up: imports, rules, caches
        read(paths[0])
    for _ in range(rounds):
        for name, (read, paths) in contenders.items():
            start = time.process_time()
            for path in paths:
                read(path)
            times[name].append(time.process_time() - start)
    return {name: statistics.median(values) for name, values in times.items()}


# ------------------------------------------------------------------ batch


def _rss_mib(pid: int) -> float:
    """Resident memory of a process, in MiB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            line = next(line for line in status if line.startswith("VmRSS"))
    except (OSError, StopIteration):
        return 0.0
    return int(line.split()[1]) / 1024


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def worker_start_up(samples: int = 3) -> tuple[float, float, float]:
    """Medians of a batch worker's start-up, from spawn to its "ready": wall seconds,
    CPU seconds, and its memory then (MiB)."""
    context = multiprocessing.get_context("spawn")
    seconds, cpu, mib = [], [], []
    for _ in range(samples):
        parent, child = context.Pipe()
        start = time.perf_counter()
        process = context.Process(target=_worker_main, args=(child, Options(), 1))
        process.start()
        parent.recv()  # ("ready", None, None)
        seconds.append(time.perf_counter() - start)
        assert process.pid is not None
        cpu.append(_cpu_seconds(process.pid))
        mib.append(_rss_mib(process.pid))
        parent.send(None)
        process.join()
    return statistics.median(seconds), statistics.median(cpu), statistics.median(mib)


def batch_peak(folder: Path) -> tuple[float, float, int]:
    """(wall seconds, peak MiB of the whole process tree, files) of a 60-file batch, 2 jobs."""
    src = folder / "batch-in"
    samples = [p for p in sorted(SOURCES.iterdir()) if p.suffix in {".txt", ".docx", ".pdf"}]
    samples = [p for p in samples if not p.name.endswith(".scan.pdf")]
    for copy in range(BATCH_COPIES):
        (src / f"copy{copy}").mkdir(parents=True)
        for sample in samples:
            shutil.copyfile(sample, src / f"copy{copy}" / sample.name)
    command = [sys.executable, "-m", PACKAGE, "batch", str(src), str(folder / "batch-out")]
    start = time.perf_counter()
    run = subprocess.Popen(
        [*command, "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=folder,
    )
    peak = 0.0
    while run.poll() is None:
        peak = max(peak, sum(_rss_mib(pid) for pid in _tree(run.pid)))
        time.sleep(0.05)
    return time.perf_counter() - start, peak, len(samples) * BATCH_COPIES


_WORDS_RUN = """
import json, sys, time
from {package} import ocrfix
from {package}.nlp import model
status = lambda key: int(next(l for l in open("/proc/self/status") if l.startswith(key)).split()[1])
model()  # as in a batch worker, the spaCy model is loaded already
rss, hwm, start = status("VmRSS"), status("VmHWM"), time.process_time()
getattr(ocrfix, sys.argv[1])()
seconds = time.process_time() - start
print(json.dumps([seconds, (status("VmRSS") - rss) / 1024, (status("VmHWM") - hwm) / 1024]))
"""


def words_load(loader: str, folder: Path, samples: int = 3) -> tuple[float, float, float]:
    """Medians of loading ``ocrfix.<loader>()`` in a fresh process with the spaCy model
    loaded, as a worker has it: (CPU seconds, MiB it keeps, MiB the peak rises by)."""
    runs = []
    for _ in range(samples):
        out = subprocess.run(
            [sys.executable, "-c", _WORDS_RUN.format(package=PACKAGE), loader],
            capture_output=True,
            text=True,
            check=True,
            cwd=folder,  # not the checkout: the package comes from where this script's does
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        statistics.median(r[2] for r in runs),
    )


# ------------------------------------------------------------------ long PDFs


def long_pdf(pages: int, folder: Path) -> Path:
    """A PDF of ``pages`` pages: the sample PDFs' pages, repeated in turn."""
    from pypdf import PdfReader, PdfWriter

    sample_pages = [page for name in NAMES for page in PdfReader(SOURCES / f"{name}.pdf").pages]
    writer = PdfWriter()
    for index in range(pages):
        writer.add_page(sample_pages[index % len(sample_pages)])
    path = folder / f"long-{pages}.pdf"
    writer.write(path)
    return path


_LONG_RUN = """
import json, sys, time
from {package}.api import extract
hwm = lambda: int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
extract(sys.argv[2])  # warm-up on a short PDF: imports, rules, the PDF reader's first use
start = time.process_time()
extract(sys.argv[1])
print(json.dumps([time.process_time() - start, hwm() / 1024]))
"""


def long_run(path: Path) -> tuple[float, float]:
    """(CPU seconds, peak MiB) of extracting ``path`` in a fresh process."""
    code = _LONG_RUN.format(package=PACKAGE)
    warm = SOURCES / f"{NAMES[0]}.pdf"
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), str(warm)],
        capture_output=True,
        text=True,
        check=True,
        cwd=path.parent,  # not the checkout: the package comes from where this script's does
    )
    seconds, peak = json.loads(out.stdout.strip().splitlines()[-1])
    return seconds, peak


# ------------------------------------------------------------------ report


def _cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        line = next((line for line in info if line.startswith("model name")), ": unknown")
    return line.split(":", 1)[1].strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median kept)")
    parser.add_argument("--no-scans", action="store_true", help="skip the OCR section")
    parser.add_argument("--no-long", action="store_true", help="skip the 10/100/500-page PDFs")
    parser.add_argument(
        "--memory-only", action="store_true", help="only the batch section (start-up, memory)"
    )
    args = parser.parse_args(argv)

    if not args.memory_only:
        speed(args)
    memory(args)
    return 0


def speed(args: argparse.Namespace) -> None:
    """Sections 1 to 3: pages per second against the bare readers, and scans."""
    pdfs = [SOURCES / f"{name}.pdf" for name in NAMES]
    pages = sum(_pages(path) for path in pdfs)
    contenders: dict[str, tuple[Reader, list[Path]]] = {
        "referentiel `extract`, PDF": (_new_document, pdfs),
        "pdfplumber `extract_text` (bare text)": (_pdfplumber_text, pdfs),
        "pypdfium2 raw text": (_pdfium_text, pdfs),
    }
    docling = _docling()
    if docling is not None:
        contenders["docling, model-free pipeline"] = (docling, pdfs)
    for fmt, suffix in (("DOCX", ".docx"), ("text", ".txt")):
        contenders[f"referentiel `extract`, {fmt}"] = (
            _new_document,
            [SOURCES / f"{name}{suffix}" for name in NAMES],
        )
    load = os.getloadavg()[0]
    seconds = interleaved(contenders, args.rounds)

    print(f"{dt.date.today()}, {platform.node()}: {os.cpu_count()} cores, {_cpu_model()}")
    print(f"load average before the rounds: {load:.1f}; {args.rounds} interleaved rounds\n")
    print(f"{len(NAMES)} samples, {pages} pages (PDF twins); CPU time, one core\n")
    print("| reader | s | pages/s | time vs referentiel |")
    print("|---|---:|---:|---:|")
    ours = seconds["referentiel `extract`, PDF"]
    for name, value in seconds.items():
        print(f"| {name} | {value:.2f} | {pages / value:.1f} | {value / ours:.2f}× |")
    print()
    plumber = seconds["pdfplumber `extract_text` (bare text)"]
    pdfium = seconds["pypdfium2 raw text"]
    print(f"full PDF extraction / pdfplumber bare text: {ours / plumber:.2f}×")
    print(f"full PDF extraction / pypdfium2 raw text: {ours / pdfium:.1f}× (long-term goal ≤ 3×)")
    if docling is not None:
        print(
            f"docling / full PDF extraction: {seconds['docling, model-free pipeline'] / ours:.2f}×"
        )
    else:
        print("docling: not installed, not measured")

    if not args.no_scans:
        ocr = measure_ocr()
        print(
            f"\nscans: {ocr.pages} pages in {ocr.wall:.1f} s on {ocr.workers} workers = "
            f"{60 * ocr.pages / ocr.wall:.1f} pages/min (load {ocr.load:.1f}); "
            f"Tesseract {ocr.tesseract_share:.1%} of worker time"
        )


def memory(args: argparse.Namespace) -> None:
    """Sections 4 and 5: a batch worker, the French words, a batch, long PDFs."""
    wall, cpu, mib = worker_start_up()
    print(f"\nbatch worker start-up: {cpu:.2f} s CPU ({wall:.2f} s wall), {mib:.0f} MiB")
    with tempfile.TemporaryDirectory(prefix="referentiel-bench-") as tmp:
        full = words_load("lexicon", Path(tmp))
        print("\n| French words, in a warm worker | load s (CPU) | MiB kept | peak MiB added |")
        print("|---|---:|---:|---:|")
        for name in ("lexicon", "words"):
            cpu, kept, peak = full if name == "lexicon" else words_load(name, Path(tmp))
            print(
                f"| `ocrfix.{name}()` | {cpu:.2f} ({cpu / full[0]:.2f}×) "
                f"| {kept:.0f} ({kept / full[1]:.2f}×) | {peak:.0f} |"
            )
        wall, peak, files = batch_peak(Path(tmp))
        print(
            f"\nbatch of {files} files, 2 workers: {wall:.1f} s, "
            f"peak {peak:.0f} MiB (all processes)"
        )

        if not args.no_long:
            print("\n| PDF pages | extract s (CPU) | s/page | pages/s | peak MiB |")
            print("|---:|---:|---:|---:|---:|")
            for size in LONG_SIZES:
                cpu, mib = long_run(long_pdf(size, Path(tmp)))
                print(f"| {size} | {cpu:.1f} | {cpu / size:.3f} | {size / cpu:.1f} | {mib:.0f} |")


if __name__ == "__main__":
    raise SystemExit(main())
