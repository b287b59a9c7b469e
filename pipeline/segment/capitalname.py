"""A certification's name printed in capitals inside a sentence.

An arrêté's annex may name the diploma only in the prose that opens it, the
name set in capitals as the subject of the sentence ("Le BTS <NAME IN
CAPITALS>, <OPTIONS IN CAPITALS>, met en interaction …"). A title rule reading
that sentence takes everything after the family word; the name is only the
run of words in capitals, up to the first word in lower case that goes on
with the sentence. The typography is the evidence, not the wording.
"""

from __future__ import annotations

import re

from ..textclean import is_upper

_WORD = re.compile(r"\S+")
_MIN_REST = 4  # words in lower case after the run that make it a sentence, not a title
_RUN_END = " ,;:-–"  # punctuation left between the run and the sentence


def capital_name(text: str) -> str:
    """The run of words in capitals opening ``text`` when a sentence in lower
    case goes on after it; else ``text`` unchanged."""
    words = list(_WORD.finditer(text))
    end = 0
    for count, word in enumerate(words):
        letters = [c for c in word.group() if c.isalpha()]
        if letters and not all(c.isupper() for c in letters):
            rest = words[count:]
            if len(rest) < _MIN_REST or not rest[0].group()[:1].islower():
                return text
            break
        end = word.end()
    else:
        return text
    run = text[:end].rstrip(_RUN_END)
    return run if is_upper(run) and len(run.split()) >= 2 else text
