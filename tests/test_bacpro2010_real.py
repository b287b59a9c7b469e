"""The bac pro référentiels de certification of 2010 (arrêtés of 3 June 2010),
on real files: a "Comportements professionnels" column (attitudes, no
element), "Groupe de compétences n° N" headings (the blocs), compétence codes
coded within their groupe ("G1C1.1") or spelling their activité's number
("C111.1" under "Activité 1").

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.backends.markup import html_blocks

TRANSPORT = REAL / "bacpro-transport-referentiel-certification.md"
ACCUEIL = REAL / "bacpro-accueil-referentiel-certification.md"


def test_groupes_de_competences_are_the_blocs() -> None:
    """Six "Groupe de compétences n<sup>o</sup> N : …" paragraphs: six blocs,
    each holding its "GnCm" compétences and their "GnCm.k" sub-compétences."""
    ref = extract(TRANSPORT)
    gold = gold_of(TRANSPORT)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    for bloc, expected in zip(ref.blocs, gold["blocs"], strict=True):
        assert [c.code for c in bloc.competences] == [c["code"] for c in expected["competences"]]
        assert bloc.connaissances == expected["connaissances"]  # the savoirs cell spans the table


def test_a_parenthesis_alone_below_a_groupe_heading_is_no_part_of_its_title() -> None:
    """ "Groupe de compétences n° 6 : Les relations avec les partenaires" then
    "(en français et en langue étrangère)" on a paragraph of its own: an aside
    qualifying the title (kept apart by the reference), not the title's end."""
    ref = extract(TRANSPORT)
    gold = gold_of(TRANSPORT)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]


def test_comportements_professionnels_are_no_competences() -> None:
    """The CP lines of the "COMPORTEMENTS PROFESSIONNELS" column are
    attitudes: neither compétences nor critères, in both layouts."""
    for path in (TRANSPORT, ACCUEIL):
        ref = extract(path)
        codes = [c.code or "" for b in ref.blocs for c in b.competences]
        texts = [c.libelle for b in ref.blocs for c in b.competences]
        texts += [k.libelle for b in ref.blocs for k in b.criteres]
        assert codes and not any("CP" in code for code in codes)
        assert not any(t.startswith(("Respecter la demande", "Adopter une tenue")) for t in texts)


def test_codes_spelling_the_activite_make_it_the_bloc() -> None:
    """ "C111.1 … C122.7" spell activité 1: one bloc "Activité 1", whose
    compétences are every coded line, not blocs of their own."""
    ref = extract(ACCUEIL)
    gold = gold_of(ACCUEIL)
    assert [(b.code, b.libelle) for b in ref.blocs] == [("Activité 1", "L'accueil en face à face")]
    expected = [c["code"] for c in gold["blocs"][0]["competences"]]
    assert [c.code for c in ref.blocs[0].competences] == expected


def test_savoirs_and_criteres_beside_coded_competences_are_each_ones() -> None:
    """A tâche row lists three coded compétences beside its savoirs (over two
    sub-rows) and its critères: each compétence gets the savoirs, each
    critère judges the three."""
    ref = extract(ACCUEIL)
    gold = gold_of(ACCUEIL)["blocs"][0]
    bloc = ref.blocs[0]
    for comp, expected in zip(bloc.competences, gold["competences"], strict=True):
        assert comp.connaissances == expected["connaissances"]
    ids = {c.id: c.code for c in bloc.competences}
    linked = [[ids[i] for i in k.competences] for k in bloc.criteres]
    assert linked == [k["competences"] for k in gold["criteres"]]


def test_superscript_o_after_n_is_the_numero_sign() -> None:
    """ "n<sup>o</sup> 1" prints "n° 1"; another superscript o stays a letter."""
    assert [b.text for b in html_blocks("<p>Groupe n<sup>o</sup> 1 : titre</p>")] == [
        "Groupe n° 1 : titre"
    ]
    assert [b.text for b in html_blocks("<p>H<sup>o</sup> et n<sup>2</sup></p>")] == ["Ho et n2"]
