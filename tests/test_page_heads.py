"""A page's head printed again on a later page
(:mod:`referentiel.segment.page_heads`), on the IEF2i référentiel whose
plain-text extraction reads the grid's columns one after the other, a page at
a time: where bloc 4 starts, the page prints the table's header again (the
column names and the lower-case lines describing them), which must not be
read as the rest of bloc 3's last critère."""

from __future__ import annotations

from fixtures.real_docs import extract_real
from referentiel.docmodel import Kind
from referentiel.segment.draft import Unit
from referentiel.segment.page_heads import drop_page_heads

NAME = "rncp-ief2i-strategie-digitale-blocs3-4.txt"


def test_the_header_printed_again_stays_out_of_the_last_critere() -> None:
    bloc3, bloc4 = extract_real(NAME).blocs
    last = bloc3.criteres[-1].libelle
    assert last.startswith("Les technologies d’innovation")
    assert last.endswith("de la structure.")
    texts = [k.libelle for b in (bloc3, bloc4) for k in b.criteres]
    texts += [m for b in (bloc3, bloc4) for m in b.modalites_evaluation]
    assert not any("situations de travail" in t for t in texts)


def test_list_items_keep_the_semicolon_french_prints_after_a_space() -> None:
    ref = extract_real(NAME)
    taches = [t for a in ref.activites for t in a.taches]
    assert "Utilisation des méthodes agiles (Scrum, cycle en V, Kanban) ;" in taches
    assert "Identifier les besoins en formation ;" in ref.blocs[0].modalites_evaluation


def _unit(kind: Kind, text: str, page: int) -> Unit:
    return Unit(kind, text, page, None, label="-" if kind is Kind.LIST_ITEM else None)


def test_only_a_later_page_heads_copies_are_dropped() -> None:
    units = [
        _unit(Kind.PARAGRAPH, "COLONNE", 1),
        _unit(Kind.PARAGRAPH, "décrit la colonne", 1),
        _unit(Kind.PARAGRAPH, "décrit la colonne", 1),  # the same page: kept
        _unit(Kind.LIST_ITEM, "Un critère.", 1),
        _unit(Kind.PARAGRAPH, "décrit la colonne", 1),  # below the head: kept
        _unit(Kind.PARAGRAPH, "COLONNE", 2),  # a heading: a cue, kept
        _unit(Kind.PARAGRAPH, "décrit la colonne", 2),  # the head read again
        _unit(Kind.LIST_ITEM, "décrit la colonne", 2),
    ]
    out = drop_page_heads(units)
    assert [u.text for u in out] == [u.text for i, u in enumerate(units) if i != 6]
