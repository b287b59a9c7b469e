"""Lettered parts over coded rows, on the real Swiss TPI evaluation form: each
"Partie A: …" heading over a table whose rows are coded "A1" … "A20" (the code
alone in its cell, the title beside it, the points and justification cells
blank) is a bloc coded by its letter; its rows, noun phrases naming what the
experts score, are its critères, wrapped titles joined; the page-1 summary
naming the parts with their counts ("Partie A: … (20 critères)", over no
table) makes no bloc, nor do the last page's summary and conversion tables."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract

FORM = REAL / "cfc-informaticien-tpi-formulaire-evaluation.pdf"


def test_each_lettered_part_is_a_bloc_of_its_coded_rows() -> None:
    ref = extract(FORM)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("A", "Compétences professionnelles"),
        ("B", "Documentation / rapport du TPI"),
        ("C", "Entretien professionnel et présentation"),
    ]
    assert [len(b.criteres) for b in ref.blocs] == [20, 10, 10]
    assert all(not b.competences for b in ref.blocs)


def test_a_wrapped_row_title_is_one_critere() -> None:
    ref = extract(FORM)
    a = [k.libelle for k in ref.blocs[0].criteres]
    assert (
        a[4] == "Environnement de projet : limites du système / interfaces avec le monde extérieur"
    )
    assert a[13] == "Point techniques évalués spécifiques au projet (Point 8.1 du CdC)"
    assert ref.blocs[2].criteres[-1].libelle == "Question des experts 6"
