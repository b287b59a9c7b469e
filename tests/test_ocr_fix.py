"""OCR corrections (referentiel.ocrfix): each rule fixes its case and leaves valid French alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from referentiel import ocrfix


@pytest.mark.parametrize(
    ("token", "expected", "rule"),
    [
        ("ceuvre", "œuvre", "ocr.oe_from_ce"),
        ("Ceuvre", "Œuvre", "ocr.oe_from_ce"),
        ("l'ceuvre", "l'œuvre", "ocr.oe_from_ce"),
        ("(manceuvre)", "(manœuvre)", "ocr.oe_from_ce"),
        ("congu", "conçu", "ocr.cedilla_from_g"),
        ("fagon,", "façon,", "ocr.cedilla_from_g"),
        ("recu", "reçu", "ocr.cedilla_from_c"),
        ("Ia", "la", "ocr.l_for_capital_i"),
        ("1es", "les", "ocr.l_for_one"),
        ("cornmercial", "commercial", "ocr.m_for_rn"),
        ("préoccupatiôns", "préoccupations", "ocr.stray_circumflex_o"),
        ("COMPEIENCE", "COMPETENCE", "ocr.capital_t_read_i"),
        ("ACTIVIIE,", "ACTIVITE,", "ocr.capital_t_read_i"),
    ],
)
def test_ocrfix_word_rule_fixes_its_case(token: str, expected: str, rule: str) -> None:
    fix = ocrfix.fix_word(token)
    assert fix is not None
    assert (fix.after, fix.rule) == (expected, rule)


@pytest.mark.parametrize(
    "token",
    [
        "œuvre",
        "oeuvre",
        "coeur",
        "conçu",
        "ceux",
        "reçu",
        "façon",
        "Il",
        "la",
        "les",
        "Etude",  # unaccented capital is correct typography
        "A",
        "commercial",
        "contre-indications",
        "l'entreprise",
        "aujourd'hui",
        "mailing",
        "CQPM",
        "RNCP12345",
        "C1.1",
        "Ev'Alim",  # unknown name: no candidate, left alone
        "phoning",
        "ligne",
        "reformule",
        "SEDENTAIRE",  # unaccented capitals are correct typography
        "CA,",  # an acronym, not "Ça"
        "CPNEFP",  # an unknown acronym: no candidate
        "SIRET",  # too short for a capital confusion: may be an acronym
        "REFERENTIEL",  # French without its accents
    ],
)
def test_ocrfix_word_rule_leaves_valid_words_alone(token: str) -> None:
    assert ocrfix.fix_word(token) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'entreprise accueille", "L'entreprise accueille"),
        ("respect de I'hygiène", "respect de l'hygiène"),
        ("le client. I'offre", "le client. L'offre"),
        ("une tâche a réaliser", "une tâche à réaliser"),
        ("a partir de la demande", "à partir de la demande"),
        ("grâce a son réseau", "grâce à son réseau"),
        ("jusqu'a la livraison", "jusqu'à la livraison"),
        ("par rapport a la concurrence", "par rapport à la concurrence"),
        ("AL.3 : Développement", "A1.3 : Développement"),
        ("voir CI.2", "voir C1.2"),
    ],
)
def test_ocrfix_text_rule_fixes_its_case(text: str, expected: str) -> None:
    fixed, fixes = ocrfix.fix_text(text)
    assert fixed == expected
    assert fixes and all(f.rule.startswith("ocr.") for f in fixes)


@pytest.mark.parametrize(
    "text",
    [
        "Il a la charge du dossier",
        "il a fait le point",
        "elle a une équipe",
        "Il a l'habitude",
        "Il (elle) a en charge le suivi",
        "l'entreprise et la gamme",
        "Il faut",
        "le point A.1",
        "AL5 : ambigu",
    ],
)
def test_ocrfix_text_rule_leaves_valid_french_alone(text: str) -> None:
    assert ocrfix.fix_text(text) == (text, [])


@pytest.mark.parametrize("token", ["e", "©", "°", "«", "*", "•", "-"])
def test_ocrfix_bullet_tokens(token: str) -> None:
    assert ocrfix.is_bullet(token)


@pytest.mark.parametrize("token", ["et", "Le", "A1", "C1.1"])
def test_ocrfix_words_are_not_bullets(token: str) -> None:
    assert not ocrfix.is_bullet(token)


def test_ocrfix_lexicon_knows_french_not_noise() -> None:
    lex = ocrfix.lexicon()
    assert "entreprise" in lex and "œuvre" in lex and "à" in lex
    assert "ceuvre" not in lex and "congu" not in lex
    assert lex.is_infinitive("réaliser") and not lex.is_infinitive("réalisé")


def test_ocrfix_rules_have_unique_ids() -> None:
    rules = ocrfix.load_rules()
    ids = [c.id for c in rules.confusions + rules.capital_confusions]
    ids += [p.id for p in rules.patterns]
    assert len(ids) == len(set(ids)) and all(i.startswith("ocr.") for i in ids)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("bullets: {id: ocr.b, tokens: [e]}\nconfusions: [{id: ocr.x, from: a}]\n", "to"),
        (
            "bullets: {id: ocr.b, tokens: [e]}\n"
            "patterns: [{id: ocr.p, pattern: '(', replace: x}]\n",
            "pattern",
        ),
        ("bullets: {id: BAD, tokens: [e]}\n", "id"),
        ("bullets: [unclosed\n", "YAML"),
        (
            "bullets: {id: ocr.b, tokens: [e]}\n"
            "confusions: [{id: ocr.x, from: a, to: b}, {id: ocr.x, from: c, to: d}]\n",
            "duplicate",
        ),
    ],
)
def test_ocrfix_invalid_rule_file_refused(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "ocr.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ocrfix.OcrRuleError, match=message):
        ocrfix.load_rules(tmp_path)
