"""Evaluation forms of the Bulletin officiel (tests/data/real, real PDFs).

A grid "Compétences évaluées | Indicateurs | 0 1/3 2/3 3/3 | Poids": weighted
objective rows across the table, a code cell and a statement cell spanning the
rows of their indicators, the table going on at the top of the next page
without its header.
"""

from __future__ import annotations

import pytest
from fixtures.paths import REAL
from referentiel.api import extract


@pytest.fixture(scope="module")
def sti2d() -> dict[str, list[str]]:
    """Compétence codes by bloc code, and each critère's compétence code."""
    doc = extract(REAL / "bac-sti2d-sin-evaluation-projet.pdf")
    out: dict[str, list[str]] = {}
    for bloc in doc.blocs:
        codes = {c.id: c.code or "" for c in bloc.competences}
        out[bloc.code or ""] = [c.code or "" for c in bloc.competences]
        out[f"{bloc.code}/criteres"] = [
            codes.get(k.competences[0], "") if k.competences else "" for k in bloc.criteres
        ]
    return out


def test_the_rating_scale_heads_leave_the_header_read(sti2d: dict[str, list[str]]) -> None:
    assert sti2d["O7"] == ["CO7.1", "CO7.2", "CO7.3"]
    assert sti2d["O7/criteres"] == ["CO7.1"] * 4 + ["CO7.2"] * 3 + ["CO7.3"] * 3


def test_a_code_alone_in_its_cell_is_the_code_as_printed(sti2d: dict[str, list[str]]) -> None:
    assert sti2d["O8"] == ["C08.1", "CO8.2", "C08.3", "CO8.4"]


def test_the_table_goes_on_on_the_next_page_without_its_header(
    sti2d: dict[str, list[str]],
) -> None:
    assert sti2d["O9"] == ["CO9.1", "CO9.2", "CO9.3", "CO9.4"]
    assert sti2d["O9/criteres"] == ["CO9.1"] * 3 + ["CO9.2"] * 5 + ["CO9.3"] * 3 + ["CO9.4"] * 3


def test_a_lettered_group_row_is_the_bloc_of_the_codes_it_prefixes() -> None:
    doc = extract(REAL / "bac-s-si-evaluation-candidats-individuels.pdf")
    blocs = {b.code: b for b in doc.blocs}
    assert [b.libelle for b in doc.blocs[:2]] == ["Analyser", "Expérimenter"]
    assert [c.code for c in blocs["A"].competences] == ["A1", "A1", "A3", "A3", "A3"]
    # "C1" under the group row "C - Expérimenter" is its compétence, not a capacité bloc
    assert [c.code for c in blocs["C"].competences] == ["C1", "C1", "C2"]
    assert "C1" not in blocs


def test_the_shaded_score_cells_leave_the_next_page_in_the_same_columns() -> None:
    """Page 2 goes on without a header; the score cells' cyan shading, painted in
    pieces inside the ruled cells, no longer cuts sliver columns that shifted
    its code, statement and indicator cells by one column."""
    doc = extract(REAL / "bac-s-si-evaluation-candidats-individuels.pdf")
    blocs = {b.code: b for b in doc.blocs}
    assert [c.code for c in blocs["D"].competences] == ["D1", "D2", "D2", "D2"]
    assert blocs["D"].competences[0].libelle == "Analyser, choisir et classer des informations"
    assert blocs["D"].criteres[0].libelle == "Les informations présentées sont bien choisies"


def test_a_general_baccalaureat_names_its_serie_as_the_intitule() -> None:
    doc = extract(REAL / "bac-s-si-evaluation-candidats-individuels.pdf")
    assert doc.certification.type is None  # outside the contract's closed list
    assert doc.certification.intitule == "scientifique - sciences de l’ingénieur"
