"""Checks that a ``wiretag/1`` document is well formed: schema and every reported span.

Used by the tests on every output, and available to users who post-process our JSON.
"""

from __future__ import annotations

from typing import Any


def span_errors(data: dict[str, Any]) -> list[str]:
    """Every reported span whose ``text[start:end]`` differs from what it claims."""
    text: str = data["text"]
    problems: list[str] = []

    def check(where: str, obj: dict[str, Any] | None, key: str = "text") -> None:
        if not obj or obj.get("start") is None:
            return
        start, end = obj["start"], obj["end"]
        if not (0 <= start <= end <= len(text)):
            problems.append(f"{where}: offsets {start}:{end} outside the text")
        elif text[start:end] != obj[key]:
            problems.append(f"{where}: text[{start}:{end}]={text[start:end]!r} != {obj[key]!r}")

    check("dateline", data.get("dateline"))
    for i, s in enumerate(data.get("sentences", [])):
        if not (0 <= s["start"] < s["end"] <= len(text)):
            problems.append(f"sentences[{i}]: offsets {s['start']}:{s['end']} outside the text")
    for ent in data.get("entities", []):
        for j, m in enumerate(ent["mentions"]):
            check(f"entity {ent['id']} mention {j}", m)
    for q in data.get("quotes", []):
        check(f"quote {q['id']}", q)
        check(f"quote {q['id']} speaker", q.get("speaker"))
        check(f"quote {q['id']} cue", q.get("cue"))
    for ev in data.get("events", []):
        check(f"event {ev['id']} trigger", ev["trigger"])
        for role in ("source", "target", "location"):
            check(f"event {ev['id']} {role}", ev.get(role))
    return problems


def check_document(data: dict[str, Any], schema: dict[str, Any] | None = None) -> None:
    """Raise ``ValueError`` if ``data`` breaks the schema or reports a wrong span.

    Schema validation needs the ``jsonschema`` package (in the ``test`` extra).
    """
    import jsonschema

    from wiretag.document import load_schema

    try:
        jsonschema.validate(data, schema if schema is not None else load_schema())
    except jsonschema.ValidationError as err:
        raise ValueError(f"not a valid wiretag/1 document: {err.message}") from err
    problems = span_errors(data)
    if problems:
        raise ValueError("; ".join(problems[:5]))
