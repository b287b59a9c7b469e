"""A BTS table of pôles, blocs de compétences and unités for two options (the
Ministry's CIEL booklet, Annexe I), on the real excerpt: the header printed as a
table of its own over each option's table; « Pôles d’activités » beside « Blocs de
compétences » groups the blocs, no bloc of its own; each bloc cell lists its
compétences under its title; the two options number their blocs alike, with other
titles and a few abilities in common — six blocs; the band naming the diploma
and its option over each table is no bloc."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract

_DOC = REAL / "bts-ciel-blocs-unites.pdf"


def test_two_options_give_six_blocs_with_their_listed_competences() -> None:
    ref = extract(_DOC)
    assert [b.code for b in ref.blocs] == ["Bloc n°1", "Bloc n°2", "Bloc n°3"] * 2
    assert ref.blocs[1].libelle == "Exploitation et maintenance de réseaux informatiques"
    assert ref.blocs[4].libelle == "Mise en œuvre de réseaux informatiques"
    assert [len(b.competences) for b in ref.blocs] == [2, 4, 4, 2, 4, 4]
    assert ref.blocs[2].competences[0].libelle == (
        "Communiquer en situation professionnelle (français/anglais)"
    )
    assert not any("ÉTUDE" in b.libelle or "option" in b.libelle for b in ref.blocs)
