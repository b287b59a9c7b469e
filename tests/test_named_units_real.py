"""Units named inside sentences or worded paragraphs, on real files: the
agriculture bac pro's définitions des épreuves (annexes II c) name each
capacité globale in the prose of the épreuve validating it, three hands of
one template; a certiphyto référentiel de formation prints "Objectif O1 : …",
"Objectif PP2 : …" (stage ``named-units``).

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.textclean import fold

AGROEQUIPEMENT = REAL / "bacpro-agricole-agroequipement-definition-epreuves.md"
ANIMALERIE = REAL / "bacpro-agricole-animalerie-definition-epreuves.md"
ALIMENTATION = REAL / "bacpro-agricole-alimentation-vins-definition-epreuves.md"
CERTIPHYTO = REAL / "certiphyto-distribution-objectifs-formation.md"
FORET = REAL / "bacpro-agricole-foret-reglement-examen.md"


@pytest.mark.parametrize("path", [AGROEQUIPEMENT, ANIMALERIE, ALIMENTATION, CERTIPHYTO])
def test_named_units_are_the_blocs(path: Path) -> None:
    """Quoted titles, plain titles ended by " ." or by the next code of a
    running sentence, "C 9 :  …" lines under a lead-in, worded paragraphs:
    every unit once, code and title as the reference reads them, no
    compétence."""
    ref = extract(path)
    gold = gold_of(path)
    assert [(b.code, fold(b.libelle)) for b in ref.blocs] == [
        (b["code"], fold(b["libelle"])) for b in gold["blocs"]
    ]
    assert not any(b.competences for b in ref.blocs)


def test_codes_named_again_without_title_are_references() -> None:
    """ "vérifie la capacité C10", "les capacités C8, C9 et C11", "C12. La
    correction …" name units already titled: no bloc of their own, no title
    taken from the sentence that follows."""
    ref = extract(AGROEQUIPEMENT)
    assert [b.code for b in ref.blocs].count("C12") == 1
    assert not any("correction" in b.libelle for b in ref.blocs)


def test_an_options_own_units_keep_their_codes_apart() -> None:
    """Two options each list C9–C12: C9–C11 under other titles are other
    units; C12, same code and title in both, is one."""
    codes = [b.code for b in extract(ALIMENTATION).blocs]
    assert codes.count("C9") == 2 and codes.count("C12") == 1


def test_a_document_whose_units_are_printed_keeps_them() -> None:
    """The forêt annexes print units U1–U7 in their règlement d'examen table;
    their définition des épreuves naming capacités adds no bloc."""
    ref = extract(FORET)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold_of(FORET)["blocs"]]
