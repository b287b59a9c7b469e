"""A CQP grid of the espaces de loisirs branch (issue 9): five columns, one
table per activité, no bloc word printed; the compétences are printed twice
(the référentiel d'activités beside the référentiel de certification) and
their codes extend the activité's code ("A1" → "A1 C1", "A1 C1.1").

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's tables or from its reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

LOISIRS = REAL / "cqp-espaces-loisirs-commis-de-salle.pdf"


def _twin_rows() -> int:
    """Body rows whose second and third cells print the same words."""
    count = 0
    for block in parse(LOISIRS).blocks:
        if block.kind is not Kind.TABLE:
            continue
        for row in block.rows:
            texts = [" ".join(cell.text.split()) for cell in row.cells]
            if len(texts) >= 3 and texts[1] and texts[1].startswith("A") and texts[1] == texts[2]:
                count += 1
    return count


def test_the_activites_are_the_blocs_their_codes_extended() -> None:
    result = extract(LOISIRS)
    gold = gold_of(LOISIRS)
    assert [(b.code, b.libelle[:30]) for b in result.blocs] == [
        (b["code"], b["libelle"][:30]) for b in gold["blocs"]
    ]  # (the hyphenation of the print, "dina-toire", aside)
    assert not result.activites  # the activité column is read as the blocs
    assert all(
        b.code and c.code and c.code.startswith(b.code[:2])
        for b in result.blocs
        for c in b.competences
    )


def test_compétences_printed_twice_are_read_once_with_their_sub_items() -> None:
    assert _twin_rows() >= 10  # the grid does print each compétence twice
    result = extract(LOISIRS)
    gold = gold_of(LOISIRS)
    codes = [c.code for b in result.blocs for c in b.competences]
    assert codes == [c["code"] for b in gold["blocs"] for c in b["competences"]]
    assert len(codes) == len(
        set(zip(codes, [c.libelle for b in result.blocs for c in b.competences], strict=True))
    )


def test_the_dossier_sheets_are_no_blocs() -> None:
    result = extract(LOISIRS)
    assert not any("Fiche" in (b.code or "") for b in result.blocs)
