"""Text bytes in any encoding French files come in decode to the right characters."""

from __future__ import annotations

import pytest
from referentiel.errors import UnsupportedFormat
from referentiel.textio import decode

FRENCH = "Critères d’évaluation « œuvre » : coût 12 € — ça, là, où, Noël, être, août.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (FRENCH.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + FRENCH.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + FRENCH.encode("utf-16-be"), "utf-16"),
        (FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_hostile_textio_decodes_every_encoding(data: bytes, encoding: str) -> None:
    assert decode(data) == (FRENCH, encoding)


def test_hostile_textio_latin1_is_read_as_cp1252() -> None:
    text = "Évaluation des compétences à l'oral, 20 °C, « réel », garçon, naïf.\n"
    assert decode(text.encode("latin-1")) == (text, "cp1252")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_hostile_textio_line_ends_normalised(newline: str) -> None:
    data = newline.join(["Bloc 1", "C1.1 : Accueillir", ""]).encode("cp1252")
    assert decode(data)[0] == "Bloc 1\nC1.1 : Accueillir\n"


def test_hostile_textio_mixed_utf8_and_cp1252() -> None:
    data = "Compétence 1 : être à l’écoute\n".encode() + "Compétence 2 : réagir\n".encode("cp1252")
    text, encoding = decode(data)
    assert text == "Compétence 1 : être à l’écoute\nCompétence 2 : réagir\n"
    assert encoding == "utf-8+cp1252"


def test_hostile_textio_cp1252_lookalike_of_utf8_stays_cp1252() -> None:
    """One accidental UTF-8-looking pair in a cp1252 file does not flip the whole file."""
    text = "Ã© est une erreur fréquente ; évaluer, créer, démontrer, améliorer.\n"
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_hostile_textio_bytes_undefined_in_cp1252_never_raise() -> None:
    text, encoding = decode(b"caf\xe9 \x81\x8d\x8f\x90\x9d fin")
    assert encoding == "cp1252"
    assert text == "café \x81\x8d\x8f\x90\x9d fin"


def test_hostile_textio_odd_utf16_is_refused_with_reason() -> None:
    with pytest.raises(UnsupportedFormat, match=r"^x\.txt: not valid utf-16 text"):
        decode(b"\xff\xfeA\x00B", "x.txt")
