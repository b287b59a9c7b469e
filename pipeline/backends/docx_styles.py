"""Word style sheet look-ups: heading levels, list styles, style-linked numbering, bold.

Properties are resolved along the ``w:basedOn`` chain (nearest definition wins),
the way Word applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from .docx_xml import child, int_val, on, val, w

_HEADING_NAME = re.compile(r"^(?:heading|titre|[ée]tiquette de titre)\s*(\d)$", re.IGNORECASE)
_LIST_NAME = re.compile(
    r"^(?:list (?:bullet|number|continue)|liste (?:à puces|num[ée]ro|suite))\s*(\d)?$",
    re.IGNORECASE,
)


class Styles:
    """The paragraph and character styles of one document."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self._chains: dict[str | None, list[etree._Element]] = {}
        self._answers: dict[tuple[str, str | None], Any] = {}  # (question, style id) → answer
        self.default_paragraph: str | None = None
        self._default_bold = False
        if root is None:
            return
        for style in root.iterfind(w("style")):
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            self._styles[style_id] = style
            is_default = style.get(w("default")) in {"1", "true", "on"}
            if is_default and style.get(w("type")) == "paragraph":
                self.default_paragraph = style_id
        default_rpr = child(root, "docDefaults", "rPrDefault", "rPr")
        self._default_bold = bool(on(child(default_rpr, "b")))

    def name(self, style_id: str | None) -> str | None:
        """The style's display name ("heading 1", "List Bullet"), or its id."""
        return self._memo(self._name, style_id)

    def _name(self, style_id: str | None) -> str | None:
        style = self._styles.get(style_id or "")
        if style is None:
            return style_id
        return val(child(style, "name")) or style_id

    def _memo(self, question: Callable[[str | None], Any], style_id: str | None) -> Any:
        """``question(style_id)``, computed once per style: paragraphs share few styles."""
        key = (question.__name__, style_id)
        if key not in self._answers:
            self._answers[key] = question(style_id)
        return self._answers[key]

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and its ``basedOn`` ancestors, nearest first (cycles cut; cached)."""
        if style_id not in self._chains:
            self._chains[style_id] = self._walk_chain(style_id)
        return self._chains[style_id]

    def _walk_chain(self, style_id: str | None) -> list[etree._Element]:
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            chain.append(style)
            style_id = val(child(style, "basedOn"))
        return chain

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level given by the style's name or outline level, else None."""
        return self._memo(self._heading_level, style_id)

    def _heading_level(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            match = _HEADING_NAME.match(val(child(style, "name")) or "")
            if match:
                return int(match.group(1))
            outline = int_val(child(style, "pPr", "outlineLvl"))
            if outline is not None:
                return outline + 1 if outline < 9 else None
        return None

    def list_level(self, style_id: str | None) -> int | None:
        """0-based level of a list style ("List Bullet 2" → 1), None if not a list style."""
        return self._memo(self._list_level, style_id)

    def _list_level(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            match = _LIST_NAME.match(val(child(style, "name")) or "")
            if match:
                return int(match.group(1) or 1) - 1
        return None

    def num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) of numbering attached to the style, None if none."""
        return self._memo(self._num_pr, style_id)

    def _num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            num_pr = child(style, "pPr", "numPr")
            if num_pr is not None:
                num_id = val(child(num_pr, "numId"))
                if num_id is None:
                    continue
                return num_id, int_val(child(num_pr, "ilvl"), 0) or 0
        return None

    def bold(self, style_id: str | None) -> bool | None:
        """Bold as set by this (paragraph or character) style chain; None when it says nothing."""
        return self._memo(self._bold, style_id)

    def _bold(self, style_id: str | None) -> bool | None:
        for style in self._chain(style_id):
            value = on(child(style, "rPr", "b"))
            if value is not None:
                return value
        return None

    @property
    def default_bold(self) -> bool:
        """Bold as set by the document defaults."""
        return self._default_bold

    def page_break_before(self, style_id: str | None) -> bool:
        """Whether paragraphs in this style start on a new page."""
        return self._memo(self._page_break_before, style_id)

    def _page_break_before(self, style_id: str | None) -> bool:
        for style in self._chain(style_id):
            value = on(child(style, "pPr", "pageBreakBefore"))
            if value is not None:
                return value
        return False
