"""Query filters shared by the CLI, the HTTP API and the web UI, and how they become SQL.

User input never reaches SQL text: every value is a bound parameter, LIKE wildcards in it
are escaped, and free text for FTS5 is rebuilt from its words as quoted phrases, so FTS5
operators and syntax errors cannot be injected either.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from wiretag.errors import WiretagError

MAX_LIMIT = 200


@dataclass(frozen=True)
class Filters:
    """Structured filters; ``None`` means "no constraint". Names and ids are both accepted
    where an entity is meant (``entity``, ``speaker``)."""

    q: str | None = None
    speaker: str | None = None
    entity: str | None = None
    event_type: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    #: leave out stories flagged as near duplicates of an earlier one (and their quotes,
    #: events and entities' counts in lists)
    hide_duplicates: bool = False

    def normalised(self) -> Filters:
        """Blank strings dropped, dates and codes checked: raises W505 on a bad value."""
        values: dict[str, Any] = {k: (v.strip() or None) if isinstance(v, str) else v
                  for k, v in asdict(self).items()}
        for name in ("since", "until"):
            value = values[name]
            if isinstance(value, str):
                values[name] = _iso_date(name, value)
        if values["event_type"] is not None:
            values["event_type"] = values["event_type"].upper()
        if values["type"] is not None:
            values["type"] = values["type"].upper()
        if values["country"] is not None:
            values["country"] = country_code(values["country"])
        return Filters(**values)


def _iso_date(name: str, value: str) -> str:
    # a year or year-month is accepted too: "2025" means from/to that year
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        padded = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
        try:
            date.fromisoformat(padded)
        except ValueError:
            pass
        else:
            return value
    raise WiretagError("W505", f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), "
                       f"not {value!r}")


def country_code(value: str) -> str:
    """ISO alpha-3 for a code or a country name ("RUS", "ru", "Russia")."""
    from wiretag.lexicon import countries

    if len(value) == 3 and value.isalpha():
        return value.upper()
    found = countries.by_iso2(value.upper()) if len(value) == 2 else countries.lookup(value)
    if found is None:
        raise WiretagError("W505", f"country {value!r} is not an ISO code or a known country name")
    return found.iso3


def like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with its own wildcards escaped."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_TERM = re.compile(r'"([^"]*)"|(\w+)(\*?)', re.UNICODE)


def fts_query(text: str) -> str | None:
    """Free text as a safe FTS5 query: every word or "quoted phrase" must match; a trailing
    ``*`` on a word makes it a prefix. Anything else (operators, brackets, column filters)
    is treated as plain text. ``None`` when the text holds no words."""
    parts: list[str] = []
    for match in _TERM.finditer(text):
        phrase, word, star = match.groups()
        if phrase is not None:
            words = re.findall(r"\w+", phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        elif word:
            parts.append(f'"{word}"' + ("*" if star else ""))
    return " ".join(parts) if parts else None


def until_bound(until: str) -> str:
    """Upper bound for a string comparison on ISO dates: "2025-03" covers all of March."""
    return until + "\uffff"


def clamp_limit(limit: int) -> int:
    if limit < 1 or limit > MAX_LIMIT:
        raise WiretagError("W505", f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit


def encode_cursor(offset: int, fingerprint: str) -> str:
    raw = json.dumps({"o": offset, "f": fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, fingerprint: str) -> int:
    """The offset a cursor stands for. A cursor only continues the query it came from: one
    from another query (or a hand-made one) is a W505 error rather than silently wrong."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data: Any = json.loads(raw)
        offset = data["o"]
        ok = isinstance(offset, int) and offset >= 0 and data["f"] == fingerprint
    except (binascii.Error, ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise WiretagError("W505", "cursor is invalid or belongs to another query",
                           hint="Pass the 'next' value of the previous page unchanged.")
    return int(offset)
