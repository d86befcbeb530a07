"""Evaluation gate: the bundled backbone must not score below the recorded floors on our
pinned news check set (see tests/nlp/eval_gate.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _gate():
    spec = importlib.util.spec_from_file_location("wiretag_nlp_eval_gate", HERE / "eval_gate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_gate_baseline_matches_pinned_corpus():
    gate = _gate()
    base = json.loads(gate.BASELINE.read_text())
    assert base["sha256"] == gate.gold_sha256(), "news_ner_gold.jsonl changed: re-run --update"


def test_eval_gate_news_check_set_has_300_mentions():
    lines = (HERE / "news_ner_gold.jsonl").read_text("utf-8").splitlines()
    n = sum(len(json.loads(x)["entities"]) for x in lines if x.strip())
    assert n >= 300


def test_eval_gate_scores_above_floors():
    gate = _gate()
    floors = json.loads(gate.BASELINE.read_text())["floors"]
    scores = gate.current_scores()
    below = {
        k: (round(scores.get(k, 0.0), 4), f) for k, f in floors.items() if scores.get(k, 0.0) < f
    }
    if below:
        pytest.fail(f"NER scores fell below floors (score, floor): {below}")


def test_blind_gate_baseline_matches_pinned_sets():
    gate = _gate()
    base = json.loads(gate.BLIND_BASELINE.read_text())
    assert base["sets"] == gate.blind_sha256(), "a blind set changed: re-run --blind --update"


def test_blind_gate_scores_above_floors():
    """The blind news sets (scored, never tuned on) stay above their recorded floors."""
    gate = _gate()
    floors = json.loads(gate.BLIND_BASELINE.read_text())["floors"]
    scores = gate.blind_scores()
    assert set(floors) == set(scores)
    below = {k: (round(scores[k], 4), f) for k, f in floors.items() if scores[k] < f}
    if below:
        pytest.fail(f"blind-set scores fell below floors (score, floor): {below}")


@pytest.mark.shared
def test_corpus_gate_scores_above_floors(shared_dir: Path) -> None:
    """EWT test tags/trees, UNER-EWT test and held-out Wikigold NER stay above the floors
    recorded in corpus_baseline.json (needs ../shared/corpora)."""
    gate = _gate()
    floors = json.loads(gate.CORPUS_BASELINE.read_text())["floors"]
    scores = gate.corpus_scores(shared_dir / "corpora")
    assert set(floors) <= set(scores)
    below = {k: (round(scores[k], 4), f) for k, f in floors.items() if scores[k] < f}
    if below:
        pytest.fail(f"corpus scores fell below floors (score, floor): {below}")
