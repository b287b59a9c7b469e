"""A bloc-less grid whose cells each name one ability (:mod:`referentiel.segment.grid`),
on a real framework: UNESCO's Tableau 1, five numbered aspects × three levels
of progression, each cell naming a block of compétences. The rows are the
blocs, their cells the compétences at the level their column's bold heading
names; the document is no list of topics, though its compétences are nouns."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract

UNESCO = REAL / "cadre-unesco-ia-enseignants-tableau1.pdf"


def test_rows_are_blocs_and_named_cells_their_competences() -> None:
    referentiel = extract(UNESCO)
    assert [(b.code, b.libelle) for b in referentiel.blocs] == [
        ("1", "Perspective centrée sur l’humain"),
        ("2", "Éthique de l’IA"),
        ("3", "Fondements et applications de l’IA"),
        ("4", "Pédagogie de l’IA"),
        ("5", "L’IA au service du développement professionnel"),
    ]
    third = referentiel.blocs[2].competences
    assert [c.libelle for c in third] == [
        "Techniques fondamentales et applications de base de l’IA",  # wrapped over three lines
        "Compétences pour la mise en œuvre",
        "Création avec l’IA",
    ]
    for bloc in referentiel.blocs:
        levels = [(c.model_extra or {}).get("niveau") for c in bloc.competences]
        assert levels == ["Acquérir", "Approfondir", "Créer"]
        assert not bloc.criteres  # names, not sentences describing a performance
    codes = {w.code for w in referentiel.warnings}
    assert "LOW_CONFIDENCE_STRUCTURE" in codes  # no bloc level printed: said so


def test_a_grid_of_sentences_keeps_its_level_headers_out() -> None:
    # the DCLEP's CEFR grid: rows naming the skills, cells describing the
    # performance in sentences; its level header rows ("NIVEAU B 1") hold
    # names only, but the grid is one of sentences: they make no bloc
    referentiel = extract(REAL / "dclep-referentiel-certification.md")
    assert len(referentiel.blocs) == 3
    assert not any(b.libelle.upper().startswith("NIVEAU") for b in referentiel.blocs)
    assert all(b.criteres and not b.competences for b in referentiel.blocs)
