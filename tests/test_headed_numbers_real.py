"""Headings over lists of abilities in a document without bloc level (stage
``implicit``): the CPNEFP dossier of the sport branch's CQP prints its units as
numbered spanning rows of a two-column table ('1- Préparer …', '2 - Réparer …'),
each over '• ' statements split by run-in lines ('À l'intérieur … :'), beside
aptitudes and connaissances under their own run-in labels."""

from __future__ import annotations

from fixtures.real_docs import extracted_json

SPORT = "cqp-sport-preparateur-reparateur-vehicules-loisirs.pdf"


def test_numbered_heads_are_coded_by_their_number_and_named_by_the_rest() -> None:
    blocs = extracted_json(SPORT)["blocs"]
    assert [(b["code"], b["libelle"]) for b in blocs[:2]] == [
        ("1", "Préparer le véhicule pour l'exposition ou la livraison"),
        ("2", "Réparer, remplacer, adapter des éléments intérieurs ou extérieurs"),
    ]
    assert all(not b["libelle"][0].isdigit() for b in blocs)


def test_a_run_in_line_among_the_statements_heads_a_part_of_the_same_list() -> None:
    """Bloc 2 prints four statements under 'À l'intérieur … :' and two under
    'À l'extérieur … :': six compétences; the aptitudes and connaissances under
    'Aptitudes particulières :' (qualities, no action) end the list."""
    bloc = extracted_json(SPORT)["blocs"][1]
    texts = [c["libelle"] for c in bloc["competences"]]
    assert len(texts) == 6
    assert texts[-1].startswith("Réparer ou remplacer un revêtement extérieur")
    assert not any(t in {"Autonomie", "Travail en équipe"} for t in texts)
