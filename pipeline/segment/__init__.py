"""Segmentation: the document model → a référentiel, in small named stages.

Each stage reads and writes a :class:`~referentiel.segment.draft.Context`:

1. ``units`` — the document as a stream of units; tables with recognised
   column roles kept whole, layout tables opened up; ``record-tables`` —
   the layout tables of labelled rows that are records of units, found once
   (:mod:`.records`);
2. ``outline`` — the document's own numbered levels (:mod:`.outline`): the
   bloc level, and a compétence level under it, whatever their word;
   ``sections`` — référentiel d'activités / de compétences / d'évaluation (:mod:`.sections`);
3. ``certification`` — type, intitulé, RNCP code, description;
   ``before-title`` — the rows of another référentiel printed above the
   document's title are set aside (:mod:`.before_title`);
   ``other-certification`` — the units from a later title naming another
   certification of the family lie outside every part (:mod:`.othertitle`);
4. ``streams`` — a table's columns read one after the other (raw OCR text):
   activities, compétences, critères and modalités re-attached to their bloc
   by codes and cue phrases (when it applies, it replaces 5 and 6);
   ``named-units`` — units named only inside sentences ("la capacité C5
   Conseiller …") or as worded paragraphs ("Objectif PP2 : …"), the
   document's only units: its blocs (it replaces 5 and 6 too; :mod:`.named_units`);
5. ``activities`` — the référentiel d'activités written as text;
   ``records`` — a table of labelled rows, the record of the activité named
   before it or in its own row (:mod:`.records`); ``record-series`` — a record
   title in a lettered series summarised earlier (:mod:`.recordseries`);
6. ``cross-references`` — coded lines printed word for word under several
   units of other letters: references to another part (:mod:`.crossrefs`);
   ``blocs`` — bloc headings, zones, compétences, critères, modalités, and
   role tables read row by row;
7. ``merge`` — each bloc and compétence once; ``foreign-blocs`` — the empty
   blocs coded in another certification's RNCP number are references
   (:mod:`.foreign_blocs`); ``sommaire`` — a unit only a sommaire lists
   beside a bloc of the body is kept (``SOMMAIRE_ONLY``);
   ``summary-units`` — the blocs and compétences only a summary table gives
   (rows coded in the body's bloc series) are kept (:mod:`.summary_units`);
   ``code-series`` — a list of coded statements naming a bloc of the body
   gives the blocs their codes and keeps the listed-only ones (:mod:`.codeseries`);
   ``modalites`` — the modalities a table links to compétences given to
   their blocs (:mod:`.modalites`); ``modalite-codes`` — an épreuve whose
   last line lists the codes of the compétences it assesses given to their
   blocs (:mod:`.modalite_codes`); ``prefix-modalites`` — the paragraphs under
   a heading naming a group of units by their codes' prefix ("Évaluation des UEG")
   given to the group's blocs with none (:mod:`.prefix_modalites`);
8. ``code-links`` — a correspondence table's activité ↔ compétence codes;
   ``activity-types`` — a titre professionnel's activité type bloc is the
   activité of its compétences when no other is printed;
9. ``codes`` — the printed code kept for each compétence; ``parent-codes`` —
   a bare compétence whose code its siblings extend ("C2" beside "C2-1") is
   their parent, no compétence of the bloc (:mod:`.parent_codes`); ``number-links`` —
   a compétence numbered under an activité ("1.1.2" under "1.1") linked to it
   when the rows' links follow that numbering (:mod:`.numberlinks`);
10. ``links`` — critères to the compétences they name; warnings;
    ``units-as-blocs`` — no bloc level printed: the compétences of a
    "Compétences | Indicateurs" grid are the blocs (:mod:`.promote`);
11. ``implicit`` — no bloc found: the document's action statements in one
    implicit bloc (``LOW_CONFIDENCE_STRUCTURE``) rather than a refusal;
    ``grid`` — still none: a grid's named rows as blocs, their cells'
    sentences as critères (``LOW_CONFIDENCE_STRUCTURE``); ``whole`` — the
    épreuves defined for the whole certification, the modalities of its only bloc;
12. ``unplaced`` — every unit no element took is an ``UNPLACED_TEXT`` warning;
    ``taxonomy`` — the taxonomy level printed after most compétences leaves
    their libellés, the level of most savoirs their connaissances (:mod:`.taxonomy`).

Segmentation never looks at the input format: only at the document model and
the rules in ``rules/``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..docmodel import Document
from ..models import Referentiel
from ..normalise import build
from ..options import Options
from ..rules import RuleSet, default_rules
from .activities import activities
from .activitycodes import activity_codes
from .before_title import before_title
from .butextras import but_extras
from .certification import certification
from .codeseries import code_series
from .crossrefs import cross_references
from .draft import Context
from .foreign_blocs import foreign_blocs
from .grid import grid
from .implicit import implicit
from .interleaved import streams
from .links import activity_types, code_links, links
from .merge import codes, merge
from .modalite_codes import modalite_codes
from .modalites import place_modalites, place_whole
from .named_units import named_units
from .numberlinks import number_links
from .othertitle import other_certification
from .outline import outline
from .parent_codes import parent_codes
from .prefix_modalites import prefix_modalites
from .promote import units_as_blocs
from .records import record_tables, records
from .recordseries import record_series
from .sections import sections
from .sommaire import sommaire
from .stream import units
from .summary_units import summary_units
from .taxonomy import taxonomy
from .unplaced import unplaced
from .walk import blocs

Stage = Callable[[Context], None]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("units", units),
    ("record-tables", record_tables),
    ("outline", outline),
    ("sections", sections),
    ("certification", certification),
    ("before-title", before_title),
    ("other-certification", other_certification),
    ("streams", streams),
    ("named-units", named_units),
    ("activities", activities),
    ("records", records),
    ("record-series", record_series),
    ("cross-references", cross_references),
    ("blocs", blocs),
    ("merge", merge),
    ("foreign-blocs", foreign_blocs),
    ("sommaire", sommaire),
    ("summary-units", summary_units),
    ("code-series", code_series),
    ("modalites", place_modalites),
    ("prefix-modalites", prefix_modalites),
    ("modalite-codes", modalite_codes),
    ("code-links", code_links),
    ("activity-types", activity_types),
    ("codes", codes),
    ("parent-codes", parent_codes),
    ("activity-codes", activity_codes),
    ("number-links", number_links),
    ("links", links),
    ("units-as-blocs", units_as_blocs),
    ("implicit", implicit),
    ("grid", grid),
    ("whole", place_whole),
    ("but-extras", but_extras),
    ("unplaced", unplaced),
    ("taxonomy", taxonomy),
)


def segment(document: Document, options: Options, rules: RuleSet | None = None) -> Referentiel:
    """Segment a parsed document into a validated référentiel."""
    ctx = Context(document, options, rules or default_rules())
    for _name, stage in STAGES:
        stage(ctx)
    return build(document, ctx.draft)
