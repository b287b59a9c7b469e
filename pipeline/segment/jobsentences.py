"""The sentences of a holder's paragraph that state the job.

A paragraph whose subject is the holder ("Le titulaire du CAP … exerce son
métier dans … .") may go on, in the same paragraph, with a sentence leading in
to a list ("Il intervient notamment dans les champs suivants :"), as
Éducation nationale référentiels des activités professionnelles print it
(BEP métiers des services administratifs, CAP préparation et réalisation
d'ouvrages électriques). The finished sentences before the lead-in state the
job; the lead-in opens a list, no description. A paragraph that opens on its
lead-in ("Le titulaire du CAP doit être capable de :") states none.
"""

from __future__ import annotations

from ..textclean import ends_lead_in, ends_sentence, split_sentences


def finished_prose(text: str) -> bool:
    """Whether ``text`` ends a sentence that leads in to nothing (no colon)."""
    return ends_sentence(text) and not ends_lead_in(text)


def job_sentences(paragraph: str) -> str | None:
    """The paragraph when it is finished prose, or its sentences before the
    one leading in to a list; None when the first sentence leads in."""
    if not ends_sentence(paragraph):
        return None
    if finished_prose(paragraph):
        return paragraph
    sentences = split_sentences(paragraph)
    return " ".join(sentences[:-1]) or None  # the last sentence leads in
