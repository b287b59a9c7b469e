"""Segmentation of other publishers' layouts: fiche RNCP, titre professionnel,
BTS, recent CQPM cues — small hand-written inputs (the full documents are in
``tests/test_layout_families.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from referentiel.api import extract
from referentiel.backends.text import parse_lines
from referentiel.docmodel import Block, Cell, Document, Kind, Row
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.segment import segment


def _segment(text: str) -> Referentiel:
    document = Document("t.txt", "text", "0" * 64, blocks=parse_lines(text.split("\n")))
    return segment(document, Options(use_nlp=False))


def _cell(*texts: str, items: bool = False) -> Cell:
    kind = Kind.LIST_ITEM if items else Kind.PARAGRAPH
    return Cell([Block(kind, t, line=1) for t in texts])


def _with_table(text: str, rows: list[Row]) -> Referentiel:
    blocks = parse_lines(text.split("\n"))
    table = Block(Kind.TABLE, rows=rows)
    return segment(Document("t", "text", "0" * 64, blocks=[*blocks, table]), Options(use_nlp=False))


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        ("RNCP12345BC02 - Conseil aux clients", "RNCP12345BC02"),
        ("RNCP12345 BC02 – Conseil aux clients", "RNCP12345 BC02"),
        ("CCP 2 – Conseil aux clients", "CCP 2"),
    ],
)
def test_segment_layouts_bloc_codes(heading: str, code: str) -> None:
    ref = _segment(f"{heading}\n· Expliquer les produits\n")
    (bloc,) = ref.blocs
    assert (bloc.code, bloc.libelle) == (code, "Conseil aux clients")
    assert [c.libelle for c in bloc.competences] == ["Expliquer les produits"]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("### C1.1 – Expliquer les produits", "C1.1"),
        ("**C1.1 – Expliquer les produits**", "C1.1"),
        ("### Compétence 1.1 – Expliquer les produits", "Compétence 1.1"),
        ("**Compétence 1.1 – Expliquer les produits**", "Compétence 1.1"),
    ],
)
def test_segment_layouts_coded_competence_headings(line: str, code: str) -> None:
    ref = _segment(
        f"## Bloc 1 – Conseil\n{line}\nCritères d'évaluation :\n· Le produit est présenté\n"
        f"{line.replace('1.1', '1.2').replace('Expliquer les produits', 'Conclure la vente')}\n"
    )
    (bloc,) = ref.blocs
    assert [(c.code, c.libelle) for c in bloc.competences] == [
        (code, "Expliquer les produits"),
        (code.replace("1.1", "1.2"), "Conclure la vente"),
    ]
    assert [k.libelle for k in bloc.criteres] == ["Le produit est présenté"]
    assert bloc.criteres[0].competences == [bloc.competences[0].id]


def test_segment_layouts_inline_modalites_split_on_ou() -> None:
    ref = _segment(
        "Bloc 1 – Conseil\n· Expliquer les produits\n"
        "Unité U1 – Modalités : contrôle en cours de formation OU épreuve écrite (durée 2 h)\n"
        "Situation d'évaluation : le candidat conseille un client ou un prospect.\n"
    )
    assert ref.blocs[0].modalites_evaluation == [
        "Contrôle en cours de formation",
        "Épreuve écrite (durée 2 h)",
        "Le candidat conseille un client ou un prospect.",
    ]


def test_segment_layouts_heading_ends_the_bloc() -> None:
    ref = _segment(
        "**BC 1 – Conseil**\n· Expliquer les produits\nModalités d'évaluation\n"
        "Étude de cas écrite.\n## Secteurs d'emploi\nCommerces de détail.\n"
    )
    assert ref.blocs[0].modalites_evaluation == ["Étude de cas écrite."]


def test_segment_layouts_listed_activites() -> None:
    ref = _segment(
        "Activités visées :\nAccueil des clients\nVente des produits\n"
        "**Compétences attestées :**\nExpliquer les produits\n"
        "BC 1 – Conseil\n· Expliquer les produits\n"
    )
    assert [(a.code, a.libelle) for a in ref.activites] == [
        (None, "Accueil des clients"),
        (None, "Vente des produits"),
    ]


@pytest.mark.parametrize(
    ("second", "criteres"),
    [
        # every cell bullets only: each bullet is a critère
        (_cell("Le prix est annoncé", items=True), 3),
        # another cell puts a critère line over bullets: bullets-only cells too
        (Cell([Block(Kind.PARAGRAPH, "La vente est conclue", line=1),
               Block(Kind.LIST_ITEM, "Le prix est annoncé", line=1)]), 2),
    ],
)  # fmt: skip
def test_segment_layouts_bullet_critere_cells(second: Cell, criteres: int) -> None:
    ref = _with_table(
        "BC 1 – Conseil",
        [
            Row([_cell("Compétences"), _cell("Critères de performance")], header=True),
            Row(
                [
                    _cell("Expliquer les produits"),
                    _cell("Le besoin est reformulé", "Le produit est adapté", items=True),
                ]
            ),
            Row([_cell("Conclure la vente"), second]),
        ],
    )
    assert len(ref.blocs[0].criteres) == criteres


def test_segment_layouts_synthesis_table_and_correspondence_table() -> None:
    synthesis = [
        Row([_cell("Activités types"), _cell("Compétences professionnelles")], header=True),
        Row(
            [_cell("1. Conseil"), _cell("Expliquer les produits", "Conclure la vente", items=True)]
        ),
    ]
    correspondence = [
        Row([_cell("Activités"), _cell("Compétences évaluées")], header=True),
        Row([_cell("A1"), _cell("C1.1, C1.2")]),
    ]
    blocks = [
        Block(Kind.TABLE, rows=synthesis),
        *parse_lines(
            ["BC 1 – Conseil", "C1.1 – Expliquer les produits", "C1.2 – Conclure la vente"]
        ),
        Block(Kind.TABLE, rows=correspondence),
    ]
    ref = segment(Document("t", "text", "0" * 64, blocks=blocks), Options(use_nlp=False))
    (bloc,) = ref.blocs
    assert [c.code for c in bloc.competences] == ["C1.1", "C1.2"]
    assert all("A1" in c.activites for c in bloc.competences)
    assert [a.libelle for a in ref.activites] == ["Conseil"]


# ---------------------------------------------------------------- second blind set cues


def test_segment_layouts_roman_units_need_a_units_heading() -> None:
    """'II – …' lines are units only when a heading announces the units and
    the document prints no bloc; their lettered abilities are compétences."""
    body = (
        "I – Accueil du public\nLe titulaire est capable de :\n"
        "a) accueillir un visiteur ;\nb) orienter un visiteur ;\n"
    )
    ref = _segment("UNITÉS DE QUALIFICATION\n" + body)
    (bloc,) = ref.blocs
    assert (bloc.code, bloc.libelle) == ("I", "Accueil du public")
    assert [(c.code, c.libelle) for c in bloc.competences] == [
        ("a", "accueillir un visiteur"),
        ("b", "orienter un visiteur"),
    ]
    with pytest.raises(Exception):  # noqa: B017 - no unit announced: not a référentiel
        _segment("SOMMAIRE\n" + body).blocs[0]


def test_segment_layouts_savoir_faire_closes_criteres() -> None:
    """A fiche's savoir-faire and savoirs close its critères and are the
    connaissances (of the bloc here: the compétence is one item of a list)."""
    ref = _segment(
        "Bloc 1 – Souder\n· Régler le poste\nCritères de performance\n· Le réglage est conforme\n"
        "Savoir-faire techniques\n· Changer une bobine\nSavoirs\n· Métallurgie du soudage\n"
    )
    (bloc,) = ref.blocs
    assert [(c.libelle, c.indicateurs) for c in bloc.criteres] == [("Le réglage est conforme", [])]
    assert bloc.connaissances == ["Changer une bobine", "Métallurgie du soudage"]


def test_segment_layouts_captioned_table_without_header() -> None:
    """A headerless table under a heading naming its columns: the text columns
    take the named roles; a number column codes the activité next to it."""
    rows = [
        Row([_cell("1"), _cell("Préparer les pièces"), _cell("1"), _cell("Lire un plan")]),
        Row([_cell(), _cell(), _cell("2"), _cell("Pointer les pièces")]),
    ]
    ref = _with_table("**Liste des activités types et des compétences professionnelles**", rows)
    assert [(a.code, a.libelle) for a in ref.activites] == [("1", "Préparer les pièces")]
    comps = [c for b in ref.blocs for c in b.competences]
    assert [(c.code, c.libelle) for c in comps] == [
        (None, "Lire un plan"),
        (None, "Pointer les pièces"),
    ]


def _epreuve_tables(objectives: Cell) -> Referentiel:
    """A social diploma's référentiel de certification: per domaine de
    compétences an épreuve table, then the épreuve's objectives table."""
    epreuve = [
        Row(
            [
                _cell("DOMAINE DE COMPÉTENCES"),
                _cell("INTITULÉ DE L'ÉPREUVE"),
                _cell("TYPE D'ÉPREUVE"),
            ]
        ),
        Row(
            [
                _cell("DC1 : ", "Accueil des publics."),
                _cell("Dossier de pratiques."),
                _cell("Ecrit :", "Soutenance."),
            ]
        ),
    ]
    goals = [
        Row([_cell("OBJECTIFS DE L'ÉPREUVE"), _cell("DURÉE DE L'ÉPREUVE")]),
        Row([objectives, _cell("50 min.")]),
    ]
    blocks = parse_lines(["RÉFÉRENTIEL DE CERTIFICATION"])
    tables = [Block(Kind.TABLE, rows=epreuve), Block(Kind.TABLE, rows=goals)]
    document = Document("t", "text", "0" * 64, blocks=[*blocks, *tables])
    return segment(document, Options(use_nlp=False))


