"""Build the output :class:`Referentiel` from the segmenter's draft.

Ids are position-based and stable: blocs ``BC01``…, compétences ``BC01.C01``…,
critères ``BC01.K01``…, compétences transversales ``CT01``…. Every string is
cleaned (:func:`referentiel.textclean.clean`), empty strings dropped; ``source``
comes from the document, ``warnings`` are the document's and the segmenter's.
An element's (or warning's) ``provenance.bbox`` is the box its draft carries, or the box
of the document's block at its page and line (the one whose text is closest to
the element's, when several blocks share the line: cells of one table row); the
strings of its lists get theirs in ``items_provenance`` (:mod:`referentiel.places`).
"""

from __future__ import annotations

from typing import Any

from . import __version__
from .docmodel import Document
from .models import (
    CERTIFICATION_TYPES,
    Activite,
    Bloc,
    Certification,
    Competence,
    Critere,
    Referentiel,
    Source,
    Warning,
)
from .places import Places
from .segment.draft import DActivite, DBloc, DCompetence, Draft, Where
from .textclean import clean


def build(document: Document, draft: Draft) -> Referentiel:
    """The validated output document."""
    places = Places(document)
    _provenance = places.provenance
    ids = {  # every compétence's id first: a critère may name one of a later bloc
        id(comp): f"BC{b_index:02d}.C{c_index:02d}"
        for b_index, bloc in enumerate(draft.blocs, start=1)
        for c_index, comp in enumerate(bloc.competences, start=1)
    }
    blocs = []
    for b_index, bloc in enumerate(draft.blocs, start=1):
        bloc_id = f"BC{b_index:02d}"
        competences = [
            _competence(comp, ids[id(comp)], places, bloc.conditions) for comp in bloc.competences
        ]
        criteres = []
        for k_index, crit in enumerate(bloc.criteres, start=1):
            indicateurs = _texts(crit.indicateurs)
            criteres.append(
                Critere(
                    id=f"{bloc_id}.K{k_index:02d}",
                    libelle=clean(crit.libelle),
                    competences=[ids[id(c)] for c in crit.competences if id(c) in ids],
                    indicateurs=indicateurs,
                    provenance=_provenance(crit.where, crit.libelle),
                    items_provenance=places.items(crit.where, {"indicateurs": indicateurs}),
                )
            )
        details = [clean(d) for d in bloc.modalites_details]
        extra: dict[str, Any] = {"modalites_details": details} if any(details) else {}
        extra.update(_but_fields(bloc))
        lists = {
            "connaissances": _texts(bloc.connaissances),
            "modalites_evaluation": _texts(bloc.modalites),
        }
        blocs.append(
            Bloc(
                id=bloc_id,
                code=bloc.code,
                libelle=clean(bloc.libelle),
                competences=competences,
                criteres=criteres,
                provenance=_provenance(bloc.where, bloc.libelle),
                items_provenance=places.items(bloc.where, lists),
                **lists,
                **extra,
            )
        )
    warnings = [
        Warning(code=code, message=message, provenance=_provenance(Where(page, line, ""), ""))
        for code, message, page, line in [*document.warnings, *draft.warnings]
    ]
    return Referentiel(
        source=Source(
            filename=document.filename,
            sha256=document.sha256,
            format=document.format,  # type: ignore[arg-type]
            pages=document.pages,
            ocr=document.ocr,
            extractor_version=__version__,
        ),
        certification=Certification(
            type=draft.type if draft.type in CERTIFICATION_TYPES else None,  # type: ignore[arg-type]
            intitule=clean(draft.intitule) or None,
            code_rncp=draft.code_rncp,
            description=clean(draft.description) or None,
        ),
        activites=[
            _activite(act, places) for act in draft.activites if clean(act.libelle) or act.taches
        ],
        blocs=blocs,
        competences_transversales=[
            _competence(comp, f"CT{index:02d}", places)
            for index, comp in enumerate(draft.transversales, start=1)
        ],
        warnings=warnings,
    )


def _activite(act: DActivite, places: Places) -> Activite:
    taches = _texts(act.taches)
    return Activite(
        code=act.code,
        libelle=clean(act.libelle),
        taches=taches,
        provenance=places.provenance(act.where, act.libelle),
        items_provenance=places.items(act.where, {"taches": taches}),
    )


def _competence(
    comp: DCompetence, comp_id: str, places: Places, shared: list[str] | None = None
) -> Competence:
    """One compétence; ``shared`` are the conditions its bloc states for all of them."""
    lists = {
        "connaissances": _texts(comp.connaissances),
        "conditions_realisation": _texts([*(shared or []), *comp.conditions]),
        "resultats_attendus": _texts(comp.resultats),
    }
    extra: dict[str, Any] = {"details": _texts(comp.details)} if comp.details else {}
    if comp.niveau:
        extra["niveau"] = clean(comp.niveau)  # B.U.T. (contract: an extra field)
    if comp.taxonomie:
        extra["niveau_taxonomique"] = comp.taxonomie  # the Bloom level, :mod:`.segment.taxonomy`
    return Competence(
        id=comp_id,
        code=comp.code,
        libelle=clean(comp.libelle),
        activites=list(comp.activites),
        provenance=places.provenance(comp.where, comp.libelle),
        items_provenance=places.items(comp.where, lists),
        **lists,
        **extra,
    )


def _but_fields(bloc: DBloc) -> dict[str, Any]:
    """A B.U.T. compétence's extra fields (contract, 'Families and levels'):
    its situations professionnelles and its niveaux, when printed."""
    fields: dict[str, Any] = {}
    situations = _texts(bloc.situations)
    if situations:
        fields["situations_professionnelles"] = situations
    if bloc.niveaux:
        fields["niveaux"] = [
            {"niveau": clean(label), "libelle": clean(name)} for label, name in bloc.niveaux
        ]
    return fields


def _texts(values: list[str]) -> list[str]:
    return [text for text in (clean(v) for v in values) if text]
