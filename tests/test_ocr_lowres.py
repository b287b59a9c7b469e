"""OCR of pages that are low-resolution pictures (screenshots at ~95 ppi), real Tesseract.

tests/data/real/but-geii-ese-competences.pdf: every page is one screenshot of
coloured slides, its small print 5-6 pixels high; before it was read at 300 dpi
(Lanczos enlargement, local thresholding) only 3 of the 8 apprentissage codes
of its 'Compétence Concevoir' page came out of Tesseract.
"""

from __future__ import annotations

import json
import re

import pytest
from fixtures.paths import REAL
from rapidfuzz import fuzz
from referentiel.api import extract
from referentiel.backends.ocr_layout import PageContent
from referentiel.backends.ocr_page import PageJob, ocr_page
from referentiel.backends.ocr_raster import DPI, UPSCALED_DPI, reading_dpi
from referentiel.evaluate import evaluate, normalise
from referentiel.options import Limits
from referentiel.output import to_json

SCREENSHOTS = REAL / "but-geii-ese-competences.pdf"
SCAN = REAL / "cqp-relation-commerciale-distance.scan.pdf"  # 200-ppi scan
CODE = re.compile(r"AC\s?\d\d\.\d\d")


def test_a_low_resolution_picture_is_read_enlarged_and_a_scan_is_not() -> None:
    assert {reading_dpi(SCREENSHOTS, "pdf", i, Limits()) for i in range(7)} == {UPSCALED_DPI}
    assert reading_dpi(SCAN, "pdf", 0, Limits()) == DPI


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((REAL / "gold" / "but-geii-ese-competences.gold.json").read_text())


@pytest.fixture(scope="module")
def page() -> PageContent:
    return ocr_page(PageJob(SCREENSHOTS, "pdf", 3, Limits()))  # 'Compétence Concevoir'


def test_the_small_print_of_a_screenshot_is_read(gold: dict, page: PageContent) -> None:
    concevoir = {c["code"] for c in gold["blocs"][0]["competences"]}
    text = " ".join(block.text for top in page.blocks for block in top.walk())
    read = {code.replace(" ", "") for code in CODE.findall(text)}
    assert len(read & concevoir) >= 6, sorted(read)
    # every apprentissage's words, as the scorer finds them (similarity ≥ 0.90)
    folded = normalise(text)
    libelles = [c["libelle"] for c in gold["blocs"][0]["competences"]]
    missed = [t for t in libelles if fuzz.partial_ratio(normalise(t), folded) < 90]
    assert not missed, (missed, text)


def test_boxes_side_by_side_are_read_box_by_box(page: PageContent) -> None:
    """Each 'Niveau N' box sits beside the box of its apprentissages critiques,
    row after row, with no white gutter running down the whole page: the rows'
    shared gutter still makes them two columns, not lines glued across boxes."""
    texts = [block.text for block in page.blocks]
    assert not any("Niveau" in text and CODE.search(text) for text in texts), texts
    assert sum(1 for text in texts if CODE.match(text)) >= 4, texts


def test_the_apprentissages_of_a_screenshot_referentiel_are_read(gold: dict) -> None:
    referentiel = extract(SCREENSHOTS)
    assert referentiel.certification.type == "BUT"
    # the title printed beside each page's heading: the programme without its
    # parcours; the prose under the first page's heading (what a compétence
    # is) describes no certification
    assert referentiel.certification.intitule == "Génie électrique et informatique industrielle"
    assert referentiel.certification.description is None
    expected = {c["code"] for b in gold["blocs"] for c in b["competences"]}
    read = {c.code.replace(" ", "") for b in referentiel.blocs for c in b.competences if c.code}
    assert len(read & expected) >= 12, sorted(read)
    # each compétence page (its statement in a shaded box, not bold, beside
    # its short name) opens its bloc, coded by the short name, over its own
    # apprentissages critiques (ACnm.xx: niveau n, compétence m)
    codes = {
        b.code: {c.code.replace(" ", "") for c in b.competences if c.code}
        for b in referentiel.blocs
    }
    assert {"Concevoir", "Vérifier", "Implanter"} <= set(codes), codes
    for name, number in (("Concevoir", "1"), ("Vérifier", "2"), ("Implanter", "4")):
        assert len(codes[name]) >= 4 and all(code[3] == number for code in codes[name]), codes


def test_dark_print_on_a_tinted_fill_is_read_and_not_wiped() -> None:
    """Page 1's 'Vérifier' and 'Implanter' boxes print black text on orange and
    green fills darker than the page's threshold: such a fill was inverted as if
    its text were light, and its black text came out white on white, unread."""
    first = ocr_page(PageJob(SCREENSHOTS, "pdf", 0, Limits()))
    text = " ".join(block.text for top in first.blocks for block in top.walk())
    assert "vérifier" in text.lower() and "implanter" in text.lower(), text


def test_a_passage_cut_and_garbled_by_the_page_segmentation_is_read_again(
    page: PageContent,
) -> None:
    """The composantes essentielles of page 4, small red print in a framed box
    beside the compétence's statement: the page segmentation cut the box into
    blocks, lost the 'CE1.0n |' line starts and read noise ('sdoptert'); read
    again as one block, the lines come out with their code and their gerund.
    (Since the picture is enlarged from its own pixels the box reads without
    noise, but the second line's 'CE1.' is still lost: '02 | En produisant'.)"""
    texts = [block.text for top in page.blocks for block in top.walk()]
    coded = [t for t in texts if re.match(r"CE\s?1\s?[.,]\s?0[13]\s*\|\s*En\s", t)]
    assert len(coded) == 2, texts
    assert any(re.match(r"(CE\s?1\s?[.,]\s?)?02\s*\|\s*En produisant", t) for t in texts), texts
    assert not any("sdoptert" in t for t in texts), texts


