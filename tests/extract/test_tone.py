"""Tone: GDELT-style shares of positive/negative words, polarity, negation."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from wiretag.document import Document
from wiretag.extract.tone import load_lexicon, score_tone, stage

# Sentences written for this test before the tone model was measured on them (35 of 36 had
# the expected class then; "unharmed" was added to news_overrides.tsv after).
POS = [
    "The two sides hailed the agreement as a historic breakthrough for the region.",
    "Rescuers pulled a girl alive from the rubble, to cheers from the crowd.",
    "The company reported record profits and raised its dividend.",
    "Doctors said the new treatment was safe and highly effective.",
    "Exports rebounded strongly, beating forecasts, in a boost to the economy.",
    "The minister praised volunteers for their courage and generosity.",
    "The team won the championship in front of a jubilant home crowd.",
    "Both leaders said the talks had been friendly and constructive.",
    "The hostages were freed unharmed and reunited with their families.",
    "Villagers celebrated as clean water reached their homes for the first time.",
    "The central bank said the recovery was gaining strength.",
    "The ceasefire has held and aid is flowing, the U.N. said, welcoming the progress.",
]
NEG = [
    "At least 40 people were killed and dozens wounded in the bombing.",
    "The opposition accused the government of fraud and corruption.",
    "Floods destroyed thousands of homes, leaving families without food or shelter.",
    "Shares slumped after the company warned of heavy losses and job cuts.",
    "The attack was condemned as a cruel and cowardly act of terror.",
    "Talks collapsed amid bitter recriminations and threats of war.",
    "Hospitals are overwhelmed and patients are dying, doctors warned.",
    "Police fired tear gas at angry protesters, injuring several.",
    "The report described widespread abuse, torture and neglect in the prisons.",
    "The economy fell into recession as unemployment rose sharply.",
    "He denied the charges and said the trial was unfair.",
    "The sides failed to reach an agreement and fighting resumed.",
]
NEU = [
    "The committee will meet on Tuesday to review the budget.",
    "The minister is due to visit Berlin and Paris next week.",
    "The company's annual general meeting will be held in June.",
    "Parliament has 450 seats, and a majority requires 226.",
    "The report is published every three months by the statistics office.",
    "The train leaves the capital at 8 a.m. and arrives in the afternoon.",
    "Voters will choose a new president in the election in March.",
    "The agency said it would publish the figures on Friday.",
    "The museum is open from Tuesday to Sunday.",
    "The delegation includes officials from the foreign and finance ministries.",
    "The bill will be debated in the upper house next month.",
    "The survey was conducted among 2,000 adults in October.",
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def test_tone_positive_sentence(nlp: spacy.language.Language) -> None:
    text = "The talks were a great success and both sides praised the breakthrough."
    tone = score_tone(nlp(text))
    assert tone.polarity > 0.5
    assert tone.positive > 0.2 and tone.negative == 0
    assert tone.words == 12


def test_tone_negative_sentence(nlp: spacy.language.Language) -> None:
    tone = score_tone(nlp("At least 12 people were killed and dozens wounded in the shelling."))
    assert tone.polarity < -0.5
    assert tone.negative > 0.2 and tone.positive == 0


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


def test_tone_labelled_sentences(nlp: spacy.language.Language) -> None:
    """Polarity class (>= 0.15 positive, <= -0.15 negative, else neutral) on 36 sentences."""
    wrong = []
    for label, sentences in (("pos", POS), ("neg", NEG), ("neu", NEU)):
        for sentence in sentences:
            polarity = score_tone(nlp(sentence)).polarity
            got = "pos" if polarity >= 0.15 else "neg" if polarity <= -0.15 else "neu"
            if got != label:
                wrong.append((label, got, polarity, sentence))
    assert len(wrong) <= 3, wrong
