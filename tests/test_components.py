"""The stages as spaCy components in a user's own pipeline, as the README promises."""

from __future__ import annotations

import spacy

import wiretag.extract.entities
import wiretag.extract.events
import wiretag.extract.quotes  # noqa: F401  (the imports register the factories)
from wiretag.nlp import BUNDLED_MODEL_PATH

TEXT = (
    "OSLO, March 3 (Reuters) - Norway accused the Faroe Islands of overfishing on Monday. "
    '"The quota they set is reckless," Fisheries Minister Kristian Moe told reporters.'
)


def test_components_run_inside_a_users_pipeline() -> None:
    nlp = spacy.load(BUNDLED_MODEL_PATH)
    for name in ("wiretag_entities_v1", "wiretag_quotes_v1", "wiretag_events_v1"):
        nlp.add_pipe(name)
    doc = nlp(TEXT)
    names = {e.name for e in doc._.wiretag_entities}
    assert {"Norway", "Kristian Moe"} <= names
    assert {q.kind for q in doc._.wiretag_quotes} == {"direct", "indirect"}
    assert any(e.type == "ACCUSE" for e in doc._.wiretag_events)
