"""Québec programmes d'études in two other templates of the ministry's fiche
(tests/data/real/qc-dec-danse-*, qc-dec-geomatique-*, qc-dec-audiovisuel-*):
the 2008 template (critères numbered "1.1" under their element, the list of
objectives printed once per voie de spécialisation, codes set before their
statements with a tab) and the 2024 template (bullets in a symbol font on
their own baseline, critères "pour l'ensemble de la compétence" in a row of
their own), and the 2004 print (the critères column set close to the
statement column, a fiche continued on a page with no column heads).

Each test reads a real file with the real readers and segmenter and compares
with the document's hand-checked reference or its own text.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import parse
from referentiel.docmodel import Kind
from referentiel.evaluate import normalise

DANSE = "qc-dec-danse-interpretation-competences.pdf"
GEOMATIQUE = "qc-dec-geomatique-competences.pdf"
AUDIOVISUEL = "qc-dec-audiovisuel-competences.pdf"
MECANIQUE = "qc-dec-mecanique-batiment-competences.pdf"


def _critere_pairs(name: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(element code, critère) of every detailed bloc, extracted and in the reference."""
    ref = extract_real(name)
    gold = gold_of(REAL / name)
    codes = {c.id: c.code for b in ref.blocs for c in b.competences}
    got = [
        (codes.get(k.competences[0], "") if k.competences else "", normalise(k.libelle))
        for b in ref.blocs
        for k in b.criteres
    ]
    want = [
        (k["competences"][0] if k["competences"] else "", normalise(k["libelle"]))
        for b in gold["blocs"]
        for k in b["criteres"]
    ]
    return got, want


def test_numbered_criteres_find_their_element_after_every_element() -> None:
    """The 2008 fiche read column by column gives every element, then every
    critère: a critère numbered "2.3" belongs to element 2, not to the last
    element read; the context head after the elements fills no element."""
    got, want = _critere_pairs(DANSE)
    assert got == want
    ref = extract_real(DANSE)
    assert not any(c.conditions_realisation for b in ref.blocs for c in b.competences)


def test_codes_set_before_their_statements_with_a_tab_stay_on_their_line() -> None:
    """The list's codes and statements stand a gutter apart on every line: a
    hanging label, read line by line (never a column of codes then a column of
    statements), and a code of the same shape at the label's place opens the
    next entry even after a full line."""
    doc = parse(REAL / DANSE)
    lines = [b.text for b in doc.blocks if b.page == 2 and b.kind is Kind.PARAGRAPH]
    assert "00ZJ Maintenir une condition physique conforme aux exigences de la profession" in lines
    assert any(line.startswith("00ZQ Utiliser un vocabulaire") for line in lines)
    assert not any(" 00Z" in line for line in lines)


def test_a_list_printed_again_per_voie_keeps_each_unit_once() -> None:
    """Voie A and voie B each list the common objectives again, then their own,
    some of which differ by one word ('danse classique' / 'danse contemporaine'):
    every code once, in the order of first appearance, none recoded."""
    ref = extract_real(DANSE)
    gold = gold_of(REAL / DANSE)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]


def test_cover_title_over_the_programme_line() -> None:
    """The cover prints the sector ('ARTS', larger), the title wrapped at its
    hyphen over a wide leading, then 'PROGRAMME D'ÉTUDES 561.B0': the title
    is the heading above the programme line."""
    ref = extract_real(DANSE)
    assert ref.certification.type is None
    assert normalise(ref.certification.intitule) == normalise("Danse-Interprétation")


def test_symbol_font_bullets_label_their_critères() -> None:
    """The 2024 fiche sets its bullets in a symbol font on their own baseline,
    a gutter before the text: each bullet opens its critère (no two critères
    glued into one paragraph), and the critère 'pour l'ensemble de la
    compétence', in a row of its own under its label, is the bloc's."""
    got, want = _critere_pairs(GEOMATIQUE)
    assert got == want
    ref = extract_real(GEOMATIQUE)
    whole = [k for k in ref.blocs[0].criteres if not k.competences]
    assert [normalise(k.libelle) for k in whole] == [
        normalise("Identification adéquate des préceptes relatifs à la pratique professionnelle.")
    ]


def test_tronc_commun_and_voie_fiches() -> None:
    """The 2022 template: a fiche of the tronc commun and one of the voie,
    their elements and critères as the reference has them (the running
    footer's page number aside)."""
    got, want = _critere_pairs(AUDIOVISUEL)
    assert [pair for pair in got if not pair[1].startswith("technologie de")] == want


def test_bullets_set_close_to_the_left_column_open_the_right_column() -> None:
    """The 2004 print leaves a gutter narrower than the usual one between the
    statement and the context's bullets: a bullet glyph after it still starts
    the right column (never glued to the statement or to an element)."""
    ref = extract_real(MECANIQUE)
    gold = gold_of(REAL / MECANIQUE)
    detailed = [b for b in ref.blocs if b.competences]
    assert [normalise(b.libelle) for b in detailed] == [
        normalise(b["libelle"]) for b in gold["blocs"] if b["competences"]
    ]
    assert not any("•" in c.libelle for b in ref.blocs for c in b.competences)


def test_a_fiche_continued_without_heads_lists_its_elements() -> None:
    """01UK's element 4 and its six critères stand on the next page under the
    code field alone: the fiche read as a grid goes on, element 4 and its
    critères (not savoirs) as the reference has them."""
    got, want = _critere_pairs(MECANIQUE)
    fourth = [pair for pair in want[:25] if pair[0] == "4"]
    assert len(fourth) == 6
    assert all(pair in got for pair in fourth)


def test_the_programme_named_only_in_the_running_header_is_the_intitule() -> None:
    """The 2004 print names its programme only in the running header of every
    page ('Technologie de …', no code, no cover): the band is the intitulé
    (a programme outside the contract's list, no type); a programme whose
    body names it keeps the body's title though its band names it too."""
    doc = parse(REAL / MECANIQUE)
    band = [b.text for b in doc.bands if b.text.startswith("Technologie")]
    assert band and not any(band[0] in b.text for b in doc.walk())
    ref = extract_real(MECANIQUE)
    gold = gold_of(REAL / MECANIQUE)
    assert ref.certification.type is None
    assert ref.certification.intitule == gold["certification"]["intitule"] == band[0]
    audio = extract_real(AUDIOVISUEL).certification
    assert audio.intitule == gold_of(REAL / AUDIOVISUEL)["certification"]["intitule"]


def test_a_lead_in_critere_glued_to_its_dash_items_leads_them() -> None:
    """Under 01UL element 1 a '• ' critère ends with a colon and goes on with
    two '– ' items in its own paragraph: the lead-in is the critère, the items
    its indicateurs (as the reference has them), and the bullets around it
    stay critères of their own with no indicateurs."""
    ref = extract_real(MECANIQUE)
    gold = gold_of(REAL / MECANIQUE)
    want = [(k["libelle"], k["indicateurs"]) for b in gold["blocs"] for k in b["criteres"]]
    got = [(k.libelle, k.indicateurs) for b in ref.blocs for k in b.criteres]
    led = [pair for pair in want if pair[1]]
    assert len(led) == 1 and led[0] in got
    assert [pair for pair in got if pair[1]] == led
    assert not any("–" in libelle for libelle, _ in got)
