"""The shared Reuters example through the whole pipeline (bundled model, every stage).

Checked only when ``../shared`` sits beside the checkout. The wire-structure fields are
the acceptance criteria of issue 2; the model-dependent parts are only validated against
the schema and the span rule, never pinned to exact output.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import check_document

import wiretag
from wiretag.nlp import BUNDLED_MODEL_PATH

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (BUNDLED_MODEL_PATH / "config.cfg").is_file(),
                       reason="the bundled model has not been trained into this checkout"),
]


@pytest.fixture(scope="module")
def moscow(shared_dir: Path) -> dict[str, Any]:
    text = (shared_dir / "examples" / "wire-moscow-miroshnik.txt").read_text("utf-8")
    return wiretag.analyze(text, today=date(2026, 11, 25)).to_dict()


def test_example_story_valid_document(moscow: dict[str, Any],
                                      wiretag_schema: dict[str, Any]) -> None:
    check_document(moscow, wiretag_schema)
    assert moscow["language"] == "en"
    assert moscow["sentences"]


def test_example_story_wire_structure(moscow: dict[str, Any]) -> None:
    dl = moscow["dateline"]
    assert (dl["place"], dl["agency"], dl["date"], dl["date_precision"], dl["year_inferred"]) == (
        "Moscow", "Reuters", "2023-11-21", "day", True)
    assert moscow["text"][dl["start"]:dl["end"]] == dl["text"] == "MOSCOW, Nov 21 (Reuters)"
    assert moscow["source"]["agency"] == "Reuters"
    assert moscow["credits"] == [
        {"role": "editing", "name": "Guy Faulconbridge"},
        {"role": "editing", "name": "Gareth Jones"},
        {"role": "editing", "name": "Timothy Heritage"},
    ]
    assert moscow["tags"] == ["Gn", "En", "world"]
    assert [b["kind"] for b in moscow["boilerplate"]] == ["standards"]
    assert moscow["boilerplate"][0]["text"].startswith("Our Standards")
    text = moscow["text"]
    assert "Our Standards" not in text and "Faulconbridge" not in text
    assert text.endswith("continue to support Ukraine.")
