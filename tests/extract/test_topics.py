"""Topics: IPTC Media Topics from weighted cues, plus the evaluation gate on golden stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from wiretag.document import Dateline, Document
from wiretag.evaluation.topics import DEFAULT_GOLDEN, corpus_sha256, evaluate, load_golden
from wiretag.extract.topics import (
    _forms,
    classify_topics,
    load_topic_lexicon,
    score_topics,
    stage,
)

BASELINE = Path(__file__).with_name("topics_baseline.json")

#: IPTC's codes and English labels for the 17 top-level Media Topics
TOP_LEVEL = {
    "01000000": "arts, culture, entertainment and media",
    "02000000": "crime, law and justice",
    "03000000": "disaster, accident and emergency incident",
    "04000000": "economy, business and finance",
    "05000000": "education",
    "06000000": "environment",
    "07000000": "health",
    "08000000": "human interest",
    "09000000": "labour",
    "10000000": "lifestyle and leisure",
    "11000000": "politics",
    "12000000": "religion",
    "13000000": "science and technology",
    "14000000": "society",
    "15000000": "sport",
    "16000000": "conflict, war and peace",
    "17000000": "weather",
}


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def codes(doc: Doc, document: Document | None = None) -> list[str]:
    return [t.code for t in classify_topics(doc, document)]


def test_topics_scheme_has_all_top_level_codes_and_labels() -> None:
    topics = load_topic_lexicon().topics
    assert {c: t.label for c, t in topics.items() if t.parent is None} == TOP_LEVEL
    for code, term in topics.items():
        if term.parent is not None:
            assert term.parent in TOP_LEVEL and code[:2] == term.parent[:2], code


def test_topics_every_topic_has_cues() -> None:
    lex = load_topic_lexicon()
    with_cues = {code for entries in lex.index.values() for _w, code, _wt in entries}
    assert with_cues == set(lex.topics)


def test_topics_forms_cover_inflections() -> None:
    assert "election" in _forms("elections")
    assert "casualty" in _forms("casualties")
    assert "stab" in _forms("stabbed")
    assert "kidnap" in _forms("kidnapping")
    assert "evacuate" in _forms("evacuating")


def test_topics_conflict_story(nlp: spacy.language.Language) -> None:
    text = (
        "KYIV, May 2 - Russian troops shelled the frontline town overnight and Ukrainian "
        "forces repelled an assault by infantry backed by tanks, the military said."
    )
    topics = classify_topics(nlp(text))
    assert topics[0].code == "16000000"
    assert topics[0].label == "conflict, war and peace"
    assert "16002000" in [t.code for t in topics]  # armed conflict: strong evidence
    assert all(0.0 <= t.score <= 1.0 and t.scheme == "iptc-mediatopic" for t in topics)


def test_topics_sport_story(nlp: spacy.language.Language) -> None:
    text = "The striker scored twice as the champions beat their rivals 3-1 in the league."
    assert codes(nlp(text)) == ["15000000"]


def test_topics_multiword_cue(nlp: spacy.language.Language) -> None:
    text = "The central bank kept its interest rate on hold as inflation eased."
    assert codes(nlp(text))[0] == "04000000"


def test_topics_nothing_clear_gives_empty_list(nlp: spacy.language.Language) -> None:
    assert classify_topics(nlp("The committee will meet on Tuesday.")) == []
    assert classify_topics(nlp("")) == []


def test_topics_headline_counts(nlp: spacy.language.Language) -> None:
    text = "Officials said the toll could rise."
    assert codes(nlp(text)) == []
    document = Document(id="x", text=text, headline="Earthquake kills dozens in mountain villages")
    assert codes(nlp(text), document) == ["03000000"]


def test_topics_dateline_words_are_not_evidence(nlp: spacy.language.Language) -> None:
    text = "WEATHERFORD, June 3 - The council approved the new road plan on Monday."
    dateline = Dateline(text="WEATHERFORD, June 3", start=0, end=19)
    document = Document(id="x", text=text, dateline=dateline)
    assert "17000000" not in codes(nlp(text), document)


def test_topics_person_names_are_not_evidence() -> None:
    vocab = spacy.blank("en").vocab
    words = ["Prince", "Church", "met", "Pope", "Church", "and", "Bishop", "Temple", "today", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "PERSON"), Span(doc, 6, 8, "PERSON")]
    assert "12000000" not in codes(doc)
    assert "12000000" in codes(Doc(vocab, words=words))


def test_topics_top_limits_top_level(nlp: spacy.language.Language) -> None:
    text = (
        "Police arrested protesters as the election campaign turned violent, and the central "
        "bank said inflation would hit the economy, while floods and an earthquake killed dozens."
    )
    top_level = [t for t in classify_topics(nlp(text), top=2) if t.code.endswith("000000")]
    assert len(top_level) <= 2


def test_topics_score_topics_pure() -> None:
    body = [(_forms(w), 1.0) for w in ("the", "tournament", "final", "went", "to", "extra", "time")]
    raw = score_topics(body)
    assert max(raw, key=raw.__getitem__) == "15000000"
    # repeats count less each time: 1 + 1/2 + 1/3
    once = score_topics([(_forms("tournament"), 1.0)])["15000000"]
    thrice = score_topics([(_forms("tournament"), 1.0)] * 3)["15000000"]
    assert thrice == pytest.approx(once * (1 + 1 / 2 + 1 / 3))


def test_topics_stage_fills_document(nlp: spacy.language.Language) -> None:
    text = "The vaccine cut malaria infections among patients in the hospital trial."
    document = Document(id="x", text=text)
    stage(nlp(text), document)
    assert document.topics and document.topics[0].code == "07000000"


def test_topics_evaluation_gate(nlp: spacy.language.Language) -> None:
    """Micro P/R/F1 on the golden stories must not fall below the recorded floors."""
    baseline = json.loads(BASELINE.read_text("utf-8"))
    assert corpus_sha256(DEFAULT_GOLDEN) == baseline["corpus_sha256"], (
        "tests/golden/topics changed: re-measure with `python -m wiretag.evaluation.topics "
        "--blank` and update topics_baseline.json (never lower a floor to pass)"
    )
    stories = load_golden(DEFAULT_GOLDEN)
    assert len(stories) >= 60
    scores = evaluate(stories, nlp)
    floors = baseline["floors"]
    assert scores.precision >= floors["precision"], scores.errors
    assert scores.recall >= floors["recall"], scores.errors
    assert scores.f1 >= floors["f1"], scores.errors


def test_topics_and_tone_in_analyzed_document() -> None:
    """End to end with the bundled backbone: both stages run and the document validates."""
    import wiretag
    from wiretag.errors import WiretagError
    from wiretag.validate import check_document

    text = (
        "KHARTOUM, Oct 3 - Air strikes pounded districts of the capital on Tuesday as the army "
        "widened its offensive against the paramilitary force, residents said. Smoke rose over "
        "the city centre and hundreds of families fled on foot, and aid agencies warned that "
        "hospitals had run out of medicine."
    )
    try:
        document = wiretag.analyze(text, headline="Air strikes pound city as offensive widens")
    except WiretagError as err:
        if err.code == "W303":
            pytest.skip("bundled model not built")
        raise
    assert document.topics and document.topics[0].code == "16000000"
    assert document.tone is not None and document.tone.polarity < 0
    assert document.tone.words > 30
    check_document(document.to_dict())


def test_topics_zero_weight_phrase_blocks_shorter_cue(nlp: spacy.language.Language) -> None:
    # "civil defence" is an emergency service, not conflict's "defence";
    # "European Union" is not labour's "union"
    raw = score_topics([(_forms(w), 1.0) for w in ("civil", "defence", "agency")])
    assert "16000000" not in raw
    assert "16000000" in score_topics([(_forms("defence"), 1.0)])
    text = "The European Union proposed new rules for companies, the commission said."
    assert "09000000" not in codes(nlp(text))
