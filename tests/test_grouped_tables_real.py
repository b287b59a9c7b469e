"""Documents of this session's corpus growth, on real files: a table whose
group columns are filled on a group's first row only (a rowspan printed as
empty cells), a certificate named only as a sentence's subject, and an
excerpt whose last numbered unit the cut leaves without its body.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, competence_titles, gold_competence_titles, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.rules import default_rules
from referentiel.segment.grouped import grouped_view

CQP = REAL / "cqp-dirigeants-securite-privee-objectifs.md"
CEJM = REAL / "bts-cejm-programme-jo.pdf"
BUT_FICHES = REAL / "but-rt-fiches-ressources-s1s2.docx"


def test_filled_down_group_columns_are_blocs_and_competences() -> None:
    """THÈME | PARTIE | objectifs généraux | spécifiques | durée, the first
    three filled on their group's first row only, no column role named: the
    two innermost group columns are the blocs and their compétences."""
    ref = extract(CQP)
    gold = gold_of(CQP)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert competence_titles(ref) == gold_competence_titles(gold)


def test_family_as_a_sentence_subject_gives_the_type() -> None:
    """No title: "Le certificat de qualification professionnelle comporte …"
    names the family only: the type, no intitulé."""
    ref = extract(CQP)
    assert ref.certification.type == "CQP"
    assert ref.certification.intitule is None


def test_merged_key_value_grids_are_no_grouped_table() -> None:
    """A fiche's key / value table with cells merged across columns has
    empty cells too, but it is no grid of group columns."""
    tables = [b for b in parse(BUT_FICHES).blocks if b.kind is Kind.TABLE]
    assert tables
    assert all(grouped_view(t, 0, default_rules()) is None for t in tables)


def test_units_cut_by_the_excerpt_still_make_the_level() -> None:
    """Boxed "THÈME 1: …" and "THÈME 2: …" in capitals, the excerpt cut just
    after thème 2's context: both thèmes are the blocs."""
    ref = extract(CEJM)
    gold = gold_of(CEJM)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert [c.libelle for c in ref.blocs[0].competences] == [
        c["libelle"] for c in gold["blocs"][0]["competences"]
    ]
