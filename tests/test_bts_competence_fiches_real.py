"""BTS compétence fiches (the Ministry's CIEL booklet, option A, C01–C04), on the
real excerpt: one framed table per compétence, its title in capitals wrapped in
its cell; « Principales activités mettant en œuvre la compétence : » lists
activités of the référentiel des activités (``R1 – …``) that recur under several
compétences — references, no compétences; the savoirs printed with their
taxonomic level (« Niveau 2 ») beside them, the level read into the line or on a
line of its own — no part of the connaissance; list items set with a minus sign."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.rules import default_rules
from referentiel.segment.taxonomy import without_levels

_DOC = REAL / "bts-ciel-competences-c01-c04.pdf"


def test_fiches_are_blocs_without_the_activities_they_cite() -> None:
    ref = extract(_DOC)
    assert [b.code for b in ref.blocs] == ["C01", "C02", "C03", "C04"]
    assert ref.blocs[0].libelle == "COMMUNIQUER EN SITUATION PROFESSIONNELLE (FRANÇAIS/ANGLAIS)"
    assert all(not b.competences for b in ref.blocs)  # R1 … D5 are the activités cited
    assert [len(b.criteres) for b in ref.blocs] == [6, 6, 8, 8]


def test_connaissances_lose_their_taxonomic_level() -> None:
    ref = extract(_DOC)
    first = ref.blocs[0].connaissances
    assert first[1] == (
        "Théorie de la communication : définition, composantes, enjeux, registre de langage, "
        "discours expert"
    )
    assert not any("Niveau" in k for b in ref.blocs for k in b.connaissances)
    assert len(ref.blocs[1].connaissances) == 5  # the levels on lines of their own are gone


def test_levels_stay_when_few_items_carry_one() -> None:
    items = ["Diplôme de Niveau 3 requis", "Méthodes de projet", "Outils", "Réseaux"]
    assert without_levels(default_rules(), items) == items
