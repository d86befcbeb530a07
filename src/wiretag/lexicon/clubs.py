"""Sports clubs: every name and alias the gazetteer knows, under the club's full name.

The list is ``club`` in ``wiretag/data/ner_gazetteer.json``, written by hand in
``training/sports_clubs.py``: "Man Utd", "Manchester United" and "MANCHESTER UNITED" are
one club, "Manchester United"; "Barca" is "Barcelona"; "Spurs" is "Tottenham Hotspur".
"""

from __future__ import annotations

import functools

from wiretag.lexicon.countries import fold
from wiretag.lexicon.gazetteer import gazetteer


@functools.cache
def _by_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for full, aliases in sorted(gazetteer().get("club", {}).items()):
        for name in (full, *aliases):
            table.setdefault(fold(name).replace("-", " "), full)
    return table


def club_name(name: str) -> str | None:
    """The full name of the club called ``name`` (any case, any listed alias), or None."""
    return _by_name().get(fold(name).replace("-", " "))
