"""Extraction options and resource limits (user-settable, with sane defaults)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

OcrMode = Literal["auto", "always", "never"]


@dataclass(frozen=True)
class Limits:
    """Resource limits applied to every input file."""

    max_file_bytes: int = 200 * 1024 * 1024  # 200 MiB on disk
    max_pages: int = 500
    max_inflated_bytes: int = 500 * 1024 * 1024  # DOCX: total uncompressed size of the zip
    max_zip_members: int = 10_000  # DOCX: number of files inside the zip
    max_image_pixels: int = 200_000_000  # per page image (decompression bombs)
    max_xml_bytes: int = 16 * 1024 * 1024  # DOCX: inflated size of any one XML part
    max_stream_bytes: int = 256 * 1024 * 1024  # PDF: decoded stream; also the per-page average
    max_line_bytes: int = 4 * 1024 * 1024  # text: longest line
    timeout_seconds: float = 600.0  # per file, in extract and batch
    max_memory_bytes: int = 4 * 1024 * 1024 * 1024  # address space of the extracting process


@dataclass(frozen=True)
class Options:
    """How to extract one file."""

    ocr: OcrMode = "auto"
    use_nlp: bool = True
    limits: Limits = field(default_factory=Limits)
