"""Modalités d'évaluation from check marks and modality tables (issue 9), on real files.

Titres professionnels tick, per compétence, the modalities that evaluate it:
with a symbol-font glyph (ECSR RE: Wingdings 2 codes come out as private-use
characters) or a drawn box crossed by two strokes (DWWM RC). Both read as
``☒`` / ``☐``; the grid's check columns and the "Modalités | Compétences
évaluées" table give each bloc its modalities. A health diploma's "Modules |
Épreuves | …" table gives each module its épreuves.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pdfplumber
import pytest
from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import extract, parse
from referentiel.backends import pdf as pdf_backend
from referentiel.backends.symbol_fonts import map_symbol
from referentiel.docmodel import Block, Document, Kind
from referentiel.output import to_json
from referentiel.segment.checks import check_columns

ECSR = REAL / "tp-ecsr-re-criteres.pdf"
DWWM = REAL / "tp-dwwm-rc-criteres.pdf"
DPAS = REAL / "dpas-referentiel-formation.md"
FICHE = REAL / "lp-rncp40343-fiche.pdf"


def _output(path: Path) -> dict:
    return json.loads(to_json(extract(path)))


def _grid(document: Document) -> Block:
    """The critères grid: the table whose header names the critères d'évaluation."""
    return next(
        b
        for b in document.blocks
        if b.kind is Kind.TABLE and any("Critères" in c.text for c in b.rows[0].cells)
    )


def _row_checks(table: Block) -> list[list[str]]:
    rows = []
    for row in table.rows:
        marks = [c.text.strip() for c in row.cells if c.text.strip() in ("☒", "☐")]
        if marks:
            rows.append(marks)
    return rows


def test_symbol_font_codes_become_check_glyphs() -> None:
    assert map_symbol("FAAAGI+Wingdings2", "\uf054") == "☒"
    assert map_symbol("FAAAGI+Wingdings2", "\uf0a3") == "☐"
    assert map_symbol("Wingdings", "\uf0fe") == "☒"
    assert map_symbol("ZapfDingbats", "4") == "✓"
    assert map_symbol("FAAAAH+ArialNarrow", "T") == "T"  # a text font is left alone
    assert map_symbol("Wingdings", "\uf0a7") == "\uf0a7"  # a symbol that is no check mark


def test_pdf_symbol_font_checks_read_as_boxes() -> None:
    """ECSR: every grid row ticks four columns with Wingdings 2 glyphs, no
    private-use character is left, and the slanted right border of the grid
    no longer drops its last column."""
    table = _grid(parse(ECSR))
    text = " ".join(c.text for row in table.rows for c in row.cells)
    assert not any("\uf000" <= ch <= "\uf0ff" for ch in text)
    rows = _row_checks(table)
    assert len(rows) == 11 and all(len(marks) == 4 for marks in rows)
    assert rows[0] == ["☒", "☒", "☒", "☐"]  # Construire et préparer le scénario …
    assert rows[7] == ["☐", "☐", "☐", "☒"]  # Analyser une demande … (activité type 2)


def test_pdf_drawn_boxes_read_as_checked_or_not() -> None:
    """DWWM: boxes drawn as squares, crossed by two strokes when ticked; the
    squares no longer cut the table into slivers."""
    with pdfplumber.open(DWWM) as pdf:
        page = pdf_backend._read(pdf.pages[5])
    grid = page.grids[0]
    marks = [" ".join(w.text for w in c.words) for c in grid.cells]
    boxes = [m for m in marks if m in ("☒", "☐")]
    assert boxes.count("☒") == 4 and boxes.count("☐") == 4  # two rows: ☒ ☒ ☐ ☐
    assert not any(605 < x < 616 for x in grid.xs)  # the first box's sides are no rulings


def test_check_columns_are_found_by_their_body() -> None:
    assert check_columns(_grid(parse(ECSR))) == {2, 3, 4, 5}


def test_ecsr_blocs_get_the_modalities_ticked_for_their_competences() -> None:
    got = [b["modalites_evaluation"] for b in _output(ECSR)["blocs"]]
    assert got == [b["modalites_evaluation"] for b in gold_of(ECSR)["blocs"]]


