"""Property: whatever the input, every span wiretag reports satisfies
``text[start:end] == reported text`` and the output validates against the schema."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiretag.validate import check_document

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Pieces of wire copy that stress the stages: datelines, quote marks (balanced or not),
# titles, places spelt two ways, credits, boilerplate and tags.
FRAGMENTS = [
    "MOSCOW, Nov 21 (Reuters) - ",
    "WASHINGTON (AP) — ",
    "KYIV, Ukraine, Nov. 21 (Reuters) - ",
    "Russian Ambassador-at-Large Rodion Miroshnik told reporters in Moscow.",
    "“The current regime is toxic,” he said.",
    '"We will win," she said. "There is no doubt."',
    "« Nous allons gagner », a-t-il dit.",
    "The minister said the talks had failed.",
    "Ukraine accused Russia of shelling civilians on Tuesday.",
    "kyiv says it will continue fighting.",
    "Moscow denies the allegations.",
    "The International Criminal Court (ICC) issued a warrant.",
    "“An unclosed quote runs on",
    "He called it a “so-called” deal.",
    "According to officials, 12 people died.",
    "\n",
    "\n\n",
    "Reporting by Anna Smith; Editing by Tom Jones",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Gn En world",
    "’",
    "\"",
    "  ",
    "(Reuters)",
]


@pytest.fixture(scope="module")
def nlp(bundled_nlp: Any) -> Any:
    return bundled_nlp


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1,
                max_size=12))
def test_every_reported_span_matches_the_text(nlp: Any, parts: list[str]) -> None:
    from wiretag.errors import WiretagError
    from wiretag.pipeline import analyze_story
    from wiretag.story import Story

    text = " ".join(parts)
    try:
        document = analyze_story(Story(text=text), nlp)
    except WiretagError as err:
        # an empty story after boilerplate removal is a user error, reported with a code
        assert err.code == "W201"
        return
    data = document.to_dict()
    check_document(data)
    assert not [t for t in _span_texts(data) if t != t.strip()], "spans carry whitespace"


def _span_texts(data: dict[str, Any]) -> list[str]:
    """Every reported span's text: none should start or end with whitespace."""
    out = [m["text"] for e in data["entities"] for m in e["mentions"]]
    for q in data["quotes"]:
        out += [q["text"]] + [q[k]["text"] for k in ("speaker", "cue") if q[k]]
    for v in data["events"]:
        out += [v["trigger"]["text"]]
        out += [v[k]["text"] for k in ("source", "target", "location") if v[k]]
    out += [data["text"][s["start"] : s["end"]] for s in data["sentences"]]
    return out


def test_sample_corpus_spans_carry_no_surrounding_whitespace(nlp: Any) -> None:
    import json
    from importlib.resources import files

    from wiretag.pipeline import analyze_stream
    from wiretag.story import Story

    lines = files("wiretag").joinpath("samples/stories.jsonl").read_text("utf-8").splitlines()
    stories = [Story(text=json.loads(line)["text"]) for line in lines if line.strip()]
    for document in analyze_stream(stories, nlp):
        assert not isinstance(document, Exception)
        data = document.to_dict()
        bad = [t for t in _span_texts(data) if t != t.strip()]
        assert not bad, bad
