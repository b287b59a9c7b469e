"""An excerpt of one unit, on a real document: the auxiliaire de puériculture's
référentiel de formation cut to its Module 1, whose "Module 1 : …" line is a
plain paragraph (no typography sets it apart, no second module numbers a
series): the module is the bloc, because its section holds abilities; its
"Compétence :" statement and objectives are its compétences, its critères
de résultat keep the completions of their lead-ins as indicateurs."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract


def test_one_module_read_alone_is_the_bloc() -> None:
    ref = extract(REAL / "dpap-referentiel-formation-module1.md")
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("Module 1", "L'accompagnement d'un enfant dans les activités de la vie quotidienne")
    ]
    module = ref.blocs[0]
    assert len(module.competences) == 8  # the statement and seven objectives
    lead_ins = [k for k in module.criteres if k.indicateurs]
    assert [len(k.indicateurs) for k in lead_ins] == [4, 3]
    assert any(k.libelle.startswith("la sécurité affective") for k in module.criteres)
