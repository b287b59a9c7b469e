# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Review a batch output
#
# Loads every référentiel JSON of a batch output folder (`referentiel batch SRC OUT`)
# into pandas tables — the same tables `referentiel export --to parquet` writes — and
# shows what a reviewer checks first: counts per document, the extractor's warnings,
# failed files, and the number of compétences per bloc.
#
# The folder is read from the `REFERENTIEL_OUTPUT` environment variable; by default
# `output/` in the directory the kernel runs in, or in its parent (Jupyter starts the
# kernel in `notebooks/`). Install with `pip install 'referentiel[notebook]'`, then open
# this file with jupytext (`jupytext --sync notebooks/review.py` makes the paired
# `.ipynb`) in Jupyter.

# %%
import io
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: figures are rendered to PNG and displayed as images

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from IPython.display import Image, display  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402
from referentiel.export.load import load_folder  # noqa: E402
from referentiel.export.tables import build_tables  # noqa: E402

pd.set_option("display.max_colwidth", None)  # show whole messages and libellés


def output_folder() -> Path:
    """$REFERENTIEL_OUTPUT, else ``output/`` here or beside the notebooks folder."""
    if named := os.environ.get("REFERENTIEL_OUTPUT"):
        return Path(named)
    here = Path("output")
    return here if here.is_dir() or not Path("..", "output").is_dir() else Path("..", "output")


OUTPUT = output_folder()
folder = load_folder(OUTPUT)
tables = build_tables(folder.documents)
print(f"{len(folder.documents)} référentiel(s) in {OUTPUT.resolve()}")
for path, reason in folder.skipped:
    print(f"skipped {path}: {reason}")

# %% [markdown]
# ## Counts per document

# %%
certifications = tables["certifications"].set_index("doc_sha256")


def per_document(table: str) -> pd.Series:
    """Row count of ``table`` for every document (0 when it has none)."""
    counts = tables[table].groupby("doc_sha256").size()
    return counts.reindex(certifications.index, fill_value=0)


counts = pd.DataFrame(
    {
        "fichier": certifications["path"],
        "type": certifications["type"],
        "blocs": per_document("blocs"),
        "compétences": per_document("competences"),
        "critères": per_document("criteres"),
        "indicateurs": per_document("indicateurs"),
        "modalités": per_document("modalites"),
        "activités": per_document("activites"),
        "warnings": per_document("warnings"),
    }
).reset_index(drop=True)
display(counts)

# %% [markdown]
# ## Warnings
#
# Everything the extractor was unsure of, by code, then one row per warning.

# %%
warnings = tables["warnings"].merge(
    certifications[["path"]], left_on="doc_sha256", right_index=True
)
if warnings.empty:
    print("no warnings")
else:
    display(warnings.groupby("code").size().rename("count").to_frame())
    display(warnings[["path", "code", "message", "page", "line"]])

# %% [markdown]
# ## Failed files
#
# When the folder holds the batch report (`run.csv`), the files that failed or ended
# with warnings (`ok` and `skipped` — already done in an earlier run — are left out).

# %%
run_csv = OUTPUT / "run.csv"
if run_csv.is_file():
    run = pd.read_csv(run_csv)
    failed = run[~run["status"].isin(["ok", "skipped"])] if "status" in run.columns else run
    wanted = [c for c in ("input", "status", "error_status", "error", "warnings") if c in run]
    display(failed[wanted or list(run.columns)])
else:
    print(f"no batch report ({run_csv} not found)")

# %% [markdown]
# ## Compétences per bloc

# %%
MAX_BARS = 60
competences = tables["competences"].dropna(subset=["bloc_id"])
per_bloc = (
    competences.groupby(["doc_sha256", "bloc_id"], sort=False)
    .size()
    .rename("compétences")
    .reset_index()
    .merge(tables["blocs"][["doc_sha256", "bloc_id", "code", "libelle"]])
    .merge(certifications[["filename"]], left_on="doc_sha256", right_index=True)
)
# one bar per bloc of each document: the label numbers the document and names the bloc
# by its id, so two documents with one file name or two blocs with one code never share
# a bar (the bars are placed by position, the labels only name them)
number = {sha: n for n, sha in enumerate(certifications.index, start=1)}
per_bloc["label"] = [
    f"{number[sha]}. {name[:28]} · {bloc}" + (f" {code}" if isinstance(code, str) else "")
    for sha, name, bloc, code in zip(
        per_bloc["doc_sha256"],
        per_bloc["filename"],
        per_bloc["bloc_id"],
        per_bloc["code"],
        strict=True,
    )
]
shown = per_bloc.head(MAX_BARS)
if len(per_bloc) > MAX_BARS:
    print(f"showing the first {MAX_BARS} of {len(per_bloc)} blocs")
print(f"chart: {len(shown)} bars, {shown['label'].nunique()} distinct labels")

fig, ax = plt.subplots(figsize=(9, 1 + 0.3 * max(len(shown), 1)))
ax.barh(range(len(shown)), shown["compétences"], color="#4C72B0")
ax.set_yticks(range(len(shown)), shown["label"])
ax.invert_yaxis()
ax.xaxis.set_major_locator(MaxNLocator(integer=True))
ax.set_xlabel("compétences")
ax.set_title("Compétences per bloc")
fig.tight_layout()
png = io.BytesIO()
fig.savefig(png, format="png", dpi=80)
plt.close(fig)
display(Image(data=png.getvalue(), format="png"))
