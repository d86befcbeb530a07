"""The packaged gazetteer, ``wiretag/data/ner_gazetteer.json`` (built by
``training/build_gazetteer.py``): read once per process and shared by the entity typer
and the lexicons built on it. Callers must not change it."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

RESOURCE = "ner_gazetteer.json"


@functools.cache
def gazetteer() -> dict[str, Any]:
    """The gazetteer's lists by name ("gpe", "org", "company", "club", "venue", ...)."""
    # wiretag/data may be a namespace package (no __init__.py): read it by path.
    path = resources.files("wiretag") / "data" / RESOURCE
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data