def test_composantes_coded_ce_are_critères_without_their_code(gold: dict) -> None:
    """'CE1.01 | En adoptant …': a composante essentielle of the bloc (a
    critère), its code dropped, never a compétence."""
    referentiel = extract(SCREENSHOTS)
    concevoir = next(b for b in referentiel.blocs if b.code == "Concevoir")
    criteres = [k.libelle for k in concevoir.criteres]
    # CE1.02 loses its 'CE1.' to the OCR (see the garbled-passage test): two of three
    assert len(criteres) >= 2 and all(k.startswith("En ") for k in criteres), criteres
    assert not any(c.libelle.startswith("CE") for c in concevoir.competences)
    expected = [normalise(k["libelle"]) for k in gold["blocs"][0]["criteres"]]
    assert all(max(fuzz.ratio(normalise(k), e) for e in expected) >= 90 for k in criteres)


def test_pale_print_left_unread_by_the_threshold_is_read_and_weighs_nothing() -> None:
    """Page 7's composantes essentielles are printed light orange on white: the
    page's threshold takes their ink for background and Tesseract reads no word
    there. Found as pale ink no word covers, they are read contrast-stretched;
    having no dark stroke, they do not make the page's regular lines bold."""
    implanter = ocr_page(PageJob(SCREENSHOTS, "pdf", 6, Limits()))
    blocks = [block for top in implanter.blocks for block in top.walk()]
    coded = [b for b in blocks if re.match(r"CE\s?4\s?[.,]\s?0[123]\s*\|\s*En\s", b.text)]
    assert len(coded) == 3, [b.text for b in blocks]
    assert not any(b.bold for b in coded)
    # the situations professionnelles, regular print, stay regular
    situations = [b for b in blocks if b.text.startswith(("Homologation", "Implantation"))]
    assert situations and not any(b.bold for b in situations), [b.text for b in situations]


def test_each_competence_page_keeps_its_statement_and_its_composantes(gold: dict) -> None:
    """With the pale composantes read, every compétence page still opens its
    bloc by its short name and statement (a level's name under 'Niveau N',
    however bold, is no statement), its composantes as critères, its
    apprentissages critiques as compétences."""
    referentiel = extract(SCREENSHOTS)
    blocs = {b.code: b for b in referentiel.blocs}
    assert {"Concevoir", "Vérifier", "Maintenir", "Implanter"} <= set(blocs), list(blocs)
    assert blocs["Vérifier"].libelle.startswith("Vérifier"), blocs["Vérifier"].libelle
    for name in ("Vérifier", "Implanter"):
        bloc = blocs[name]
        assert len(bloc.criteres) == 3 and all(k.libelle.startswith("En ") for k in bloc.criteres)
        assert len(bloc.competences) >= 5, [c.libelle for c in bloc.competences]
        assert not any(c.libelle.startswith(("CE", name)) for c in bloc.competences)


def test_a_pictures_small_print_is_enlarged_from_its_own_pixels(gold: dict) -> None:
    """The page picture is enlarged from its own pixels, not from the renderer's
    resampled copy (a second resampling that blurred 5-pixel print): the
    apprentissages critiques are read as printed (strict F1 0.76 before), each
    page's short name codes its bloc, and no list of composantes is taken for
    a list of topics (connaissances)."""
    referentiel = extract(SCREENSHOTS)
    report = evaluate(gold, json.loads(to_json(referentiel)))
    scores = {t.type: t.f1 for t in report.types}
    assert scores["competences"] >= 0.95, report.render()
    assert {b.code for b in referentiel.blocs} == {
        "Concevoir",
        "Vérifier",
        "Maintenir",
        "Implanter",
    }
    assert not any(b.connaissances for b in referentiel.blocs)


def test_a_tinted_page_keeps_its_statement_whole_and_its_pale_composantes_apart(
    gold: dict,
) -> None:
    """Page 6 ('Compétence Maintenir'): the statement is printed black on an
    orange fill, its composantes pale orange on white beside it, line for line.
    The fill is no pale ink (taken for ink, it joined the composantes into one
    passage with the statement's dark words, dropped: no composante was read);
    the box's gutter parts the composantes from the statement (the wider gutter
    beside the short name leaves one line a side, no column break); and the
    statement's second line, read as noise on the fill ('A oui'), is read
    again with the fill stretched to white ('d'un système')."""
    maintenir = ocr_page(PageJob(SCREENSHOTS, "pdf", 5, Limits()))
    texts = [block.text for top in maintenir.blocks for block in top.walk()]
    coded = [t for t in texts if re.match(r"CE\s?3\s?[.,]\s?0[12]\s*\S\s*En\s", t)]
    assert len(coded) == 2, texts
    assert not any("Assurer" in t and "CE3" in t for t in texts), texts
    statement = normalise(gold["blocs"][2]["libelle"])
    assert any(fuzz.partial_ratio(statement, normalise(t)) >= 90 for t in texts), texts
    assert not any(t.endswith("A oui") for t in texts), texts
