"""Show a :class:`~referentiel.diff.DiffResult`: terminal text, a self-contained HTML page, JSON.

Edited texts are shown with word-level highlighting: ``[-old-]{+new+}`` in plain
text, red/green in a colour terminal, ``<del>``/``<ins>`` in HTML.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from .diff import LABELS, Change, DiffResult, DocumentDiff

_SYMBOL = {"added": "+", "removed": "-", "changed": "~"}
_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Segments ``(op, text)`` turning ``old`` into ``new`` word by word; op: = - +."""
    a, b = old.split(), new.split()
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("+", " ".join(b[j1:j2])))
    return segments


def safe(text: str) -> str:
    """Text with control characters (terminal escapes) made visible and harmless."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _label(change: Change) -> str:
    return LABELS.get(change.type, change.type)


def _element(change: Change) -> str:
    """The element named in full ("indicateur #3 of critère BC01.K01", "compétence BC01.C02
    (libelle)"), with its former id when renumbered."""
    where = change.element or (
        f"{_label(change)} {change.where}" + (f" ({change.field})" if change.field else "")
    )
    if change.old_id and change.new_id and change.old_id != change.new_id:
        where += f" (was {change.old_id})"
    return where


def shown(result: DiffResult, show_same: bool) -> list[DocumentDiff]:
    """The documents a report lists: those that differ, or all of them with ``show_same``."""
    return [d for d in result.documents if show_same or d.status != "same"]


def _place(page: int | None, line: int | None) -> str:
    parts = ([f"p. {page}"] if page else []) + ([f"l. {line}"] if line else [])
    return ", ".join(parts) or "?"


def _places(change: Change) -> str:
    old = _place(change.old_page, change.old_line)
    new = _place(change.new_page, change.new_line)
    if change.action == "added":
        return new
    if change.action == "removed":
        return old
    return old if old == new else f"{old} → {new}"


# ---------------------------------------------------------------- terminal


def render_text(result: DiffResult, color: bool = False, show_same: bool = False) -> str:
    """A readable report: summary table (for folders), then every change. Documents without
    differences are left out of a folder's report unless ``show_same``."""
    lines: list[str] = []
    documents = shown(result, show_same or len(result.documents) == 1)
    if len(result.documents) > 1 and documents:
        lines += _summary_table(documents)
        lines.append("")
    for document in documents:
        lines += _document_text(document, color)
    totals = result.totals()
    lines.append(
        f"{totals['added']} added, {totals['removed']} removed, {totals['changed']} changed"
        + (
            f" in {totals['documents'] - totals['documents_same']} of "
            f"{totals['documents']} documents"
            if len(result.documents) > 1
            else ""
        )
    )
    return "\n".join(lines) + "\n"


def _summary_table(documents: list[DocumentDiff]) -> list[str]:
    width = max([len("document")] + [len(d.path) for d in documents])
    rows = [f"{'document':<{width}}  {'added':>5}  {'removed':>7}  {'changed':>7}  status"]
    for d in documents:
        c = d.counts()
        rows.append(
            f"{safe(d.path):<{width}}  {c['added']:>5}  {c['removed']:>7}  {c['changed']:>7}  "
            f"{_status(d)}"
        )
    return rows


def _status(document: DocumentDiff) -> str:
    return {"added": "only in NEW", "removed": "only in OLD"}.get(document.status, document.status)


def _document_text(document: DocumentDiff, color: bool) -> list[str]:
    if document.status in ("added", "removed"):
        return [f"== {safe(document.path)}: {_status(document)}", ""]
    if not document.changes:
        return [f"== {safe(document.path)}: no differences", ""]
    c = document.counts()
    lines = [
        f"== {safe(document.path)}: {c['added']} added, {c['removed']} removed, "
        f"{c['changed']} changed"
    ]
    for change in document.changes:
        symbol = _SYMBOL[change.action]
        head = f"{symbol} {safe(_element(change))}  [{_places(change)}]"
        lines.append("  " + (_paint(head, _BOLD) if color else head))
        lines.append("      " + _text_of(change, color))
    lines.append("")
    return lines


def _text_of(change: Change, color: bool) -> str:
    old, new = safe(change.old or ""), safe(change.new or "")
    if change.action == "added":
        return _paint(new, _GREEN) if color else new
    if change.action == "removed":
        return _paint(old, _RED) if color else old
    pieces = []
    for op, text in word_diff(old, new):
        if op == "=":
            pieces.append(text)
        elif color:
            pieces.append(_paint(text, _RED + "\x1b[9m" if op == "-" else _GREEN + _BOLD))
        else:
            pieces.append(f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
    return " ".join(pieces)


def _paint(text: str, style: str) -> str:
    return f"{style}{text}{_RESET}"


# ---------------------------------------------------------------- JSON


def render_json(result: DiffResult, show_same: bool = False) -> str:
    """The result for tools: totals over every document, the documents that differ (all
    of them with ``show_same``)."""
    data = result.to_dict()
    data["documents"] = [d.to_dict() for d in shown(result, show_same)]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- HTML


@dataclass(frozen=True)
class ReviewLinks:
    """Where the review pages (``referentiel review``) of either side are: the page of
    a compared file, or the review folder of a compared batch folder (``folders``)."""

    old: str | None = None
    new: str | None = None
    folders: bool = False

    def href(self, side: str, document: str, ident: str | None) -> str | None:
        """The link to element ``ident`` of ``document`` in the review of ``side``."""
        base = self.old if side == "old" else self.new
        if base is None or not ident:
            return None
        if self.folders:
            page = document.removesuffix(".json") + ".html"
            base = f"{base.rstrip('/')}/{quote(page)}"
        return f"{base}#id={quote(ident)}"


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.n{text-align:right}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.added td.a{color:#060}.removed td.a{color:#900}.changed td.a{color:#a60}
.where{white-space:nowrap;font-family:monospace}.muted{color:#777}
"""


def render_html(
    result: DiffResult, show_same: bool = False, review: ReviewLinks | None = None
) -> str:
    """A self-contained page (inline style, no script, everything escaped) to open and share;
    with ``review``, each change links to its element in the review page of either side."""
    e = html.escape
    totals = result.totals()
    documents = shown(result, show_same)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        f"<title>referentiel diff: {e(result.old)} → {e(result.new)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Differences: <code>{e(result.old)}</code> → <code>{e(result.new)}</code></h1>",
        f"<p>{totals['added']} added, {totals['removed']} removed, "
        f"{totals['changed']} changed in {totals['documents']} document(s).</p>",
        "<table><tr><th>document</th><th>added</th><th>removed</th><th>changed</th>"
        "<th>status</th></tr>",
    ]
    for index, d in enumerate(documents):
        c = d.counts()
        parts.append(
            f'<tr><td><a href="#doc-{index}">{e(d.path)}</a></td>'
            f'<td class="n">{c["added"]}</td><td class="n">{c["removed"]}</td>'
            f'<td class="n">{c["changed"]}</td><td>{e(_status(d))}</td></tr>'
        )
    parts.append("</table>")
    for index, d in enumerate(documents):
        parts.append(f'<h2 id="doc-{index}">{e(d.path)}</h2>')
        if not d.changes:
            message = "no differences" if d.status == "same" else _status(d)
            parts.append(f'<p class="muted">{e(message)}</p>')
            continue
        parts.append(
            "<table><tr><th></th><th>element</th><th>where</th><th>page / line</th>"
            "<th>text</th>" + ("<th>review</th>" if review else "") + "</tr>"
        )
        for change in d.changes:
            links = f"<td>{_review_links(review, d.path, change)}</td>" if review else ""
            parts.append(
                f'<tr class="{change.action}"><td class="a">{e(change.action)}</td>'
                f"<td>{e(_label(change))}</td>"
                f'<td class="where">{e(_element(change))}</td>'
                f"<td>{e(_places(change))}</td><td>{_html_text(change)}</td>{links}</tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _review_links(review: ReviewLinks, document: str, change: Change) -> str:
    """Links to the changed element in the old and new review pages."""
    links = []
    for side, ident in (("old", change.old_id), ("new", change.new_id)):
        href = review.href(side, document, ident)
        if href is not None:
            links.append(f'<a class="review-{side}" href="{html.escape(href)}">{side}</a>')
    return " ".join(links)


def _html_text(change: Change) -> str:
    e = html.escape
    if change.action == "added":
        return f"<ins>{e(change.new or '')}</ins>"
    if change.action == "removed":
        return f"<del>{e(change.old or '')}</del>"
    pieces = []
    for op, text in word_diff(change.old or "", change.new or ""):
        tag = {"=": "", "-": "del", "+": "ins"}[op]
        pieces.append(f"<{tag}>{e(text)}</{tag}>" if tag else e(text))
    return " ".join(pieces)
