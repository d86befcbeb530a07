"""Golden wire stories (written by us, in the agencies' styles) against their expectations.

Each ``tests/golden/wire/<name>.txt`` has a sidecar ``<name>.expected.json``:

- ``dateline``: null (no dateline) or the fields that must match exactly
- ``credits``: the exact ``[role, name]`` list; ``credits_absent``: names that must not appear
- ``boilerplate_kinds``: exact kinds in order; ``tags``: exact tag list; ``headline``: exact
- ``agency``: the story's agency; ``text_contains`` / ``text_not_contains``: substrings
- inputs: ``published``, ``headline_given``, ``today`` (the date year inference runs on)
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wiretag.wire import parse_wire

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "wire"
STORIES = sorted(p for p in GOLDEN.glob("*.txt"))


def test_golden_corpus_is_large_enough() -> None:
    assert len(STORIES) >= 30
    for story in STORIES:
        assert story.with_suffix(".expected.json").is_file(), story.name


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("path", STORIES, ids=[p.stem for p in STORIES])
def test_wire_golden_story(path: Path) -> None:
    exp = _expected(path)
    raw = path.read_text("utf-8")
    result = parse_wire(
        raw,
        published=exp.get("published"),
        headline=exp.get("headline_given"),
        today=date.fromisoformat(exp["today"]),
    )
    if "dateline" in exp:
        if exp["dateline"] is None:
            assert result.dateline is None, result.dateline
        else:
            assert result.dateline is not None
            got = result.dateline
            for key, value in exp["dateline"].items():
                assert getattr(got, key) == value, (key, got)
            assert result.text[got.start:got.end] == got.text
    if "credits" in exp:
        assert [[c.role, c.name] for c in result.credits] == exp["credits"]
    for name in exp.get("credits_absent", []):
        assert name not in [c.name for c in result.credits]
    if "boilerplate_kinds" in exp:
        assert [b.kind for b in result.boilerplate] == exp["boilerplate_kinds"]
    for b in result.boilerplate:
        assert b.text not in result.text
    if "tags" in exp:
        assert result.tags == exp["tags"]
    if "headline" in exp:
        assert result.headline == exp["headline"]
    if "agency" in exp:
        assert result.agency == exp["agency"]
    for snippet in exp.get("text_contains", []):
        assert snippet in result.text
    for snippet in exp.get("text_not_contains", []):
        assert snippet not in result.text
    # credits and tags never stay in the text
    for credit in result.credits:
        assert credit.name not in result.text.splitlines()[-1]
    assert result.text == result.text.strip()