def test_segment_layouts_epreuve_objectives_are_the_competences() -> None:
    objectives = Cell(
        [
            Block(Kind.PARAGRAPH, "Vérifier la capacité du candidat à :", line=1),
            Block(Kind.LIST_ITEM, "accueillir le public ;", line=2),
            Block(Kind.LIST_ITEM, "orienter le public.", line=3),
            Block(Kind.PARAGRAPH, "Contrôle continu : évaluation des écrits.", line=4),
        ]
    )
    (bloc,) = _epreuve_tables(objectives).blocs
    assert [c.libelle for c in bloc.competences] == ["accueillir le public", "orienter le public."]
    assert "Dossier de pratiques." in bloc.modalites_evaluation
    assert "50 min." not in bloc.modalites_evaluation


def test_segment_layouts_statement_over_its_details_stays_one_competence() -> None:
    """A lead-in that is a full statement ("… le composant :") keeps its items
    as its details: only a lead-in ending on "à :" / "de :" hands over to them."""
    details = Cell(
        [
            Block(Kind.PARAGRAPH, "Déposer le composant :", line=1),
            Block(Kind.LIST_ITEM, "déconnecter,", line=2),
            Block(Kind.LIST_ITEM, "ranger.", line=3),
        ]
    )
    (bloc,) = _epreuve_tables(details).blocs
    assert len(bloc.competences) == 1
    assert bloc.competences[0].libelle.startswith("Déposer le composant")


