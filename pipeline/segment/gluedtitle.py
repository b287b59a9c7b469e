"""A summary entry gluing a unit's name and its statement.

A summary may print a unit as its name in capitals, a colon and the statement
the body sets apart under the name ("DOMAINE 1 – ENVIRONNEMENT PROFESSIONNEL :
utiliser le numérique …" / the body's bold "DOMAINE 1 – ENVIRONNEMENT
PROFESSIONNEL" over its statement in regular type). The body's heading is then
the unit's title, and, once the body has shown the convention, the units only
the summary names are titled by their name the same way. The typography (a run
of capitals, a colon, a lower-case sentence) and the body's own heading are the
evidence, not the wording.
"""

from __future__ import annotations

import re

from ..textclean import is_upper

#: a name, a colon, a statement opening in lower case
_GLUED = re.compile(r"^(?P<name>[^:]+?)\s*:\s+(?P<statement>\S.*)$")


def glued_statement(named: str, title: str) -> bool:
    """Whether the summary's ``named`` is the body's ``title`` in capitals
    followed by a colon and a lower-case statement."""
    parts = name_and_statement(named)
    return parts is not None and " ".join(parts[0].split()) == " ".join(title.split())


def name_and_statement(text: str) -> tuple[str, str] | None:
    """(name, statement) when ``text`` is a name in capitals, a colon and a
    statement opening in lower case; None otherwise."""
    match = _GLUED.match(text.strip())
    if match is None:
        return None
    name, statement = match.group("name"), match.group("statement")
    if not is_upper(name) or not statement[:1].islower():
        return None
    return name, statement
