"""The rest of a page's last item read lower down the next page
(:mod:`referentiel.segment.page_rests`), on the IEF2i référentiel whose
plain-text extraction reads the grid's four columns one after the other, a
page at a time: a critère the page break cut resumes in the critères chunk
of the next page, glued by the reader to the end of a modalité."""

from __future__ import annotations

from fixtures.real_docs import extract_real
from referentiel.docmodel import Kind
from referentiel.segment.draft import Unit
from referentiel.segment.page_rests import rejoin_page_rests
from referentiel.textclean import ends_sentence

NAME = "rncp-ief2i-strategie-digitale-bloc1.txt"


def test_cut_critères_get_their_rest_from_the_next_page() -> None:
    (bloc,) = extract_real(NAME).blocs
    libelles = [k.libelle for k in bloc.criteres]
    assert len(libelles) == 16
    assert sum(not ends_sentence(k) for k in libelles) == 1  # a " ;" a libellé leaves out
    assert any(
        k.startswith("Les nouvelles techniques") and k.endswith("internationale.") for k in libelles
    )
    assert any(k.startswith("Le budget du projet") and k.endswith("d’inclusion.") for k in libelles)


def test_the_modalites_keep_only_their_own_text() -> None:
    (bloc,) = extract_real(NAME).blocs
    modalites = bloc.modalites_evaluation
    assert "Identifier les sous-traitants." in modalites
    assert not any("réglementaire sont identifiées" in m for m in modalites)
    assert not any("d’inclusion" in m for m in modalites)


def _unit(kind: Kind, text: str, page: int) -> Unit:
    return Unit(kind, text, page, None, label="-" if kind is Kind.LIST_ITEM else None)


def test_the_rest_is_the_last_resumption_and_closes_the_sentence() -> None:
    units = [
        _unit(Kind.LIST_ITEM, "La démarche est présentée et", 1),
        _unit(Kind.PARAGRAPH, "la suite d'une tâche", 2),  # the first column's rest
        _unit(Kind.PARAGRAPH, "Une épreuve écrite. argumentée avec soin.", 2),
        _unit(Kind.LIST_ITEM, "Un autre critère.", 2),
    ]
    out = rejoin_page_rests(units)
    assert out[0].text == "La démarche est présentée et argumentée avec soin."
    assert out[2].text == "Une épreuve écrite."
    unfinished = [*units[:2], _unit(Kind.PARAGRAPH, "Une épreuve. sans fin", 2)]
    assert [u.text for u in rejoin_page_rests(unfinished)] == [u.text for u in unfinished]
