"""Hand-made gold / prediction pairs for the evaluation tests."""

from __future__ import annotations

import copy
from typing import Any

from referentiel.models import Referentiel

SHA = "0" * 64


def _comp(code: str | None, libelle: str, activites: list[str] | None = None) -> dict[str, Any]:
    return {
        "code": code,
        "libelle": libelle,
        "connaissances": [],
        "conditions_realisation": [],
        "resultats_attendus": [],
        "activites": activites or [],
    }


def small_gold() -> dict[str, Any]:
    """A small reference: 2 activités, 2 blocs × 3 compétences, linked critères."""
    return {
        "schema_version": "1.0",
        "certification": {
            "type": "CQP",
            "intitule": "Agent de quai en messagerie",
            "code_rncp": "RNCP11111",
            "description": None,
        },
        "activites": [
            {
                "code": "A1",
                "libelle": "Réception des colis",
                "taches": ["Déchargement des véhicules", "Pointage des colis reçus"],
            },
            {
                "code": "A2",
                "libelle": "Expédition des colis",
                "taches": ["Tri par tournée de livraison", "Chargement des véhicules"],
            },
        ],
        "blocs": [
            {
                "code": "BC 1",
                "libelle": "Réceptionner et contrôler les flux entrants",
                "connaissances": ["Règles de sécurité sur un quai de chargement"],
                "competences": [
                    _comp("C1.1", "Décharger un véhicule en sécurité", ["A1"]),
                    _comp("C1.2", "Contrôler la conformité des colis reçus", ["A1"]),
                    _comp(
                        "C1.3", "Enregistrer les anomalies dans le système d'information", ["A1"]
                    ),
                ],
                "modalites_evaluation": ["Mise en situation professionnelle sur quai"],
                "criteres": [
                    {
                        "libelle": "Le déchargement est réalisé sans dommage",
                        "competences": ["C1.1"],
                        "indicateurs": [
                            "Aucun colis n'est endommagé",
                            "Les équipements de protection sont portés",
                        ],
                    },
                    {
                        "libelle": "Les anomalies sont tracées",
                        "competences": ["C1.2", "C1.3"],
                        "indicateurs": [
                            "Chaque écart est enregistré avec sa cause",
                            "Le responsable est alerté en cas de litige",
                        ],
                    },
                ],
            },
            {
                "code": "BC 2",
                "libelle": "Préparer et charger les expéditions",
                "connaissances": [],
                "competences": [
                    _comp("C2.1", "Trier les colis selon le plan de transport", ["A2"]),
                    _comp("C2.2", "Charger un véhicule dans l'ordre de livraison", ["A2"]),
                    _comp("C2.3", "Éditer les documents de transport", ["A2"]),
                ],
                "modalites_evaluation": ["Entretien avec le jury sur un dossier de preuves"],
                "criteres": [
                    {
                        "libelle": "Le tri est exact",
                        "competences": ["C2.1"],
                        "indicateurs": ["Aucune erreur d'affectation de tournée"],
                    },
                    {
                        "libelle": "Le chargement est sûr et ordonné",
                        "competences": ["C2.2", "C2.3"],
                        "indicateurs": [
                            "La charge est calée et répartie",
                            "Les documents accompagnent chaque envoi",
                        ],
                    },
                ],
            },
        ],
        "competences_transversales": [_comp(None, "Communiquer avec les chauffeurs")],
        "_scoring": {
            "strict": [
                "certification",
                "activites",
                "taches",
                "blocs",
                "competences",
                "connaissances",
                "modalites_evaluation",
                "criteres",
                "indicateurs",
                "competences_transversales",
            ],
            "coverage": [],
        },
    }


def as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold in the shape an extraction has: ids, compétence ids in
    ``criteres[].competences``, source — validated by the output models."""
    pred = {k: copy.deepcopy(v) for k, v in gold.items() if not k.startswith("_")}
    pred["source"] = {
        "filename": "x.txt",
        "sha256": SHA,
        "format": "text",
        "extractor_version": "test",
    }
    for b, bloc in enumerate(pred.get("blocs") or [], 1):
        bloc["id"] = f"BC{b:02d}"
        ids = {}
        for c, comp in enumerate(bloc.get("competences") or [], 1):
            comp["id"] = f"BC{b:02d}.C{c:02d}"
            if comp.get("code"):
                ids[comp["code"]] = comp["id"]
        for k, crit in enumerate(bloc.get("criteres") or [], 1):
            crit["id"] = f"BC{b:02d}.K{k:02d}"
            crit["competences"] = [ids.get(code, code) for code in crit.get("competences") or []]
    for t, comp in enumerate(pred.get("competences_transversales") or [], 1):
        comp["id"] = f"CT{t:02d}"
    return Referentiel.model_validate(pred).model_dump(mode="json")
