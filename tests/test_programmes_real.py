"""The Ministry's school programmes read as référentiels (tests/data/real): the
collège cycles' « Compétences travaillées » (headings over '» ' chevron items,
a designed page's text frame read as a table cell) and a baccalauréat
technologique's objectives beside their compétences ('O1 - …' | 'CO1.1. …')."""

from __future__ import annotations

from fixtures.real_docs import REAL, extracted_json
from referentiel.backends import pdf
from referentiel.docmodel import HEADING_SIZE, Kind
from referentiel.options import Options

CYCLE4 = "college-cycle4-technologie-competences.pdf"
CYCLE3 = "college-cycle3-sciences-technologie-competences.pdf"
STI2D = "bac-sti2d-programme-competences.pdf"


def _blocks(name: str) -> list:
    doc = pdf.parse(REAL / name, Options())
    return [b for b in doc.walk() if b.kind is not Kind.TABLE]


def test_a_chevron_word_is_a_bullet_and_never_part_of_the_text() -> None:
    """'» Mesurer des grandeurs …' is a list item labelled '»', on both cycles."""
    for name in (CYCLE4, CYCLE3):
        items = [b for b in _blocks(name) if b.kind is Kind.LIST_ITEM]
        assert len(items) >= 20, name
        assert all(not b.text.startswith("»") for b in items), name
        assert sum(b.label == "»" for b in items) >= 20, name


def test_a_justified_measure_inside_the_cell_joins_wrapped_item_lines() -> None:
    """The text frame ends 30 points inside the drawn box: a full line ending on
    'cro-' goes on with 'quis, …' (a word cut at the line end), 'le comportement'
    with 'des objets.'; the item is one block."""
    texts = [b.text for b in _blocks(CYCLE4) if b.kind is Kind.LIST_ITEM]
    assert (
        "Traduire, à l’aide d’outils de représentation numérique, des choix de solutions "
        "sous forme de croquis, de dessins ou de schémas." in texts
    )
    assert any(t.endswith("la structure et le comportement des objets.") for t in texts)
    assert not any(t.startswith(("quis", "des objets", "ment des")) for t in _texts(CYCLE4))


def _texts(name: str) -> list[str]:
    return [b.text for b in _blocks(name)]


def test_a_heading_size_line_in_a_cell_is_marked() -> None:
    """The group headings (16 pt, body 11 pt) inside the page-wide frame carry
    the heading-size feature; the items and the socle lines do not."""
    marked = [b.text for b in _blocks(CYCLE4) if HEADING_SIZE in b.features]
    assert "Concevoir, créer, réaliser" in marked
    assert "Se situer dans l’espace et dans le temps" in marked
    assert not any(t.startswith("Domaine du socle") for t in marked)


def test_headings_over_lists_of_abilities_are_blocs() -> None:
    """Seven headings, each over its '» ' items: seven blocs, no code, their
    items the compétences; 'Domaine du socle : n' is no element."""
    blocs = extracted_json(CYCLE4)["blocs"]
    assert [b["libelle"] for b in blocs][:3] == [
        "Pratiquer des démarches scientifiques et technologiques",
        "Concevoir, créer, réaliser",
        "S’approprier des outils et des méthodes",
    ]
    assert [len(b["competences"]) for b in blocs] == [4, 7, 3, 2, 5, 3, 2]
    assert all(b["code"] is None for b in blocs)
    comps = [c["libelle"] for b in blocs for c in b["competences"]]
    assert not any(c.startswith("Domaine") for c in comps)


def test_objectives_beside_their_dotted_competences_are_blocs() -> None:
    """'O1 - Caractériser …' | 'CO1.1. Justifier …', 'CO1.2. …': the objectives
    are the blocs, coded; their compétences one dotted level down; the rotated
    domain labels of the first column make nothing."""
    blocs = extracted_json(STI2D)["blocs"]
    assert [b["code"] for b in blocs] == ["O1", "O2", "O3", "O4", "O5", "O6"]
    assert blocs[2]["libelle"] == "Identifier les éléments influents du développement d’un système"
    assert [c["code"] for c in blocs[3]["competences"]] == ["CO4.1", "CO4.2", "CO4.3", "CO4.4"]
    assert blocs[0]["competences"][1]["libelle"].startswith("Justifier le choix d’une solution")
