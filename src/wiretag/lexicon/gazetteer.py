"""The packaged gazetteer, ``wiretag/data/ner_gazetteer.json`` (built by
``training/build_gazetteer.py``), and the table of usual written forms,
``wiretag/data/case_forms.txt.gz`` (built by ``training/build_case_table.py``): each read
once per process, on first use, and shared by the entity typer and the lexicons built on
them. Callers must not change them."""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources
from typing import Any

RESOURCE = "ner_gazetteer.json"
CASE_FORMS = "case_forms.txt.gz"


@functools.cache
def gazetteer() -> dict[str, Any]:
    """The gazetteer's lists by name ("gpe", "org", "company", "club", "venue", ...)."""
    # wiretag/data may be a namespace package (no __init__.py): read it by path.
    path = resources.files("wiretag") / "data" / RESOURCE
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@functools.cache
def case_forms() -> dict[str, str]:
    """How English text usually writes a word: lower-case word -> its most frequent form
    ("masoud" -> "Masoud", "nato" -> "NATO", "ceasefire" -> "ceasefire"), from
    ``wiretag/data/case_forms.txt.gz`` (built by ``training/build_case_table.py``).
    Read once per process, on first use. Callers must not change it."""
    path = resources.files("wiretag") / "data" / CASE_FORMS
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return {form.lower(): form for form in text.split()}
