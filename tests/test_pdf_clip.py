"""Clipping paths: a fill clipped to a ring or to strips hides no text (real PDF),
and the region a clipping path encloses."""

from __future__ import annotations

import pdfplumber
from fixtures.paths import ROOT
from pdfminer.utils import MATRIX_IDENTITY
from referentiel.backends.pdf_clip import Clip, painted, region, subpaths
from referentiel.backends.pdf_visible import visible_chars

SST = ROOT / "tests" / "data" / "real" / "sst-fiche-individuelle-evaluation.pdf"


def _visible_text() -> str:
    with pdfplumber.open(SST) as pdf:
        return "".join(char["text"] for char in visible_chars(pdf.pages[0]))


def test_text_under_clipped_band_fills_is_read() -> None:
    """The INRS form draws each cell's border as a whole cell filled under an
    even-odd ring, and its group bands under U-shaped or strip clips, after
    the text: the part letters, group headings and column heads stay visible."""
    text = _visible_text()
    for word in ("PROTEGER", "EXAMINER", "SECOURIR", "CASCONCRETS", "Synthèse"):
        assert word in text.replace(" ", "")
    letters = [c for c in text if c in "AB"]
    assert letters  # the part letters, white on an orange box


def test_a_ring_encloses_its_band_only() -> None:
    """Two nested rectangles under the even-odd rule: the band between them."""
    path = [("re", 0, 0, 10, 10), ("re", 2, 2, 6, 6)]
    shapes, square = subpaths(path, MATRIX_IDENTITY)
    boxes = region(shapes, square, evenodd=True)
    inside = [b for b in boxes if b[0] <= 5 <= b[2] and b[1] <= 5 <= b[3]]
    assert not inside
    assert any(b[0] <= 1 <= b[2] and b[1] <= 5 <= b[3] for b in boxes)
    # under the nonzero rule both rectangles wind the same way: the whole square
    full = region(shapes, square, evenodd=False)
    assert any(b[0] <= 5 <= b[2] and b[1] <= 5 <= b[3] for b in full)


def test_a_u_shaped_clip_leaves_its_middle_unpainted() -> None:
    """A single U-shaped subpath (left bar, top bar, right bar) lets a fill
    paint its three strips, not the cell they surround."""
    u = [
        ("m", 0, 0),
        ("l", 0, 10),
        ("l", 10, 10),
        ("l", 10, 0),
        ("l", 8, 0),
        ("l", 8, 8),
        ("l", 2, 8),
        ("l", 2, 0),
        ("h",),
    ]
    shapes, square = subpaths(u, MATRIX_IDENTITY)
    clip = Clip(region(shapes, square, evenodd=True))
    parts = painted((0.0, 0.0, 10.0, 10.0), clip)
    assert parts
    assert not any(p[0] <= 5 <= p[2] and p[1] <= 4 <= p[3] for p in parts)
    assert any(p[0] <= 5 <= p[2] and p[1] <= 9 <= p[3] for p in parts)


def test_no_clip_paints_the_whole_box() -> None:
    assert painted((1.0, 2.0, 3.0, 4.0), None) == [(1.0, 2.0, 3.0, 4.0)]
