"""Table layouts of published annexes, read through the Markdown reader: a
fonctions/activités table read column by column, a continuation row's
critères, critère sentences against a lead-in's lines, the same uncoded
ability in two units' tables, a numbered topic line and a list of topics."""

from __future__ import annotations

from pathlib import Path

from referentiel.api import extract
from referentiel.models import Referentiel
from referentiel.options import Options


def _extract(tmp_path: Path, text: str, use_nlp: bool = True) -> Referentiel:
    path = tmp_path / "annexe.md"
    path.write_text(text, encoding="utf-8")
    return extract(path, Options(use_nlp=use_nlp))


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _table(*rows: str) -> str:
    return "<table><tbody>" + "".join(rows) + "</tbody></table>"


_FONCTIONS = f"""# Annexe

1.2. Référentiel fonctions/activités

{
    _table(
        _row("<p>Accueil des<br/>publics</p>", "<p>Gestion du<br/>matériel</p>"),
        _row(
            "<p>Reçoit les personnes :</p><p>- salue chacun ;</p><p>- oriente vers le"
            " bon</p><p>service ;</p>",
            "<p>Tient l'inventaire :</p><p>- compte les stocks ;</p>",
        ),
        _row("<p>Informe les familles.</p>", "<p>Commande les fournitures.</p>"),
    )
}

1.3. Domaines de compétences

{
    _table(
        _row("<p>DOMAINE DE COMPÉTENCES 1<br/>Accueillir</p>"),
        _row("<p>Compétences</p>", "<p>Indicateurs de compétences</p>"),
        _row("<p>Accueillir une personne</p>", "<p>La personne est orientée</p>"),
    )
}
"""


def test_fonctions_activites_table_read_column_by_column(tmp_path: Path) -> None:
    """The first row holds one fonction per column; each column's cells below
    are its tâches, lead-ins kept, a wrapped item joined."""
    ref = _extract(tmp_path, _FONCTIONS, use_nlp=False)
    assert [(a.code, a.libelle) for a in ref.activites] == [
        (None, "Accueil des publics"),
        (None, "Gestion du matériel"),
    ]
    assert ref.activites[0].taches == [
        "Reçoit les personnes :",
        "salue chacun ;",
        "oriente vers le bon service ;",
        "Informe les familles.",
    ]
    assert ref.activites[1].taches == [
        "Tient l'inventaire :",
        "compte les stocks ;",
        "Commande les fournitures.",
    ]


def test_a_table_without_caption_is_not_read_by_columns(tmp_path: Path) -> None:
    text = _FONCTIONS.replace("1.2. Référentiel fonctions/activités", "1.2. Présentation")
    assert _extract(tmp_path, text, use_nlp=False).activites == []


_CAPACITE = """# Annexe

C1 - s'informer

{table}
"""


def test_continuation_row_critere_is_a_critere(tmp_path: Path) -> None:
    """An uncoded row going on with the compétence above: its critère cell holds
    one more critère of that compétence, no indicateur."""
    table = _table(
        _row("<p>Être capable de</p>", "<p>Critères et indicateurs de performance</p>"),
        _row("<p>C1.1 - collecter les informations</p>", "<p>Les documents sont réunis.</p>"),
        _row("<p>- Collecter des relevés</p>", "<p>Les relevés sont exacts.</p>"),
    )
    ref = _extract(tmp_path, _CAPACITE.format(table=table), use_nlp=False)
    (bloc,) = ref.blocs
    assert [(c.libelle, c.indicateurs) for c in bloc.criteres] == [
        ("Les documents sont réunis.", []),
        ("Les relevés sont exacts.", []),
    ]
    assert {tuple(c.competences) for c in bloc.criteres} == {(bloc.competences[0].id,)}


def _unit_table(code: str, *rows: tuple[str, str]) -> str:
    return _table(
        _row(f"<p>{code} : TITRE DE L'UNITÉ {code}</p>"),
        _row("<p>Données</p>", "<p>Actions</p>", "<p>Indicateurs de performance</p>"),
        *(_row("<p>Un poste.</p>", action, critere) for action, critere in rows),
    )


def test_actions_cells_and_performance_lines(tmp_path: Path) -> None:
    """An Actions cell of two sentences is one compétence; each finished line
    of the Indicateurs cell is a critère, a lead-in's lines its indicateurs;
    the same ability printed in two units' tables belongs to each."""
    first = _unit_table(
        "CP1.1",
        (
            "<p>Renseigner les fiches. <br/>Classer les fiches.</p>",
            "<p>Les fiches sont lisibles. <br/>Les pièces sont : <br/>- triées, <br/>- rangées."
            " <br/>Le classement est tenu.</p>",
        ),
        ("<p>Maîtriser les risques.</p>", "<p>Les risques sont identifiés.</p>"),
    )
    second = _unit_table(
        "CP1.2",
        ("<p>Maîtriser les risques.</p>", "<p>Le plan est appliqué.</p>"),
    )
    ref = _extract(tmp_path, f"# Annexe\n\n{first}\n\n{second}\n", use_nlp=False)
    one, two = ref.blocs
    assert [c.libelle for c in one.competences] == [
        "Renseigner les fiches. Classer les fiches.",
        "Maîtriser les risques.",
    ]
    assert [c.libelle for c in two.competences] == ["Maîtriser les risques."]
    assert [(c.libelle, c.indicateurs) for c in one.criteres[:3]] == [
        ("Les fiches sont lisibles.", []),
        ("Les pièces sont", ["triées,", "rangées."]),
        ("Le classement est tenu.", []),
    ]
    assert two.criteres[0].competences == [two.competences[0].id]


def test_numbered_topic_line_is_no_competence(tmp_path: Path) -> None:
    """A line numbered by the outline alone whose title names a topic heads the
    result items below it; it is no compétence of the unit."""
    text = """# Annexe

Compétence 2 : Apprécier une situation

1 - Evaluation de la situation

• L'observation est fiable

• Les changements sont identifiés
"""
    (bloc,) = _extract(tmp_path, text).blocs
    assert bloc.competences == []
    assert [c.libelle for c in bloc.criteres] == [
        "L'observation est fiable",
        "Les changements sont identifiés",
    ]


def test_list_of_topics_under_a_unit_is_its_knowledge(tmp_path: Path) -> None:
    """A unit whose list names topics (no infinitive, nouns): its connaissances;
    a list of infinitive statements stays its compétences."""
    text = """# Annexe

Sous-épreuve E11/U11 - sciences

La partie est constituée des éléments suivants :

- fonctions numériques (II) ;

- activités géométriques (III) ;

Sous-épreuve E12/U12 - travaux pratiques

- Mesurer une tension ;

- Régler un appareil.
"""
    first, second = _extract(tmp_path, text).blocs
    assert first.competences == []
    assert first.connaissances == ["fonctions numériques (II)", "activités géométriques (III)"]
    assert [c.libelle for c in second.competences] == ["Mesurer une tension", "Régler un appareil."]
