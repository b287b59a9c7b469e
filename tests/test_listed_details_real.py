"""A bloc-less référentiel whose listed abilities detail some of their items
(sécurité civile référentiels nationaux de compétences, Légifrance annexes in
tests/data/real): the details are compétences after their item, with the code
they print; a bare numbering that an ordered list goes on with is that list,
not the outline's blocs; a title naming its unité d'enseignement without
quotes names the bloc."""

from __future__ import annotations

from fixtures.real_docs import REAL, extracted_json
from referentiel.api import parse
from referentiel.docmodel import Kind

PSE1 = "civil-pse1-referentiel-competences.md"
PSE2 = "civil-pse2-referentiel-competences.md"
PICF = "civil-picf-referentiel-competences.md"
PSC1 = "civil-psc1-referentiel-competences.md"


def _codes(name: str) -> list[str | None]:
    (bloc,) = extracted_json(name)["blocs"]
    return [c["code"] for c in bloc["competences"]]


def test_decimal_details_follow_their_item_with_their_codes() -> None:
    (bloc,) = extracted_json(PICF)["blocs"]
    assert bloc["libelle"].casefold() == "pédagogie initiale et commune de formateur"
    assert _codes(PICF) == ["1", "2", "2.1", "2.2", "2.3", *(str(n) for n in range(3, 15))]
    assert bloc["competences"][2]["libelle"].startswith("En utilisant un support")


def test_a_lead_in_item_keeps_the_numbered_situations_completing_it() -> None:
    (bloc,) = extracted_json(PSE1)["blocs"]
    assert bloc["libelle"].casefold() == "premiers secours en équipe niveau 1"
    assert _codes(PSE1) == ["1", "2", "3", "4", *(f"{n} 4-" for n in range(1, 8)), "5", "6"]
    assert bloc["competences"][5]["libelle"].startswith("victime d'un saignement")


def test_a_numbering_continued_by_a_list_is_that_list() -> None:
    blocks = parse(REAL / PSE2).blocks
    # the list items carry the numbers after the plain lines' "1." … "3."
    assert [b.label for b in blocks if b.kind is Kind.LIST_ITEM][-4:] == ["4.", "5.", "6.", "7."]
    (bloc,) = extracted_json(PSE2)["blocs"]
    assert bloc["code"] is None and "NIVEAU 2" in bloc["libelle"]
    assert _codes(PSE2) == ["1", None, None, None, "2", None, None, "3", "4", "5", "6", "7"]


def test_the_last_lead_in_item_keeps_the_same_dash_items_completing_it() -> None:
    (bloc,) = extracted_json(PSC1)["blocs"]
    assert bloc["libelle"].casefold() == "prévention et secours civiques de niveau 1"
    libelles = [c["libelle"] for c in bloc["competences"]]
    assert len(libelles) == 9 and libelles[2].startswith("de réaliser immédiatement")
    assert libelles[3].startswith("victime d'une obstruction") and libelles[-1].startswith(
        "victime d'un traumatisme"
    )
