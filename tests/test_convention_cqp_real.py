"""CQP printed in a convention collective's articles (real files).

The Dictionnaire Permanent Conventions Collectives prints the boucherie and
poissonnerie CQP inside the convention's articles:

* the boucherie's CQP counts its blocs in lead-ins ("… constitué de 4 blocs de
  compétences obligatoires :" over "— Bloc 1 - …", then "… de 3 blocs de
  compétences optionnels :" over three items without a code): the counted
  items are blocs, not compétences of the bloc listed last;
* its RNCP number is printed in a sentence, grouped by thousands ("enregistré
  au RNCP sous le numéro 36 597");
* the poissonnerie's article is headed by the branch's CQP in general
  ("Certificat de Qualification professionnelle «Poissonnerie»") and lists the
  one CQP it is about ("— Le CQP Préparateur-vendeur … (RNCP 37844) …").

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's own blocks or from its reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of
from referentiel.api import parse
from referentiel.docmodel import Block, Kind
from referentiel.rules import load_rules

BOUCHERIE = REAL / "cqp-boucherie-technicien-artisanal-blocs.pdf"
POISSONNERIE = REAL / "cqp-poissonnerie-preparateur-vendeur-blocs.pdf"


def _counted_lists() -> list[tuple[int, list[Block]]]:
    """Each lead-in counting blocs in the boucherie's pages, with its count and
    the list items printed right after it."""
    rules = load_rules()
    blocks = [b for b in parse(BOUCHERIE).blocks if b.text.strip()]
    out = []
    for index, block in enumerate(blocks):
        hit = rules.first("bloc-count", block.text)
        if hit is None:
            continue
        items = []
        for later in blocks[index + 1 :]:
            if later.kind is not Kind.LIST_ITEM:
                break
            items.append(later)
        out.append((int(hit.group("count")), items))
    return out


def test_the_lead_ins_count_the_items_below_them() -> None:
    counted = _counted_lists()
    assert [count for count, _ in counted] == [4, 3]
    assert all(count == len(items) for count, items in counted)


def test_the_optional_blocs_are_blocs_without_a_code() -> None:
    _, optional = _counted_lists()[1]
    blocs = extracted_json(BOUCHERIE.name)["blocs"]
    uncoded = [b for b in blocs if b["code"] is None]
    assert len(uncoded) == len(optional)
    assert all(not b["competences"] for b in blocs)  # none is a compétence of Bloc 4
    gold = gold_of(BOUCHERIE)["blocs"]
    assert [(b["code"], b["libelle"]) for b in blocs] == [(b["code"], b["libelle"]) for b in gold]


def test_the_rncp_number_grouped_by_thousands_is_read() -> None:
    text = " ".join(b.text for b in parse(BOUCHERIE).blocks)
    assert "RNCP36597" not in text.replace("RNCP ", "RNCP")  # only the spaced number
    code = extracted_json(BOUCHERIE.name)["certification"]["code_rncp"]
    assert code == gold_of(BOUCHERIE)["certification"]["code_rncp"]


def test_the_article_heading_gives_way_to_the_cqp_it_lists() -> None:
    rules = load_rules()
    blocks = [b for b in parse(POISSONNERIE).blocks if b.text.strip()]
    index = next(
        i
        for i, b in enumerate(blocks)
        if rules.first("document-part", b.text) and rules.first("title", blocks[i + 1].text)
    )
    heading = blocks[index + 1].text
    intitule = extracted_json(POISSONNERIE.name)["certification"]["intitule"]
    assert intitule == gold_of(POISSONNERIE)["certification"]["intitule"]
    assert intitule not in heading
