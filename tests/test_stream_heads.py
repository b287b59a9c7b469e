"""Critères grouped under compétence code heads in a table read column after
column (:mod:`referentiel.segment.stream_heads`), on the IEF2i référentiel
d'activités, de compétences et d'évaluation (plain-text extraction of its PDF)."""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extract_real
from referentiel.backends.pagemarks import as_form_feeds
from referentiel.backends.text_reflow import reflow
from referentiel.docmodel import Kind
from referentiel.textio import read_text

NAME = "rncp-ief2i-strategie-digitale-bloc1.txt"


def _blocks() -> list[tuple[Kind, str | None, str]]:
    text, _ = read_text(REAL / NAME)
    return [(b.kind, b.label, b.text) for b in reflow(as_form_feeds(text))]


def test_reflow_reads_the_minus_sign_as_a_bullet_and_closes_parentheses() -> None:
    blocks = _blocks()
    texts = [text for _, _, text in blocks]
    assert "C3 :" in texts  # the head no longer glued to its first "− …" item
    item = next(b for b in blocks if b[2].startswith("La veille prend en compte"))
    assert item[0] is Kind.LIST_ITEM and item[1] == "\u2212"
    assert any(t.endswith("(RSE, RGAA).") for t in texts)  # "(RSE," / "RGAA)." one tâche


def test_code_heads_are_no_competences_and_link_their_items() -> None:
    ref = extract_real(NAME)
    (bloc,) = ref.blocs
    codes = [c.code for c in bloc.competences]
    assert codes == [f"C{n}" for n in range(1, 9)]
    by_id = {c.id: c.code for c in bloc.competences}
    linked = [sorted(by_id[i] for i in k.competences) for k in bloc.criteres]
    assert linked.count(["C1", "C2"]) == 4
    assert linked.count(["C4", "C5", "C6"]) == 7  # the range "C4-C6 :" names C5 too
    last = bloc.criteres[-1]
    assert last.libelle.startswith("Les prestataires sous-traitants sont identifiés")
    assert sorted(by_id[i] for i in last.competences) == ["C7", "C8"]  # resumed after the page
    assert all(not k.indicateurs for k in bloc.criteres)


def test_epreuves_outside_the_code_heads_are_modalites() -> None:
    ref = extract_real(NAME)
    (bloc,) = ref.blocs
    assert any(m.startswith("Epreuve n°1 (C1 à C6)") for m in bloc.modalites_evaluation)
    assert any(m.startswith("Epreuve n°2 (C7 à C8)") for m in bloc.modalites_evaluation)
    assert not any("Epreuve" in k.libelle for k in bloc.criteres)


def test_running_title_names_a_titre_rncp() -> None:
    ref = extract_real(NAME)
    assert ref.certification.type == "TITRE RNCP"
    assert ref.certification.intitule == "Expert en stratégie et transformation digitale"
    taches = [t for a in ref.activites for t in a.taches]
    assert any(t.endswith("et les aménagements éventuels ;") for t in taches)


BLOCS_3_4 = "rncp-ief2i-strategie-digitale-blocs3-4.txt"


def test_activites_numbered_per_bloc_still_read_as_columns() -> None:
    """Blocs 3-4 number their activités A1… again in every bloc while the
    compétences go on (C19…): no row pairs them, the code heads show the
    columns; an activité printed "- A2. …" is still coded, an aside under a
    bloc's title no modality, and a bloc's critères never resume the groups of
    the bloc before."""
    ref = extract_real(BLOCS_3_4)
    assert [a.code for a in ref.activites] == ["A1", "A2", "A3", "A4", "A1", "A2", "A3", "A4", "A5"]
    assert ref.activites[5].libelle.startswith("Supervision du prototypage")
    bloc3, bloc4 = ref.blocs
    assert [c.code for c in bloc4.competences] == ["C24", "C25", "C26", "C27", "C28"]
    assert not any(m.startswith("(Bloc optionnel") for m in bloc4.modalites_evaluation)
    assert not any(k.libelle.startswith("élaborer") for k in bloc4.criteres)
    assert any(m.startswith("élaborer une stratégie") for m in bloc4.modalites_evaluation)
    assert len(bloc3.criteres) == 8 and all(k.competences for k in bloc3.criteres)
