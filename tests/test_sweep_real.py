"""Faults the unlabelled sweep met in published files, on excerpts of those files
(``tests/data/sweep``, ``tests/data/refused``; sources in their READMEs): real
readers, real spaCy model, no references."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from fixtures.paths import DATA
from referentiel.api import extract, parse
from referentiel.errors import NotAReferentiel
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.segment import segment

SWEEP = DATA / "sweep"
REFUSED = DATA / "refused"
DWWM = SWEEP / "tp-dwwm-2023-reac-at2.pdf"


@cache
def _dwwm() -> Referentiel:
    return extract(DWWM)


def test_sweep_a_page_of_short_lines_is_read_against_the_document_frame() -> None:
    # the fiche's last page lists four compétences, none reaching the text frame of
    # the other pages: each is its own paragraph, the one ending "NoSQL" included
    texts = [b.text for b in parse(DWWM, Options()).blocks if b.page == 4]
    assert "Développer des composants d’accès aux données SQL et NoSQL" in texts
    assert "Développer des composants métier coté serveur" in texts


def test_sweep_dwwm_2023_activity_type_2_keeps_its_four_competences() -> None:
    # (the excerpt holds the fiche of activité type 2 only; the first comes from the
    # vue synoptique)
    blocs = _dwwm().blocs
    assert len(blocs) == 2 and blocs[1].code == "ACTIVITÉ TYPE N° 2"
    assert [c.code for c in blocs[0].competences] == ["1", "2", "3", "4"]
    second = blocs[1].competences
    assert [c.code for c in second] == ["5", "6", "7", "8"]
    assert second[1].libelle == "Développer des composants d’accès aux données SQL et NoSQL"
    assert second[2].libelle == "Développer des composants métier coté serveur"


@pytest.mark.parametrize(
    "name", ["but-cours-organisations-notes.pdf", "dwwm-carnet-preformation.pdf"]
)
def test_sweep_numbered_notes_over_lists_of_facts_are_refused(name: str) -> None:
    # course notes and a pre-training booklet: their bullet lists read as
    # compétences, but no item carries a code and few open on an action (they
    # state no ability), or their sections, numbered as the notes' parts, are no
    # unit level and a few action statements stand among prose
    path = REFUSED / name
    found = segment(parse(path, Options()), Options())
    assert [c for b in found.blocs for c in b.competences]  # the outline did read some
    with pytest.raises(NotAReferentiel, match="state no ability|a course plan's objectives"):
        extract(path)


def test_sweep_abilities_as_noun_phrases_under_a_named_family_are_read(tmp_path: Path) -> None:
    # the same shape as the notes (uncoded items, no infinitive) but the document
    # names its certification's family: a référentiel whose abilities are nouns
    path = tmp_path / "cap.txt"
    blocs = {
        "Bloc 1 : Accueil et relation client": [
            "Accueil de la clientèle",
            "Recherche des besoins du client",
            "Présentation des produits",
        ],
        "Bloc 2 : Gestion du rayon": ["Réception des marchandises", "Suivi des stocks"],
    }
    lines = ["Certificat d'aptitude professionnelle Employé de vente", ""]
    for heading, items in blocs.items():
        lines += [heading, "", "Compétences :", *(f"- {item}" for item in items), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    found = extract(path)
    assert found.certification.type == "CAP"
    assert [[c.libelle for c in b.competences] for b in found.blocs] == list(blocs.values())


def test_sweep_the_ability_guard_needs_the_language_model() -> None:
    # without spaCy no action can be told: the same notes are not refused for it
    path = REFUSED / "but-cours-organisations-notes.pdf"
    found = extract(path, Options(use_nlp=False))
    assert found.blocs


def test_sweep_blank_overflow_pages_do_not_make_a_scan() -> None:
    # one page of text and two blank pages: the text layer is read, not OCR'd
    path = SWEEP / "but-rt-s1-tableau-croise-cneser.pdf"
    assert not parse(path, Options()).ocr
    blocs = extract(path).blocs
    assert [b.code for b in blocs] == ["UE 1.1", "UE 1.2", "UE 1.3"]
    assert [len(b.competences) for b in blocs] == [6, 5, 6]
    assert blocs[2].competences[5].libelle.startswith("S’intégrer dans un environnement")


def test_sweep_a_family_named_on_the_line_below_a_family_less_title_is_kept() -> None:
    # the cover's "Référentiel de compétences" names no family and the next line,
    # "BUT Réseaux et Télécommunications", gives the intitulé: it names the family too
    path = SWEEP / "but-rt-referentiel-acd-2021-rt1.pdf"
    found = segment(parse(path, Options()), Options())
    assert found.certification.type == "BUT"
    assert found.certification.intitule == "Réseaux et Télécommunications"
    # a B.U.T.'s compétences are its blocs, its apprentissages critiques their compétences
    blocs = extract(path).blocs
    assert [b.code for b in blocs] == ["RT1"]
    assert blocs[0].libelle == "Administrer les réseaux et l’Internet"
    libelles = [c.libelle for c in blocs[0].competences]
    assert any(t.startswith("Maîtriser les lois fondamentales de l’électricité") for t in libelles)
    assert libelles[-1].startswith("Gérer le projet et les différentes étapes")


def test_sweep_an_objective_row_after_a_page_break_opens_its_unit() -> None:
    # Bulletin officiel evaluation form: page 2 goes on with the rows of O8, then
    # "O9 - Gérer la vie du produit | 20 %" (the outline's next unit), which is no
    # rest of the last O8 row split by the page break
    blocs = extract(SWEEP / "bac-sti2d-itec-evaluation-projet.pdf").blocs
    assert [b.code for b in blocs] == ["O7", "O8", "O9"]
    assert [c.code for c in blocs[2].competences] == ["CO9.1", "CO9.2", "CO9.3"]


def test_sweep_a_weighted_lettered_group_row_is_a_bloc() -> None:
    # "B - Modéliser | 40 %": the weight in the form's "Poids" column (after the
    # rating scale, no conditions column) is the group's mark, the row spans the table
    blocs = extract(SWEEP / "bac-s-si-conduite-projet.pdf").blocs
    assert [b.code for b in blocs] == ["B", "C", "D"]
    assert {c.code for c in blocs[1].competences} == {"C1", "C2"}
    assert all(not c.libelle.endswith("%") for b in blocs for c in b.competences)


@pytest.mark.parametrize(
    ("name", "first"),
    [("but-rt-iom-mobiles.pdf", "4G/5G"), ("but-rt-rom-unifier.pdf", "ToIP")],
)
def test_sweep_a_box_of_short_lines_is_read_against_the_box(name: str, first: str) -> None:
    # a niveau's apprentissages critiques, one a line in an outlined box far wider
    # than its longest line: that line is no full line, the next one a new item
    libelles = [c.libelle for b in extract(SWEEP / name).blocs for c in b.competences]
    assert len(libelles) == 5
    assert libelles[0].endswith(first)
    assert all(t[:1].isupper() and first not in t[: -len(first)] for t in libelles)
