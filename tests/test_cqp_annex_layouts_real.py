"""CQP annexes of three more branches, as the Dictionnaire Permanent prints them (real files).

The habillement's accord prints its CQP as running text: long dashes kerned
to their items with no space character, an annex per CQP (the next one's title
ends the excerpt), each unit's critères under "Critères d'évaluation compétence N"
as label lines over one paragraph, the modalités in a table captioned above
it. The CDNA's CQPI numbers its parts "1)" … "4)", prints its family
"CQP(I)" and its activités as a "Domaines | Description des activités" table.
"""

from __future__ import annotations

from functools import cache

from fixtures.real_docs import REAL
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.models import Referentiel

HABILLEMENT = REAL / "cqp-habillement-administrateur-ventes.pdf"
CDNA = REAL / "cqp-cdna-vendeur-conseil-magasin.pdf"


@cache
def _extracted(name: str) -> Referentiel:
    return extract(REAL / name)


def test_a_long_dash_kerned_to_its_word_is_a_list_mark() -> None:
    blocks = list(parse(HABILLEMENT).walk())
    assert not any(b.text.startswith("—") for b in blocks if b.kind is not Kind.TABLE)
    item = next(b for b in blocks if b.text.startswith("Recueil de preuves"))
    assert item.kind is Kind.LIST_ITEM and item.label == "—"


def test_the_next_annex_title_ends_the_certification() -> None:
    ref = _extracted(HABILLEMENT.name)
    assert ref.certification.intitule == "administrateur/trice des ventes"
    names = [a.libelle for a in ref.activites]
    assert "Relation clients" in names
    assert not any("Rendez-Vous" in (n or "") for n in names)  # annex 2's activités


def test_a_zone_cue_naming_a_unit_reopens_it() -> None:
    ref = _extracted(HABILLEMENT.name)
    bloc = next(b for b in ref.blocs if b.code == "Compétence 3")
    labels = [c.libelle for c in bloc.criteres]
    assert any(label.startswith("Mise en œuvre de l'outil") for label in labels)
    labelled = next(c for c in bloc.criteres if c.libelle.startswith("Mise en œuvre"))
    assert labelled.indicateurs and labelled.indicateurs[0].startswith("Capacité à")
    assert bloc.modalites_evaluation and "enregistrement" in bloc.modalites_evaluation[0]


def test_numbered_parts_and_a_domaines_table() -> None:
    ref = _extracted(CDNA.name)
    assert (ref.certification.type, ref.certification.intitule) == (
        "CQP",
        "Vendeur conseil en magasin",
    )
    assert ref.certification.description and ref.certification.description.startswith("Le(la)")
    codes = [a.code for a in ref.activites]
    assert "2" not in codes and "A1.1" in codes and "A4.7" in codes
    assert [b.code for b in ref.blocs] == ["C7", "C4", "C1", "C5", "C2", "C3", "C6"]
