"""Text dumps and annexes (tests/data/real): a certificateur's
rules saved by a text extractor under a Markdown name, and a sports
référentiel professionnel from the Code du sport. Real readers and segmenter
on the real files, compared with their hand-checked references."""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import parse
from referentiel.backends.text import is_line_extraction
from referentiel.docmodel import Kind

SIMPLON = "simplon-dev-ia-blocs-criteres-e1.md"
DESJEPS = "desjeps-performance-sportive-referentiel-professionnel.md"


def test_a_markdown_named_extraction_without_blank_lines_is_read_line_by_line() -> None:
    """The extractor's output has no blank line: read as Markdown it would be one
    paragraph; read as text, each bloc heading starts a paragraph of its own.
    A Légifrance Markdown annex (blank lines between paragraphs) stays Markdown."""
    assert is_line_extraction((REAL / SIMPLON).read_text(encoding="utf-8"))
    assert not is_line_extraction((REAL / DESJEPS).read_text(encoding="utf-8"))
    blocks = parse(REAL / SIMPLON).blocks
    heads = [b for b in blocks if b.text.startswith("Bloc de compétences")]
    assert len(heads) == 3
    assert all(b.kind is not Kind.TABLE for b in heads)


def test_a_code_glued_after_a_sentence_starts_the_next_competence() -> None:
    """C11 and C21 were glued to the last sentence of C10 and C20 at page
    breaks: each is a compétence of its own, and C10 ends where C11 starts."""
    gold = gold_of(REAL / SIMPLON)
    want = {c["code"]: c["libelle"] for b in gold["blocs"] for c in b["competences"]}
    got = {c.code: c.libelle for b in extract_real(SIMPLON).blocs for c in b.competences}
    for code in ("C10", "C11", "C20", "C21"):
        assert got[code] == want[code]


def test_criteria_under_a_competence_code_head_are_its_criteres() -> None:
    """Under 'C1 :' … 'C5 :' (one glued to its first item, 'C2 :- …') the items
    are critères of the compétence stated under that code, in its bloc; the
    items of the épreuves' descriptions after '2. LES CAS PRATIQUES' are none."""
    ref = extract_real(SIMPLON)
    first = ref.blocs[0]
    c2 = next(c for c in first.competences if c.code == "C2")
    judged = [k for k in first.criteres if c2.id in k.competences]
    gold = next(b for b in gold_of(REAL / SIMPLON)["blocs"] if b["code"] == "Bloc de compétences 1")
    want = [k["libelle"] for k in gold["criteres"] if k["competences"] == ["C2"]]
    assert [_words(k.libelle) for k in judged] == [_words(k) for k in want]
    assert [c.code for b in ref.blocs for c in b.competences] == [f"C{n}" for n in range(1, 22)]


def _words(text: str) -> str:
    """A libellé compared without its spacing before a period."""
    return " ".join(text.replace(" .", ".").split())


def test_a_bare_referentiel_professionnel_title_over_prose_gives_no_description() -> None:
    """'REFERENTIEL PROFESSIONNEL' alone names no certification: the prose under
    it (the sector and its reform) is no description, as the reference says."""
    assert gold_of(REAL / DESJEPS)["certification"]["description"] is None
    assert extract_real(DESJEPS).certification.description is None
    assert [a.code for a in extract_real(DESJEPS).activites] == ["A", "B", "C", "D", "E"]


def test_a_capitalised_line_finishing_a_bullet_continues_it() -> None:
    """'… versionné à la racine du même dépôt' then 'Git que celui utilisé pour
    le script d’import.': the capitalised line ends the sentence the bullet left
    open, it heads no bullets below; the critère is whole, as in the reference."""
    gold = gold_of(REAL / SIMPLON)
    want = next(
        k["libelle"]
        for b in gold["blocs"]
        for k in b["criteres"]
        if "dépôt Git que" in k["libelle"]
    )
    got = [k.libelle for b in extract_real(SIMPLON).blocs for k in b.criteres]
    assert want in got
    assert not any(k.startswith("Git que") for k in got)
