"""A page's printed number alone on its line, as layout prints it in a margin
and a conversion keeps it in the text: "3", "- 3 -", "(3)", "p. 3", "Page 3",
"P a g e | 3" (letter-spaced), "Page 3 sur 40", "3 / 40", "3 of 40"."""

from __future__ import annotations

import re


def page_number_line(number: str) -> re.Pattern[str]:
    """The pattern of a line printing only a page number, ``number`` being the
    pattern of the number (digits, or the mark of folded digits); a counter's
    total is written the same way."""
    return re.compile(
        rf"^\s*[-–—(\[]?\s*(?:p\s?a\s?g\s?e|p\.)?\s*[|:]?\s*{number}"
        rf"(?:\s*(?:/|sur|of|de)\s*{number})?\s*[-–—)\]]?\s*$",
        re.IGNORECASE,
    )
