"""The certification an article lists, rather than the article's own heading.

A legal text prints each article under its number and a heading ("Article 94"
over "Certificat de qualification professionnelle « Poissonnerie »"). The
heading names the article's subject, which may be the branch's certificates in
general; the article then lists the certification it is about, by its family
and name ("— Le CQP Préparateur-vendeur en produits de la mer (RNCP 37844)").
When exactly one list item of the article names a certification of the
heading's family with a name of its own, that name is the intitulé.

An annex heading may likewise name the family with words that are no name
("Annexe 1 - CQP modifiés", the name opening in lower case): the line right
under it naming a certification of the same family with a capitalised name
("CQP Préparateur") is the intitulé.
"""

from __future__ import annotations

from .draft import Context, Unit
from .titlehits import (
    SUBJECT,
    clean_title,
    hit_family,
    hit_intitule,
    name_shaped,
    sentence_name,
    title_hits,
    unparted,
)


def article_listed(ctx: Context, preamble: list[Unit], index: int, family: str) -> str | None:
    """The name the one list item of the article headed by ``preamble[index]``
    gives a certification of ``family``; None when the heading opens no
    article (no document part right above it) or the article lists none, or
    several."""
    above = preamble[index - 1] if index else None
    if above is None or ctx.rules.first("document-part", above.text) is None:
        return None
    names: list[str] = []
    for unit in preamble[index + 1 :]:
        if ctx.rules.first("document-part", unit.text) is not None:
            break  # the next article
        if unit.is_item and unit.table is None:
            names.extend(_names(ctx, unit.text, family))
    return names[0] if len(names) == 1 else None


def part_named_below(
    ctx: Context, unit: Unit, following: list[Unit], intitule: str, family: str
) -> str | None:
    """The name the line right under a document part's heading gives a
    certification of ``family`` when the heading's own words for it open in
    lower case (no name); None otherwise."""
    if intitule[:1].isupper() or unparted(ctx, unit.text) == unit.text:
        return None
    below = following[0] if following else None
    if below is None or not name_shaped(below):
        return None
    for hit in title_hits(ctx, clean_title(below.text)):
        name = hit_intitule(ctx, hit)
        if hit_family(hit) == family and name and name[:1].isupper():
            return name
    return None


def _names(ctx: Context, text: str, family: str) -> list[str]:
    """The names a list item gives certifications of ``family``: the words after
    the family up to the first punctuation, opening on a capital."""
    subject = SUBJECT.match(text)
    out = []
    for hit in title_hits(ctx, clean_title(text[subject.end() if subject else 0 :])):
        name = clean_title(sentence_name(hit))
        if hit_family(hit) == family and name[:1].isupper():
            out.append(name)
    return out
