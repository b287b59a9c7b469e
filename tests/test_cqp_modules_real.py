"""Three CQP tables of one arrêté (private-security employees), on the real
files: leading columns filled on their group's first row only whose innermost
group column holds titles, not the abilities; a bloc column whose cells open
with the bloc word ("Module …"); a table with no header row; the same
table with real rowspans and objectives without full stops; a body row whose
cells open on a column word ("Savoir …") but are sentences; the family named
in the plural in the sentence leading to the table.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import (
    competence_titles,
    extract_real,
    gold_competence_titles,
    gold_of,
)
from referentiel.api import parse
from referentiel.docmodel import Block, Kind
from referentiel.rules import default_rules
from referentiel.segment.grouped import grouped_view
from referentiel.segment.headers import header_roles

SALARIES = "cqp-securite-privee-salaries-modules.md"
SURVEILLANCE = "cqp-securite-privee-surveillance-modules.md"
CYNOPHILE = "cqp-securite-privee-cynophile-modules.md"


def _table(name: str) -> Block:
    return next(b for b in parse(REAL / name).blocks if b.kind is Kind.TABLE)


def test_modules_are_blocs_and_the_sentence_column_their_competences() -> None:
    """MODULE | MODULE | objectifs généraux | spécifiques | durée: the module
    and partie columns group the rows, the généraux column is filled on every
    row with sentences; the modules are the blocs, the sentences their
    compétences, the partie titles no element."""
    ref = extract_real(SALARIES)
    gold = gold_of(REAL / SALARIES)
    assert [b.libelle for b in ref.blocs] == ["Module juridique", "Module stratégique"]
    assert competence_titles(ref) == gold_competence_titles(gold)


def test_a_headerless_table_keeps_its_first_row_and_a_bloc_word_names_the_bloc_column() -> None:
    """No header row (the first row already holds a sentence); two modules
    print no partie: the « Module … » column is still the bloc column and the
    first row's objective the first compétence."""
    view = grouped_view(_table(SURVEILLANCE), 0, default_rules())
    assert view is not None
    assert view.roles == ["bloc", None, "competence", None, None]
    assert view.body[0].cells[0].text.strip() == "Module gestion des risques"
    ref = extract_real(SURVEILLANCE)
    gold = gold_of(REAL / SURVEILLANCE)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert competence_titles(ref) == gold_competence_titles(gold)


def test_rowspans_open_groups_on_their_first_row() -> None:
    """The same table with real rowspans (« Module juridique » over four rows)
    and no header: a merged cell opens its group once; with no objective
    ending with a full stop, the innermost group column holds the
    compétences; an empty objective cell makes none."""
    view = grouped_view(_table(CYNOPHILE), 0, default_rules())
    assert view is not None
    assert view.roles == ["bloc", None, "competence", None, None]
    ref = extract_real(CYNOPHILE)
    gold = gold_of(REAL / CYNOPHILE)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert competence_titles(ref) == gold_competence_titles(gold)


def test_the_dirigeants_table_keeps_its_parties_as_blocs() -> None:
    """THÈME | PARTIE | généraux (filled down) | …: no column opens with a bloc
    word, so the group column right before the sentences is the bloc."""
    name = "cqp-dirigeants-securite-privee-objectifs.md"
    view = grouped_view(_table(name), 0, default_rules())
    assert view is not None
    assert view.roles == [None, "bloc", "competence", None, None]


def test_sentences_beginning_with_a_column_word_name_no_role() -> None:
    """« Savoir résoudre un conflit. » | « Savoir : - traiter … » begin like a
    savoirs header but are content: the row is no header."""
    rules = default_rules()
    table = _table(SALARIES)
    row = next(r for r in table.rows if r.cells[2].text.strip() == "Savoir résoudre un conflit.")
    assert header_roles(row, rules) is None
    assert header_roles(table.rows[0], rules) is None  # MODULE ×2 and three unnamed heads


def test_the_family_named_once_in_the_lead_in_gives_the_type() -> None:
    """« … pour l'ensemble des certificats de qualification professionnelle des
    salariés : » names the family (plural, after "des"): type CQP, no intitulé;
    the other article names no family: no type."""
    assert extract_real(SALARIES).certification.type == "CQP"
    assert extract_real(SALARIES).certification.intitule is None
    assert extract_real(SURVEILLANCE).certification.type is None


TELESURVEILLANCE = "cqp-securite-privee-telesurveillance-modules.md"
CONVOYAGE = "cqp-securite-privee-convoyage-modules.md"


def test_a_column_empty_where_a_group_opens_is_no_level() -> None:
    """No header; the partie cell merged EMPTY under « La station de
    télésurveillance » (a group opening with nothing in that column) and one
    partie per row elsewhere: the partie column is no level, the thèmes are
    the blocs (one only opens with « Module ») and the column filled on every
    row, without full stops, holds the compétences."""
    view = grouped_view(_table(TELESURVEILLANCE), 0, default_rules())
    assert view is not None
    assert view.roles == ["bloc", None, "competence", None, None]
    ref = extract_real(TELESURVEILLANCE)
    gold = gold_of(REAL / TELESURVEILLANCE)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert competence_titles(ref) == gold_competence_titles(gold)


def test_sentences_grouping_sentences_are_a_heading_over_the_objectives() -> None:
    """Parties and objectifs généraux both end with full stops, the parties
    merged over several objectives: the innermost sentence group column holds
    the compétences, not the parties above them; a général cell of two
    paragraphs, each a whole sentence, states two objectives."""
    view = grouped_view(_table(CONVOYAGE), 0, default_rules())
    assert view is not None
    assert view.roles == ["bloc", None, "competence", None, None]
    ref = extract_real(CONVOYAGE)
    gold = gold_of(REAL / CONVOYAGE)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert competence_titles(ref) == gold_competence_titles(gold)
    titles = [t for bloc in competence_titles(ref) for t in bloc]
    assert "Règlementation relative au transport de fonds et de valeurs." not in titles
    assert {"Gestion des conflits.", "Prévention des agressions ou braquages."} <= set(titles)


def test_the_same_objective_under_two_modules_is_each_modules_own() -> None:
    """« Application des principes d'une sécurité préventionnelle. » printed in
    two modules of one table (the hierarchy read from the layout): one
    compétence in each module, not one moved to the first; thème titles
    broken over two paragraphs are one bloc title."""
    name = "cqp-securite-privee-automates-bancaires-modules.md"
    ref = extract_real(name)
    gold = gold_of(REAL / name)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert competence_titles(ref) == gold_competence_titles(gold)
    twice = "Application des principes d'une sécurité préventionnelle."
    assert sum(t == twice for bloc in competence_titles(ref) for t in bloc) == 2
