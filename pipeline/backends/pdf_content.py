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

_ESCAPED = rb"(?:[^()\\]|\\(?:[0-7]{1,3}|[^\r0-7]))"  # a character of a string, or an escape
_TOKEN = re.compile(
    rb"""(?P<ws>[\s\x00]++|%[^\r\n]*+)
    |(?P<num>[-+]?(?:[0-9]++(?:\.[0-9]*+)?|\.[0-9]++))
    |(?P<kw>[A-Za-z][^\#/%\[\]()<>{}\s]*+)
    |(?P<dbegin><<)
    |<(?P<hex>[0-9A-Fa-f\s]*+)(?=[^\s0-9A-Fa-f])
    |\((?P<str>[^()\\]*+)\)
    |/(?P<lit>[^\#/%\[\]()<>{}\s]*+)(?!\#)
    |\((?P<esc>(?:ESC|\((?:ESC)*+\))*+)\)
    |(?P<dend>>>)
    |(?P<gt>>|[-+]\.?|\.)
    |(?P<bad>[</(])
    |(?P<one>.)""".replace(b"ESC", _ESCAPED),
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_SPACE = re.compile(rb"\s")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_ESCAPES = {
    k: bytes((v,)) for k, v in zip(b"btnfr()\\", (8, 9, 10, 12, 13, 40, 41, 92), strict=True)
}
_INLINE_IMAGE = {KWD(b"BI"), KWD(b"ID"), KWD(b"EI")}
_OPEN: dict[Any, str] = {KWD(b"["): "a", KWD(b"{"): "p"}
_CLOSE: dict[Any, str] = {KWD(b"]"): "a", KWD(b"}"): "p"}


class Unusual(Exception):
    """Content this reader leaves to pdfminer's own parser."""


def objects(data: bytes) -> list[Any]:
    """The objects pdfminer's content parser reads from one stream, in order.

    Raises :class:`Unusual` for content it does not read exactly as pdfminer does.
    """
    result: list[Any] = []
    stack: list[Any] = result  # where the next object goes
    context: list[tuple[str, list[Any]]] = []  # open arrays, dictionaries, procedures
    kind = ""  # of the innermost open one ("a", "d", "p"; "" at the top)
    end = len(data)
    for m in _TOKEN.finditer(data):
        group = m.lastgroup
        if group == "ws" or group == "gt":  # pdfminer skips a lone ">", sign or dot
            continue
        if group == "num":
            text = m.group(group)
            stack.append(float(text) if b"." in text else int(text))
        elif group == "kw":
            name = m.group(group)
            keyword = True if name == b"true" else False if name == b"false" else KWD(name)
            if keyword in _INLINE_IMAGE:
                raise Unusual("inline image")
            stack.append(keyword)
        elif group == "hex":
            stack.append(_hex(m.group(group)))
        elif group == "str":
            stack.append(m.group(group))
        elif group == "lit":
            raw = m.group(group)
            if not raw and m.end() == end:
                raise Unusual("a name cut at the end of a stream")
            try:
                stack.append(LIT(str(raw, "utf-8")))
            except UnicodeDecodeError:
                stack.append(LIT(raw))
        elif group == "esc":
            stack.append(_ESCAPE.sub(_unescape, m.group(group)))
        elif group == "one" or group == "dbegin" or group == "dend":
            token = KWD(m.group(group)) if group == "one" else group
            if token in _OPEN or group == "dbegin":
                context.append((kind, stack))
                kind, stack = _OPEN.get(token, "d"), []
            elif token in _CLOSE or group == "dend":
                if kind != _CLOSE.get(token, "d"):
                    if group == "dend":
                        raise Unusual("unbalanced dictionary")
                    continue  # pdfminer ignores an unbalanced closing bracket
                done = _dictionary(stack) if kind == "d" else stack
                kind, stack = context.pop()
                stack.append(done)
            else:
                stack.append(token)
        else:
            raise Unusual(f"unusual token at {m.start()}")
    if context:
        raise Unusual("an array or dictionary left open")
    return result


def _unescape(escape: re.Match[bytes]) -> bytes:
    """An escape of a literal string as pdfminer reads it (an unknown one is dropped)."""
    code = escape.group(1)
    if code[0] in b"01234567":
        value = int(code, 8)
        if value > 255:
            raise Unusual("octal escape over 255")
        return bytes((value,))
    return _ESCAPES.get(code[0], b"")


def _hex(text: bytes) -> bytes:
    """A hexadecimal string's bytes (pdfminer reads an odd last digit d as the byte 0d)."""
    try:
        return bytes.fromhex(text.decode("ascii"))  # whitespace between pairs only
    except ValueError:
        digits = _SPACE.sub(b"", text)
        return _HEX_PAIR.sub(lambda h: bytes((int(h.group(0), 16),)), digits)


def _dictionary(items: list[Any]) -> dict[str, Any]:
    keys = items[::2]
    if len(items) % 2 or not all(
        isinstance(k, PSLiteral) and isinstance(k.name, str) for k in keys
    ):
        raise Unusual("odd dictionary")
    return {k.name: value for k, value in zip(keys, items[1::2], strict=True)}


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
        except (Unusual, ValueError):  # ValueError: a number of over 4300 digits
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