def test_segment_layouts_summary_restores_the_accents_of_a_capitals_title() -> None:
    """BTS: the table prints "C4 REALISER" (capitals, accent lost); the summary
    list before it names the same domaine "C4. Réaliser": one bloc, accented."""
    from pathlib import Path

    from referentiel.api import extract

    real = Path(__file__).resolve().parent / "data" / "real"
    blocs = extract(real / "bts-sn-referentiel-certification.md").blocs
    assert [(b.code, b.libelle) for b in blocs][3] == ("C4", "Réaliser")
    assert len(blocs) == 7


def test_segment_layouts_level_word_then_its_number_alone() -> None:
    """The titre professionnel's DP Word form prints "Activité-type" and "1" as
    separate paragraphs, the title below: one bloc, no compétence. Its sommaire
    lists a second activité type, in the same shape, whose pages the form leaves
    out: that unit is kept from its entry, without an invented number, and said."""
    path = Path(__file__).parent / "data" / "real" / "tp-ecsr-dossier-professionnel.docx"
    ref = extract(path)
    assert [b.code for b in ref.blocs] == ["Activité-type 1", None]
    assert ref.blocs[0].libelle.startswith("Former des apprenants conducteurs")
    assert ref.blocs[1].libelle.startswith("Sensibiliser l’ensemble des usagers de la route")
    assert not any(b.competences for b in ref.blocs)
    only = [w for w in ref.warnings if w.code == "SOMMAIRE_ONLY"]
    assert len(only) == 1 and "Sensibiliser" in only[0].message
    # the other entries of the sommaire (the form's own parts) make no unit
    assert not any(b.libelle.startswith(("Déclaration", "Titres, diplômes")) for b in ref.blocs)
