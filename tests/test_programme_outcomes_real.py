"""Engineering-school programmes' learning-outcome tables, on real documents.

Polytech Annecy-Chambéry's programmes (Apache FOP) print per module a
borderless table headed by lead-ins no column rule names (« … apte à : » |
« Niveau » | « … sera capable : »): the columns' content tells the roles (two
columns of action statements, the left one beside several results on the
right); results run together in one cell are cut at each new infinitive
lead-in, a result the page break cut goes on after the repeated heads; the
units are the « n. UEnnn : … » section headings, the section number before
the unit's code.
"""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.models import Referentiel

SNI = REAL / "polytech-sni-programme-ue502.pdf"
IDU = REAL / "polytech-idu-programme-ue601.pdf"


def _criteres_of(ref: Referentiel, libelle_start: str) -> list[str]:
    bloc = ref.blocs[0]
    index = next(i for i, c in enumerate(bloc.competences) if c.libelle.startswith(libelle_start))
    code = f"BC01.C{index + 1:02d}"
    return [k.libelle for k in bloc.criteres if code in k.competences]


def test_one_unit_headed_by_its_code_after_a_section_number() -> None:
    ref = extract(SNI)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("UE502", "Sciences et outils de l'Ingénieur")
    ]
    assert len(ref.blocs[0].competences) == 8  # noqa: PLR2004


def test_results_run_together_are_cut_at_each_lead_in() -> None:
    ref = extract(SNI)
    criteres = _criteres_of(ref, "calculer et mesurer les grandeurs")
    assert "d’appliquer les lois de Kirchhoff dans un circuit électrique" in criteres
    assert any(k.startswith("d’établir et de résoudre") for k in criteres)  # "et de": no cut
    protections = _criteres_of(ref, "établir si une installation")
    assert protections[-1].endswith("(régime de neutre TT)")  # no cut inside brackets


def test_a_result_cut_by_the_page_break_goes_on_after_the_repeated_heads() -> None:
    ref = extract(SNI)
    criteres = _criteres_of(ref, "calculer et mesurer les puissances")
    assert (
        criteres[-1]
        == "de savoir comment relever le facteur de puissance d’une installation électrique"
    )
    assert all("apte à" not in k.libelle for k in ref.blocs[0].criteres)


def test_statements_opening_in_lower_case_start_rows_of_their_own() -> None:
    ref = extract(IDU)
    unit = next(b for b in ref.blocs if b.code == "UE601")
    assert [c.libelle for c in unit.competences][:2] == [
        "représenter, avec la théorie adaptée, un problème sous forme logique",
        "implémenter un problème dans un langage logique afin d'en extraire de l'information",
    ]
    assert len(unit.competences) == 6 and len(unit.criteres) == 21  # noqa: PLR2004


def test_a_summary_row_naming_a_unit_over_two_lines_beside_its_hours_refers_to_it() -> None:
    """The rows naming UE601 and UE602, detailed below the table, refer to them
    (their own headings give the titles); UE603 and UE604, named only there,
    are units of their own (:mod:`referentiel.segment.schedule`)."""
    ref = extract(IDU)
    titles = {b.code: b.libelle for b in ref.blocs}
    assert sorted(b.code or "" for b in ref.blocs) == ["UE601", "UE602", "UE603", "UE604"]
    assert titles["UE601"] == "Mathématiques et Algorithmique"
    assert titles["UE602"] == "Informatique et Conception"
