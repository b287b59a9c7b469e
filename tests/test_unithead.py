"""An unnumbered unit printed as a bare statement before its abilities names the
implicit bloc (:mod:`referentiel.segment.unithead`); a document that names no unit
leaves the implicit bloc unnamed (real readers, real spaCy model)."""

from __future__ import annotations

from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.backends.text import parse_lines
from referentiel.docmodel import Document
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.segment import segment


def _segment(text: str) -> Referentiel:
    document = Document("t.txt", "text", "0" * 64, blocks=parse_lines(text.split("\n")))
    return segment(document, Options())


def test_unithead_the_bare_statement_over_sentences_is_the_unit() -> None:
    ref = extract(REAL / "tp-preparateur-commandes-rncp.md")
    (bloc,) = ref.blocs
    assert bloc.code is None
    assert bloc.libelle.startswith("Effectuer les opérations permettant d'assurer")
    assert bloc.libelle.endswith("catégorie 1")
    assert len(bloc.competences) == 10
    assert all(c.libelle.endswith(".") for c in bloc.competences)


def test_unithead_no_unit_printed_no_bloc_name() -> None:
    ref = extract(REAL / "tp-conducteur-livreur-rncp.md")
    (bloc,) = ref.blocs
    assert not bloc.libelle  # the certification is not a bloc
    assert (
        ref.certification.intitule == "conducteur(trice) livreur(se) sur véhicule utilitaire léger"
    )
    assert len(bloc.competences) == 6


LISTED = """Capacités attestées
Réaliser les opérations de réception des marchandises
Contrôler la conformité des colis reçus.
Ranger les marchandises dans les zones de stockage.
Renseigner les documents de suivi des stocks.
"""


def test_unithead_counter_examples_stay_compétences() -> None:
    """A first statement that ends as a sentence, or one shorter than every
    statement after it, or one over too few sentences, is a compétence."""
    ended = _segment(LISTED.replace("marchandises\n", "marchandises.\n", 1))
    assert len(ended.blocs[0].competences) == 4 and not ended.blocs[0].libelle
    named = _segment(LISTED)
    assert named.blocs[0].libelle == "Réaliser les opérations de réception des marchandises"
    assert len(named.blocs[0].competences) == 3
    short = _segment(
        LISTED.replace("Réaliser les opérations de réception des marchandises", "Réceptionner")
    )
    assert len(short.blocs[0].competences) == 4
    few = _segment("\n".join(LISTED.split("\n")[:4]) + "\n")
    assert len(few.blocs[0].competences) == 3
