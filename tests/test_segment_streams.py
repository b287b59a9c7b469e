"""Stage ``streams``: columns read one after the other (raw OCR text),
re-attached to their bloc by codes and cue phrases — small hand-written inputs."""

from __future__ import annotations

from referentiel.backends.text_reflow import reflow
from referentiel.docmodel import Document
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.segment import segment


def _segment(text: str) -> Referentiel:
    document = Document("t.ocr.txt", "text", "0" * 64, blocks=reflow(text))
    return segment(document, Options(use_nlp=False))


# A four-column table (activités | compétences | modalités | critères) read
# column by column: the critères of bloc 1 come after bloc 2's compétences,
# named by a link cue; codes misread as OCR does.
CHUNKED = """CQP VENDEUR CONSEIL EN MAGASIN

BC 1 - Accueillir la clientèle
BC 2 - Vendre les produits

A1.1 : Accueil des clients
+ Salutation du client
+ Orientation vers le rayon

Al.2 : Conseil au client
+ Écoute des besoins

A2.1 : Vente des produits
+ Présentation de l'offre

C1.1 : Accueillir un client avec
courtoisie.

Cl.2 : Conseiller un client selon
ses besoins.

C2,1 : Conclure une vente.

Mise en situation professionnelle devant un jury de deux professionnels.

En relation avec la compétence C1.1 & C1.2 :

Le client est accueilli et conseillé
> Le client est salué
> Ses besoins sont reformulés

En relation avec la compétence C2.1 :

La vente est conclue
> Le paiement est encaissé
"""


def test_segment_streams_reattach_by_code() -> None:
    ref = _segment(CHUNKED)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("BC 1", "Accueillir la clientèle"),
        ("BC 2", "Vendre les produits"),
    ]
    assert [[c.code for c in b.competences] for b in ref.blocs] == [["C1.1", "C1.2"], ["C2.1"]]
    assert ref.blocs[0].competences[0].libelle == "Accueillir un client avec courtoisie."
    assert [(a.code, a.taches) for a in ref.activites] == [
        ("A1.1", ["Salutation du client", "Orientation vers le rayon"]),
        ("A1.2", ["Écoute des besoins"]),
        ("A2.1", ["Présentation de l'offre"]),
    ]


def test_segment_streams_link_rows_and_named_competences() -> None:
    ref = _segment(CHUNKED)
    comps = {c.id: c for b in ref.blocs for c in b.competences}
    assert {c.code: c.activites for c in comps.values()} == {
        "C1.1": ["A1.1"],
        "C1.2": ["A1.2"],
        "C2.1": ["A2.1"],
    }
    criteres = [
        (b.code, k.libelle, [comps[c].code for c in k.competences], k.indicateurs)
        for b in ref.blocs
        for k in b.criteres
    ]
    assert criteres == [
        (
            "BC 1",
            "Le client est accueilli et conseillé",
            ["C1.1", "C1.2"],
            ["Le client est salué", "Ses besoins sont reformulés"],
        ),
        ("BC 2", "La vente est conclue", ["C2.1"], ["Le paiement est encaissé"]),
    ]


def test_segment_streams_rank_links_and_modalites_by_position() -> None:
    """No link cue: a bloc's critères (a short line heading bullets) follow its
    compétences' order; prose is a modality of the bloc read last."""
    text = """BC 1 - Accueillir la clientèle

A1.1 : Accueil des clients
+ Salutation du client

A1.2 : Conseil au client
+ Écoute des besoins

C1.1 : Accueillir un client.

C1.2 : Conseiller un client.

Questionnaire écrit portant sur les situations d'accueil rencontrées en magasin.

L'accueil est réussi
> Le client est salué

Le conseil est pertinent
> Les besoins sont reformulés
"""
    ref = _segment(text)
    bloc = ref.blocs[0]
    assert bloc.modalites_evaluation == [
        "Questionnaire écrit portant sur les situations d'accueil rencontrées en magasin."
    ]
    codes = {c.id: c.code for c in bloc.competences}
    assert [(k.libelle, [codes[c] for c in k.competences]) for k in bloc.criteres] == [
        ("L'accueil est réussi", ["C1.1"]),
        ("Le conseil est pertinent", ["C1.2"]),
    ]


def test_segment_streams_leave_ordinary_documents_alone() -> None:
    """Coded activities without matching compétence rows: not a stream
    document; the ordinary stages read it."""
    text = """RÉFÉRENTIEL D'ACTIVITÉS

A1 : Accueil des clients
+ Salutation du client

A2 : Vente
+ Présentation de l'offre

Bloc de compétences 1 - Accueillir
C1 : Accueillir un client.
"""
    ref = _segment(text)
    assert [a.code for a in ref.activites] == ["A1", "A2"]
    assert [c.code for b in ref.blocs for c in b.competences] == ["C1"]


# Activities numbered across the document (A1, A2…), each compétence carrying
# its activity's number first (C.2.1 under A2); the bloc is the heading read last.
ACROSS = """Bloc de compétences n° 1 : Vendre

A1 La prospection des clients

A2 La négociation de la vente

C.1 Prospecter les clients, en utilisant les outils digitaux.

C.2.1 Négocier le prix, en tenant compte des marges.

C.2.2 Conclure la vente, en vérifiant le contrat.

Compétence transversale :

Appliquer les règles de travail de son entreprise.
"""


def test_segment_streams_numbered_across_the_document() -> None:
    ref = _segment(ACROSS)
    assert [a.code for a in ref.activites] == ["A1", "A2"]
    comps = ref.blocs[0].competences
    assert [c.activites for c in comps] == [["A1"], ["A2"], ["A2"]]
    assert [c.libelle[:8] for c in ref.competences_transversales] == ["Applique"]
