"""A faster reading of PDF page content streams, for pdfminer's interpreter.

pdfminer tokenizes content streams one state-machine step at a time, which
takes over a third of a text PDF's reading time. :class:`FastInterpreter`
reads each stream with one regular expression instead (:func:`objects`) and
hands pdfminer's interpreter exactly the objects its own parser would
(numbers, strings, names, arrays, dictionaries, operators). Anything unusual
(inline images, escaped names, unterminated strings, odd dictionaries) makes
:func:`objects` give up, and the page's streams are read by pdfminer itself:
the result never differs, only the time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pdfminer import settings
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, PSLiteral, keyword_name

_TOKEN = re.compile(
    rb"""(?P<ws>[\s\x00]++|%[^\r\n]*+)
    |/(?P<lit>[^\#/%\[\]()<>{}\s]*+)(?!\#)
    |(?P<num>[-+0-9][0-9]*+(?:\.[0-9]*+)?|\.[0-9]*+)
    |(?P<kw>[A-Za-z][^\#/%\[\]()<>{}\s]*+)
    |\((?P<str>[^()\\]*+)\)
    |(?P<open>\()
    |(?P<dbegin><<)
    |(?P<dend>>>)
    |<(?P<hex>[0-9A-Fa-f\s]*+)(?=[^\s0-9A-Fa-f])
    |(?P<gt>>)
    |(?P<bad>[</])
    |(?P<one>.)""",
    re.VERBOSE | re.DOTALL,
)
_END_STRING = re.compile(rb"[()\\]")
_SPACE = re.compile(rb"\s")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_ESCAPES = {ord(k): v for k, v in zip("btnfr()\\", (8, 9, 10, 12, 13, 40, 41, 92), strict=True)}
_INLINE_IMAGE = {KWD(b"BI"), KWD(b"ID"), KWD(b"EI")}
_ARRAY_BEGIN, _ARRAY_END = KWD(b"["), KWD(b"]")
_PROC_BEGIN, _PROC_END = KWD(b"{"), KWD(b"}")


class Unusual(Exception):
    """Content this reader leaves to pdfminer's own parser."""


def objects(data: bytes) -> list[Any]:
    """The objects pdfminer's content parser reads from one stream, in order.

    Raises :class:`Unusual` for content it does not read exactly as pdfminer does.
    """
    result: list[Any] = []
    stack: list[Any] = result  # where the next object goes
    context: list[tuple[str, list[Any]]] = []  # open arrays, dictionaries, procedures
    kind = ""
    pos = 0
    end = len(data)
    while pos < end:
        m = _TOKEN.match(data, pos)
        assert m is not None  # the last alternative takes any byte
        pos = m.end()
        group = m.lastgroup
        token: Any
        if group == "ws":
            continue
        if group == "num":
            text = m.group(group)
            try:
                token = float(text) if b"." in text else int(text)
            except ValueError:
                continue  # a lone sign or dot: pdfminer drops it
        elif group == "kw":
            name = m.group(group)
            token = True if name == b"true" else False if name == b"false" else KWD(name)
            if token in _INLINE_IMAGE:
                raise Unusual("inline image")
        elif group == "str":
            token = m.group(group)
        elif group == "lit":
            raw = m.group(group)
            if not raw and pos == end:
                raise Unusual("a name cut at the end of a stream")
            try:
                token = LIT(str(raw, "utf-8"))
            except UnicodeDecodeError:
                token = LIT(raw)
        elif group == "open":
            token, pos = _string(data, pos)
        elif group == "hex":
            token = _hex(m.group(group))
        elif group == "gt":
            continue  # a lone ">": pdfminer skips it
        elif group == "one":
            token = KWD(m.group(group))
        elif group in ("dbegin", "dend"):
            token = group
        else:
            raise Unusual(f"unusual token at {m.start()}")
        # -- the object level (pdfminer's PSStackParser.nextobject)
        if token is _ARRAY_BEGIN or token is _PROC_BEGIN or token == "dbegin":
            context.append((kind, stack))
            kind = "a" if token is _ARRAY_BEGIN else "p" if token is _PROC_BEGIN else "d"
            stack = []
            continue
        if token is _ARRAY_END or token is _PROC_END or token == "dend":
            wanted = "a" if token is _ARRAY_END else "p" if token is _PROC_END else "d"
            if kind != wanted:
                if kind == "" and isinstance(token, str):
                    raise Unusual("unbalanced dictionary")
                continue  # pdfminer ignores an unbalanced closing bracket
            done: Any = stack
            if wanted == "d":
                done = _dictionary(stack)
            kind, stack = context.pop()
            stack.append(done)
            continue
        stack.append(token)
    if context:
        raise Unusual("an array or dictionary left open")
    return result


def _hex(text: bytes) -> bytes:
    """A hexadecimal string's bytes (pdfminer reads an odd last digit d as the byte 0d)."""
    digits = _SPACE.sub(b"", text) if _SPACE.search(text) else text
    if len(digits) % 2 == 0:
        return bytes.fromhex(digits.decode("ascii"))
    return _HEX_PAIR.sub(lambda h: bytes((int(h.group(0), 16),)), digits)


def _dictionary(items: list[Any]) -> dict[str, Any]:
    keys = items[::2]
    if len(items) % 2 or not all(
        isinstance(k, PSLiteral) and isinstance(k.name, str) for k in keys
    ):
        raise Unusual("odd dictionary")
    return {k.name: value for k, value in zip(keys, items[1::2], strict=True)}


def _string(data: bytes, pos: int) -> tuple[bytes, int]:
    """A literal string with escapes or nested parentheses, read as pdfminer reads it."""
    out = bytearray()
    depth = 1
    while True:
        m = _END_STRING.search(data, pos)
        if m is None:
            raise Unusual("unterminated string")
        at = m.start()
        out += data[pos:at]
        char = data[at]
        pos = at + 1
        if char == 0x5C:  # backslash
            digits = pos
            while digits < len(data) and digits - pos < 3 and 0x30 <= data[digits] <= 0x37:
                digits += 1
            if digits > pos:
                code = int(data[pos:digits], 8)
                if code > 255:
                    raise Unusual("octal escape over 255")
                out.append(code)
                pos = digits
            elif pos >= len(data) or data[pos] == 0x0D:
                raise Unusual("escaped line end")
            else:
                if data[pos] in _ESCAPES:
                    out.append(_ESCAPES[data[pos]])
                pos += 1  # pdfminer drops an unknown escaped character
        elif char == 0x28:
            depth += 1
            out.append(char)
        else:
            depth -= 1
            if not depth:
                return bytes(out), pos
            out.append(char)


class FastInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter reading its content streams with :func:`objects`."""

    def execute(self, streams: Sequence[object]) -> None:
        valid = [stream_value(s) for s in streams]
        if settings.STRICT or not all(
            isinstance(s, PDFStream)
            and s.objid is not None
            and s.objid not in self.parent_stream_ids
            for s in valid
        ):
            super().execute(streams)  # pdfminer warns and skips these
            return
        try:
            parsed = [objects(stream.get_data()) for stream in valid]
        except Unusual:
            super().execute(streams)
            return
        self.stream_ids.clear()
        self.stream_ids.update(s.objid for s in valid if s.objid is not None)
        operators: dict[PSKeyword, tuple[Callable[..., Any], int] | None] = {}
        for items in parsed:
            for obj in items:
                if not isinstance(obj, PSKeyword):
                    self.argstack.append(obj)
                    continue
                if obj not in operators:
                    operators[obj] = self._operator(obj)
                found = operators[obj]
                if found is None:
                    continue
                func, nargs = found
                if nargs:
                    args = self.pop(nargs)
                    if len(args) == nargs:
                        func(*args)
                else:
                    func()

    def _operator(self, keyword: PSKeyword) -> tuple[Callable[..., Any], int] | None:
        """The method running an operator and its number of operands (None: unknown)."""
        name = keyword_name(keyword)
        method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
        func = getattr(self, method, None)
        if func is None:
            return None
        return func, func.__code__.co_argcount - 1
