"""Segmentation of small documents: every bloc heading form, no-bloc-level units,
merging of repeated blocs, role tables, links and codes."""

from __future__ import annotations

import pytest
from referentiel.backends.text import parse_lines
from referentiel.docmodel import Block, Cell, Document, Kind, Row
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.segment import segment


def _segment(text: str, use_nlp: bool = False) -> Referentiel:
    document = Document("t.txt", "text", "0" * 64, blocks=parse_lines(text.split("\n")))
    return segment(document, Options(use_nlp=use_nlp))


@pytest.mark.parametrize(
    ("heading", "code", "libelle"),
    [
        (
            "Bloc de compétences 1 – Conseil aux clients",
            "Bloc de compétences 1",
            "Conseil aux clients",
        ),
        (
            "Bloc  de compétences 2 - Conseil aux clients",
            "Bloc de compétences 2",
            "Conseil aux clients",
        ),
        (
            "Bloc de compétences n° 1 : Conseil aux clients",
            "Bloc de compétences n° 1",
            "Conseil aux clients",
        ),
        ("BC 1. Conseil aux clients", "BC 1", "Conseil aux clients"),
        ("BC 2 - Conseil aux clients", "BC 2", "Conseil aux clients"),
        ("BC03 : Conseil aux clients", "BC03", "Conseil aux clients"),
        ("BDC 0158\nConseil aux clients", "BDC 0158", "Conseil aux clients"),
        ("## 2.1 Activité type 1 – Conseil aux clients", "Activité type 1", "Conseil aux clients"),
        ("**Bloc 4 : Conseil aux clients**", "Bloc 4", "Conseil aux clients"),
        ("Compétence 3 : Conseil aux clients", "Compétence 3", "Conseil aux clients"),
    ],
)
def test_segment_bloc_heading_forms(heading: str, code: str, libelle: str) -> None:
    ref = _segment(f"{heading}\n· Expliquer les produits\n· Répondre aux objections\n")
    (bloc,) = ref.blocs
    assert (bloc.code, bloc.libelle) == (code, libelle)
    assert [c.libelle for c in bloc.competences] == [
        "Expliquer les produits",
        "Répondre aux objections",
    ]
    assert bloc.provenance.rule and bloc.provenance.line == 1


@pytest.mark.parametrize(
    ("line", "code", "libelle"),
    [
        ("C1.1 : Exécuter la stratégie", "C1.1", "Exécuter la stratégie"),
        ("C.3.1 Exécuter la stratégie", "C.3.1", "Exécuter la stratégie"),
        ("C.7.2 - Exécuter la stratégie", "C.7.2", "Exécuter la stratégie"),
        ("1. Exécuter la stratégie", "1", "Exécuter la stratégie"),
        ("1.2.3 Exécuter la stratégie", "1.2.3", "Exécuter la stratégie"),
    ],
)
def test_segment_competence_codes(line: str, code: str, libelle: str) -> None:
    ref = _segment(f"Bloc de compétences 1 – Stratégie\n{line}\n")
    (comp,) = ref.blocs[0].competences
    assert (comp.code, comp.libelle, comp.id) == (code, libelle, "BC01.C01")


REPEATED = """Référentiel de compétences
Bloc de compétences 1 – Conseil
· Expliquer les produits
· Répondre aux objections
Bloc de compétences 2 – Vente
· Conclure la vente
Référentiel de certification
Bloc de compétences 1 – Conseil
· Expliquer les produits
· Répondre aux objections
Modalités d’évaluation :
Etude de cas
OU
· Entretien avec le jury
\tCritères d’évaluation
\tIndicateurs

\tLes produits sont expliqués
\t· Explication pertinente
· Aucune erreur

Bloc  de compétences 2 – Vente
· Conclure la vente
Modalités d’évaluation :
· Mise en situation
"""


