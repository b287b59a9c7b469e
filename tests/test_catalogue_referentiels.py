"""The catalogue of a batch holding several files of each référentiel (text, Word, PDF):
one référentiel key per référentiel, one search hit per compétence of a référentiel,
one RNCP FICHE per référentiel; stemmed search on the bundled samples."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest
from fixtures.paths import SOURCES
from referentiel.cli import main
from referentiel.export.key import KEY_PATTERN, referentiel_key
from referentiel.export.load import load_folder
from referentiel.models import Referentiel
from referentiel.search import search

SAMPLES = {  # sample → files of it extracted here (scans: tests/test_corpus_scan.py)
    "cqp-commercial-sedentaire-alimentaire": ("txt", "docx", "pdf"),
    "cqp-delegue-veterinaire": ("txt", "docx", "numbered.docx", "pdf"),
    "cqpm-technico-commercial-industriel": ("txt", "docx", "pdf"),
}


@pytest.fixture(scope="module")
def formats_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch-like folder: every non-scanned form of the three samples, plus the
    committed JSON Schema where the README's layout keeps it."""
    from referentiel.api import extract
    from referentiel.output import write_json

    out = tmp_path_factory.mktemp("formats")
    for name, kinds in SAMPLES.items():
        for kind in kinds:
            write_json(extract(SOURCES / f"{name}.{kind}"), out / f"{name}.{kind}.json")
    schema = Path(__file__).resolve().parent.parent / "output" / "schema"
    (out / "schema").mkdir()
    (out / "schema" / "referentiel.schema.json").write_bytes(
        (schema / "referentiel.schema.json").read_bytes()
    )
    return out


