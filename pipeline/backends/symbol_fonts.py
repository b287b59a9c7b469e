"""Check marks and boxes printed with a symbol font, as the Unicode glyphs a reader sees.

Word processors print check boxes and ticks with symbol fonts (Wingdings,
Wingdings 2, ZapfDingbats, Symbol): the character code is a letter or a
private-use code point (U+F000 + the font's code) and only the font's glyph
says "☒". Readers call :func:`map_symbol` with each character's font name;
the codes of check marks and boxes become ``☒`` (ticked box), ``☐`` (empty
box) or ``✓`` (a tick alone); any other symbol is left as it is. A glyph of
such a font that carries no text at all (pdfminer's ``(cid:131)``: a subset
font addressed by glyph number, without a Unicode map) is a bullet: in running
text a dingbat font prints list marks, and its name says it is no letter.
"""

from __future__ import annotations

TICKED = "☒"
EMPTY = "☐"
TICK = "✓"
BULLET = "•"

# font family (lower case, no spaces) → character code → glyph
_CODES: dict[str, dict[int, str]] = {
    "wingdings": {
        0x6F: EMPTY,  # o: white square
        0x71: EMPTY,  # q: shadowed white square
        0x72: EMPTY,  # r
        0xA1: EMPTY,  # large white circle: a form's option to tick
        0xA8: EMPTY,  # white medium square
        0xFB: TICKED,  # ballot x
        0xFC: TICK,  # check mark
        0xFD: TICKED,  # ballot box with x
        0xFE: TICKED,  # ballot box with check
    },
    "wingdings2": {
        0x4F: TICKED,  # ballot x
        0x50: TICK,  # check mark
        0x51: TICKED,  # ballot box with x (light)
        0x52: TICKED,  # ballot box with check
        0x53: TICKED,  # ballot box with x
        0x54: TICKED,  # ballot box with bold x
        0xA3: EMPTY,  # ballot box
        0xA2: EMPTY,  # square
    },
    "zapfdingbats": {
        0x33: TICK,  # a19 ✓
        0x34: TICK,  # a20 ✔
        0x37: TICKED,  # a23 ✗
        0x38: TICKED,  # a24 ✘
        0x6E: TICKED,  # a71 ■ (a filled box)
        0x6F: EMPTY,  # a72 ❏
        0x70: EMPTY,  # a73 ❐
        0x71: EMPTY,  # a74 ❑
        0x72: EMPTY,  # a203 ❒
    },
    "symbol": {
        0xD6: TICK,  # radical, printed as a tick
    },
}
# dingbat fonts without a check-mark table here: their undecodable glyphs are still bullets
_DINGBATS = frozenset({*_CODES, "wingdings3", "webdings"})
_PRIVATE = 0xF000  # symbol fonts embedded by Word map code c to U+F000 + c


def _family(fontname: str) -> str:
    """The family key of a font name ("ABCDEF+Wingdings2-Regular", "Wingdings 2" → "wingdings2")."""
    name = fontname.split("+", 1)[-1].split(",", 1)[0].split("-", 1)[0]
    return name.replace(" ", "").lower()


def map_symbol(fontname: str, text: str) -> str:
    """``text`` of one character in ``fontname``: a check mark or box of a
    symbol font as its Unicode glyph, a glyph of such a font without text
    (``(cid:N)``) as a bullet, anything else unchanged."""
    family = _family(fontname)
    if text.startswith("(cid:") and family in _DINGBATS:
        return BULLET
    codes = _CODES.get(family)
    if len(text) != 1 or codes is None:
        return text
    code = ord(text)
    if _PRIVATE <= code <= _PRIVATE + 0xFF:
        code -= _PRIVATE
    return codes.get(code, text)