def test_segment_repeated_blocs_are_merged() -> None:
    ref = _segment(REPEATED)
    assert [(b.id, b.code) for b in ref.blocs] == [
        ("BC01", "Bloc de compétences 1"),
        ("BC02", "Bloc de compétences 2"),
    ]
    first, second = ref.blocs
    assert [c.libelle for c in first.competences] == [
        "Expliquer les produits",
        "Répondre aux objections",
    ]
    assert first.modalites_evaluation == ["Etude de cas", "Entretien avec le jury"]
    (critere,) = first.criteres
    assert critere.id == "BC01.K01"
    assert critere.indicateurs == ["Explication pertinente", "Aucune erreur"]
    assert [c.libelle for c in second.competences] == ["Conclure la vente"]
    assert second.modalites_evaluation == ["Mise en situation"]
    assert [w.code for w in ref.warnings] == ["UNLINKED_CRITERE"]


def test_segment_links_and_rowspan_in_a_role_table() -> None:
    def cell(*texts: str, items: bool = False) -> Cell:
        kind = Kind.LIST_ITEM if items else Kind.PARAGRAPH
        return Cell([Block(kind, t, line=1) for t in texts])

    shared = cell("Les opérations sont enregistrées")
    table = Block(
        Kind.TABLE,
        rows=[
            Row([cell("Critères d'évaluation"), cell("Indicateurs")], header=True),
            Row([Cell([Block(Kind.PARAGRAPH, "En relation avec la compétence C1.1 & C1.2 :")], 2)]),
            Row([shared, cell("Les données sont saisies")]),
            Row([shared, cell("Le montant est juste")]),
        ],
    )
    blocks = parse_lines(
        ["Bloc de compétences 1 – Séjours", "· C1.1 : Enregistrer", "· C1.2 : Facturer"]
    )
    ref = segment(Document("t", "text", "0" * 64, blocks=[*blocks, table]), Options(use_nlp=False))
    (critere,) = ref.blocs[0].criteres
    assert critere.competences == ["BC01.C01", "BC01.C02"]
    assert critere.indicateurs == ["Les données sont saisies", "Le montant est juste"]


TABLES = "\n".join(
    [
        "Blocs de compétences\tCompétences professionnelles\tConnaissances associées",
        "BDC 0001 <p>Conseiller</p>\t<p>1. Expliquer les produits</p>\t"
        "<ul> • Les produits • Les clients",
        "\t<p>2. Répondre aux objections</p>\t",
        "BDC 0002 <p>Vendre</p>\t<p>1. Conclure la vente</p>\t<ul> • La négociation",
        "",
        "Compétences professionnelles\tConditions de réalisation\t"
        "Critères mesurables et observables\tRésultats attendus",
        "<p>3. Conclure la vente</p>\t<p>En magasin</p>\t"
        "<p><u>En matière de méthodes :</u> La vente est conclue.</p>\t<p>Le client signe</p>",
    ]
)


def test_segment_competences_table_and_evaluation_table_by_role() -> None:
    ref = _segment(TABLES)
    assert [(b.code, b.libelle, b.connaissances) for b in ref.blocs] == [
        ("BDC 0001", "Conseiller", ["Les produits", "Les clients"]),
        ("BDC 0002", "Vendre", ["La négociation"]),
    ]
    vente = ref.blocs[1].competences[0]
    # numbered per bloc in one table, through the document in the other: the unique code wins
    assert (vente.code, vente.libelle) == ("3", "Conclure la vente")
    assert vente.conditions_realisation == ["En magasin"]
    assert vente.resultats_attendus == ["Le client signe"]
    (critere,) = ref.blocs[1].criteres
    assert (critere.libelle, critere.indicateurs) == (
        "En matière de méthodes",
        ["La vente est conclue."],
    )
    assert critere.competences == [vente.id]
    assert critere.provenance.rule == "table.criteres"


def test_segment_activities_with_tasks_and_subsection_headings() -> None:
    ref = _segment(
        "Référentiel d’activités\n1.1. Contexte du métier\nLe métier s'exerce en atelier.\n"
        "1. Organisation du travail\n· Planification\n· Suivi\nA2 – Vente\n· Prospection\n"
    )
    assert [(a.code, a.libelle, a.taches) for a in ref.activites] == [
        ("1", "Organisation du travail", ["Planification", "Suivi"]),
        ("A2", "Vente", ["Prospection"]),
    ]


