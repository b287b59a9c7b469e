"""Branch CQP référentiels as a legal publisher prints them (real files).

The Dictionnaire Permanent Conventions Collectives prints the annexes of the
branches' agreements: the commerce alimentaire CQP marks its compétences with a
check glyph its font prints as the digit ``3``, its modalités with a text
font's bullet the subset does not map (``(cid:129)``), and centres the bullets
of its critères cells; the ameublement CQP is a ruled three-column grid whose
last row on a page has no closing rule; the boucherie CQP opens on a salary
grid of échelons, names its savoir-faire in title rows of a three-column grid
(one pushed out of it at each page break) and details each fonction in a
one-column table of run-in labels; the grains CQP's last grid row runs on
under the page's ruled footer, its facing pages printing the footer's parts in
swapped order.
"""

from __future__ import annotations

from functools import cache

from fixtures.real_docs import REAL
from referentiel.api import extract, parse
from referentiel.docmodel import Document, Kind
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment.draft import Context
from referentiel.segment.stream import units

COMMERCE = REAL / "cqp-commerce-alimentaire-employe-vente.pdf"
AMEUBLEMENT = REAL / "cqp-ameublement-manager-commercial-cuisine.pdf"
BOUCHERIE = REAL / "cqp-boucherie-vendeur-qualifie.pdf"
GRAINS = REAL / "cqp-grains-conducteur-installation-bloc3.pdf"


@cache
def _document(name: str) -> Document:
    return parse(REAL / name)


@cache
def _extracted(name: str) -> Referentiel:
    return extract(REAL / name)


def test_a_digit_heading_every_item_is_a_list_mark() -> None:
    ctx = Context(_document(COMMERCE.name), Options(), default_rules())
    units(ctx)
    texts = [u.text for u in ctx.units]
    assert not any(t.startswith("3 Identifier") for t in texts)
    item = next(u for u in ctx.units if u.text.startswith("Identifier les principales"))
    assert item.kind is Kind.LIST_ITEM and item.label == "•"
    assert any(t.startswith("2 DDL/DLUO/DDM") for t in texts)  # a footnote: no run, no mark


def test_a_lone_unmapped_glyph_opening_a_line_is_a_bullet() -> None:
    blocks = list(_document(COMMERCE.name).walk())
    assert not any(b.text.startswith("(cid:") for b in blocks)
    item = next(b for b in blocks if b.text.startswith("Présentation par le candidat"))
    assert item.kind is Kind.LIST_ITEM and item.label == "•"


def test_centred_bullets_of_one_cell_are_one_level() -> None:
    blocks = list(_document(COMMERCE.name).walk())
    offers = next(b for b in blocks if b.text.startswith("Les offres sont mises en valeur"))
    packed = next(b for b in blocks if b.text.startswith("Les produits sont présentés dans"))
    assert offers.level == packed.level == 0


def test_the_commerce_annex_reads_its_blocs_compétences_and_activités() -> None:
    ref = _extracted(COMMERCE.name)
    assert [len(b.competences) for b in ref.blocs] == [10, 6, 7]
    assert ref.blocs[0].competences[0].code is None
    assert [len(a.taches) for a in ref.activites] == [5, 5, 4]
    assert ref.activites[1].libelle == "Vente et relations clients"
    second = ref.blocs[0].criteres[4]  # the second critère of one cell, not an indicateur
    assert second.libelle.startswith("Les produits sont présentés dans le conditionnement")
    assert not ref.blocs[0].criteres[3].indicateurs
    assert any("commission d'évaluation" in m for m in ref.blocs[1].modalites_evaluation)


def test_a_grid_row_without_closing_rule_stays_in_its_table() -> None:
    ref = _extracted(AMEUBLEMENT.name)
    competences = {c.code: c for b in ref.blocs for c in b.competences}
    assert competences["C1.6"].libelle.endswith("l'arrivée des nouvelles collections")
    assert competences["C1.10"].libelle.endswith("afin de garantir la satisfaction client")
    linked = [k for b in ref.blocs for k in b.criteres if "BC01.C06" in k.competences]
    assert len(linked) == 4


def test_bloc_n_and_bloc_de_competences_n_are_one_bloc() -> None:
    ref = _extracted(AMEUBLEMENT.name)
    assert [b.code for b in ref.blocs] == ["Bloc 1", "Bloc 2"]
    assert [a.code for a in ref.activites] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert ref.activites[0].libelle.startswith("Déploiement de la stratégie")


def test_the_series_holding_the_lists_is_the_bloc_level_not_the_salary_grid() -> None:
    ref = _extracted(BOUCHERIE.name)
    assert [b.code for b in ref.blocs] == ["SF 1", "SF 2", "SF3"]
    assert ref.certification.type == "CQP"
    assert ref.certification.intitule == "Vendeur, Vendeuse Qualifié(e)"


def test_title_rows_over_objects_are_savoir_faire_across_page_breaks() -> None:
    ref = _extracted(BOUCHERIE.name)
    first = ref.blocs[0].competences
    assert [c.libelle for c in first][:4] == [
        "Désossage",  # printed after the grid on its page, its row on the next
        "Parage, épluchage (finition) du bœuf, veau agneau, porc, volailles et abats",
        "Piéçage et coupe avec et s/os des",
        "Barder - ficeler",
    ]
    assert len(first) == 5 and first[4].libelle.startswith("Éviscération")
    details = (first[0].model_extra or {}).get("details", [])
    assert len(details) == 17 and details[0] == "Bœuf"
    assert [c.libelle for c in ref.blocs[1].competences] == ["Mise sur plats"]
    assert len(ref.blocs[2].competences) == 5


def test_detail_tables_give_the_listed_fonctions_their_taches() -> None:
    ref = _extracted(BOUCHERIE.name)
    assert [a.libelle for a in ref.activites] == [
        "Préparation des morceaux de détail",
        "Présentation des morceaux de détail",
        "Entretien des locaux et du matériel",
        "Vente",
    ]
    assert ref.activites[1].taches == ["Coupe", "Disposition des morceaux"]  # misprinted name
    assert len(ref.activites[0].taches) == 6


def test_examples_announced_by_a_lone_lead_in_are_indicateurs() -> None:
    ref = _extracted(BOUCHERIE.name)
    criteres = ref.blocs[0].criteres
    ficelage = next(k for k in criteres if k.libelle.startswith("Respect du ficelage"))
    assert ficelage.indicateurs == ["Arrêté à rôti", "roulette", "ficelage pot-au-feu", "Bridage"]
    assert not any(k.libelle.startswith("Ex") for k in criteres)
    assert sum(k.libelle == "Qualité d'exécution" for k in criteres) == 4


def test_a_grid_row_running_under_the_footer_rule_keeps_its_lines() -> None:
    ref = _extracted(GRAINS.name)
    competences = {c.code: c for b in ref.blocs for c in b.competences}
    assert competences["C3.4"].libelle.endswith("afin d'expédier les commandes clients")
    last = next(a for a in ref.activites if a.code == "A3.4")
    assert last.taches[-2:] == [
        "Contrôle des cuves du camion, vérification de la propreté des compartiments",
        "Contrôle des documents de trans-",
    ]
    indicateurs = [i for b in ref.blocs for k in b.criteres for i in k.indicateurs]
    assert any(i.startswith("Les cuves du camion et les documents") for i in indicateurs)


def test_the_footer_a_table_runs_over_is_furniture_on_every_page() -> None:
    document = _document(GRAINS.name)
    texts = [b.text for b in document.walk()]
    assert not any("Conventions Collectives" in t for t in texts)
    assert document.bands and "Conventions Collectives" in document.bands[0].text
