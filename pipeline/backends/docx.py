"""Word backend: a .docx (or a .doc/.odt converted by LibreOffice) → :class:`Document`.

The package is opened with python-docx and read through its lxml trees: the body's
children are walked in order so paragraphs and tables stay interleaved as in the
file (:mod:`.docx_body`); styles give headings and list styles
(:mod:`.docx_styles`); automatic numbering is resolved to the printed label
(:mod:`.docx_numbering`). Page headers, footers, footnotes and comments live in
other parts and are never read.
"""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import OpcPackage
from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from ..docmodel import Document
from ..errors import CorruptFile, LimitExceeded
from ..formats import Format
from ..options import Options
from ..sniff import detect
from .docx_body import BodyReader, Pages, page_mode, section_breaks
from .docx_numbering import Numbering
from .docx_styles import Styles
from .docx_xml import child

_BROKEN = (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError)


def parse(path: Path, options: Options) -> Document:
    """Read a Word file (.docx, or .doc/.odt through LibreOffice) into a Document."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if detect(path) is Format.LEGACY_OFFICE:
        from ..convert import to_docx

        with tempfile.TemporaryDirectory(prefix="referentiel-convert-") as workdir:
            converted = to_docx(path, Path(workdir), options.limits.timeout_seconds)
            return _read(converted, path.name, digest, options, source=path)
    return _read(path, path.name, digest, options, source=path)


def _element(part: Part) -> etree._Element:
    """The XML root of a package part, whatever class python-docx gave it."""
    if isinstance(part, XmlPart):
        return part.element
    return parse_xml(part.blob)


def _related(part: Part, reltype: str) -> etree._Element | None:
    try:
        return _element(part.part_related_by(reltype))
    except KeyError:
        return None


def _read(path: Path, filename: str, digest: str, options: Options, source: Path) -> Document:
    try:
        package = OpcPackage.open(str(path))
        main = package.main_document_part
        root = _element(main)
        styles = Styles(_related(main, RT.STYLES))
        numbering = Numbering(_related(main, RT.NUMBERING), styles)
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        etree.XMLSyntaxError,
    ) as err:
        raise CorruptFile(source, f"broken Word document ({type(err).__name__}: {err})") from err
    body = child(root, "body")
    if body is None:
        raise CorruptFile(source, "Word document without a body")
    pages = Pages(page_mode(body, styles))
    reader = BodyReader(styles, numbering, pages, section_breaks(body))
    document = Document(filename=filename, format="docx", sha256=digest)
    document.blocks = reader.blocks(body)
    if pages.mode == "rendered":
        document.pages = pages.page
    if pages.mode == "explicit":
        document.warn(
            "DOCX_PAGES_FROM_BREAKS",
            "page numbers are counted from the page and section breaks in the file; "
            "pages where the text simply flows over are not recorded, so pages may be too low",
        )
    if (document.pages or pages.page) > options.limits.max_pages:
        raise LimitExceeded(source, f"document has over {options.limits.max_pages} pages (limit)")
    return document
