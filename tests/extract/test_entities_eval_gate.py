"""Evaluation gate: entity scores on our golden stories must not fall below their floors.

The floors in ``entities_baseline.json`` are the measured scores minus a small margin, with
the SHA-256 of the golden corpus they were measured on. ``floors`` score on the gold mention
spans, so they measure merging, titles and geocoding separately from the NER model;
``end_to_end.floors`` score on the bundled backbone's own spans (a wider margin, since the
backbone is retrained), so span repair and the missed-mention search are gated too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretag.evaluation import corpus_hash as corpus_sha256
from wiretag.evaluation.entities import evaluate

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent / "golden" / "entities"
BASELINE = HERE / "entities_baseline.json"



@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return evaluate(GOLDEN).summary()


def test_golden_corpus_is_the_one_the_floors_were_measured_on() -> None:
    baseline = json.loads(BASELINE.read_text("utf-8"))
    assert baseline["corpus_sha256"] == corpus_sha256(GOLDEN), (
        "golden stories changed: re-measure and update entities_baseline.json")


def test_golden_corpus_size() -> None:
    result = evaluate(GOLDEN)
    assert result.stories >= 30
    assert result.place_mentions >= 200
    assert result.named_mentions >= 150


@pytest.mark.parametrize("metric", ["geo_accuracy_161km", "geo_null_accuracy",
                                    "merge_precision", "merge_recall", "title_accuracy",
                                    "country_accuracy"])
def test_score_above_floor(scores: dict[str, float], metric: str) -> None:
    floors = json.loads(BASELINE.read_text("utf-8"))["floors"]
    assert scores[metric] >= floors[metric], (metric, scores[metric], floors[metric])


END_TO_END_METRICS = ["geo_accuracy_161km", "geo_null_accuracy", "merge_precision",
                      "merge_recall", "title_accuracy", "country_accuracy"]


@pytest.fixture(scope="module")
def end_to_end() -> dict[str, float]:
    from wiretag.nlp import BUNDLED_MODEL_PATH

    if not (BUNDLED_MODEL_PATH / "config.cfg").is_file():
        pytest.skip("the bundled backbone is not built in this checkout")
    return evaluate(GOLDEN, model="bundled").summary()


@pytest.mark.parametrize("metric", END_TO_END_METRICS)
def test_end_to_end_score_above_floor(end_to_end: dict[str, float], metric: str) -> None:
    floors = json.loads(BASELINE.read_text("utf-8"))["end_to_end"]["floors"]
    assert end_to_end[metric] >= floors[metric], (metric, end_to_end[metric], floors[metric])


def test_targets_met(scores: dict[str, float]) -> None:
    # The targets, independent of what we happen to measure today.
    assert scores["geo_accuracy_161km"] >= 0.93
    assert scores["merge_precision"] >= 0.95
