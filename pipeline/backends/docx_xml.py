"""WordprocessingML names and small attribute helpers shared by the DOCX modules.

Importing it also hardens python-docx's two XML parsers (package parts and
relationships): no entity expansion, no DTD loading or validation, no network,
no huge-tree mode. The zip guard (``guards.check_zip``) refuses a DTD anywhere
first; these settings are the second line.
"""

from __future__ import annotations

from functools import cache

import docx.opc.oxml
import docx.oxml.parser
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}

_FALSE = {"0", "false", "off", "none"}


def hardened_parser(lookup: etree.ElementNamespaceClassLookup) -> etree.XMLParser:
    """An lxml parser that expands no entity and loads nothing (DTD, network)."""
    parser = etree.XMLParser(
        remove_blank_text=True,
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
    )
    parser.set_element_class_lookup(lookup)
    return parser


for _module in (docx.oxml.parser, docx.opc.oxml):
    _module.oxml_parser = hardened_parser(_module.element_class_lookup)  # type: ignore[attr-defined]


@cache
def w(tag: str) -> str:
    """The Clark name of a ``w:`` element or attribute (``w("p")`` → ``{ns}p``)."""
    return f"{{{W_NS}}}{tag}"


def val(element: etree._Element | None, attr: str = "val") -> str | None:
    """The ``w:val`` (or another ``w:`` attribute) of ``element``, None when absent."""
    if element is None:
        return None
    value = element.get(w(attr))
    return None if value is None else str(value)


def on(element: etree._Element | None) -> bool | None:
    """An OOXML on/off property: None when absent, else its truth (no ``w:val`` = on)."""
    if element is None:
        return None
    value = val(element)
    return value is None or value.lower() not in _FALSE


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    """Follow ``w:`` child tags from ``element``; None as soon as one is missing.

    ``iterchildren`` matches the tag in C; ``find`` would parse a path each call."""
    for tag in path:
        if element is None:
            return None
        element = next(element.iterchildren(w(tag)), None)
    return element


def int_val(element: etree._Element | None, default: int | None = None) -> int | None:
    """``w:val`` as an int, ``default`` when absent or not a number."""
    value = val(element)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