def test_segment_certification_cues() -> None:
    ref = _segment(
        "REFERENTIEL DU CQPM\nTitre du CQPM : **Soudeur industriel**\n"
        "Inscrit au RNCP sous le numéro RNCP 34567\nDescription du métier\n"
        "Le soudeur assemble des pièces.\nIl travaille en atelier.\n"
        "Bloc de compétences 1 – Souder\n· Souder des pièces\n"
    )
    cert = ref.certification
    assert (cert.type, cert.intitule, cert.code_rncp) == ("CQPM", "Soudeur industriel", "RNCP34567")
    assert cert.description == "Le soudeur assemble des pièces. Il travaille en atelier."


def test_segment_transversal_competences() -> None:
    ref = _segment(
        "Bloc de compétences 1 – Souder\n· Souder des pièces\n"
        "Compétences transversales\n· Communiquer avec l'équipe\n· Respecter la sécurité\n"
    )
    assert [(c.id, c.libelle) for c in ref.competences_transversales] == [
        ("CT01", "Communiquer avec l'équipe"),
        ("CT02", "Respecter la sécurité"),
    ]


def _cell(*texts: str, item_from: int = 99) -> Cell:
    return Cell(
        [
            Block(Kind.LIST_ITEM if i >= item_from else Kind.PARAGRAPH, t, line=1)
            for i, t in enumerate(texts)
        ]
    )


def test_segment_table_split_by_page_break_and_misread_header() -> None:
    """Rows continued after a page break, an empty compétence cell (merge lost),
    two header cells read as one, and a header misread by OCR."""
    table = Block(
        Kind.TABLE,
        rows=[
            Row([_cell("Activités"), _cell("Compétences"), _cell("Connaisances asociées")]),
            Row([_cell("Modalités d'évaluation Critères d'évaluation")]),
            Row([_cell("BC 1 - Vendre")]),
            Row(
                [
                    _cell("A1.1 : Prospection", "Recherche de clients", item_from=1),
                    _cell("C1.1 : Prospecter de nouveaux clients"),
                    _cell("Les outils de"),
                    _cell("Étude de cas"),
                    _cell("Les clients sont ciblés", "Un fichier est", item_from=1),
                ]
            ),
            Row(
                [
                    _cell("Qualification", item_from=0),
                    _cell(),
                    _cell("prospection"),
                    _cell(),
                    _cell("tenu à jour", item_from=0),
                ]
            ),
        ],
    )
    table.rows[1].cells[0].col_span = 2
    table.rows[1].cells = [*table.rows[0].cells, table.rows[1].cells[0]]  # merged from above
    table.rows[2].cells[0].col_span = 5
    ref = segment(Document("t", "text", "0" * 64, blocks=[table]), Options(use_nlp=False))
    (activite,) = ref.activites
    assert activite.taches == ["Recherche de clients", "Qualification"]
    (bloc,) = ref.blocs
    (comp,) = bloc.competences
    assert comp.activites == ["A1.1"]
    assert comp.connaissances == ["Les outils de prospection"]
    assert bloc.modalites_evaluation == ["Étude de cas"]
    (critere,) = bloc.criteres
    assert critere.indicateurs == ["Un fichier est tenu à jour"]
    assert critere.competences == [comp.id]


LOST_GLYPHS = """Bloc de compétences 1 – Conseil
Expliquer les produits
CQP Conseiller de vente
Critères d'évaluation :
Les produits sont expliqués au client
Explication pertinente des avantages
Aucune erreur
"""


@pytest.mark.parametrize("use_nlp", [True, False])
def test_segment_unlabeled_lines_with_and_without_nlp(use_nlp: bool) -> None:
    """Lines whose bullets were lost: the spaCy stage tells critère from indicateur."""
    (bloc,) = _segment(LOST_GLYPHS, use_nlp=use_nlp).blocs
    assert [c.libelle for c in bloc.competences] == ["Expliquer les produits"]
    if use_nlp:
        (critere,) = bloc.criteres
        assert critere.indicateurs == ["Explication pertinente des avantages", "Aucune erreur"]
    else:
        assert len(bloc.criteres) == 3
