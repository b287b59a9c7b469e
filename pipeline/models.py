"""Output models: the JSON contract of one référentiel (docs: output-contract.md).

Field names are the product's API. Extra fields are allowed on every object, so
tools may ignore what they do not know; the fields below are never renamed,
moved or dropped.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Final = "1.1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", json_schema_serialization_defaults_required=True)


class BBox(_Model):
    """A box on the page, in PDF points (1/72 inch) from the page's top-left corner,
    rounded to the hundredth of a point."""

    x0: float = Field(description="Left edge, points from the page's left edge")
    top: float = Field(description="Top edge, points from the page's top edge")
    x1: float = Field(description="Right edge (x1 > x0)")
    bottom: float = Field(description="Bottom edge (bottom > top)")


class Provenance(_Model):
    """Where an element came from: 1-based page (or null), 1-based line, box on the page."""

    page: int | None = Field(default=None, ge=1, description="1-based page; null for text input")
    line: int | None = Field(
        default=None,
        ge=1,
        description="1-based line in the page (PDF, scans), in the file (text) "
        "or paragraph number in the body (DOCX)",
    )
    rule: str | None = Field(
        default=None, description="id of the rule or stage that produced the element"
    )
    bbox: BBox | None = Field(
        default=None,
        description="Box of the block the element was read from, on ``page``, in PDF points "
        "from the top-left corner (scans: pixels converted at the render resolution); "
        "null for text and DOCX input",
    )


def _items_provenance() -> dict[str, list[Provenance]]:
    return Field(
        default_factory=dict,
        description="Where each string of this element's lists was printed: list name "
        '("indicateurs", "taches"…) → one provenance per string, in order; page and line '
        "are null for a string not found again in the document (an extra field of the contract)",
    )


class Source(_Model):
    """The input file."""

    filename: str = Field(description="Input file name, without its folder")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes")
    format: Literal["pdf", "docx", "image", "text", "html"]
    pages: int | None = Field(
        default=None, ge=0, description="Page count; null for formats without pages"
    )
    ocr: bool = Field(default=False, description="True when any text came from OCR")
    extractor_version: str


#: the certification families of the output contract ("Family and intitulé")
CertificationType = Literal[
    "CQP",
    "CQPM",
    "CQPI",
    "TP",
    "BTS",
    "BTSA",
    "BUT",
    "DUT",
    "LP",
    "CAP",
    "CAPA",
    "BEP",
    "BP",
    "BAC PRO",
    "MC",
    "DE",
    "DP",
    "BPJEPS",
    "DEJEPS",
    "TITRE RNCP",
]

CERTIFICATION_TYPES: Final = frozenset(get_args(CertificationType))


class Certification(_Model):
    """The certification the référentiel describes."""

    type: CertificationType | None = Field(
        default=None,
        description="The certification's family when the document prints it (contract list)",
    )
    intitule: str | None = Field(default=None, description="Title of the certification")
    code_rncp: str | None = Field(
        default=None, pattern=r"^RNCP\d+$", description="RNCP code if printed"
    )
    description: str | None = None


class Activite(_Model):
    """One activity of the référentiel d'activités."""

    code: str | None = Field(default=None, description='As printed ("1", "A1.1", "A4"), or null')
    libelle: str
    taches: list[str] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    items_provenance: dict[str, list[Provenance]] = _items_provenance()


class Competence(_Model):
    """One compétence of a bloc (or a transversal compétence)."""

    id: str = Field(description='Position-based, stable: "BC01.C01" (transversal: "CT01")')
    code: str | None = Field(default=None, description='As printed ("C1.1"), or null')
    libelle: str
    connaissances: list[str] = Field(default_factory=list)
    conditions_realisation: list[str] = Field(default_factory=list)
    resultats_attendus: list[str] = Field(default_factory=list)
    activites: list[str] = Field(
        default_factory=list, description="Codes of the activities the document links"
    )
    provenance: Provenance = Field(default_factory=Provenance)
    items_provenance: dict[str, list[Provenance]] = _items_provenance()


