"""Build the output :class:`Referentiel` from the segmenter's draft.

Ids are position-based and stable: blocs ``BC01``…, compétences ``BC01.C01``…,
critères ``BC01.K01``…, compétences transversales ``CT01``…. Every string is
cleaned (:func:`referentiel.textclean.clean`), empty strings dropped; ``source``
comes from the document, ``warnings`` are the document's and the segmenter's.
An element's (or warning's) ``provenance.bbox`` is the box its draft carries, or the box
of the document's block at its page and line (the one whose text is closest to
the element's, when several blocks share the line: cells of one table row).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from . import __version__
from .docmodel import BBox as DocBox
from .docmodel import Document, Kind
from .models import (
    CERTIFICATION_TYPES,
    Activite,
    BBox,
    Bloc,
    Certification,
    Competence,
    Critere,
    Provenance,
    Referentiel,
    Source,
    Warning,
)
from .segment.draft import DCompetence, Draft, Where
from .textclean import clean

_LIBELLE_REACH = 2  # lines below an element's own where its libellé may stand
_SAME_TEXT = 90  # rapidfuzz partial ratio from which a block holds the libellé


def build(document: Document, draft: Draft) -> Referentiel:
    """The validated output document."""
    boxes = _Boxes(document)
    _provenance = boxes.provenance
    ids: dict[int, str] = {}
    blocs = []
    for b_index, bloc in enumerate(draft.blocs, start=1):
        bloc_id = f"BC{b_index:02d}"
        competences = []
        for c_index, comp in enumerate(bloc.competences, start=1):
            comp_id = f"{bloc_id}.C{c_index:02d}"
            ids[id(comp)] = comp_id
            competences.append(_competence(comp, comp_id, boxes))
        criteres = [
            Critere(
                id=f"{bloc_id}.K{k_index:02d}",
                libelle=clean(crit.libelle),
                competences=[ids[id(c)] for c in crit.competences if id(c) in ids],
                indicateurs=_texts(crit.indicateurs),
                provenance=_provenance(crit.where, crit.libelle),
            )
            for k_index, crit in enumerate(bloc.criteres, start=1)
        ]
        details = [clean(d) for d in bloc.modalites_details]
        extra = {"modalites_details": details} if any(details) else {}
        blocs.append(
            Bloc(
                id=bloc_id,
                code=bloc.code,
                libelle=clean(bloc.libelle),
                connaissances=_texts(bloc.connaissances),
                competences=competences,
                modalites_evaluation=_texts(bloc.modalites),
                criteres=criteres,
                provenance=_provenance(bloc.where, bloc.libelle),
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
            Activite(
                code=act.code,
                libelle=clean(act.libelle),
                taches=_texts(act.taches),
                provenance=_provenance(act.where, act.libelle),
            )
            for act in draft.activites
            if clean(act.libelle)
        ],
        blocs=blocs,
        competences_transversales=[
            _competence(comp, f"CT{index:02d}", boxes)
            for index, comp in enumerate(draft.transversales, start=1)
        ],
        warnings=warnings,
    )


def _competence(comp: DCompetence, comp_id: str, boxes: _Boxes) -> Competence:
    return Competence(
        id=comp_id,
        code=comp.code,
        libelle=clean(comp.libelle),
        connaissances=_texts(comp.connaissances),
        conditions_realisation=_texts(comp.conditions),
        resultats_attendus=_texts(comp.resultats),
        activites=list(comp.activites),
        provenance=boxes.provenance(comp.where, comp.libelle),
    )


def _texts(values: list[str]) -> list[str]:
    return [text for text in (clean(v) for v in values) if text]


class _Boxes:
    """The document's block boxes by page and line, to place elements on their page."""

    def __init__(self, document: Document) -> None:
        self._at: dict[tuple[int, int], list[tuple[str, BBox, bool]]] = {}
        for block in document.walk():
            if block.bbox is not None and block.page is not None and block.line is not None:
                box = _rounded(block.bbox)
                entry = (clean(block.text).casefold(), box, block.kind is Kind.TABLE)
                self._at.setdefault((block.page, block.line), []).append(entry)

    def provenance(self, where: Where, text: str) -> Provenance:
        """Page, line, rule and box of an element whose libellé is ``text``."""
        if where.bbox is not None:
            box: BBox | None = _rounded(where.bbox)
        else:
            box = self._find(where.page, where.line, clean(text).casefold())
        return Provenance(page=where.page, line=where.line, rule=where.rule or None, bbox=box)

    def _find(self, page: int | None, line: int | None, text: str) -> BBox | None:
        """The box of the block holding ``text`` at this line or just below (a code
        printed above or beside its libellé), else of the block at this line."""
        if page is None or line is None:
            return None
        scored = []
        for offset in range(_LIBELLE_REACH + 1):
            found = self._at.get((page, line + offset), [])
            for entry in [e for e in found if not e[2]] or found:
                score = fuzz.partial_ratio(text, entry[0]) if text else 0.0
                scored.append((score >= _SAME_TEXT, -offset, score, entry[1]))
        if not scored:
            return None
        return max(scored, key=lambda s: s[:3])[3]


def _rounded(box: DocBox) -> BBox:
    """A box for the output, to the hundredth of a point."""
    return BBox(
        x0=round(box.x0, 2), top=round(box.top, 2), x1=round(box.x1, 2), bottom=round(box.bottom, 2)
    )
