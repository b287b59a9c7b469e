"""Two-column record tables that name their own unit in their first row
(« Activité | <title> », « Principales tâches | … », « Principaux outils … |
… »), on the real file (SSIAP référentiel d'emploi, Légifrance annex)."""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.evaluate import normalise

EMPLOI = REAL / "ssiap-agent-securite-incendie-referentiel-emploi.md"


def test_each_record_is_the_activite_its_first_row_names() -> None:
    """The nine detail tables are the nine activités, titled by their first
    row's content, in the gold's order."""
    got = [normalise(a.libelle) for a in extract(EMPLOI).activites]
    want = [normalise(a["libelle"]) for a in gold_of(EMPLOI)["activites"]]
    assert got == want


def test_only_the_taches_label_heads_taches() -> None:
    """The lines of the tâches row are the tâches; the resources row's lines
    (« Bureautique », « Téléphonie ») are none."""
    result = extract(EMPLOI)
    taches = [normalise(t) for a in result.activites for t in a.taches]
    want = [normalise(t) for a in gold_of(EMPLOI)["activites"] for t in a["taches"]]
    assert taches == want
    assert normalise("Téléphonie") not in taches


def test_label_value_tables_beside_the_records_are_no_competences() -> None:
    """The emploi's label/value tables (« MISSIONS | Assurer la sécurité … »,
    the access and exercise conditions) describe it: no compétence, no bloc,
    as the gold has none."""
    result = extract(EMPLOI)
    assert not gold_of(EMPLOI)["blocs"]
    assert [c.libelle for b in result.blocs for c in b.competences] == []
