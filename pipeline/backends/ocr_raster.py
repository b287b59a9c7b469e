"""Rasterise the pages of a PDF or an image file to 8-bit grayscale arrays.

PDF pages are rendered with pypdfium2 straight to a grayscale bitmap (no PNG
round trip). A page that is a low-resolution picture (a screenshot at ~96 dpi:
its small print is a few pixels high) is read at :data:`UPSCALED_DPI`, its
picture enlarged with Lanczos resampling (sharper glyph edges than the
renderer's smoothing), as Tesseract's documentation advises for small text.
Images are opened with Pillow; every frame of a multi-page TIFF is a page.
Dimensions are checked against ``Limits.max_image_pixels`` *before* anything
is decoded, so a decompression bomb costs nothing.
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
LOW_DPI = 120  # a page picture with fewer pixels per inch (a screenshot) has glyphs too small
UPSCALED_DPI = 300  # such a page is read at Tesseract's recommended resolution instead


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


def reading_dpi(path: Path, kind: str, index: int, limits: Limits, dpi: int = DPI) -> int:
    """The resolution page ``index`` is read at: ``dpi``, or :data:`UPSCALED_DPI` when
    the page's picture (PDF) or the image (declared resolution) has under :data:`LOW_DPI`."""
    if kind == "pdf":
        pdf = _open_pdf(path)
        try:
            picture = _picture(pdf[index])
        finally:
            pdf.close()
        low = picture is not None and picture[1] < LOW_DPI
    else:
        low = 0 < _declared_dpi(path, index, limits) < LOW_DPI
    return max(dpi, UPSCALED_DPI) if low else dpi


def _picture(page: pdfium.PdfPage) -> tuple[pdfium.PdfImage, float] | None:
    """The page's one picture and its pixels per inch, when the page is nothing
    else (no text, a single upright image): a scan or a screenshot."""
    if page.get_textpage().count_chars():
        return None
    images = [o for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    if len(images) != 1:
        return None
    matrix = images[0].get_matrix()
    if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
        return None
    width = images[0].get_metadata().width
    return images[0], width / (matrix.a / 72)


def image_dpi(path: Path, kind: str, index: int, limits: Limits, dpi: int = DPI) -> float:
    """Pixels per inch of the page :func:`load_page` returns (to turn pixels into points).

    PDF pages are rendered at ``dpi``; an image keeps the resolution it declares,
    unless it declares less than :data:`MIN_IMAGE_DPI` (or none) and is read at ``dpi``.
    """
    if kind == "pdf":
        return float(dpi)
    declared = _declared_dpi(path, index, limits)
    return declared if declared >= MIN_IMAGE_DPI else float(dpi)


def _declared_dpi(path: Path, index: int, limits: Limits) -> float:
    """The resolution an image's frame ``index`` declares (0 when none)."""
    with _open_image(path, limits) as image:
        try:
            frame = ImageSequence.Iterator(image)[index]
            return float(frame.info.get("dpi", (0, 0))[0] or 0)
        except (OSError, SyntaxError, ValueError, IndexError, TypeError):
            return 0.0


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
        array = np.ascontiguousarray(array, dtype=np.uint8)
        picture = _picture(page)
        if picture is not None and picture[1] < LOW_DPI and dpi > picture[1]:
            _paste_enlarged(array, picture[0], height, dpi)
        return array
    finally:
        pdf.close()


def _paste_enlarged(array: np.ndarray, picture: pdfium.PdfImage, height: float, dpi: int) -> None:
    """Draw ``picture`` over the rendered page again, enlarged with Lanczos."""
    left, bottom, right, top = picture.get_bounds()
    x0, y0 = round(left * dpi / 72), round((height - top) * dpi / 72)
    x1 = min(array.shape[1], round(right * dpi / 72))
    y1 = min(array.shape[0], round((height - bottom) * dpi / 72))
    if x1 <= x0 or y1 <= y0:
        return
    try:  # the picture's own pixels: rendering it would resample (blur) them first
        image = picture.get_bitmap(render=False).to_pil()
    except (pdfium.PdfiumError, ValueError, KeyError):
        return  # the renderer's own enlargement stays
    gray = _to_gray(image).resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
    array[y0:y1, x0:x1] = np.asarray(gray, dtype=np.uint8)


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
