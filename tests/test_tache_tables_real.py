"""A BTS booklet's tâche tables (tests/data/real, a real PDF printed from Word).

Per tâche a title row "T1.1 | <statement>" over a table "Données | Compétences
mises en oeuvre | Indicateurs de performance", one cell per column: Données and
indicateurs as Wingdings bullets (a subset font without a Unicode map, read as
``(cid:131)``), compétences "C05 : Déterminer les ressources et les" with their
wraps in a hanging indent; the same compétences recur in several tables.
"""

from __future__ import annotations

import pytest
from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.models import Referentiel

BOOKLET = REAL / "bts-electrotechnique-competences-taches.pdf"


@pytest.fixture(scope="module")
def booklet() -> Referentiel:
    return extract(BOOKLET)


def test_an_undecodable_dingbat_glyph_is_a_bullet() -> None:
    texts = [b.text for b in parse(BOOKLET).walk()]
    assert not any("(cid:" in text for text in texts)
    items = [b for b in parse(BOOKLET).walk() if b.label == "•"]
    assert "Délais de réponse" in [b.text for b in items]


def test_labels_in_a_hanging_indent_start_a_block_each(booklet: Referentiel) -> None:
    first = booklet.blocs[1]
    assert [c.code for c in first.competences] == ["C01", "C02", "C03", "C04", "C05", "C06"]
    assert first.competences[4].libelle == "Déterminer les ressources et les contraintes"


def test_a_coded_title_row_is_the_unit_of_its_table(booklet: Referentiel) -> None:
    coded = [b for b in booklet.blocs if b.code]
    assert [b.code for b in coded] == ["T1.1", "T1.3", "T1.4", "T1.5", "T1.6"]
    assert coded[0].libelle == "Analyser les cahiers des charges et les appels d’offre"


def test_each_table_keeps_the_compétences_it_mobilises(booklet: Referentiel) -> None:
    blocs = {b.code: b for b in booklet.blocs}
    assert [c.code for c in blocs["T1.3"].competences] == ["C02", "C03", "C07", "C08"]
    assert len(blocs["T1.6"].competences) == 9


def test_the_donnees_cell_gives_every_compétence_beside_it_its_conditions(
    booklet: Referentiel,
) -> None:
    bloc = next(b for b in booklet.blocs if b.code == "T1.3")
    for comp in bloc.competences:
        assert comp.conditions_realisation == [
            "Cahier des charges fonctionnel",
            "Contraintes techniques, technologiques et environnementales",
            "Données techniques des fournisseurs",
            "Normes et réglementations à respecter",
        ]
