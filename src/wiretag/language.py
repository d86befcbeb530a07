"""Language identification of a story's text, with py3langid (a maintained langid.py).

English stories go on to the NLP stages; others are reported with their language and left
unanalysed rather than mangled by an English pipeline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["MIN_LETTERS", "detect_language"]

#: below this many letters identification is a coin toss, so we say nothing
MIN_LETTERS = 20
#: below this normalised probability the guess is not worth reporting
MIN_PROBABILITY = 0.5

_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loaded on first use, not at import; the model is read-only so sharing it per process
    # cannot make results depend on how a batch was split.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when the text is
    too short (or too mixed) to tell."""
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(text)
    if float(prob) < MIN_PROBABILITY:
        return None
    return str(lang)
