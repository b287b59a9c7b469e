"""A référentiel d'activités whose activités are bare-numbered paragraphs
("3. Fermeture …"), each over a table detailing it, on the real file.

The numbered paragraphs are the outline's units, yet their titles name actions
(nouns), not abilities (infinitives), and a table follows each: they are the
activités of the section the title opened, not blocs after it.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.evaluate import normalise
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment.draft import Context
from referentiel.segment.groupings import names_activity
from referentiel.segment.outline import outline
from referentiel.segment.sections import sections
from referentiel.segment.stream import units

IBODE = REAL / "de-ibode-referentiel-activites.md"


def test_numbered_actions_over_tables_stay_in_the_activites_section() -> None:
    """Every "n. …" paragraph names an activité; the savoir-faire lines of its
    table ("Installer le patient …", infinitives) do not."""
    ctx = Context(parse(IBODE), Options(), default_rules())
    for stage in (units, outline, sections):
        stage(ctx)
    named = [u.text for i, u in enumerate(ctx.units) if names_activity(ctx, i)]
    assert len(named) == 10
    assert named[2].startswith("3. Fermeture")
    assert all(u.section == "activites" for u in ctx.units if u.text in named)


def test_the_ten_activites_are_read_and_no_bloc() -> None:
    got = extract(IBODE)
    gold = gold_of(IBODE)
    assert [normalise(a.libelle) for a in got.activites] == [
        normalise(a["libelle"]) for a in gold["activites"]
    ]
    assert [a.code for a in got.activites] == [a["code"] for a in gold["activites"]]
    assert got.blocs == []
