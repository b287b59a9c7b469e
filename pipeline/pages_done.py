"""How far the OCR of the running extraction has got, seen from the parent process.

The extraction runs in a forked child (:mod:`.isolate`); the counter lives in shared
memory made before the fork, so the parent's progress line can say "OCR page 3/12"
while the child works. Outside an isolated extraction it is simply never read.
"""

from __future__ import annotations

import multiprocessing

_COUNTER = multiprocessing.get_context("fork").Array("i", 2, lock=False)  # done, total


def start(total: int) -> None:
    """A document of ``total`` pages is about to be read."""
    _COUNTER[0], _COUNTER[1] = 0, total


def page_read() -> None:
    """One more page is read."""
    _COUNTER[0] += 1


def progress() -> tuple[int, int]:
    """(pages read, pages in all); (0, 0) before any OCR."""
    return _COUNTER[0], _COUNTER[1]
