"""A title line naming only the family, wrapped before the label its title
rule reads ("… du brevet d'études professionnelles agricoles" / "spécialité
<nom>"), on real documents: the two lines read as one give the intitulé; a
title printed on one line, or in a table's header, is read as before."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract


def _named(name: str) -> tuple[str | None, str | None]:
    certification = extract(REAL / name).certification
    return certification.type, certification.intitule


def test_the_spécialité_wrapped_onto_the_next_line_names_the_certification() -> None:
    # "Extrait du référentiel de certification du brevet d'études
    # professionnelles agricoles" then "spécialité travaux agricoles et
    # conduite d'engins" on a paragraph of its own
    assert _named("bepa-tace-capacites-epreuves.md") == (
        "BEP",
        "travaux agricoles et conduite d'engins",
    )


def test_a_title_on_one_line_keeps_its_own_reading() -> None:
    # the same ministry's title on one line (two spaces after "spécialité")
    assert _named("bepa-travaux-paysagers-capacites-epreuves.md") == ("BEP", "travaux paysagers")
    # the family and the spécialité in a règlement d'examen's header cell
    assert _named("bacpro-agricole-foret-reglement-examen.md") == ("BAC PRO", "forêt")
