"""docs/data-dictionary.md is generated from the export code and the models: it must be
up to date and name every table, column and warning code the extractor writes."""

from __future__ import annotations

import re
from pathlib import Path

from referentiel.export.dictionary import PATH, render
from referentiel.export.tables import TABLES
from referentiel.models import WARNING_CODES

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"


def test_data_dictionary_is_up_to_date() -> None:
    assert PATH.read_text(encoding="utf-8") == render(), (
        "stale: run python -m referentiel.export.dictionary"
    )


def test_data_dictionary_names_every_table_and_column() -> None:
    text = render()
    for name, table in TABLES.items():
        section = text.split(f"### `{name}`", 1)[1].split("### ", 1)[0]
        for column in table.columns:
            assert f"| `{column}` |" in section, (name, column)


def test_data_dictionary_knows_every_warning_code() -> None:
    """Every code the source writes (``warn("CODE", …)``, ``warnings.append(("CODE", …``)
    is in ``WARNING_CODES``, and the other way round."""
    pattern = re.compile(r'(?:warn\(|warnings\.append\(\s*\()\s*"([A-Z][A-Z_]+)"')
    written = {
        code for path in PIPELINE.rglob("*.py") for code in pattern.findall(path.read_text())
    }
    assert len(written) >= 6 and written == set(WARNING_CODES)
