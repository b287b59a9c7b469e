"""The review's model: the extracted tree as nodes keyed by JSON pointer, each with
its box (or line), and, against a reference, whether ``evaluate`` found it.

A node's ``key`` is its JSON pointer in the extraction ("/blocs/0/criteres/2"),
so the page's script edits the JSON where the reviewer clicked. Strings
(indicateurs, modalités, connaissances, tâches…) carry no provenance: they
point at their parent's box.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..evaluate import TYPES, Outcome

#: node kind → (label shown, the evaluate type it is scored as)
KINDS: dict[str, tuple[str, str]] = {
    "certification": ("certification", "certification"),
    "activite": ("activité", "activites"),
    "tache": ("tâche", "taches"),
    "bloc": ("bloc", "blocs"),
    "competence": ("compétence", "competences"),
    "competence_transversale": ("compétence transversale", "competences_transversales"),
    "connaissance": ("connaissance", "connaissances"),
    "condition": ("condition de réalisation", "conditions_realisation"),
    "resultat": ("résultat attendu", "resultats_attendus"),
    "modalite": ("modalité", "modalites_evaluation"),
    "critere": ("critère", "criteres"),
    "indicateur": ("indicateur", "indicateurs"),
    "warning": ("warning", ""),
}
_KIND_OF_TYPE = {scored: kind for kind, (_, scored) in KINDS.items() if scored}
_COMPETENCE_LISTS = (
    ("connaissances", "connaissance"),
    ("conditions_realisation", "condition"),
    ("resultats_attendus", "resultat"),
)


@dataclass
class Node:
    """One element of the tree."""

    key: str
    kind: str
    text: str
    ident: str | None = None
    code: str | None = None
    page: int | None = None
    line: int | None = None
    bbox: dict[str, float] | None = None
    box: str | None = None  # key of the node whose box shows it (its own, or its parent's)
    status: str | None = None  # against a reference: matched | extra | missing
    partner: str | None = None  # the matched reference element's pointer
    inherited: bool = False  # page and line are its parent's (a string not found again)
    children: list[Node] = field(default_factory=list)

    @property
    def label(self) -> str:
        return KINDS[self.kind][0]

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Section:
    """A titled list of top-level nodes (certification, activités, blocs…)."""

    title: str
    nodes: list[Node]


def _node(kind: str, key: str, data: Any, parent: Node | None = None) -> Node:
    """A node for an object with ``libelle`` and ``provenance``."""
    provenance = data.get("provenance") or {}
    bbox = provenance.get("bbox")
    node = Node(
        key,
        kind,
        data.get("libelle") or "",
        ident=data.get("id"),
        code=data.get("code"),
        page=provenance.get("page"),
        line=provenance.get("line"),
        bbox=bbox,
    )
    node.box = key if bbox and node.page else (parent.box if parent else None)
    return node


def _strings(kind: str, key: str, owner: dict[str, Any], name: str, parent: Node) -> list[Node]:
    """Nodes for the strings of the owner's list ``name``, each at its own place when
    the extraction recorded it (``items_provenance``), else at its owner's."""
    places = (owner.get("items_provenance") or {}).get(name) or []
    nodes = []
    for i, text in enumerate(owner.get(name) or []):
        place = places[i] if i < len(places) else {}
        if place.get("line") is None:
            nodes.append(
                Node(
                    f"{key}/{i}",
                    kind,
                    text,
                    page=parent.page,
                    line=parent.line,
                    box=parent.box,
                    inherited=True,
                )
            )
            continue
        nodes.append(_node(kind, f"{key}/{i}", {"libelle": text, "provenance": place}, parent))
    return nodes


def _competence(kind: str, key: str, data: dict[str, Any]) -> Node:
    node = _node(kind, key, data)
    for name, sub in _COMPETENCE_LISTS:
        node.children += _strings(sub, f"{key}/{name}", data, name, node)
    return node


def sections(doc: dict[str, Any]) -> list[Section]:
    """The extraction as the tree's sections, in the document's order."""
    certification = doc.get("certification") or {}
    found = [
        Section(
            "Certification",
            [
                Node(f"/certification/{name}", "certification", str(value), code=name)
                for name, value in certification.items()
                if isinstance(value, str) and value
            ],
        )
    ]
    activites = []
    for a, act in enumerate(doc.get("activites") or []):
        node = _node("activite", f"/activites/{a}", act)
        node.children = _strings("tache", f"/activites/{a}/taches", act, "taches", node)
        activites.append(node)
    found.append(Section("Activités", activites))
    blocs = []
    for b, bloc in enumerate(doc.get("blocs") or []):
        key = f"/blocs/{b}"
        node = _node("bloc", key, bloc)
        node.children += _strings(
            "connaissance", f"{key}/connaissances", bloc, "connaissances", node
        )
        for c, comp in enumerate(bloc.get("competences") or []):
            node.children.append(_competence("competence", f"{key}/competences/{c}", comp))
        node.children += _strings(
            "modalite", f"{key}/modalites_evaluation", bloc, "modalites_evaluation", node
        )
        for k, crit in enumerate(bloc.get("criteres") or []):
            crit_node = _node("critere", f"{key}/criteres/{k}", crit, node)
            crit_node.children = _strings(
                "indicateur", f"{key}/criteres/{k}/indicateurs", crit, "indicateurs", crit_node
            )
            node.children.append(crit_node)
        blocs.append(node)
    found.append(Section("Blocs de compétences", blocs))
    transversales = [
        _competence("competence_transversale", f"/competences_transversales/{c}", comp)
        for c, comp in enumerate(doc.get("competences_transversales") or [])
    ]
    found.append(Section("Compétences transversales", transversales))
    warnings = []
    for w, warning in enumerate(doc.get("warnings") or []):
        node = _node("warning", f"/warnings/{w}", {"provenance": warning.get("provenance")})
        node.text, node.code = warning.get("message") or "", warning.get("code")
        warnings.append(node)
    found.append(Section("Warnings", warnings))
    return found


def mark(found: list[Section], outcomes: list[Outcome]) -> list[Node]:
    """Set each extracted node's status from ``evaluate``'s outcomes; return the
    reference's missed elements as nodes (keys prefixed "gold:")."""
    by_path = {o.path: o for o in outcomes if o.side == "pred"}
    for section in found:
        for top in section.nodes:
            for node in top.walk():
                outcome = by_path.get(node.key)
                if outcome is not None:
                    node.status = "matched" if outcome.found else "extra"
                    node.partner = outcome.partner
    return [
        Node(f"gold:{o.path}", _KIND_OF_TYPE[o.kind], o.text, status="missing")
        for o in outcomes
        if o.side == "gold" and not o.found
    ]


def counts(found: list[Section], missing: list[Node]) -> list[dict[str, Any]]:
    """Matched / missing / extra per evaluate type, as the view marks them."""
    tally: Counter[tuple[str, str]] = Counter()
    for section in found:
        for top in section.nodes:
            for node in top.walk():
                if node.status:
                    tally[KINDS[node.kind][1], node.status] += 1
    for node in missing:
        tally[KINDS[node.kind][1], "missing"] += 1
    rows = []
    for name in TYPES:
        row = {s: tally[name, s] for s in ("matched", "missing", "extra")}
        if any(row.values()):
            rows.append({"type": name, **row})
    return rows
