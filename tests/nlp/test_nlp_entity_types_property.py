"""Property: whatever entities a model hands the entity-type rules (``--model`` accepts
any spaCy pipeline), the rules never fail and never set a span of spaces, punctuation
or overlapping spans. A random 3,000-Doc run of this shape found two crashes: a grown
organisation over a name found beside it (E1010) and a span over a line break."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from wiretag.nlp.sports import HEADLINE_KEY

COPY = (
    "SOCCER - LEEDS HOLD NEWCASTLE . LONDON 1996-08-24 Leeds 1 Newcastle 0 Manchester United "
    "College of Business Administration University of Texas Austin , Texas Bank of England "
    "Governor Andrew Bailey said on Monday the The for in at Chelsea Clinton Old Trafford "
    "Ferrari Vladimir Putin PUTIN Kyiv kyiv Russian Ukrainian President Volodymyr Zelenskiy "
    "( ICC ) International Criminal Court Sheikh Hasina Reuters \" 's Mr. Association Group "
    "Stadium Airport Street Frenchman Carlos Alcaraz John SMITH world bank van der al- bin "
    "Abu -- : 12 3-1 Australia beat Sampras c Smith b Donald not out Party National RALLY "
    "Real Madrid Barcelona Paris Jordan Thompson Morgan Stanley Georgia Tech \n"
)
WORDS = COPY.split(" ")
TAGS = ["NNP", "NNPS", "NN", "VBD", "VBZ", "IN", "DT", "JJ"]


@st.composite
def model_docs(draw, nlp):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    case = draw(st.sampled_from([str, str.upper, str.lower]))
    doc = nlp.make_doc(case(" ".join(words)))
    for tok in doc:
        tok.tag_ = draw(st.sampled_from(TAGS))
    ents, i = [], 0
    while i < len(doc):
        if draw(st.booleans()):
            end = min(len(doc), i + draw(st.integers(1, 4)))
            ents.append(Span(doc, i, end, label=draw(st.sampled_from(["PERSON", "ORG", "LOC"]))))
            i = end
        else:
            i += 1
    doc.ents = ents
    if draw(st.booleans()):
        doc.user_data[HEADLINE_KEY] = "SOCCER - " + case(" ".join(words[:4])).upper()
    return doc


@pytest.fixture(scope="module")
def typer(blank_typer):
    return blank_typer.get_pipe("wiretag_entity_types_v1")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_entity_type_rules_take_any_model_entities(blank_typer, typer, data) -> None:
    doc = data.draw(model_docs(blank_typer))
    note(repr((doc.text, [(e.start, e.end, e.label_) for e in doc.ents], doc.user_data)))
    out = typer(doc)
    taken: set[int] = set()
    for ent in out.ents:
        assert out.text[ent.start_char : ent.end_char] == ent.text
        assert ent.text.strip() == ent.text and any(ch.isalnum() for ch in ent.text)
        assert ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
        assert not taken & set(range(ent.start, ent.end))
        taken |= set(range(ent.start, ent.end))
