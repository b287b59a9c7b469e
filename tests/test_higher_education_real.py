"""Higher-education référentiels, on real documents (tests/data/real).

* The CRCN-Édu (InDesign): each compétence title sits in a coloured panel
  between the paragraphs, so the free text around a panel is cut at it (reading
  order); a regular-weight statement under a bold « DOMAINE n – NAME » heading
  is its subtitle, no new section; the body's coded headings « 1.1. … » name
  the compétences the Sommaire listed (the body's wording wins) and their
  « — » items are their critères; the Sommaire glues each domaine's name and
  statement (« NAME : statement »), the body prints the name alone: the name
  titles every domaine, the three the excerpt names only in the Sommaire too.
* The Bulletin officiel's référentiel du formateur (Word): four domaines listed
  « 1. … » to « 4. … », then printed again by name alone over their bulleted
  compétences; the bullets' second lines start flush under the bullet glyph.
"""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.segment.draft import Unit
from referentiel.segment.gluedtitle import glued_statement, name_and_statement
from referentiel.segment.namedheads import named_heads

CRCN = REAL / "crcn-edu-domaines-1-2.pdf"
FORMATEUR = REAL / "bo-formateur-referentiel-competences.pdf"


def test_a_panel_between_paragraphs_cuts_the_reading_order() -> None:
    doc = parse(CRCN)
    page3 = [b.text for b in doc.blocks if b.page == 3]
    assert page3.index("1.2. Collaborer") < next(
        i for i, t in enumerate(page3) if t.startswith("Développer une culture du partage")
    )
    assert page3.index("1.1. Communiquer") < page3.index("1.2. Collaborer")


def test_domaines_titled_by_their_name_and_compétences_by_the_body() -> None:
    ref = extract(CRCN)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("DOMAINE 1", "ENVIRONNEMENT PROFESSIONNEL"),
        ("DOMAINE 2", "RESSOURCES NUMÉRIQUES"),
        ("DOMAINE 3", "ENSEIGNEMENT-APPRENTISSAGE"),
        ("DOMAINE 4", "DIVERSITÉ ET AUTONOMIE DES APPRENANTS"),
        ("DOMAINE 5", "COMPÉTENCES NUMÉRIQUES DES APPRENANTS"),
    ]
    first = ref.blocs[0]
    assert [c.code for c in first.competences] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    # the Sommaire says "numérique sûr", the body's heading "numérique professionnel sûr"
    assert "professionnel sûr" in first.competences[3].libelle
    assert [len(b.criteres) for b in ref.blocs] == [14, 8, 0, 0, 0]
    communiquer = [k for k in first.criteres if k.competences == [first.competences[0].id]]
    assert len(communiquer) == 3
    assert communiquer[0].libelle.endswith("aux destinataires et aux objectifs visés")


def test_a_summary_gluing_name_and_statement() -> None:
    named = "ENVIRONNEMENT PROFESSIONNEL : utiliser le numérique pour agir"
    assert name_and_statement(named) == (
        "ENVIRONNEMENT PROFESSIONNEL",
        "utiliser le numérique pour agir",
    )
    assert glued_statement(named, "ENVIRONNEMENT  PROFESSIONNEL")
    assert name_and_statement("Environnement professionnel : utiliser le numérique") is None
    assert name_and_statement("CP01 : COMMUNIQUER ET RENDRE COMPTE") is None  # no statement after
    assert not glued_statement("CP01 : Communiquer et rendre compte", "COMMUNIQUER")


def test_units_named_by_a_numbered_list_then_by_their_names() -> None:
    ref = extract(FORMATEUR)
    assert [b.libelle for b in ref.blocs] == [
        "Penser - Concevoir - Élaborer",
        "Mettre en œuvre -Animer",
        "Accompagner l’individu et le collectif",
        "Observer-Analyser -Évaluer",
    ]
    assert [len(b.competences) for b in ref.blocs] == [7, 7, 4, 5]
    assert all(b.code is None for b in ref.blocs)
    # a bullet's second line set flush under the glyph goes on with the item
    assert ref.blocs[0].competences[0].libelle.endswith("de l’adulte apprenant.")


def test_a_numbered_list_whose_names_are_not_printed_again_names_no_unit() -> None:
    doc = parse(FORMATEUR)
    units = [Unit.of(b) for b in doc.blocks if b.kind is not Kind.TABLE]
    assert named_heads(units) is not None
    renamed = [u for u in units if not u.text.startswith(("Penser", "Mettre en"))]
    assert named_heads(renamed) is None