class Critere(_Model):
    """One critère d'évaluation with its indicateurs."""

    id: str = Field(description='Position-based inside the bloc: "BC01.K01"')
    libelle: str
    competences: list[str] = Field(
        default_factory=list, description="Ids of the compétences it evaluates"
    )
    indicateurs: list[str] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    items_provenance: dict[str, list[Provenance]] = _items_provenance()


class Bloc(_Model):
    """One bloc de compétences, with what every section says about it."""

    id: str = Field(description='Position-based, stable: "BC01"')
    code: str | None = Field(
        default=None, description='As printed: "BDC 0158", "BC 1", "Compétence 3"'
    )
    libelle: str
    connaissances: list[str] = Field(default_factory=list)
    competences: list[Competence] = Field(default_factory=list)
    modalites_evaluation: list[str] = Field(default_factory=list)
    criteres: list[Critere] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    items_provenance: dict[str, list[Provenance]] = _items_provenance()


def item_place(
    owner: Activite | Bloc | Competence | Critere, name: str, index: int
) -> Provenance | None:
    """Where string ``index`` of the owner's list ``name`` was printed; None when the
    extraction did not find it again (or records no places for that list)."""
    places = owner.items_provenance.get(name) or []
    if index < len(places) and places[index].line is not None:
        return places[index]
    return None


#: Every ``Warning.code`` the extractor writes, and what it means (data dictionary).
WARNING_CODES: Final = {
    "UNLINKED_CRITERE": "a critère the document does not link to a compétence, in a bloc that "
    "has several compétences",
    "UNKNOWN_LINK": "a critère names a compétence code that no compétence of the bloc has",
    "UNPLACED_TEXT": "text that no cue attributes to an element (kept out of the elements)",
    "LOW_CONFIDENCE_OCR": "words Tesseract read with low confidence, listed",
    "SOMMAIRE_ONLY": "a unit the sommaire lists beside a bloc of the body but the body never "
    "opens: kept from its sommaire entry",
    "LOW_CONFIDENCE_STRUCTURE": "no bloc level found: the action statements are kept in one "
    "implicit bloc",
    "DOCX_PAGES_FROM_BREAKS": "the DOCX file records no layout: pages are counted from page "
    "and section breaks and may be too low",
    "PDF_BROKEN_UPDATE": "the last update appended to the PDF is broken: the document is read "
    "as it was before that update",
    "PDF_PAGE_OVERLAY": "text standing at the same place on most pages, printed over other "
    "text (a web page's floating widget), was removed as page furniture: named",
    "PDF_SCANNED_PAGES": "pages of a PDF with a text layer that hold only a scanned picture "
    "were read by OCR: their numbers",
}


class Warning(_Model):
    """Something the extractor was unsure of."""

    code: str
    message: str
    provenance: Provenance | None = None


class Referentiel(_Model):
    """One référentiel → one JSON document."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_serialization_defaults_required=True,
        title="Referentiel",
        json_schema_extra={"$id": "https://referentiel.invalid/schema/1.0/referentiel.json"},
    )

    schema_version: Literal["1.0", "1.1"] = Field(
        default=SCHEMA_VERSION,
        description="1.1 is written; 1.0 files (a shorter family list) are still read",
    )
    source: Source
    certification: Certification = Field(default_factory=Certification)
    activites: list[Activite] = Field(default_factory=list)
    blocs: list[Bloc] = Field(default_factory=list)
    competences_transversales: list[Competence] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

    def all_competences(self) -> list[Competence]:
        """Every compétence: the blocs' in order, then the transversal ones."""
        return [c for b in self.blocs for c in b.competences] + self.competences_transversales


def json_schema() -> dict[str, object]:
    """The published JSON Schema of the output."""
    return Referentiel.model_json_schema(mode="serialization")
