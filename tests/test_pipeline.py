"""The orchestrator: sentences as reported, stage order, per-story failure isolation."""

from __future__ import annotations

from typing import Any

import pytest

from wiretag.pipeline import STAGES, analyze_story, analyze_stream
from wiretag.story import Story

STORY = (
    "OSLO, March 3 (Reuters) - Norway accused the Faroe Islands of overfishing on Monday.\n\n"
    "\"The quota they set is reckless,\" Fisheries Minister Kristian Moe told reporters.\n\n"
    "The Faroese government denied the accusation.\n"
)


@pytest.fixture(scope="module")
def nlp(bundled_nlp: Any) -> Any:
    return bundled_nlp


def test_pipeline_sentences_hold_text_and_no_surrounding_whitespace(nlp: Any) -> None:
    document = analyze_story(Story(text=STORY), nlp)
    assert len(document.sentences) == 3
    for s in document.sentences:
        chunk = document.text[s.start : s.end]
        assert chunk and chunk == chunk.strip()


def test_pipeline_event_sentence_index_points_at_its_trigger(nlp: Any) -> None:
    document = analyze_story(Story(text=STORY), nlp)
    assert document.events
    for event in document.events:
        sent = document.sentences[event.sentence]
        assert sent.start <= event.trigger.start < event.trigger.end <= sent.end


def test_pipeline_stage_order_is_the_data_flow() -> None:
    assert [name for name, _ in STAGES] == ["entities", "quotes", "events", "topics", "tone"]


def test_pipeline_a_failing_stage_fails_one_story_not_the_stream(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wiretag import pipeline
    from wiretag.errors import WiretagError

    def broken(doc: Any, document: Any) -> None:
        if "BOOM" in document.text:
            raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "load_stages", lambda names=None: [("broken", broken)])
    stories = [Story(text=STORY), Story(text=STORY.replace("Monday", "BOOM")), Story(text=STORY)]
    out = list(analyze_stream(stories, nlp))
    assert [type(x).__name__ for x in out] == ["Document", "WiretagError", "Document"]
    err = out[1]
    assert isinstance(err, WiretagError) and err.code == "W299"


def test_pipeline_a_story_over_the_backbone_limit_is_w203_and_the_stream_goes_on(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wiretag.errors import WiretagError

    monkeypatch.setattr(nlp, "max_length", len(STORY) + 10)
    long_story = Story(text=STORY + "More talks are planned. " * 5, path="long.txt")
    out = list(analyze_stream([Story(text=STORY), long_story, Story(text=STORY)], nlp))
    assert [type(x).__name__ for x in out] == ["Document", "WiretagError", "Document"]
    err = out[1]
    assert isinstance(err, WiretagError) and err.code == "W203"
    assert "long.txt" in str(err) and f"{len(STORY) + 10:,}" in str(err)
    with pytest.raises(WiretagError) as info:
        analyze_story(long_story, nlp)
    assert info.value.code == "W203"


def test_pipeline_a_story_far_over_the_limit_fails_before_the_wire_parser(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 50 MB text used to spend seconds and ~600 MB in the wire parser before W203."""
    from wiretag import pipeline
    from wiretag.errors import WiretagError

    prepared: list[str] = []
    real_prepare = pipeline.prepare

    def spy(story: Story, **kwargs: Any) -> Any:
        prepared.append(story.text[:10])
        return real_prepare(story, **kwargs)

    monkeypatch.setattr(pipeline, "prepare", spy)
    monkeypatch.setattr(nlp, "max_length", len(STORY) + 10)
    huge = Story(text=STORY * 3, path="huge.txt", line=7)
    out = list(analyze_stream([huge, Story(text=STORY)], nlp))
    assert [type(x).__name__ for x in out] == ["WiretagError", "Document"]
    assert isinstance(out[0], WiretagError) and out[0].code == "W203"
    assert "huge.txt" in str(out[0]) and len(prepared) == 1  # only the good story
    with pytest.raises(WiretagError) as info:
        analyze_story(huge, nlp)
    assert info.value.code == "W203" and len(prepared) == 1


SPORTS = (
    "SOCCER - LEEDS HOLD NEWCASTLE.\nLONDON 1996-08-30\n"
    "Leeds United held Newcastle 1-1 on Saturday, coach Howard Wilkinson said.\n"
)


def test_pipeline_the_headline_slug_still_marks_sports_copy(nlp: Any) -> None:
    # the wire parser takes the headline out of the text; its slug still tells the
    # backbone the towns that play are clubs, in both entry points
    for document in (
        analyze_story(Story(text=SPORTS), nlp),
        next(iter(analyze_stream([Story(text=SPORTS)], nlp))),
    ):
        assert document.headline == "SOCCER - LEEDS HOLD NEWCASTLE."
        names = {(e.type, e.name) for e in document.entities}
        assert ("ORG", "Newcastle United") in names and ("ORG", "Leeds United") in names


def test_pipeline_a_town_named_like_a_club_stays_the_town_outside_sports(nlp: Any) -> None:
    document = analyze_story(Story(text="Leeds council met on Monday in Leeds."), nlp)
    assert "Leeds United" not in {e.name for e in document.entities}
