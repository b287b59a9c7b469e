"""The name a cover prints as its heading over a family line naming nothing, on
real documents: the sport branch's CQP dossier prints "Préparateur Réparateur de
véhicules de loisirs" as its heading, then "Certificat de qualification
professionnelle" and the dossier's subtitle in body text — the heading is the
intitulé, not the subtitle below the family line."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.models import Certification


def _certification(name: str) -> Certification:
    return extract(REAL / name).certification


def test_the_heading_above_a_bare_family_line_is_the_intitule() -> None:
    sport = _certification("cqp-sport-preparateur-reparateur-vehicules-loisirs.pdf")
    assert (sport.type, sport.intitule) == (
        "CQP",
        "Préparateur Réparateur de véhicules de loisirs",
    )


def test_a_family_line_naming_its_certificate_keeps_its_name() -> None:
    # "Certificat de qualification professionnelle «Agent de cuisine»": the
    # family line names the certificate itself, no heading above is read
    cuisine = _certification("cqp-espaces-loisirs-agent-cuisine.pdf")
    assert (cuisine.type, cuisine.intitule) == ("CQP", "Agent de cuisine")
