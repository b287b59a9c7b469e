"""One file per table in a folder: Parquet or CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..atomic import atomic_path


def write_tables(
    tables: dict[str, pd.DataFrame], dest: Path, fmt: str, excel: bool = False
) -> dict[str, int]:
    """Write ``<table>.parquet`` or ``<table>.csv`` into ``dest``; returns row counts.

    CSV is UTF-8 with ``,`` between fields; ``excel``: UTF-8 with a byte-order mark and
    ``;`` between fields, which Excel in a French locale opens as columns, accents intact."""
    dest.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        with atomic_path(dest / f"{name}.{fmt}") as tmp:
            if fmt == "parquet":
                frame.to_parquet(tmp, index=False)
            else:
                frame.to_csv(
                    tmp,
                    index=False,
                    encoding="utf-8-sig" if excel else "utf-8",
                    sep=";" if excel else ",",
                )
    return {name: len(frame) for name, frame in tables.items()}
