"""The layout layer shared by the page readers (PDF and OCR).

What a page reader decides from geometry, in one place: which blocks are page
furniture (:mod:`.furniture`) and how a table cut by a page break is put back
together (:mod:`.rows`). The readers hand it blocks with their page and box
(:class:`~referentiel.docmodel.BBox`, in points); pixel boxes are converted at the
reader's boundary (:mod:`.geometry`).
"""
