"""A training table read by its columns, on the real DE médiateur familial
référentiel de formation (Légifrance annex): 'UNITÉS DE FORMATION | CONTENU
INDICATIF | VOLUME HORAIRE | COMPÉTENCES VISÉES' with merged cells. The units
are the blocs, the contents their connaissances, the hours no element, and the
last column, codes of the domaines of another annex ('DC1/ DC3'), names no
compétence (segment.refcolumn). The CAFERUIS certification's 'UNITÉS DE
FORMATION' column stands beside its domaines de compétences: those stay the
blocs. Real reader and segmenter, compared with the hand-checked references."""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import parse
from referentiel.rules import default_rules
from referentiel.segment.table_roles import table_views

MEDFAM = "de-mediateur-familial-referentiel-formation.md"
CAFERUIS = "caferuis-referentiel-certification.md"


def test_units_are_blocs_and_contents_their_connaissances() -> None:
    """Each unit of the first column is a bloc, as printed and in order; the
    lines of its content cells (over merged unit cells too) are its
    connaissances, the centred sub-part numbers '1' / '2' none of them."""
    gold = gold_of(REAL / MEDFAM)["blocs"]
    got = extract_real(MEDFAM).blocs
    assert [b.libelle for b in got] == [b["libelle"] for b in gold]
    first = got[0]
    assert first.connaissances[:2] == ["La médiation : un concept", "Principes fondamentaux"]
    assert "1" not in first.connaissances and "2" not in first.connaissances
    for bloc, expected in zip(got[:5], gold[:5], strict=True):
        assert bloc.connaissances == expected["connaissances"]


def test_code_references_and_hours_name_no_element() -> None:
    """'DC1/ DC3', 'DC2', 'si DC1 validé': codes of one series printed beside
    several units — references, no compétence; '70 heures' no connaissance."""
    ref = extract_real(MEDFAM)
    assert all(not b.competences for b in ref.blocs)
    texts = [c for b in ref.blocs for c in b.connaissances]
    assert not any("heures" in t or t.startswith("DC") for t in texts)


def test_reference_column_loses_its_role_only_there() -> None:
    """The header names compétences; the column's cells hold codes only, so
    the view reads it as no role. The CAFERUIS 'DOMAINES DE COMPÉTENCES
    ÉVALUÉS' cells hold titled lines ('DC 1. - Conception …'): still blocs, and
    its 'UNITÉS DE FORMATION' column beside them groups nothing."""
    rules = default_rules()
    table = next(b for b in parse(REAL / MEDFAM).blocks if b.rows)
    (view,) = table_views(table, rules, lambda: 0, {})
    assert view.roles == ["bloc", "connaissances", "details", None]
    table = next(b for b in parse(REAL / CAFERUIS).blocks if b.rows)
    roles = table_views(table, rules, lambda: 0, {})[0].roles
    assert roles[0] is None and roles[-1] == "bloc"
    assert [b.code for b in extract_real(CAFERUIS).blocs] == [
        b["code"] for b in gold_of(REAL / CAFERUIS)["blocs"]
    ]