def test_dwwm_blocs_get_the_ticked_modalities_and_not_the_unticked() -> None:
    blocs = _output(DWWM)["blocs"]
    wanted = {"Présentation d'un projet réalisé en amont de la session", "Entretien technique"}
    assert blocs and all(set(b["modalites_evaluation"]) == wanted for b in blocs)


def test_modules_summary_table_gives_each_module_its_epreuves() -> None:
    """DPAS: the 'MODULES | ÉPREUVES | …' table names each module by its number
    only: its épreuves go to that module, and no bloc is made of a number."""
    out = _output(DPAS)
    assert [b["code"] for b in out["blocs"]] == [f"Module {n}" for n in range(1, 9)]
    for bloc in out["blocs"]:
        assert bloc["modalites_evaluation"], bloc["code"]
        assert "preuve" in bloc["modalites_evaluation"][0]
    assert "Durée : 1 heure 30." in out["blocs"][1]["modalites_details"][0]


def test_a_competences_then_modalities_table_stays_the_blocs_own() -> None:
    """An RNCP fiche's 'Liste de compétences | Modalités d'évaluation' table is
    keyed by compétence: its compétences are the bloc's, not links."""
    blocs = _output(FICHE)["blocs"]
    assert len(blocs) == 7
    assert all(b["competences"] and b["modalites_evaluation"] for b in blocs)


@pytest.mark.parametrize(
    ("font", "code", "glyph"), [("Wingdings", "F0FE", "☒"), ("Wingdings 2", "F0A3", "☐")]
)
def test_docx_symbol_check_box_keeps_its_meaning(
    tmp_path: Path, font: str, code: str, glyph: str
) -> None:
    """A Word check box inserted as a symbol (``w:sym``) reads as a box, not a bullet."""
    document = docx.Document()
    paragraph = document.add_paragraph("Entretien technique ")
    run = paragraph.add_run()
    sym = run._r.makeelement(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sym",
        {
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}font": font,
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}char": code,
        },
    )
    run._r.append(sym)
    path = tmp_path / "checks.docx"
    document.save(str(path))
    texts = [b.text for b in parse(path).walk()]
    assert f"Entretien technique {glyph}" in texts


def test_epreuves_table_nature_cells_are_the_modalities_of_its_capacites() -> None:
    """An agricultural règlement d'examen: each épreuve row names its capacités
    ("C 1 : …<br/>C 2 : …") in its first cell; the two "Nature des épreuves"
    cells (in formation, ponctuelle) are their modalities; the épreuve code,
    coefficient, count and duration are no modality."""
    ref = extract_real("bepa-sap-capacites-epreuves.md")
    by_code = {b.code.replace(" ", ""): b.modalites_evaluation for b in ref.blocs if b.code}
    assert by_code["C1"] == by_code["C3"] == ["Ecrit et oral", "Ecrit"]
    assert by_code["C5"] == ["Oral"]
    assert by_code["C10"] == ["Pratique"]
    every = {m for mods in by_code.values() for m in mods}
    assert not every & {"E 1", "3", "2 h 30", "90 minutes"}


def test_definition_of_the_epreuves_gives_the_only_bloc_its_modalities() -> None:
    """A certificate assessed as a whole: its "Définition des épreuves de
    l'examen" section (before any bloc, the bloc is implicit) holds the
    modalities of its only bloc; the training part before it holds none, and
    a stage's two aims are no compétences."""
    (bloc,) = extract_real("cafad-aide-domicile-capacites.md").blocs
    assert bloc.modalites_evaluation[0].startswith("Epreuve écrite : portant sur l'ensemble")
    assert any(
        m.startswith("Epreuve orale : entretien avec le jury") for m in bloc.modalites_evaluation
    )
    assert not any("stages" in m.lower() for m in bloc.modalites_evaluation[:1])
    libelles = [c.libelle for c in bloc.competences]
    assert len(libelles) == 9
    assert not any(c.startswith("contribuer au caractère polyvalent") for c in libelles)


def test_definition_of_the_epreuves_over_several_units_gives_no_modality() -> None:
    """The same heading over a bac pro's units (four blocs): nobody says which
    épreuve evaluates which unit from it, so no bloc gets the section's text."""
    ref = extract_real("bacpro-sen-unites-competences-savoirs.md")
    assert len(ref.blocs) == 4
    assert not any(b.modalites_evaluation for b in ref.blocs)
