"""The public API: ``wiretag.analyze`` and ``wiretag.analyze_many``.

Behaviour tests (ordering, errors in place, metadata, serialisation) run on a tiny spaCy
pipeline saved by the test with no extraction stages; ``test_api_bundled_model_document``
runs the bundled model with every registered stage and validates the whole output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import check_document

import wiretag
from wiretag import pipeline
from wiretag.document import Document
from wiretag.errors import WiretagError
from wiretag.nlp import BUNDLED_MODEL_PATH
from wiretag.story import Story

TODAY = date(2026, 11, 25)
STORY = (
    "ANKARA, Oct 17 (Reuters) - Turkey's central bank raised its main interest rate on "
    "Tuesday, its fifth straight increase, as policymakers try to tame inflation.\n"
    "\"Monetary tightening will be maintained as long as needed,\" the bank said.\n"
    "Reporting by Ezgi Aydin; Editing by Daniel Walsh\n"
    "Our Standards: The Thomson Reuters Trust Principles.\n"
)


@pytest.fixture
def no_stages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(pipeline, "STAGES", [])
    yield


@pytest.mark.usefixtures("no_stages")
def test_api_analyze_returns_serialisable_document(
    tiny_model: str, wiretag_schema: dict[str, Any]
) -> None:
    doc = wiretag.analyze(STORY, model=tiny_model, today=TODAY)
    assert isinstance(doc, Document)
    data = json.loads(doc.to_json())
    check_document(data, wiretag_schema)
    assert data["schema"] == "wiretag/1"
    assert data["dateline"]["date"] == "2023-10-17" and data["dateline"]["year_inferred"]
    assert [b["kind"] for b in data["boilerplate"]] == ["standards"]
    assert data["sentences"] and data["text"].startswith("ANKARA")
    assert Document.from_dict(data) == doc


@pytest.mark.usefixtures("no_stages")
def test_api_analyze_metadata(tiny_model: str) -> None:
    doc = wiretag.analyze(STORY, model=tiny_model, today=TODAY, id="rec-9",
                          headline="Turkey raises rates", url="https://x.example/9",
                          published="2024-10-17T08:00:00Z")
    assert doc.input.id == "rec-9" and doc.headline == "Turkey raises rates"
    assert doc.source.url == "https://x.example/9"
    # the publication date's year wins over inference from the weekday
    assert doc.dateline is not None and doc.dateline.date == "2024-10-17"
    # a BCP 47 language tag from the input becomes the ISO 639-1 code of the contract
    assert wiretag.analyze(STORY, model=tiny_model, language="en-GB").language == "en"


def test_api_analyze_accepts_a_record_or_a_story(tiny_model: str) -> None:
    """The same inputs analyze_many takes: a JSON Lines-shaped record or a Story."""
    record = {"text": STORY, "id": "rec-1", "headline": "Turkey raises rates"}
    doc = wiretag.analyze(record, model=tiny_model, today=TODAY)
    assert doc.input.id == "rec-1" and doc.headline == "Turkey raises rates"
    # keywords override the record's own fields
    assert wiretag.analyze(record, model=tiny_model, id="rec-2").input.id == "rec-2"
    story = Story(text=STORY, headline="From a Story")
    assert wiretag.analyze(story, model=tiny_model).headline == "From a Story"
    with pytest.raises(WiretagError) as err:
        wiretag.analyze({"headline": "no text"}, model=tiny_model)
    assert err.value.code == "W108"
    with pytest.raises(TypeError):
        wiretag.analyze(story, model=tiny_model, id="x")


@pytest.mark.usefixtures("no_stages")
def test_api_analyze_many_order_and_errors_in_place(tiny_model: str) -> None:
    items: list[str | dict[str, Any] | Story] = [
        STORY,
        {"id": "no-text", "headline": "x"},
        Story(text="PARIS (AFP) - Ministers met on Monday to discuss the budget.", id="s3"),
        {"id": "bad-type", "text": 5},
        Story(text="Our Standards: The Thomson Reuters Trust Principles.\n", id="only-furniture"),
        {"id": "last", "text": "BEIJING — Exports fell for a sixth month, data showed."},
    ]
    results = list(wiretag.analyze_many(items, model=tiny_model, today=TODAY, batch_size=2))
    kinds = [r.code if isinstance(r, WiretagError) else r.input.id for r in results]
    assert kinds == [None, "W108", "s3", "W109", "W201", "last"]


@pytest.mark.usefixtures("no_stages")
def test_api_analyze_many_is_lazy(tiny_model: str) -> None:
    seen: list[int] = []

    def stories() -> Iterator[str]:
        for i in range(100):
            seen.append(i)
            yield f"PARIS (AFP) - Story number {i} was filed on Monday by the desk."

    stream = wiretag.analyze_many(stories(), model=tiny_model, batch_size=4)
    first = next(iter(stream))
    assert isinstance(first, Document)
    assert len(seen) < 100


def _broken_stage(doc: object, document: object) -> None:
    raise KeyError("a bug")


def test_api_internal_failure_is_w299_in_place(
    tiny_model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "STAGES", [("broken", f"{__name__}:_broken_stage")])
    results = list(wiretag.analyze_many([STORY, STORY], model=tiny_model))
    assert [r.code for r in results if isinstance(r, WiretagError)] == ["W299", "W299"]
    with pytest.raises(WiretagError) as info:
        wiretag.analyze(STORY, model=tiny_model)
    assert info.value.code == "W299" and "broken" in info.value.message


def test_api_unknown_model_is_w301(tmp_path: Path) -> None:
    with pytest.raises(WiretagError) as info:
        wiretag.analyze(STORY, model=str(tmp_path / "nothing-here"))
    assert info.value.code == "W301"


@pytest.mark.skipif(not (BUNDLED_MODEL_PATH / "config.cfg").is_file(),
                    reason="the bundled model has not been trained into this checkout")
def test_api_bundled_model_document(wiretag_schema: dict[str, Any]) -> None:
    doc = wiretag.analyze(STORY, today=TODAY)
    check_document(doc.to_dict(), wiretag_schema)
    assert doc.language == "en" and doc.sentences
    assert doc.dateline is not None and doc.dateline.place == "Ankara"
