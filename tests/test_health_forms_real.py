"""Health-ministry annexes read on the real files: the préparateur en
pharmacie hospitalière's stage evaluation form (annex II, document 3) and the
orthoptists' référentiel d'activités (annex I).

The form glues its bold running name to each module heading and sets its
critères as table rows scored with points; the référentiel d'activités lists
its activités twice (a numbered summary, then each detailed by numbered
sub-activités over their tâches) inside its « RÉFÉRENTIEL D'ACTIVITÉS »."""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.evaluate import normalise

FORM = REAL / "dpph-evaluation-periodes-pratiques.md"
ACTIVITES = REAL / "cc-orthoptiste-referentiel-activites.md"


def test_a_bold_run_glued_to_its_text_is_a_line_of_its_own() -> None:
    """« **Diplôme …**MODULE  1 : » and « **Compétence : … .**    La période … »:
    the bold run and the text after it are two paragraphs."""
    texts = [block.text for block in parse(FORM).blocks]
    assert "MODULE 1 :" in texts
    assert "Diplôme préparateur en pharmacie hospitalière" in texts
    assert any(t.startswith("La période pratique se déroule en PUI dans") for t in texts)


def test_the_forms_scored_rows_are_the_modules_critères() -> None:
    """Each module is a bloc titled by its « Compétence : » statement; each row
    scored with points is one of its critères, the points no text."""
    ref = extract(FORM)
    gold = gold_of(FORM)
    assert [(b.code, normalise(b.libelle)) for b in ref.blocs] == [
        (b["code"], normalise(b["libelle"])) for b in gold["blocs"]
    ]
    assert [[normalise(k.libelle) for k in b.criteres] for b in ref.blocs] == [
        [normalise(k["libelle"]) for k in b["criteres"]] for b in gold["blocs"]
    ]


def test_a_référentiel_dactivités_numbers_activités_not_blocs() -> None:
    """The summary « 1. … 9. » and the detailed « 1.1. … » are activités; no bloc."""
    ref = extract(ACTIVITES)
    gold = gold_of(ACTIVITES)
    assert not ref.blocs
    assert [a.code for a in ref.activites] == [a["code"] for a in gold["activites"]]
    for made, printed in zip(ref.activites, gold["activites"], strict=True):
        # as printed, a footnote call ("(2)") kept after the title
        assert normalise(made.libelle).startswith(normalise(printed["libelle"]))
    detailed = next(a for a in ref.activites if a.code == "1.6")
    assert detailed.taches[0].endswith("axe sensoriel :")  # a lead-in over its tâches


def test_the_description_stops_at_a_label_heading() -> None:
    """The definition under « Définition de l'orthoptie : » ends before « Sur le
    plan législatif et réglementaire : »."""
    description = extract(ACTIVITES).certification.description or ""
    assert description.endswith("en rapport avec ses activités.")
    assert "législatif" not in description
