"""Whole published titres professionnels read as well as their excerpts.

A whole RC or REAC carries what an excerpt leaves out: the document's own
numbered sections ("1. Références …", "3 Dispositif d'évaluation …"), a
sommaire, a synthesis table naming every unit, fiches compétence printed after
all the fiches activité type, glossaries. None of it is a unit of its own.
"""

from __future__ import annotations

from typing import Any

import pytest
from corpus_helpers import extract_json
from fixtures.real_docs import REAL


@pytest.fixture(scope="module")
def rc_cda() -> dict[str, Any]:
    return extract_json(REAL / "tp-cda-rc-whole.pdf")


@pytest.fixture(scope="module")
def reac_dwwm() -> dict[str, Any]:
    return extract_json(REAL / "tp-dwwm-reac-whole.pdf")


def test_document_sections_are_not_blocs(rc_cda: dict[str, Any]) -> None:
    """Sections "1 … 5" hold the critères grid whose full-width rows are the
    activités types: the blocs are those rows, not the sections."""
    assert [b["code"] for b in rc_cda["blocs"]] == [None, None, None]
    assert [len(b["competences"]) for b in rc_cda["blocs"]] == [5, 3, 7]
    assert all(b["libelle"].startswith("Concevoir et développer") for b in rc_cda["blocs"])


def test_a_capitalised_elided_word_starts_a_new_critere(rc_cda: dict[str, Any]) -> None:
    """A line opening on "L’application …" under a full line ending on "…
    auto-documenté" is a critère of its own."""
    criteres = [c["libelle"] for b in rc_cda["blocs"] for c in b["criteres"]]
    assert "L’application ne possède que les permissions exigées par ses fonctionnalités" in (
        criteres
    )
    assert not any("auto-documenté L’application" in c for c in criteres)


def test_fiches_competence_join_the_activite_type_listing_them(
    reac_dwwm: dict[str, Any],
) -> None:
    """All fiches activité type come first, then all fiches compétence: each
    fiche's critères go to the bloc whose list names its compétence."""
    blocs = reac_dwwm["blocs"]
    assert [b["code"] for b in blocs] == ["ACTIVITE TYPE N° 1", "ACTIVITE TYPE N° 2"]
    for bloc in blocs:
        ids = {c["id"] for c in bloc["competences"]}
        assert len(ids) == 4
        assert bloc["criteres"] and all(set(c["competences"]) <= ids for c in bloc["criteres"])


def test_synthesis_table_and_glossary_make_no_element(reac_dwwm: dict[str, Any]) -> None:
    """The vue synoptique's wrapped cells make no bloc; the transversal
    compétences are named once each, without their fiche's description lines
    or the glossary's definition."""
    assert all(b["libelle"] for b in reac_dwwm["blocs"])
    assert [c["libelle"] for c in reac_dwwm["competences_transversales"]] == [
        "Utiliser l’anglais dans son activité professionnelle en développement web et web mobile",
        "Actualiser et partager ses compétences en développement web et web mobile",
    ]
