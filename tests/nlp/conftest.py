"""Fixtures shared by the NLP tests."""

from __future__ import annotations

import pytest
import spacy

import wiretag.nlp  # noqa: F401  (registers the factories)
from wiretag.nlp.tokenizer import news_tokenizer


@pytest.fixture(scope="session")
def blank_typer():
    """A blank English pipeline with the news tokenizer and ``wiretag_entity_types_v1``
    only: the typer on hand-built Docs, no trained model needed."""
    nlp = spacy.blank("en")
    nlp.tokenizer = news_tokenizer(nlp)
    nlp.add_pipe("wiretag_entity_types_v1")
    return nlp


@pytest.fixture(scope="session")
def blank(blank_typer):
    """``blank_typer`` under the short name the typer's tests use."""
    return blank_typer