@pytest.fixture(scope="module")
def db(formats_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "catalogue.sqlite"
    assert main(["export", str(formats_dir), "--to", "sqlite", str(path), "-q"]) == 0
    return path


def test_catalogue_one_key_per_referentiel(formats_dir: Path, db: Path) -> None:
    """Ten files, three référentiels: every form of a sample has its sample's key."""
    docs = load_folder(formats_dir).documents
    keys = {doc.path: doc.key for doc in docs}
    assert len(keys) == sum(len(kinds) for kinds in SAMPLES.values())
    for name in SAMPLES:
        assert len({key for path, key in keys.items() if path.startswith(name + ".")}) == 1
    assert len(set(keys.values())) == 3 and all(KEY_PATTERN.match(k) for k in keys.values())
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT referentiel_key, documents FROM referentiels").fetchall()
        per_doc = dict(conn.execute("SELECT path, referentiel_key FROM certifications"))
    assert sorted(n for _, n in rows) == sorted(len(kinds) for kinds in SAMPLES.values())
    assert per_doc == keys


def test_catalogue_key_is_the_rncp_code_when_printed(formats_dir: Path) -> None:
    """An RNCP code names the référentiel, whatever its title in each file."""
    data = json.loads((formats_dir / "cqp-delegue-veterinaire.pdf.json").read_text("utf-8"))
    ref = Referentiel.model_validate(data)
    fingerprint = referentiel_key(ref)
    ref.certification.code_rncp = "RNCP12345"
    assert referentiel_key(ref) == "RNCP12345"
    ref.certification.code_rncp = None
    ref.blocs = ref.blocs[:-1]  # another bloc structure: another référentiel
    assert referentiel_key(ref) != fingerprint


def test_search_one_hit_per_referentiel(db: Path) -> None:
    """The compétence "… afin de le fidéliser" is held by three files of one référentiel:
    one hit by default, naming the three files; one per file with per_file."""
    hits = search(db, "fidélisation").hits
    assert len(hits) == 1 and hits[0].files == 3
    assert hits[0].libelle.endswith("afin de le fidéliser.")
    per_file = search(db, "fidélisation", per_file=True).hits
    assert len(per_file) == 3 and {h.files for h in per_file} == {1}
    assert len({h.doc_sha256 for h in per_file}) == 3
    every = search(db, "client", limit=1000).hits
    assert len({(h.referentiel_key, h.competence_id) for h in every}) == len(every)


def test_search_stems_find_other_forms(db: Path) -> None:
    """French stems: the noun finds the verb, the plural the singular."""
    top = search(db, "négociation").hits[0]
    assert top.libelle.startswith("Argumenter et négocier") and top.in_libelle
    singular = {(h.referentiel_key, h.competence_id) for h in search(db, "client", 1000).hits}
    plural = {(h.referentiel_key, h.competence_id) for h in search(db, "clients", 1000).hits}
    assert singular and singular == plural


def test_search_own_libelle_ranks_above_bloc_title(db: Path) -> None:
    """ "négociation" is in a bloc's title: its compétences match through the bloc, and
    rank below every compétence whose own libellé matches."""
    hits = search(db, "négociation", limit=100).hits
    own = [h.in_libelle for h in hits]
    assert own[0] and False in own and own == sorted(own, reverse=True)


def test_export_rncp_xml_one_fiche_per_referentiel(formats_dir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "rncp.xml"
    assert main(["export", str(formats_dir), "--to", "rncp-xml", str(dest), "-q"]) == 0
    fiches = ET.parse(dest).getroot().findall("FICHE")
    assert len(fiches) == 3
    # with the RNCP code printed: NUMERO_FICHE and bloc codes RNCPnnnnnBCnn
    for path in formats_dir.glob("cqpm-*.json"):
        data = json.loads(path.read_text("utf-8"))
        data["certification"]["code_rncp"] = "RNCP34567"
        path.with_suffix(".rncp.json").write_text(json.dumps(data), "utf-8")
        path.unlink()
    assert main(["export", str(formats_dir), "--to", "rncp-xml", str(dest), "-q"]) == 0
    fiches = ET.parse(dest).getroot().findall("FICHE")
    (fiche,) = [f for f in fiches if f.findtext("NUMERO_FICHE")]
    assert fiche.findtext("NUMERO_FICHE") == "RNCP34567" and len(fiches) == 3
    codes = [b.findtext("CODE") for b in fiche.iter("BLOC_COMPETENCES")]
    assert codes and all(c.startswith("RNCP34567BC") and len(c) == 13 for c in codes)


def test_export_sqlite_declares_foreign_keys(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn:
        declared = {
            name: conn.execute(f"PRAGMA foreign_key_list({name})").fetchall()
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for child in ("certifications", "competences", "criteres", "critere_competences", "taches"):
        assert declared[child], child
    assert {row[2] for row in declared["critere_competences"]} == {"criteres", "competences"}


def test_export_csv_for_excel(formats_dir: Path, tmp_path: Path) -> None:
    assert main(["export", str(formats_dir), "--to", "csv", str(tmp_path), "--excel", "-q"]) == 0
    raw = (tmp_path / "competences.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.splitlines()[0].count(b";") > 3
    frame = pd.read_csv(tmp_path / "competences.csv", sep=";", encoding="utf-8-sig")
    assert "libelle" in frame.columns and frame["libelle"].str.contains("é").any()
    assert main(["export", str(formats_dir), "--to", "jsonl", "x.jsonl", "--excel"]) == 2


def test_export_parquet_has_no_joined_lists(formats_dir: Path, tmp_path: Path) -> None:
    """Lists are child tables: no text column holds newline-joined items."""
    assert main(["export", str(formats_dir), "--to", "parquet", str(tmp_path), "-q"]) == 0
    comps = pd.read_parquet(tmp_path / "competences.parquet")
    assert not {"activites", "conditions_realisation", "resultats_attendus"} & set(comps)
    conditions = pd.read_parquet(tmp_path / "conditions_realisation.parquet")
    assert len(conditions) > 0 and not conditions["libelle"].str.contains("\n").any()


def test_diff_skips_what_is_not_an_extraction(
    formats_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`referentiel diff output output` on the README's layout (schema in output/schema)."""
    assert main(["diff", str(formats_dir), str(formats_dir)]) == 0
    out = capsys.readouterr().out
    assert "schema" not in out and "0 added, 0 removed, 0 changed" in out
