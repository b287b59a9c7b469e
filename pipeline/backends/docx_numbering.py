"""Word automatic numbering: from ``numbering.xml`` to the label Word prints ("1.", "a)", "•").

A paragraph with ``w:numPr`` (directly or through its style) names a numbering
instance (``w:num``) and a level. The instance points at an abstract definition
(``w:abstractNum``, possibly through a numbering style link) whose levels give
the start value, the number format and the label template (``lvlText`` such as
``"%1."`` or ``"%1.%2"``); the instance may override levels or start values.
:class:`Numbering` keeps the running counters while the body is walked in order.

Counters follow Word: instances of the same abstract definition share one
sequence unless the instance restarts it (``w:startOverride``); numbering a level
restarts the deeper levels (``w:lvlRestart`` can narrow that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..textclean import PRIVATE_USE_BULLETS
from .docx_styles import Styles
from .docx_xml import child, int_val, on, val, w

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True)
class Level:
    """One numbering level: start value, format and label template."""

    start: int
    fmt: str
    text: str
    restart: int | None  # lvlRestart: restart after this 1-based level; 0 = never
    legal: bool  # isLgl: show every level's number as decimal


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def format_number(number: int, fmt: str) -> str:
    """``number`` in a Word ``numFmt`` (decimal, lowerLetter, upperRoman…)."""
    if fmt in {"lowerLetter", "upperLetter"}:
        # Word: a…z, then aa…zz, aaa…
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"lowerRoman", "upperRoman"} and number > 0:
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


def bullet_glyph(text: str) -> str:
    """The printed bullet for a bullet level's ``lvlText`` (Symbol font code points mapped)."""
    text = text.strip()
    if not text:
        return "•"
    return "".join(
        PRIVATE_USE_BULLETS.get(ch, "•" if "\uf000" <= ch <= "\uf0ff" else ch) for ch in text
    )


def _level(lvl: etree._Element) -> Level:
    return Level(
        start=int_val(child(lvl, "start"), 1) or 0,
        fmt=val(child(lvl, "numFmt")) or "decimal",
        text=val(child(lvl, "lvlText")) or "",
        restart=int_val(child(lvl, "lvlRestart")),
        legal=bool(on(child(lvl, "isLgl"))),
    )


class Numbering:
    """Numbering definitions of one document plus the counters of the walk so far."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, etree._Element] = {}
        self._nums: dict[str, etree._Element] = {}
        if root is not None:
            for node in root.iterfind(w("abstractNum")):
                self._abstract[node.get(w("abstractNumId"), "")] = node
            for node in root.iterfind(w("num")):
                self._nums[node.get(w("numId"), "")] = node
        self._levels: dict[str, tuple[str, dict[int, Level]] | None] = {}
        self._counters: dict[str, dict[int, int]] = {}

    def _abstract_for(self, num_id: str) -> etree._Element | None:
        """The abstract definition of instance ``num_id``, following numbering-style links."""
        num = self._nums.get(num_id)
        seen: set[str] = set()
        while num is not None:
            abstract = self._abstract.get(val(child(num, "abstractNumId")) or "")
            if abstract is None:
                return None
            link = val(child(abstract, "numStyleLink"))
            if link is None or link in seen:
                return abstract
            seen.add(link)
            linked = self._styles.num_pr(link)
            num = self._nums.get(linked[0]) if linked else None
        return None

    def _definition(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        """(counter key, levels) for instance ``num_id``; None when it does not exist."""
        if num_id in self._levels:
            return self._levels[num_id]
        num = self._nums.get(num_id)
        abstract = self._abstract_for(num_id)
        result: tuple[str, dict[int, Level]] | None = None
        if num is not None and abstract is not None:
            levels = {
                int(lvl.get(w("ilvl"), "0")): _level(lvl) for lvl in abstract.iterfind(w("lvl"))
            }
            key = "abstract:" + abstract.get(w("abstractNumId"), "")
            for override in num.iterfind(w("lvlOverride")):
                ilvl = int(override.get(w("ilvl"), "0"))
                lvl = child(override, "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                    key = "num:" + num_id
                start = int_val(child(override, "startOverride"))
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(start, old.fmt, old.text, old.restart, old.legal)
                    key = "num:" + num_id
            result = (key, levels)
        self._levels[num_id] = result
        return result

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """Advance the counters for one numbered paragraph; return (label, is_bullet).

        None when the paragraph is not really numbered (numId 0, unknown instance,
        or a level whose format prints nothing).
        """
        definition = self._definition(num_id)
        if num_id == "0" or definition is None:
            return None
        key, levels = definition
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(key, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl + 1 <= restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return bullet_glyph(level.text), True

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            ref = levels.get(index)
            if ref is None:
                return ""
            value = counters.get(index, ref.start)
            fmt = "decimal" if level.legal and ref.fmt != "none" else ref.fmt
            return format_number(value, fmt)

        text = _PLACEHOLDER.sub(number, level.text).strip()
        return (text, False) if text else None
