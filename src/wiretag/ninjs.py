"""A ``wiretag/1`` Document rendered as IPTC ninjs 2.0 (News in JSON).

ninjs is the IPTC's JSON format for news items; publishing systems read it directly.
The mapping follows the 2.0 schema (``http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json``),
whose objects allow no properties beyond those it names: headline and body go into
``headlines`` and ``bodies``, entities into ``people``, ``organisations``, ``places`` and
``subjects``, the credits into ``by`` and the dateline place into ``located``.
"""

from __future__ import annotations

import re
from typing import Any

from wiretag.document import Credit, Document

__all__ = ["NINJS_SCHEMA", "to_ninjs"]

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"
_MEDIATOPIC = "http://cv.iptc.org/newscodes/mediatopic/"
_GEONAMES = "https://sws.geonames.org/"
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")

_ROLE_LABELS = {
    "byline": "By",
    "reporting": "Reporting by",
    "additional reporting": "Additional reporting by",
    "writing": "Writing by",
    "editing": "Editing by",
    "compiling": "Compiled by",
    "contributing": "Contributing",
}


def _by(credits: list[Credit]) -> str | None:
    """"Reporting by A and B; Editing by C", in the order the roles first appear."""
    groups: dict[str, list[str]] = {}
    for credit in credits:
        names = groups.setdefault(credit.role, [])
        if credit.name not in names:
            names.append(credit.name)
    parts = []
    for role, names in groups.items():
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        label = _ROLE_LABELS.get(role, role.capitalize() + " by")
        parts.append(f"{label}: {joined}" if label == "Contributing" else f"{label} {joined}")
    return "; ".join(parts) or None


def _versioncreated(published: str | None) -> str | None:
    # ninjs wants a full date-time; a bare date is the start of that day in UTC. An
    # unreadable date is left out rather than invented.
    if not published:
        return None
    if _DATE_ONLY.match(published):
        return published + "T00:00:00Z"
    return published if _DATE_TIME.match(published) else None


def to_ninjs(document: Document) -> dict[str, Any]:
    """The ninjs 2.0 object for ``document`` (a plain, JSON-serialisable dict)."""
    item: dict[str, Any] = {
        "uri": f"urn:wiretag:{document.id}",
        "type": "text",
        "representationtype": "full",
        "standard": {"name": "ninjs", "version": "2.0", "schema": NINJS_SCHEMA},
    }
    created = _versioncreated(document.published)
    if created:
        item["versioncreated"] = created
    if document.language:
        item["language"] = document.language
    if document.headline:
        item["headlines"] = [{"role": "main", "value": document.headline}]
    words = len(document.text.split())
    item["bodies"] = [{"role": "main", "contenttype": "text/plain", "value": document.text,
                       "charcount": len(document.text), "wordcount": words}]
    by = _by(document.credits)
    if by:
        item["by"] = by
    if document.dateline is not None and document.dateline.place:
        item["located"] = document.dateline.place
    if document.source.agency:
        item["infosources"] = [{"name": document.source.agency}]
    if document.input.id:
        item["altids"] = [{"role": "input", "value": document.input.id}]
    people, organisations, places, subjects = [], [], [], []
    for entity in document.entities:
        entry: dict[str, Any] = {"name": entity.name, "rel": "mentioned"}
        if entity.type == "PERSON":
            people.append(entry)
        elif entity.type == "ORG":
            organisations.append(entry)
        elif entity.type in ("GPE", "LOC", "FAC"):
            if entity.geo is not None:
                entry["uri"] = f"{_GEONAMES}{entity.geo.geonameid}/"
            if entity.country:
                entry["literal"] = entity.country
            places.append(entry)
        else:
            entry["literal"] = entity.type
            subjects.append(entry)
    for topic in document.topics:
        subjects.append({"name": topic.label, "rel": "about", "literal": topic.code,
                         "uri": _MEDIATOPIC + topic.code} if topic.scheme == "iptc-mediatopic"
                        else {"name": topic.label, "rel": "about", "literal": topic.code})
    for key, values in (("people", people), ("organisations", organisations),
                        ("places", places), ("subjects", subjects)):
        if values:
            item[key] = values
    return item
