"""Tone: GDELT-style percentages of positive/negative words, polarity, negation."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from wiretag.document import Document
from wiretag.extract.tone import load_lexicon, score_tone, stage


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def test_tone_positive_sentence(nlp: spacy.language.Language) -> None:
    text = "The talks were a great success and both sides praised the breakthrough."
    tone = score_tone(nlp(text))
    assert tone.polarity > 0.5
    assert tone.positive > 20 and tone.negative == 0
    assert tone.words == 12


def test_tone_negative_sentence(nlp: spacy.language.Language) -> None:
    tone = score_tone(nlp("At least 12 people were killed and dozens wounded in the shelling."))
    assert tone.polarity < -0.5
    assert tone.negative > 20 and tone.positive == 0


def test_tone_neutral_sentence(nlp: spacy.language.Language) -> None:
    tone = score_tone(nlp("The committee will meet on Tuesday to review the budget."))
    assert tone.polarity == 0 and tone.positive == 0 and tone.negative == 0
    assert tone.words == 10


def test_tone_negation_flips_sign(nlp: spacy.language.Language) -> None:
    plain = score_tone(nlp("The plan is good."))
    negated = score_tone(nlp("The plan is not good."))
    assert plain.polarity > 0 > negated.polarity
    # dampened, as in VADER: "not good" is milder than "bad"
    assert abs(negated.polarity) < abs(score_tone(nlp("The plan is bad.")).polarity)


def test_tone_negation_stops_at_clause_break(nlp: spacy.language.Language) -> None:
    tone = score_tone(nlp("It was not over, and the result was good."))
    assert tone.polarity > 0


def test_tone_failure_verb_negates_following_agreement(nlp: spacy.language.Language) -> None:
    assert score_tone(nlp("The sides failed to reach agreement.")).polarity < 0
    assert score_tone(nlp("The sides reached agreement.")).polarity > 0


def test_tone_news_overrides_drop_market_words(nlp: spacy.language.Language) -> None:
    lexicon = load_lexicon()
    assert "party" not in lexicon and "shares" not in lexicon and "interest" not in lexicon
    assert lexicon["shelling"] < 0 and lexicon["killed"] < 0
    tone = score_tone(nlp("Shares in the party's credit arm rose on interest rate hopes."))
    assert tone.negative == 0


def test_tone_entity_tokens_carry_no_sentiment() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Hope", "Smith", "visited", "Liberty", "Bank", "."])
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="ORG")]
    tone = score_tone(doc)
    assert tone.positive == 0 and tone.polarity == 0
    assert tone.words == 5


def test_tone_empty_doc(nlp: spacy.language.Language) -> None:
    tone = score_tone(nlp("123 , 456"))
    assert (tone.polarity, tone.positive, tone.negative, tone.words) == (0.0, 0.0, 0.0, 0)


def test_tone_polarity_bounded(nlp: spacy.language.Language) -> None:
    text = " ".join(["great wonderful excellent"] * 50)
    assert 0.9 < score_tone(nlp(text)).polarity <= 1.0
    text = " ".join(["killed massacre catastrophe"] * 50)
    assert -1.0 <= score_tone(nlp(text)).polarity < -0.9


def test_tone_stage_fills_document(nlp: spacy.language.Language) -> None:
    text = "Floods killed 12 people."
    document = Document(id="x", text=text)
    stage(nlp(text), document)
    assert document.tone is not None and document.tone.polarity < 0
