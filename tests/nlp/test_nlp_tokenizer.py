"""News tokenizer rules (no trained model needed)."""

from __future__ import annotations

import pytest
import spacy

from wiretag.nlp.tokenizer import news_tokenizer


@pytest.fixture(scope="module")
def tok():
    nlp = spacy.blank("en")
    nlp.tokenizer = news_tokenizer(nlp)
    return nlp.tokenizer


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "MOSCOW, Nov 21 (Reuters) – Russia",
            ["MOSCOW", ",", "Nov", "21", "(", "Reuters", ")", "–", "Russia"],
        ),
        ("U.S. forces", ["U.S.", "forces"]),
        (
            "Russian Ambassador-at-Large Rodion Miroshnik",
            ["Russian", "Ambassador-at-Large", "Rodion", "Miroshnik"],
        ),
        (
            "U.N. Secretary-General Antonio Guterres,",
            ["U.N.", "Secretary-General", "Antonio", "Guterres", ","],
        ),
        ("the commander-in-chief.", ["the", "commander-in-chief", "."]),
        ("“regime” in Kiev", ["“", "regime", "”", "in", "Kiev"]),
        ("Miroshnik’s post", ["Miroshnik", "’s", "post"]),
        ("Kiev—and", ["Kiev", "—", "and"]),
        ("Russia-backed eastern Ukraine", ["Russia", "-", "backed", "eastern", "Ukraine"]),
        ("WASHINGTON (AP) —", ["WASHINGTON", "(", "AP", ")", "—"]),
        ("Gen. Smith and Sen. Jones", ["Gen.", "Smith", "and", "Sen.", "Jones"]),
        ("Wow!!! Really?!", ["Wow", "!!!", "Really", "?!"]),
        ("*****", ["*****"]),
        ("=== Newsfeed ===", ["===", "Newsfeed", "==="]),
        ("---- Original Message ----", ["----", "Original", "Message", "----"]),
        ("Kyiv -- Russia", ["Kyiv", "--", "Russia"]),
        ("cost $5!", ["cost", "$", "5", "!"]),
        # copy that lost its case keeps its initialisms whole
        ("the u.s. and the u.n. said", ["the", "u.s.", "and", "the", "u.n.", "said"]),
        ("in the u.k.", ["in", "the", "u.k."]),
    ],
)
def test_news_tokenizer_splits(tok, text, tokens):
    assert [t.text for t in tok(text)] == tokens


def test_news_tokenizer_survives_serialisation(tok):
    nlp = spacy.blank("en")
    nlp.tokenizer.from_bytes(tok.to_bytes())
    assert "Ambassador-at-Large" in [t.text for t in nlp("Ambassador-at-Large Miroshnik")]


def test_bundled_model_carries_the_current_rules():
    """The tokenizer is serialised into the model: retraining must not ship stale rules."""
    from wiretag.nlp import load_backbone

    nlp = load_backbone()
    for text in ["Ambassador-at-Large Miroshnik!!!", "===== Kyiv =====", "the u.s. said"]:
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in tok_of(text)]


def tok_of(text):
    nlp = spacy.blank("en")
    nlp.tokenizer = news_tokenizer(nlp)
    return nlp.tokenizer(text)
