"""Rasterise the pages of a PDF or an image file to 8-bit grayscale arrays.

PDF pages are rendered with pypdfium2 straight to a grayscale bitmap (no PNG
round trip). Images are opened with Pillow; every frame of a multi-page TIFF is
a page. Dimensions are checked against ``Limits.max_image_pixels`` *before*
anything is decoded, so a decompression bomb costs nothing.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageSequence

from ..errors import CorruptFile, EncryptedFile, LimitExceeded
from ..options import Limits

DPI = 200  # Tesseract reads 10-pt text well at 200 dpi; 300 dpi costs ~2x the time
MIN_IMAGE_DPI = DPI  # images declaring less are upscaled to DPI


def page_count(path: Path, kind: str, limits: Limits) -> int:
    """Number of pages (PDF pages or image frames), checked against ``max_pages``."""
    if kind == "pdf":
        pdf = _open_pdf(path)
        try:
            count = len(pdf)
        finally:
            pdf.close()
    else:
        with _open_image(path, limits) as image:
            count = getattr(image, "n_frames", 1)
    if count > limits.max_pages:
        raise LimitExceeded(path, f"{count} pages, over the {limits.max_pages}-page limit")
    return count


def load_page(path: Path, kind: str, index: int, limits: Limits, dpi: int = DPI) -> np.ndarray:
    """The 0-based page ``index`` of ``path`` as a 2-D uint8 array (0 = black)."""
    if kind == "pdf":
        return _pdf_page(path, index, limits, dpi)
    return _image_frame(path, index, limits, dpi)


def image_dpi(path: Path, kind: str, index: int, limits: Limits, dpi: int = DPI) -> float:
    """Pixels per inch of the page :func:`load_page` returns (to turn pixels into points).

    PDF pages are rendered at ``dpi``; an image keeps the resolution it declares,
    unless it declares less than :data:`MIN_IMAGE_DPI` (or none) and is read at ``dpi``.
    """
    if kind == "pdf":
        return float(dpi)
    with _open_image(path, limits) as image:
        try:
            frame = ImageSequence.Iterator(image)[index]
            declared = float(frame.info.get("dpi", (0, 0))[0] or 0)
        except (OSError, SyntaxError, ValueError, IndexError, TypeError):
            declared = 0.0
    return declared if declared >= MIN_IMAGE_DPI else float(dpi)


def _open_pdf(path: Path) -> pdfium.PdfDocument:

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise EncryptedFile(path, "PDF is password-protected") from err
        raise CorruptFile(path, f"cannot open PDF ({err})") from err


def _pdf_page(path: Path, index: int, limits: Limits, dpi: int) -> np.ndarray:
    pdf = _open_pdf(path)
    try:
        page = pdf[index]
        width, height = page.get_size()
        pixels = int(width * dpi / 72) * int(height * dpi / 72)
        if pixels > limits.max_image_pixels:
            raise LimitExceeded(
                path,
                f"page {index + 1} would be {pixels} pixels at {dpi} dpi, "
                f"over the {limits.max_image_pixels}-pixel limit",
            )
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        array = bitmap.to_numpy()
        if array.ndim == 3:  # some pdfium builds return BGR(A) despite grayscale
            array = array[..., :3].mean(axis=2)
        return np.ascontiguousarray(array, dtype=np.uint8)
    finally:
        pdf.close()


def _open_image(path: Path, limits: Limits) -> Image.Image:
    """Open lazily (header only) and refuse oversized images before decoding."""
    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels  # Pillow's own bomb check, same limit
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError as err:
        raise LimitExceeded(path, f"image over the pixel limit ({err})") from err
    except (OSError, SyntaxError, ValueError) as err:
        raise CorruptFile(path, f"cannot read image ({err})") from err
    width, height = image.size
    if width * height > limits.max_image_pixels:
        image.close()
        raise LimitExceeded(
            path,
            f"image is {width}x{height} = {width * height} pixels, "
            f"over the {limits.max_image_pixels}-pixel limit",
        )
    return image


def _image_frame(path: Path, index: int, limits: Limits, dpi: int) -> np.ndarray:
    with _open_image(path, limits) as image:
        try:
            frame = ImageSequence.Iterator(image)[index]
            if frame.size[0] * frame.size[1] > limits.max_image_pixels:
                raise LimitExceeded(
                    path, f"frame {index + 1} is over the {limits.max_image_pixels}-pixel limit"
                )
            gray = _to_gray(frame)
            declared = frame.info.get("dpi", (0, 0))[0]
        except (OSError, SyntaxError, ValueError, IndexError) as err:
            raise CorruptFile(path, f"cannot decode image frame {index + 1} ({err})") from err
    if declared and float(declared) < MIN_IMAGE_DPI:
        factor = dpi / float(declared)
        size = (round(gray.width * factor), round(gray.height * factor))
        if size[0] * size[1] <= limits.max_image_pixels:
            gray = gray.resize(size, Image.Resampling.BICUBIC)
    return np.asarray(gray, dtype=np.uint8).copy()


def _to_gray(frame: Image.Image) -> Image.Image:
    """Grayscale with transparency flattened on white."""
    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("L")
    return frame.convert("L")
