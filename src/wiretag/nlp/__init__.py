"""The NLP backbone: the bundled English news pipeline, or any installed spaCy pipeline.

``load_backbone()`` loads lazily and caches per process. Importing this package only
registers the tokenizer and wiretag's components (sentence guard, lemma exceptions, entity
types) with spaCy's registries, which loading the bundled pipeline needs; it loads nothing.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from wiretag.nlp import entity_types as _entity_types  # noqa: F401  (registers factory)
from wiretag.nlp import lemmas as _lemmas  # noqa: F401  (registers the lemma exceptions)
from wiretag.nlp import sentences as _sentences  # noqa: F401  (registers the sentence guard)
from wiretag.nlp import tokenizer as _tokenizer  # noqa: F401  (registers tokenizer)

if TYPE_CHECKING:
    from spacy.language import Language

#: Where the pipeline produced by ``training/train.py`` is shipped.
BUNDLED_MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "en_wiretag_news"

__all__ = ["BUNDLED_MODEL_PATH", "load_backbone"]


@lru_cache(maxsize=8)
def load_backbone(name: str | None = None) -> Language:
    """Return the spaCy pipeline named ``name``; ``None`` is the bundled news pipeline.

    ``name`` may be an installed pipeline package ("en_core_web_sm") or a path to a
    pipeline directory. Raises ``WiretagError`` W301 when it cannot be found and W303
    when the bundled pipeline is missing from the installation.
    """
    import spacy

    from wiretag.errors import WiretagError

    if name is None:
        if not (BUNDLED_MODEL_PATH / "config.cfg").is_file():
            raise WiretagError(
                "W303",
                "the bundled NLP pipeline is missing from the installation",
                path=str(BUNDLED_MODEL_PATH),
            )
        return spacy.load(BUNDLED_MODEL_PATH)
    try:
        return spacy.load(name)
    except OSError as exc:  # spaCy raises OSError (E050) for unknown names and paths
        raise WiretagError(
            "W301",
            f"spaCy pipeline {name!r} is not installed and is not a pipeline directory",
            hint="Install the pipeline package (pip install ...), or omit --model "
            "to use the bundled one.",
        ) from exc
