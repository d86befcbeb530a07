"""The source checkout an editable install runs from: where the training recipes
(``training/``) and the golden stories (``tests/golden/``) live."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from wiretag.errors import WiretagError

#: the source checkout this wiretag was installed from (editable installs), if any
CHECKOUT = Path(__file__).resolve().parents[2]


def checkout_module(name: str) -> ModuleType:
    """Import a module from the source checkout (``training.*``), or explain why not."""
    if not (CHECKOUT / "training" / "train.py").is_file():
        raise WiretagError(
            "W304",
            "the training and evaluation recipes ship with the source checkout, not the wheel",
            hint="Clone the wiretag repository and run this from an editable install "
            "(pip install -e .).",
        )
    if str(CHECKOUT) not in sys.path:
        sys.path.insert(0, str(CHECKOUT))
    return importlib.import_module(name)


def golden_dir(name: str) -> Path:
    """``tests/golden/<name>`` of the checkout, or a W304 error."""
    folder = CHECKOUT / "tests" / "golden" / name
    if not folder.is_dir():
        raise WiretagError(
            "W304", f"golden stories for {name} not found at {folder}",
            hint="Run from an editable install of the source checkout.",
        )
    return folder
